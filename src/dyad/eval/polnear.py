"""Score dyad's quotes against PolNeAR attribution relations (brat standoff).

PolNeAR (Newell, Margolin & Ruths, LREC 2018) annotates every attribution in
political news: a Source (a surface mention: "he", "a spokesman"), a Cue and
a Content span. ``evaluate(path, nlp)`` runs dyad over the articles of one
compartment (``path`` holds ``text/`` and ``attributions/``) and compares.

Matching, per article:
- Spans are compared as sets of word tokens (``\\w+``), so quotation marks,
  punctuation and a leading "that" do not count. A predicted quote and a gold
  Content match when their shared words are at least half of each
  (``MIN_OVERLAP``); pairs are matched one to one, largest overlap first.
- Predictions are dyad's quotes, except partial quotes lying inside one of
  dyad's indirect/mixed quotes: those are the same attribution told twice.
- ``all``: every gold attribution that has a Content against every prediction.
  ``quote_marked``: gold Contents holding a double quotation mark (“ ” " « »
  „, or a typewriter pair '' or ``) against
  dyad's direct and partial quotes and its reported speech holding a double
  quotation mark (matched among themselves).
- Source accuracy, over matched pairs whose gold attribution has a Source: the
  predicted speaker is right when its mention overlaps the gold Source span, or
  when the speaker's actor has a mention (from the actors stage) overlapping
  it; the second clause credits a continuation quote whose speaker was named
  earlier but whose gold Source is, say, a pronoun resolved to that actor.
- Articles annotated by several annotators (``name_<annotator>.ann``) count
  once: each annotator's counts are weighted 1/n.
"""

from __future__ import annotations

import bisect
import csv
import re
import time
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

from spacy.language import Language

from dyad.model import Analysis, Article, Quote, parse_date
from dyad.pipeline import analyze_articles

MIN_OVERLAP = 0.5
# Double quotation marks, typewriter pairs included: the New York Times texts
# in PolNeAR mark every quote with two apostrophes ('' … '').
QUOTE_MARK = re.compile(r"[“”\"«»„]|''|``")
_WORD = re.compile(r"\w+")
_TEXT_BOUND = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t", re.MULTILINE)
_EVENT = re.compile(r"^E\d+\t(.+)$", re.MULTILINE)

Pieces = list[tuple[int, int]]


@dataclass
class GoldAttribution:
    content: Pieces
    source: Pieces
    quote_marked: bool


@dataclass
class Counts:
    gold: float = 0.0
    predicted: float = 0.0
    matched: float = 0.0
    source_gold: float = 0.0
    source_correct: float = 0.0

    def add(self, other: Counts, weight: float) -> None:
        for name in ("gold", "predicted", "matched", "source_gold", "source_correct"):
            setattr(self, name, getattr(self, name) + weight * getattr(other, name))

    def report(self) -> dict:
        precision = self.matched / self.predicted if self.predicted else 0.0
        recall = self.matched / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "gold": round(self.gold, 2),
            "predicted": round(self.predicted, 2),
            "matched": round(self.matched, 2),
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "source_scored": round(self.source_gold, 2),
            "source_accuracy": round(self.source_correct / self.source_gold, 4)
            if self.source_gold
            else None,
        }


@dataclass
class ArticleScore:
    all: Counts = field(default_factory=Counts)
    quote_marked: Counts = field(default_factory=Counts)
    # (gold, predicted quote or None, source correct or None) for error analysis.
    pairs: list[tuple[GoldAttribution | None, Quote | None, bool | None]] = field(
        default_factory=list
    )


def _offsets(field_text: str) -> Pieces:
    pieces = []
    for part in field_text.split(";"):
        start, end = part.split()
        pieces.append((int(start), int(end)))
    return pieces


