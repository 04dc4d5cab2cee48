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
- ``precision``: predicted events in the gold sentences that match a gold event of
  their type.

Articles may also be TimeML files (``.tml``, e.g. AQUAINT news under
``data/timebank``): their text is the ``<TEXT>`` with its tags stripped, as
``dyad.eval.timeml`` reads it, and their publication date the ``<DCT>``.

Items may carry a ``split``: the metrics are given for each split as well, and
the errors are listed only for the ``dev`` split, so a held-out ``test`` split
can be scored without being looked into.

Articles may also come from a JSONL corpus (``"articles": "corpus/news/dev.jsonl"``,
relative to the shared folder): ``file`` is then the article's ``id``. A gold file
marked ``"complete": true`` codes every event of its articles, so ``precision``
counts every predicted event of those articles, not only those in gold sentences.
``empty_side_rate``: of the found events whose gold names both sides, the share
dyad left without a source or a target.

Gold actors are descriptions, not ids: any of the listed alternatives matches
a predicted actor with that id or knowledge-base id, an actor of that country
(an ISO3 code stands for the state, its government and its officials), or an
actor whose name contains the words.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from spacy.language import Language

from dyad.eval.timeml import read_tml
from dyad.model import Actor, Analysis, Article, Event, parse_date
from dyad.pipeline import analyze_articles
from dyad.plover import is_symmetric

SHARED = Path("shared")
MAX_MISSES = 60


def evaluate(path: Path, nlp: Language) -> dict[str, Any]:
    gold = json.loads(Path(path).read_text(encoding="utf-8"))
    by_file: dict[str, list[dict]] = defaultdict(list)
    for item in gold["items"]:
        by_file[item["file"]].append(item)
    if "articles" in gold:
        corpus = _shared_path(Path(path), gold["articles"])
        articles = list(_corpus_articles(corpus, set(by_file)))
    else:
        data_dir = _shared_path(Path(path), str(Path("data") / gold.get("data", "polnear")))
        articles = [
            _article(data_dir / name, name, items[0].get("published"))
            for name, items in by_file.items()
        ]
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    per_type: dict[str, Counter[str]] = defaultdict(Counter)
    misses: dict[str, list[str]] = defaultdict(list)
    for analysis in analyze_articles(articles, nlp):
        actors = {a.id: a for a in analysis.actors}
        items = by_file[analysis.article.id]
        for item in items:
            split = item.get("split", "all")
            _score_sentence(item, analysis, actors, counts[split], per_type, misses[split])
        if gold.get("complete"):
            _count_outside(items, analysis, counts[items[0].get("split", "all")])
    total: Counter[str] = sum(counts.values(), Counter())
    report = _report(total, per_type)
    if len(counts) > 1:
        report["splits"] = {split: _report(c) for split, c in sorted(counts.items())}
    # Errors are listed for the development split only, so the held-out one stays unseen.
    report["misses"] = misses.get("dev", misses.get("all", []))[:MAX_MISSES]
    return report


def _article(path: Path, name: str, published: str | None) -> Article:
    day = parse_date(published)
    if path.suffix == ".tml":
        document = read_tml(path)
        return Article(text=document.text, id=name, published=day or document.published)
    return Article(text=path.read_text(encoding="utf-8"), id=name, published=day)


def _corpus_articles(corpus: Path, wanted: set[str]) -> Iterator[Article]:
    with corpus.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["id"] in wanted:
                yield Article(
                    text=record["text"],
                    id=record["id"],
                    title=record.get("title"),
                    published=parse_date(record.get("published")),
                    url=record.get("url"),
                    source=record.get("source"),
                )


def _shared_path(gold_path: Path, relative: str) -> Path:
    """``../shared/<relative>`` seen from the repository the gold file sits in."""
    for ancestor in gold_path.resolve().parents:
        candidate = ancestor / SHARED / relative
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"no {SHARED / relative} above {gold_path}")


def _count_outside(items: list[dict], analysis: Analysis, counts: Counter[str]) -> None:
    """In a completely coded article, events outside every gold sentence are extra."""
    outside = [
        e
        for e in analysis.events
        if not any(i["start"] <= e.evidence.start < i["end"] for i in items)
    ]
    counts["predicted"] += len(outside)
    counts["predicted_outside"] += len(outside)


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
    matched = 0
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
        matched += 1
        counts["aligned"] += 1
        counts["found"] += 1
        per_type[gold["type"]]["found"] += 1
        source_right, target_right = _sides_right(gold, event, actors)
        for side, right in (("source", source_right), ("target", target_right)):
            if gold[side] is not None:
                counts[f"{side}_scored"] += 1
                counts[f"{side}_correct"] += right
        counts["status_correct"] += event.status == gold["status"]
        if gold["source"] is not None and gold["target"] is not None:
            counts["both_sides_gold"] += 1
            counts["empty_side"] += event.source is None or event.target is None
        if source_right and target_right:
            counts["fully_correct"] += 1
            per_type[gold["type"]]["fully_correct"] += 1
        else:
            misses.append(
                f"{where} {gold['type']}: {event.source}->{event.target}"
                f" (gold {_show(gold['source'])}->{_show(gold['target'])})"
            )
    # Only events of a gold event's type count as right; an aligned event of another
    # type is a wrong one, not a match.
    counts["predicted_matched"] += matched


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
    report: dict[str, Any] = {
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
        "empty_side_rate": _ratio(counts["empty_side"], counts["both_sides_gold"]),
        "sentences_with_events": _ratio(counts["sentences_with_events"], counts["sentences"]),
        "counts": dict(counts),
    }
    if per_type is not None:
        report["by_type"] = {t: dict(c) for t, c in sorted(per_type.items())}
    return report
