"""Where the dev half of ``gold/framing_news.json`` loses its statement -> event links.

Analyses the ``dev`` articles only (the held-out half is neither analysed nor read) and,
for each gold link dyad misses, says whether the statement is missing (no quote stands
for it), the event (no event of its type in its sentence), both, or both are there and
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
from dyad.nlp import load_nlp
from dyad.pipeline import analyze_articles

GOLD = Path(__file__).resolve().parent.parent / "gold" / "framing_news.json"


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
    corpus = _shared_path(GOLD, gold["articles"])
    counts: Counter[str] = Counter()
    lines: list[str] = []
    nlp = load_nlp()
    for analysis in analyze_articles(_corpus_articles(corpus, set(statements)), nlp):
        text = analysis.article.text
        items = statements[analysis.article.id]
        sentence_items = {s["start"]: s for s in sentences[analysis.article.id]}
        quotes = _match_statements(items, analysis.quotes)
        events = _match_events(sentences[analysis.article.id], analysis)
        gold_of_event = {event.id: ref for ref, event in events.items()}
        for n, item in enumerate(items):
            quote = quotes.get(n)
            wanted = {(link["sentence"], link["event"]) for link in item["about"]}
            head = f"{item['file']}@{item['start']} [{item['speaker']}] {text[item['start'] : item['end']][:70]!r}"
            speaker = quote.speaker.actor if quote else None
            for ref in sorted(wanted):
                counts["gold"] += 1
                gold_event = sentence_items[ref[0]]["events"][ref[1]]
                told = f"{gold_event['type']} {gold_event['source']}->{gold_event['target']}"
                event = events.get(ref)
                if quote is not None and event is not None and event.id in quote.about:
                    counts["found"] += 1
                    continue
                lost = (
                    "both"
                    if quote is None and event is None
                    else "statement"
                    if quote is None
                    else "event"
                    if event is None
                    else "link"
                )
                counts[lost] += 1
                detail = ""
                if lost == "link":
                    distance = "after" if ref[0] > item["start"] else "before"
                    detail = (
                        f" speaker={speaker} event={event.type} {event.source}->{event.target}"
                        f" others={event.others} quote_of_event={event.quote == quote.id}"
                        f" ({distance}, {abs(item['start'] - ref[0])} chars)"
                    )
                sentence = sentence_items[ref[0]]
                lines.append(
                    f"LOST {lost}: {head}\n    -> {told} in {text[sentence['start'] : sentence['end']][:90]!r}{detail}"
                )
            if quote is None:
                continue
            for event_id in quote.about:
                ref = gold_of_event.get(event_id)
                if ref is None:
                    continue
                counts["predicted"] += 1
                if ref not in wanted:
                    counts["wrong"] += 1
                    event = next(e for e in analysis.events if e.id == event_id)
                    lines.append(
                        f"EXTRA: {head} speaker={speaker}\n    -> {event.type} {event.source}->{event.target}"
                        f" in {text[event.evidence.start : event.evidence.end][:90]!r}"
                    )
    if not quiet:
        print("\n".join(lines))
    found, predicted = counts["found"], counts["predicted"]
    print(
        f"dev links: gold {counts['gold']}, found {found}, predicted {predicted};"
        f" precision {found / max(predicted, 1):.3f}, recall {found / max(counts['gold'], 1):.3f}"
    )
    print(
        "lost: "
        + ", ".join(f"{k} {counts[k]}" for k in ("statement", "event", "both", "link"))
        + f"; extra links {counts['wrong']}"
    )


if __name__ == "__main__":
    main("--quiet" in sys.argv[1:])