def read_brat(ann_text: str, text: str) -> list[GoldAttribution]:
    """Attributions of one brat file: those with a Content, with their Source if any."""
    bounds = {m.group(1): _offsets(m.group(3)) for m in _TEXT_BOUND.finditer(ann_text)}
    gold = []
    for match in _EVENT.finditer(ann_text):
        roles: dict[str, Pieces] = defaultdict(list)
        for argument in match.group(1).split():
            role, _, ref = argument.partition(":")
            role = role.rstrip("0123456789")
            roles[role].extend(bounds.get(ref, []))
        if not roles.get("Content"):
            continue
        content = sorted(roles["Content"])
        marked = any(QUOTE_MARK.search(text, s, e) for s, e in content)
        gold.append(GoldAttribution(content, sorted(roles.get("Source", [])), marked))
    return gold


class _Words:
    """Word tokens of a text, for comparing spans by the words they cover."""

    def __init__(self, text: str) -> None:
        spans = [m.span() for m in _WORD.finditer(text)]
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def of(self, pieces: Pieces) -> frozenset[int]:
        words: set[int] = set()
        for start, end in pieces:
            first = bisect.bisect_right(self.ends, start)
            last = bisect.bisect_left(self.starts, end)
            words.update(range(first, last))
        return frozenset(words)


def _overlaps(a: Pieces, b: Pieces) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def _source_correct(quote: Quote, gold: GoldAttribution, analysis: Analysis) -> bool:
    speaker = quote.speaker
    if speaker.start is not None and speaker.end is not None:
        if _overlaps([(speaker.start, speaker.end)], gold.source):
            return True
    if speaker.actor is None:
        return False
    return any(
        m.actor == speaker.actor and _overlaps([(m.start, m.end)], gold.source)
        for m in analysis.mentions
    )


def predictions(analysis: Analysis) -> list[Quote]:
    """dyad's quotes seen as PolNeAR attributions.

    Partial quotes inside dyad's reported speech are the same attribution and
    count once. PolNeAR makes one attribution of a cued quote and the uncued
    quotes that continue it in the same or the next paragraph (“A,” she said. “B.”), where
    dyad, like the seed gold, gives one quote per cue; such runs are joined.
    """
    text = analysis.article.text
    reports = [q for q in analysis.quotes if q.kind in ("indirect", "mixed")]
    joined: list[Quote] = []
    last_direct: int | None = None
    for quote in analysis.quotes:
        if quote.kind == "partial" and any(_overlaps(quote.spans, r.spans) for r in reports):
            continue
        previous = joined[last_direct] if last_direct is not None else None
        if (
            last_direct is not None
            and previous is not None
            and quote.kind == "direct"
            and quote.cue is None
            and quote.speaker == previous.speaker
            and text.count("\n", previous.spans[-1][1], quote.spans[0][0]) <= 2
        ):
            joined[last_direct] = replace(
                previous,
                spans=[*previous.spans, *quote.spans],
                text=f"{previous.text} {quote.text}",
            )
            continue
        if quote.kind == "direct":
            last_direct = len(joined)
        joined.append(quote)
    return joined


def _match(
    gold: list[GoldAttribution], predicted: list[Quote], words: _Words
) -> list[tuple[int, int]]:
    gold_words = [words.of(g.content) for g in gold]
    predicted_words = [words.of([(start, end) for start, end in q.spans]) for q in predicted]
    candidates = []
    for gi, gw in enumerate(gold_words):
        for pi, pw in enumerate(predicted_words):
            shared = len(gw & pw)
            if shared and shared >= MIN_OVERLAP * len(gw) and shared >= MIN_OVERLAP * len(pw):
                candidates.append((shared, gi, pi))
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs = []
    for _, gi, pi in sorted(candidates, reverse=True):
        if gi not in used_gold and pi not in used_predicted:
            used_gold.add(gi)
            used_predicted.add(pi)
            pairs.append((gi, pi))
    return pairs


