"""Score statement -> event links (``quotes[].about``) against hand-linked news
(the format of ``gold/framing_news.json``).

The gold lists every attributed statement of its articles with the events of an
events gold file (``"events"``, beside it) that the statement speaks about. The
articles are analysed whole, then:

- a predicted quote stands for a gold statement when their words overlap by at
  least half of each (the best such quote; each quote counts once);
- a predicted event stands for a gold event of its sentence as in
  ``dyad.eval.events``: the same type, the one with the most right participants;
- a gold link is *found* when the quote standing for its statement lists, in
  ``about``, the event standing for its event. ``recall`` = found / gold links;
  ``precision`` = found / the links dyad made between quotes and events that stand
  for gold ones (a link to an event or from a quote the gold lacks cannot be judged);
- ``recall_found_events``: recall over the gold links whose statement and event
  dyad found at all, so the linker is judged apart from the extractors feeding it;
- ``any_type``: precision and recall again with a gold event left unmatched also
  standing for a predicted event of its sentence of another type that has every side
  the gold gives right (at least one given): the same happening told with the wrong
  type. The issue asks which events each statement speaks about; the type is the
  events stage's to get right, and is scored there. A figure beside the headline one,
  which stays type-strict;
- ``lost``: where the gold links not found were lost — ``statement`` (no quote
  stands for the gold statement), ``event`` (the quote is there, no event stands for
  the gold event) or ``link`` (both are there, the quote does not list the event):
  the first two are the quotes and events stages' share, the last the linker's;
  ``event_other_type``: of the ``event`` ones, those whose sentence has a dyad event,
  of another type (the events stage saw something there but typed it otherwise).

Metrics are given per split; misses are listed for the ``dev`` split only.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from spacy.language import Language

from dyad.eval.events import _corpus_articles, _ratio, _shared_path, _sides_right
from dyad.model import Analysis, Event, Quote
from dyad.pipeline import analyze_articles

MIN_OVERLAP = 0.5
MAX_MISSES = 80


def evaluate(path: Path, nlp: Language) -> dict[str, Any]:
    gold = json.loads(Path(path).read_text(encoding="utf-8"))
    events_gold = json.loads((Path(path).parent / gold["events"]).read_text(encoding="utf-8"))
    sentences: dict[str, list[dict]] = defaultdict(list)
    for item in events_gold["items"]:
        sentences[item["file"]].append(item)
    statements: dict[str, list[dict]] = defaultdict(list)
    for item in gold["items"]:
        statements[item["file"]].append(item)
    corpus = _shared_path(Path(path), gold["articles"])
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    misses: dict[str, list[str]] = defaultdict(list)
    for analysis in analyze_articles(_corpus_articles(corpus, set(statements)), nlp):
        article_id = analysis.article.id
        split = statements[article_id][0].get("split", "all")
        _score_article(
            analysis, statements[article_id], sentences[article_id], counts[split], misses[split]
        )
    report = _report(sum(counts.values(), Counter()))
    if len(counts) > 1:
        report["splits"] = {split: _report(c) for split, c in sorted(counts.items())}
    report["misses"] = misses.get("dev", misses.get("all", []))[:MAX_MISSES]
    return report


def _score_article(
    analysis: Analysis,
    statements: list[dict],
    sentences: list[dict],
    counts: Counter[str],
    misses: list[str],
) -> None:
    quotes = _match_statements(statements, analysis.quotes)
    events = _match_events(sentences, analysis)
    gold_of_event = {event.id: ref for ref, event in events.items()}
    _score_any_type(quotes, statements, _match_events(sentences, analysis, any_type=True), counts)
    # Gold sentences where dyad coded an event at all (of some type).
    coded = {
        item["start"]
        for item in sentences
        if any(item["start"] <= e.evidence.start < item["end"] for e in analysis.events)
    }
    text = analysis.article.text
    for n, item in enumerate(statements):
        wanted = {(link["sentence"], link["event"]) for link in item["about"]}
        quote = quotes.get(n)
        counts["statements"] += 1
        counts["statements_found"] += quote is not None
        counts["gold_links"] += len(wanted)
        where = f"{item['file']}@{item['start']} {text[item['start'] : item['end']][:50]!r}"
        for ref in sorted(wanted):
            judged = quote is not None and ref in events
            counts["gold_links_judged"] += judged
            if quote is not None and ref in events and events[ref].id in quote.about:
                counts["found"] += 1
                counts["found_judged"] += 1
            else:
                lost = "statement" if quote is None else "link" if judged else "event"
                counts[f"lost_{lost}"] += 1
                if lost == "event" and ref[0] in coded:
                    counts["lost_event_other_type"] += 1
                why = "quote not found" if quote is None else "" if judged else "event not found"
                misses.append(f"{where} -> {ref[0]}#{ref[1]}: not linked {why}".rstrip())
        if quote is None:
            continue
        for event_id in quote.about:
            linked = gold_of_event.get(event_id)
            if linked is None:
                continue
            counts["predicted_links"] += 1
            if linked not in wanted:
                misses.append(f"{where} -> {linked[0]}#{linked[1]}: linked, not in the gold")


def _score_any_type(
    quotes: dict[int, Quote],
    statements: list[dict],
    events: dict[tuple[int, int], Event],
    counts: Counter[str],
) -> None:
    """Links found and made with events matched whatever their type (``any_type``)."""
    gold_of_event = {event.id: ref for ref, event in events.items()}
    for n, item in enumerate(statements):
        quote = quotes.get(n)
        if quote is None:
            continue
        wanted = {(link["sentence"], link["event"]) for link in item["about"]}
        linked = {gold_of_event[i] for i in quote.about if i in gold_of_event}
        counts["found_any_type"] += len(wanted & linked)
        counts["predicted_links_any_type"] += len(linked)


def _match_statements(statements: list[dict], quotes: list[Quote]) -> dict[int, Quote]:
    """Gold statement index -> the predicted quote whose words overlap it best."""
    pairs = []
    for n, item in enumerate(statements):
        gold_length = item["end"] - item["start"]
        for quote in quotes:
            common = sum(
                max(0, min(end, item["end"]) - max(start, item["start"]))
                for start, end in quote.spans
            )
            length = sum(end - start for start, end in quote.spans)
            if common >= MIN_OVERLAP * gold_length and common >= MIN_OVERLAP * length:
                pairs.append((common / max(gold_length, length), n, quote))
    matched: dict[int, Quote] = {}
    taken: set[str] = set()
    for _, n, quote in sorted(pairs, key=lambda p: -p[0]):
        if n not in matched and quote.id not in taken:
            matched[n] = quote
            taken.add(quote.id)
    return matched


def _match_events(
    sentences: list[dict], analysis: Analysis, any_type: bool = False
) -> dict[tuple[int, int], Event]:
    """(sentence start, index) of each gold event -> the predicted event standing for it:
    of its type; with ``any_type``, failing that, one of another type with every side the
    gold gives right."""
    actors = {a.id: a for a in analysis.actors}
    matched: dict[tuple[int, int], Event] = {}
    for item in sentences:
        left = [e for e in analysis.events if item["start"] <= e.evidence.start < item["end"]]
        for n, gold in enumerate(item["events"]):
            same_type = [e for e in left if e.type == gold["type"]]
            if same_type:
                event = max(same_type, key=lambda e: sum(_sides_right(gold, e, actors)))
                left.remove(event)
                matched[(item["start"], n)] = event
        if not any_type:
            continue
        for n, gold in enumerate(item["events"]):
            if (item["start"], n) in matched or (gold["source"] is None and gold["target"] is None):
                continue
            told = next((e for e in left if all(_sides_right(gold, e, actors))), None)
            if told is not None:
                left.remove(told)
                matched[(item["start"], n)] = told
    return matched


def _report(counts: Counter[str]) -> dict[str, Any]:
    return {
        "statements": counts["statements"],
        "statements_found": counts["statements_found"],
        "gold_links": counts["gold_links"],
        "precision": _ratio(counts["found"], counts["predicted_links"]),
        "recall": _ratio(counts["found"], counts["gold_links"]),
        "recall_found_events": _ratio(counts["found_judged"], counts["gold_links_judged"]),
        "any_type": {
            "precision": _ratio(counts["found_any_type"], counts["predicted_links_any_type"]),
            "recall": _ratio(counts["found_any_type"], counts["gold_links"]),
        },
        "lost": {
            where: counts[f"lost_{where}"]
            for where in ("statement", "event", "event_other_type", "link")
        },
        "counts": dict(counts),
    }
