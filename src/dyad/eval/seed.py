"""Score dyad against a hand-annotated article (the format of ``gold/seed.json``).

Matching rules, from the gold file's ``schema_note``:
- quotes match on their words (marks excluded): token overlap >= 0.8 both ways;
  speakers match by actor;
- times match on the expression's text, then score the value (and mod);
- events match on type + source + target (either order for symmetric types such as
  CONSULT) + evidence overlap; status and time are scored apart;
- the timeline: the gold entries must appear in the same order in the dyad's
  timeline, ordered as ``dyad timeline`` orders it.

Gold actors are identified by hand-chosen ids, so a predicted actor stands for a
gold actor when it carries that id (or knowledge-base id), when its name is the
gold name or one of the gold mentions, or, for the gold ``AUTHOR``, when it is
the article's author. Gold ids the file does not describe are knowledge-base ids.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from spacy.language import Language

from dyad.model import Analysis, Article, Event, parse_date
from dyad.pipeline import analyze_articles
from dyad.plover import is_symmetric
from dyad.timex import sort_date

QUOTE_OVERLAP = 0.8
_WORD = re.compile(r"\w+")


def words(text: str) -> Counter[str]:
    return Counter(w.casefold() for w in _WORD.findall(text))


def overlap_both_ways(a: str, b: str) -> float:
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return 0.0
    common = sum((wa & wb).values())
    return min(common / sum(wa.values()), common / sum(wb.values()))


def _normal_name(name: str) -> str:
    name = " ".join(name.split()).casefold()
    return re.sub(r"^the ", "", re.sub(r"[’']s$", "", name))


class ActorMap:
    """Which predicted actors stand for each gold actor."""

    def __init__(self, gold_actors: list[dict], analysis: Analysis) -> None:
        self.ids: dict[str, set[str]] = {}
        for gold in gold_actors:
            names = {_normal_name(gold["name"])} | {
                _normal_name(m) for m in gold.get("mentions", [])
            }
            self.ids[gold["id"]] = {
                actor.id
                for actor in analysis.actors
                if gold["id"] in (actor.id, actor.kb_id)
                or (gold["id"] == "AUTHOR" and actor.kind == "author")
                or _normal_name(actor.name) in names
            }

    def same(self, gold_id: str | None, predicted_id: str | None) -> bool:
        if gold_id is None or predicted_id is None:
            return gold_id is None and predicted_id is None
        if gold_id not in self.ids:
            # A gold id the file does not describe (e.g. "PSE") is taken as a KB id.
            return predicted_id == gold_id
        return predicted_id in self.ids[gold_id]


def evaluate(path: Path, nlp: Language) -> dict[str, Any]:
    gold = json.loads(Path(path).read_text(encoding="utf-8"))
    doc_info = gold["doc"]
    text_path = Path(path).resolve().parent.parent / doc_info["path"]
    article = Article(
        text=text_path.read_text(encoding="utf-8"),
        id=doc_info.get("id", ""),
        published=parse_date(doc_info.get("published")),
        language=doc_info.get("language", "en"),
    )
    analysis = next(analyze_articles([article], nlp))
    actors = ActorMap(gold["actors"], analysis)
    quotes = score_quotes(gold, analysis, actors)
    times = score_times(gold, analysis)
    events, matches = score_events(gold, analysis, actors)
    timeline = score_timeline(gold, analysis, actors, matches)
    return {"quotes": quotes, "times": times, "events": events, "timeline": timeline}


def score_quotes(gold: dict, analysis: Analysis, actors: ActorMap) -> dict[str, Any]:
    result: dict[str, Any] = {}
    claimed: set[str] = set()
    misses = []
    for group, kinds in (("direct_partial", {"direct", "partial"}), ("indirect", {"indirect"})):
        items = [q for q in gold["quotes"] if q["kind"] in kinds]
        found = speaker_right = 0
        for item in items:
            best = max(
                (q for q in analysis.quotes if q.id not in claimed),
                key=lambda q: overlap_both_ways(item["text"], q.text),
                default=None,
            )
            if best is None or overlap_both_ways(item["text"], best.text) < QUOTE_OVERLAP:
                misses.append(f"{item['id']}: not found")
                continue
            claimed.add(best.id)
            found += 1
            if actors.same(item["speaker"], best.speaker.actor):
                speaker_right += 1
            else:
                misses.append(
                    f"{item['id']}: speaker {best.speaker.actor!r} ({best.speaker.text!r})"
                )
        result[group] = {"gold": len(items), "found": found, "speaker_correct": speaker_right}
    scare = [
        q.text
        for q in analysis.quotes
        if any(overlap_both_ways(q.text, s) >= QUOTE_OVERLAP for s in gold.get("not_quotes", []))
    ]
    result["scare_quotes_reported"] = len(scare)
    result["extra"] = len([q for q in analysis.quotes if q.id not in claimed]) - len(scare)
    result["misses"] = misses
    return result


def score_times(gold: dict, analysis: Analysis) -> dict[str, Any]:
    found = right = 0
    misses = []
    taken: set[int] = set()
    for item in gold["times"]:
        wanted = item["text"].casefold()
        match = next(
            (
                t
                for t in analysis.times
                if t.start not in taken
                and (wanted in t.text.casefold() or t.text.casefold() in wanted)
            ),
            None,
        )
        if match is None:
            misses.append(f"{item['text']!r}: not found")
            continue
        taken.add(match.start)
        found += 1
        if match.value == item["value"] and (match.mod or None) == item.get("mod"):
            right += 1
        else:
            misses.append(
                f"{item['text']!r}: {match.value} {match.mod or ''} (gold {item['value']})"
            )
    return {"gold": len(gold["times"]), "found": found, "value_correct": right, "misses": misses}


def _gold_span(text: str, evidence: str) -> tuple[int, int] | None:
    start = text.find(evidence)
    return (start, start + len(evidence)) if start >= 0 else None


def _event_matches(item: dict, event: Event, actors: ActorMap, text: str) -> bool:
    if event.type != item["type"]:
        return False
    span = _gold_span(text, item["evidence"])
    if span is None or event.evidence.end <= span[0] or span[1] <= event.evidence.start:
        return False
    pairs = [(item.get("source"), item.get("target"))]
    if is_symmetric(item["type"]):
        pairs.append((item.get("target"), item.get("source")))
    return any(actors.same(s, event.source) and actors.same(t, event.target) for s, t in pairs)


def score_events(
    gold: dict, analysis: Analysis, actors: ActorMap
) -> tuple[dict[str, Any], dict[str, Event]]:
    text = analysis.article.text
    matches: dict[str, Event] = {}
    result: dict[str, Any] = {}
    misses = []
    for group, core in (("core", True), ("other", False)):
        items = [e for e in gold["events"] if e.get("core", False) == core]
        counts: Counter[str] = Counter()
        for item in items:
            event = next(
                (
                    e
                    for e in analysis.events
                    if e not in matches.values() and _event_matches(item, e, actors, text)
                ),
                None,
            )
            if event is None:
                misses.append(f"{item['id']} {item['type']}: not found")
                continue
            matches[item["id"]] = event
            counts["found"] += 1
            status_right = event.status == item["status"]
            time_value = event.time.value if event.time else None
            time_right = item.get("time") is None or time_value == item.get("time")
            counts["status_correct"] += status_right
            counts["time_correct"] += time_right
            counts["fully_correct"] += status_right and time_right
            if not (status_right and time_right):
                misses.append(f"{item['id']}: status {event.status}, time {time_value}")
        result[group] = {
            "gold": len(items),
            **{k: counts[k] for k in ("found", "status_correct", "time_correct", "fully_correct")},
        }
    result["extra"] = len(analysis.events) - len(matches)
    result["misses"] = misses
    return result, matches


def score_timeline(
    gold: dict, analysis: Analysis, actors: ActorMap, matches: dict[str, Event]
) -> dict[str, Any]:
    gold_events = {e["id"]: e for e in gold["events"]}
    pairs = Counter(
        frozenset((gold_events[i]["source"], gold_events[i]["target"]))
        for entry in gold.get("timeline", [])
        for i in entry["events"]
    )
    if not pairs:
        return {"gold_entries": 0, "in_order": 0}
    first, second = sorted(pairs.most_common(1)[0][0])
    # The dyad's timeline: events between the two sides (their members count as them).
    affiliates: dict[str | None, str | None] = {a.id: a.affiliation for a in analysis.actors}

    def side(actor_id: str | None, gold_id: str) -> bool:
        return actors.same(gold_id, actor_id) or actors.same(gold_id, affiliates.get(actor_id))

    published = analysis.article.published
    ordered = sorted(
        (
            e
            for e in analysis.events
            if (side(e.source, first) and side(e.target, second))
            or (side(e.source, second) and side(e.target, first))
        ),
        key=lambda e: (
            sort_date(e.time.value if e.time else None, e.time.mod if e.time else None, published)
            or "9999"
        ),
    )
    position = {id(e): n for n, e in enumerate(ordered)}
    in_order, last = 0, -1
    for entry in gold["timeline"]:
        places = [
            position[id(matches[i])]
            for i in entry["events"]
            if i in matches and id(matches[i]) in position
        ]
        if places and min(places) > last:
            in_order += 1
            last = max(places)
    return {
        "gold_entries": len(gold["timeline"]),
        "in_order": in_order,
        "dyad": f"{first} – {second}",
        "timeline_events": len(ordered),
    }