def _counts(
    gold: list[GoldAttribution],
    predicted: list[Quote],
    analysis: Analysis,
    words: _Words,
    pairs_out: list | None = None,
) -> Counts:
    counts = Counts(gold=len(gold), predicted=len(predicted))
    matched_gold: set[int] = set()
    matched_predicted: set[int] = set()
    for gi, pi in _match(gold, predicted, words):
        counts.matched += 1
        matched_gold.add(gi)
        matched_predicted.add(pi)
        correct = None
        if gold[gi].source:
            counts.source_gold += 1
            correct = _source_correct(predicted[pi], gold[gi], analysis)
            counts.source_correct += correct
        if pairs_out is not None:
            pairs_out.append((gold[gi], predicted[pi], correct))
    if pairs_out is not None:
        pairs_out.extend((g, None, None) for i, g in enumerate(gold) if i not in matched_gold)
        pairs_out.extend(
            (None, q, None) for i, q in enumerate(predicted) if i not in matched_predicted
        )
    return counts


def _quote_marked(quote: Quote, text: str) -> bool:
    """Direct and partial quotes, and reported speech holding a double-quoted fragment."""
    if quote.kind in ("direct", "partial"):
        return True
    return any(QUOTE_MARK.search(text, s, e) for s, e in quote.spans)


def score_article(analysis: Analysis, gold: list[GoldAttribution]) -> ArticleScore:
    words = _Words(analysis.article.text)
    predicted = predictions(analysis)
    score = ArticleScore()
    score.all = _counts(gold, predicted, analysis, words, score.pairs)
    score.quote_marked = _counts(
        [g for g in gold if g.quote_marked],
        [q for q in predicted if _quote_marked(q, analysis.article.text)],
        analysis,
        words,
    )
    return score


def _metadata(path: Path) -> dict[str, dict[str, str]]:
    table = path.parent / "metadata.tsv"
    if not table.exists():
        return {}
    with table.open(encoding="utf-8", newline="") as handle:
        return {row["filename"]: row for row in csv.DictReader(handle, delimiter="\t")}


def load_articles(path: Path, limit: int | None = None) -> list[tuple[Article, list[Path]]]:
    """Articles of a PolNeAR compartment with their annotation files."""
    metadata = _metadata(path)
    annotations: dict[str, list[Path]] = defaultdict(list)
    for ann in sorted((path / "attributions").glob("*.ann")):
        annotations[ann.stem.rsplit("_", 1)[0]].append(ann)
    articles = []
    for text_path in sorted((path / "text").glob("*.txt")):
        name = text_path.stem
        if name not in annotations:
            continue
        meta = metadata.get(name, {})
        author = meta.get("author")
        article = Article(
            text=text_path.read_text(encoding="utf-8"),
            id=name,
            published=parse_date(meta.get("publication_date")),
            author=author if author and author != "None" else None,
            source=meta.get("publisher") or None,
            title=meta.get("title") or None,
        )
        articles.append((article, annotations[name]))
        if limit is not None and len(articles) >= limit:
            break
    return articles


def evaluate(path: Path, nlp: Language, limit: int | None = None) -> dict:
    """Content P/R/F1 and source accuracy of dyad's quotes on a PolNeAR compartment.

    ``path`` is a compartment directory such as ``…/polnear/dev``; ``limit``
    scores only its first articles (for quick runs while developing).
    """
    path = Path(path)
    articles = load_articles(path, limit)
    total_all, total_marked = Counts(), Counts()
    started = time.perf_counter()
    for (article, ann_paths), analysis in zip(
        articles, analyze_articles([a for a, _ in articles], nlp), strict=True
    ):
        weight = 1 / len(ann_paths)
        for ann in ann_paths:
            gold = read_brat(ann.read_text(encoding="utf-8"), article.text)
            score = score_article(analysis, gold)
            total_all.add(score.all, weight)
            total_marked.add(score.quote_marked, weight)
    return {
        "corpus": str(path),
        "articles": len(articles),
        "annotation_files": sum(len(anns) for _, anns in articles),
        "match": f"word overlap >= {MIN_OVERLAP:.0%} both ways, one to one",
        "quote_marked": total_marked.report(),
        "all": total_all.report(),
        "seconds": round(time.perf_counter() - started, 1),
    }
