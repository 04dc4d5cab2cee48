"""Where the dev half of ``gold/framing_news.json`` loses its statement -> event links.

Analyses the ``dev`` articles only (the held-out half is neither analysed nor read) and,
for each gold link dyad misses, says whether the statement is missing (no quote stands
for it), the event (no event of its type in its sentence; of those, how many sentences
have a dyad event of another type), both, or both are there and
not linked — then with what the linker had to go on: the speaker's actor, the event's
sides, how far apart they are. Links dyad made that the gold lacks are listed too.

    PYTHONPATH=src python scripts/framing_dev_breakdown.py [--quiet]
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from dyad.eval.events import _corpus_articles, _shared_path
from dyad.eval.framing import _match_events, _match_statements
from dyad.model import Analysis, Event, Quote
from dyad.nlp import load_nlp
from dyad.pipeline import analyze_articles

GOLD = Path(__file__).resolve().parent.parent / "gold" / "framing_news.json"
SHOWN = 80  # characters of a statement or sentence shown


def main(quiet: bool) -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    events_gold = json.loads((GOLD.parent / gold["events"]).read_text(encoding="utf-8"))
    statements: dict[str, list[dict]] = defaultdict(list)
    for item in gold["items"]:
        if item.get("split") == "dev":
            statements[item["file"]].append(item)
    sentences: dict[str, list[dict]] = defaultdict(list)
    for item in events_gold["items"]:
        if item["file"] in statements:
            sentences[item["file"]].append(item)
    counts: Counter[str] = Counter()
    lines: list[str] = []
    articles = _corpus_articles(_shared_path(GOLD, gold["articles"]), set(statements))
    for analysis in analyze_articles(articles, load_nlp()):
        article_id = analysis.article.id
        _article(analysis, statements[article_id], sentences[article_id], counts, lines)
    if not quiet:
        print("\n".join(lines))
    found, predicted = counts["found"], counts["predicted"]
    print(
        f"dev links: gold {counts['gold']}, found {found}, predicted {predicted};"
        f" precision {found / max(predicted, 1):.3f}, recall {found / max(counts['gold'], 1):.3f}"
    )
    kinds = ("statement", "event", "event of another type", "both", "link")
    lost = ", ".join(f"{k} {counts[k]}" for k in kinds)
    print(f"lost: {lost}; extra links {counts['wrong']}")


def _article(
    analysis: Analysis,
    statements: list[dict],
    sentences: list[dict],
    counts: Counter[str],
    lines: list[str],
) -> None:
    text = analysis.article.text
    by_start = {s["start"]: s for s in sentences}
    quotes = _match_statements(statements, analysis.quotes)
    events = _match_events(sentences, analysis)
    gold_of_event = {event.id: ref for ref, event in events.items()}
    for n, item in enumerate(statements):
        quote = quotes.get(n)
        wanted = {(link["sentence"], link["event"]) for link in item["about"]}
        words = text[item["start"] : item["end"]][:SHOWN]
        head = f"{item['file']}@{item['start']} [{item['speaker']}] {words!r}"
        for ref in sorted(wanted):
            counts["gold"] += 1
            event = events.get(ref)
            if quote is not None and event is not None and event.id in quote.about:
                counts["found"] += 1
                continue
            lost = _lost(quote, event)
            counts[lost] += 1
            end = by_start[ref[0]]["end"]
            if event is None and any(ref[0] <= e.evidence.start < end for e in analysis.events):
                counts["event of another type"] += 1
            told = by_start[ref[0]]["events"][ref[1]]
            sentence = text[ref[0] : by_start[ref[0]]["end"]][:SHOWN]
            lines.append(
                f"LOST {lost}: {head}\n    -> {told['type']} {told['source']}->{told['target']}"
                f" in {sentence!r}"
                + (_why(quote, event, item["start"], ref[0]) if lost == "link" else "")
            )
        for event_id in quote.about if quote is not None else []:
            ref = gold_of_event.get(event_id)
            if ref is None:
                continue
            counts["predicted"] += 1
            if ref not in wanted:
                counts["wrong"] += 1
                event = next(e for e in analysis.events if e.id == event_id)
                evidence = text[event.evidence.start : event.evidence.end][:SHOWN]
                lines.append(
                    f"EXTRA: {head} speaker={quote.speaker.actor if quote else None}\n"
                    f"    -> {event.type} {event.source}->{event.target} in {evidence!r}"
                )


def _lost(quote: Quote | None, event: Event | None) -> str:
    if quote is None:
        return "both" if event is None else "statement"
    return "event" if event is None else "link"


def _why(quote: Quote | None, event: Event | None, start: int, sentence: int) -> str:
    """What the linker saw of a link it did not make."""
    assert quote is not None and event is not None
    where = "after" if sentence > start else "before"
    return (
        f" speaker={quote.speaker.actor} event={event.type} {event.source}->{event.target}"
        f" others={event.others} quote_of_event={event.quote == quote.id}"
        f" ({where}, {abs(start - sentence)} chars)"
    )


if __name__ == "__main__":
    main("--quiet" in sys.argv[1:])
