"""Time expressions scored against TimeML gold (TimeBank, AQUAINT: TempEval-3 .tml files).

Each file's ``<TEXT>`` is stripped of its tags and run through the pipeline
with ``doc._.published`` set to the document creation time (``<DCT>``); the
``TIMEX3`` tags inside ``<TEXT>`` are the gold. For DATE expressions:

- recall: gold DATEs overlapped by a predicted time expression (any type);
- value accuracy: of those, the share whose best-overlapping prediction has
  exactly the gold TIMEX3 value (week numbers compared without zero padding);
- precision: predicted DATEs that overlap a gold time expression (any type).

Numbers are given for the whole set and per sub-corpus (the directory a file
sits in), plus counts per TIMEX3 type.
"""

from __future__ import annotations

import re
import time
import xml.etree.ElementTree as ElementTree
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from spacy.language import Language

from dyad.extensions import register_extensions
from dyad.model import TimeExpr, parse_date

TYPES = ("DATE", "TIME", "DURATION", "SET")
WEEK_NUMBER = re.compile(r"-W(\d{1,2})\b")


@dataclass
class GoldTime:
    text: str
    start: int
    end: int
    type: str
    value: str | None


@dataclass
class TimeMLDocument:
    name: str
    corpus: str
    text: str
    published: date | None
    times: list[GoldTime]


def read_tml(path: Path, corpus: str = "") -> TimeMLDocument:
    """Plain text, creation date and gold TIMEX3 spans of one TimeML file."""
    root = ElementTree.parse(path).getroot()
    published = None
    dct = root.find("DCT")
    if dct is not None:
        timex = dct.find("TIMEX3")
        published = parse_date(timex.get("value")) if timex is not None else None
    body = root.find("TEXT")
    pieces: list[str] = []
    times: list[GoldTime] = []

    def walk(element: ElementTree.Element) -> None:
        start = sum(map(len, pieces))
        pieces.append(element.text or "")
        for child in element:
            walk(child)
            pieces.append(child.tail or "")
        if element.tag == "TIMEX3":
            text = "".join(pieces)[start:]
            times.append(GoldTime(text, start, start + len(text), element.get("type", ""),
                                  element.get("value")))  # fmt: skip

    if body is not None:
        walk(body)
    return TimeMLDocument(path.stem, corpus, "".join(pieces), published, times)


def read_corpus(path: Path) -> list[TimeMLDocument]:
    """All .tml files under ``path`` (or the one file), corpus = their directory's name."""
    files = [path] if path.is_file() else sorted(path.rglob("*.tml"))
    return [read_tml(file, file.parent.name) for file in files]


def evaluate(path: Path, nlp: Language) -> dict[str, Any]:
    """Score ``nlp``'s ``doc._.times`` on the TimeML files under ``path``; a JSON-able dict."""
    register_extensions()
    documents = read_corpus(Path(path))
    tallies: dict[str, Tally] = defaultdict(Tally)
    started = time.perf_counter()
    for document in documents:
        doc = nlp.make_doc(document.text)
        doc._.published = document.published
        doc = nlp(doc)
        predicted = list(doc._.times or [])
        for key in ("all", document.corpus):
            tallies[key].add(document, predicted)
    seconds = time.perf_counter() - started
    return {
        "documents": len(documents),
        "seconds": round(seconds, 2),
        "all": tallies["all"].scores(),
        "by_corpus": {
            name: tally.scores() for name, tally in sorted(tallies.items()) if name != "all"
        },
        # Every gold DATE missed or given another value, with its context, for error analysis.
        "date_errors": tallies["all"].errors,
    }


class Tally:
    def __init__(self) -> None:
        self.documents = 0
        self.gold_dates = 0
        self.found_dates = 0
        self.right_values = 0
        self.predicted_dates = 0
        self.predicted_dates_on_gold = 0
        self.gold_types: Counter[str] = Counter()
        self.predicted_types: Counter[str] = Counter()
        self.found_types: Counter[str] = Counter()
        self.errors: list[dict[str, Any]] = []

    def add(self, document: TimeMLDocument, predicted: list[TimeExpr]) -> None:
        self.documents += 1
        for gold in document.times:
            self.gold_types[gold.type] += 1
            best = _best_overlap(gold, predicted)
            if best is not None:
                self.found_types[gold.type] += 1
            if gold.type != "DATE":
                continue
            self.gold_dates += 1
            if best is None:
                self.errors.append(_error(document, gold, None))
                continue
            self.found_dates += 1
            if same_value(best.value, gold.value):
                self.right_values += 1
            else:
                self.errors.append(_error(document, gold, best))
        for time_expr in predicted:
            self.predicted_types[time_expr.type] += 1
            if time_expr.type == "DATE":
                self.predicted_dates += 1
                if any(_overlaps(time_expr, gold) for gold in document.times):
                    self.predicted_dates_on_gold += 1

    def scores(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "date": {
                "gold": self.gold_dates,
                "recall": _ratio(self.found_dates, self.gold_dates),
                "value_accuracy": _ratio(self.right_values, self.found_dates),
                "value_recall": _ratio(self.right_values, self.gold_dates),
                "precision": _ratio(self.predicted_dates_on_gold, self.predicted_dates),
                "predicted": self.predicted_dates,
            },
            "types": {
                kind: {
                    "gold": self.gold_types[kind],
                    "found": self.found_types[kind],
                    "predicted": self.predicted_types[kind],
                }
                for kind in TYPES
            },
        }


def same_value(predicted: str | None, gold: str | None) -> bool:
    """Exact TIMEX3 value match, except that week numbers are compared without zero padding.

    Some gold files write "2000-W7" for ISO week 7; dyad writes "2000-W07".
    """
    if predicted is None or gold is None:
        return predicted == gold
    return WEEK_NUMBER.sub(_unpadded, predicted) == WEEK_NUMBER.sub(_unpadded, gold)


def _unpadded(match: re.Match[str]) -> str:
    return f"-W{int(match.group(1))}"


def _overlaps(a: TimeExpr | GoldTime, b: TimeExpr | GoldTime) -> bool:
    return a.start < b.end and b.start < a.end


def _best_overlap(gold: GoldTime, predicted: list[TimeExpr]) -> TimeExpr | None:
    overlapping = [p for p in predicted if _overlaps(p, gold)]
    if not overlapping:
        return None
    return max(overlapping, key=lambda p: min(p.end, gold.end) - max(p.start, gold.start))


def _error(document: TimeMLDocument, gold: GoldTime, best: TimeExpr | None) -> dict[str, Any]:
    return {
        "document": document.name,
        "published": document.published.isoformat() if document.published else None,
        "gold": [gold.text, gold.value],
        "predicted": [best.text, best.value] if best else None,
        "context": document.text[max(0, gold.start - 60) : gold.end + 40].replace("\n", " "),
    }


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None
