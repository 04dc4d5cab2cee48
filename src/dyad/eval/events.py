"""Score dyad's events against hand-coded sentences (the format of ``gold/events.json``).

Each gold item names an article file under the shared data directory and the
character offsets of one sentence, with the PLOVER events a human coded in it
(type, source, target, status). The articles are analysed whole, with their
publication date, and the events whose evidence lies in the sentence are
compared with the gold ones:

- a gold event is *found* when an event of the same type is in its sentence
  (each predicted event counts once; the one with the most right participants
  is taken); ``type_recall`` is found / gold;
- a gold event is *aligned* when any event is left in its sentence for it, so
  ``type_accuracy`` = found / aligned is how often the type is right when dyad
  codes an event there at all;
- among found events, ``source_accuracy`` and ``target_accuracy`` count the
  sides the gold names (a side the sentence does not name is not scored);
  CONSULT and COOPERATE match either way round;
- ``precision``: predicted events in the gold sentences that match a gold event.

Articles may also be TimeML files (``.tml``, e.g. AQUAINT news under
``data/timebank``): their text is the ``<TEXT>`` with its tags stripped, as
``dyad.eval.timeml`` reads it, and their publication date the ``<DCT>``.

Items may carry a ``split``: the metrics are given for each split as well, and
the errors are listed only for the ``dev`` split, so a held-out ``test`` split
can be scored without being looked into.

Gold actors are descriptions, not ids: any of the listed alternatives matches
a predicted actor with that id or knowledge-base id, an actor of that country
(an ISO3 code stands for the state, its government and its officials), or an
actor whose name contains the words.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from spacy.language import Language

from dyad.eval.timeml import read_tml
from dyad.model import Actor, Analysis, Article, Event
from dyad.pipeline import analyze_articles
from dyad.plover import is_symmetric

SHARED_DATA = Path("shared") / "data"
MAX_MISSES = 60


def evaluate(path: Path, nlp: Language) -> dict[str, Any]:
    gold = json.loads(Path(path).read_text(encoding="utf-8"))
    data_dir = _data_dir(Path(path), gold.get("data", "polnear"))
    by_file: dict[str, list[dict]] = defaultdict(list)
    for item in gold["items"]:
        by_file[item["file"]].append(item)
    articles = [
        _article(data_dir / name, name, items[0].get("published"))
        for name, items in by_file.items()
    ]
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    per_type: dict[str, Counter[str]] = defaultdict(Counter)
    misses: dict[str, list[str]] = defaultdict(list)
    for analysis in analyze_articles(articles, nlp):
        actors = {a.id: a for a in analysis.actors}
        for item in by_file[analysis.article.id]:
            split = item.get("split", "all")
            _score_sentence(item, analysis, actors, counts[split], per_type, misses[split])
    total: Counter[str] = sum(counts.values(), Counter())
    report = _report(total, per_type)
    if len(counts) > 1:
        report["splits"] = {split: _report(c) for split, c in sorted(counts.items())}
    # Errors are listed for the development split only, so the held-out one stays unseen.
    report["misses"] = misses.get("dev", misses.get("all", []))[:MAX_MISSES]
    return report


def _article(path: Path, name: str, published: str | None) -> Article:
    if path.suffix == ".tml":
        document = read_tml(path)
        return Article(text=document.text, id=name, published=published or document.published)
    return Article(text=path.read_text(encoding="utf-8"), id=name, published=published)


def _data_dir(gold_path: Path, name: str) -> Path:
    """``../shared/data/<name>`` seen from the repository the gold file sits in."""
    for ancestor in gold_path.resolve().parents:
        candidate = ancestor / SHARED_DATA / name
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"no {SHARED_DATA / name} above {gold_path}")


def _score_sentence(
    item: dict,
    analysis: Analysis,
    actors: dict[str, Actor],
    counts: Counter[str],
    per_type: dict[str, Counter[str]],
    misses: list[str],
) -> None:
    start, end = item["start"], item["end"]
    predicted = [e for e in analysis.events if start <= e.evidence.start < end]
    counts["sentences"] += 1
    counts["sentences_with_events"] += bool(predicted)
    counts["predicted"] += len(predicted)
    unmatched = list(predicted)
    where = f"{item['file'].rsplit('/', 1)[-1][:40]}@{start}"
    for gold in item["events"]:
        counts["gold"] += 1
        per_type[gold["type"]]["gold"] += 1
        same_type = [e for e in unmatched if e.type == gold["type"]]
        if not same_type:
            if unmatched:
                counts["aligned"] += 1
                wrong = unmatched.pop(0)
                misses.append(f"{where} {gold['type']}: coded {wrong.type}")
            else:
                misses.append(f"{where} {gold['type']}: no event")
            continue
        event = max(same_type, key=lambda e: sum(_sides_right(gold, e, actors)))
        unmatched.remove(event)
        counts["aligned"] += 1
        counts["found"] += 1
        per_type[gold["type"]]["found"] += 1
        source_right, target_right = _sides_right(gold, event, actors)
        for side, right in (("source", source_right), ("target", target_right)):
            if gold[side] is not None:
                counts[f"{side}_scored"] += 1
                counts[f"{side}_correct"] += right
        counts["status_correct"] += event.status == gold["status"]
        if source_right and target_right:
            counts["fully_correct"] += 1
            per_type[gold["type"]]["fully_correct"] += 1
        else:
            misses.append(
                f"{where} {gold['type']}: {event.source}->{event.target}"
                f" (gold {_show(gold['source'])}->{_show(gold['target'])})"
            )
    counts["predicted_matched"] += len(predicted) - len(unmatched)


def _sides_right(gold: dict, event: Event, actors: dict[str, Actor]) -> tuple[bool, bool]:
    def right(description: list[str] | None, actor_id: str | None) -> bool:
        return description is None or _same_actor(description, actors.get(actor_id or ""))

    forward = (right(gold["source"], event.source), right(gold["target"], event.target))
    if not is_symmetric(gold["type"]):
        return forward
    backward = (right(gold["source"], event.target), right(gold["target"], event.source))
    return max(forward, backward, key=sum)


def _same_actor(description: list[str], actor: Actor | None) -> bool:
    if actor is None:
        return False
    for alternative in description:
        if alternative in (actor.id, actor.kb_id):
            return True
        if len(alternative) == 3 and alternative.isupper() and actor.country == alternative:
            return True
        if alternative.casefold() in actor.name.casefold():
            return True
    return False


def _show(description: list[str] | None) -> str:
    return "|".join(description) if description else "-"


def _ratio(numerator: int, denominator: int) -> float | None:
    return round(numerator / denominator, 3) if denominator else None


def _report(
    counts: Counter[str], per_type: dict[str, Counter[str]] | None = None
) -> dict[str, Any]:
    report = {
        "sentences": counts["sentences"],
        "gold_events": counts["gold"],
        "predicted_events": counts["predicted"],
        "type_recall": _ratio(counts["found"], counts["gold"]),
        "type_accuracy": _ratio(counts["found"], counts["aligned"]),
        "source_accuracy": _ratio(counts["source_correct"], counts["source_scored"]),
        "target_accuracy": _ratio(counts["target_correct"], counts["target_scored"]),
        "status_accuracy": _ratio(counts["status_correct"], counts["found"]),
        "fully_correct": _ratio(counts["fully_correct"], counts["gold"]),
        "precision": _ratio(counts["predicted_matched"], counts["predicted"]),
        "sentences_with_events": _ratio(counts["sentences_with_events"], counts["sentences"]),
        "counts": dict(counts),
    }
    if per_type is not None:
        report["by_type"] = {t: dict(c) for t, c in sorted(per_type.items())}
    return report
