"""dyad's main use cases as library calls: read → dedup → analyse → store.

The ``dyad`` commands, the batch code and the tests all call these; the
commands only turn options into arguments and render what comes back::

    from dyad.service import ingest
    with Store("dyad.db") as store:
        report = ingest(["corpus/"], store)
    print(report.stored, report.already_stored)

Each call returns a small report; a ``Progress`` passed in hears about every
article as it goes (the command line draws a progress bar from it).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from spacy.language import Language

from dyad.batch import BatchOptions, analyze_many
from dyad.dataset import read_dataset, write_dataset
from dyad.ingest import IngestOptions, Skipped, read_sources
from dyad.ingest.dedup import ALREADY_STORED, Duplicate, DuplicateFinder
from dyad.model import Analysis, Article
from dyad.nlp import cached_nlp
from dyad.pipeline import analyze_articles
from dyad.store import Store


class Progress:
    """What a call reports as it goes. Subclass it and override what you want to hear;
    the default hears nothing."""

    def read(self, report: IngestReport) -> None:
        """One more input was read (an article or a skipped input)."""

    def skipped(self, item: Skipped) -> None:
        """An input that could not become an article."""

    def duplicate(self, article: Article, duplicate: Duplicate) -> None:
        """``article`` copies one already stored or queued; it is linked, not analysed."""

    def queued(self, report: IngestReport) -> None:
        """A new article is on its way to be analysed (``report.queued`` so far)."""

    def done(self, count: int) -> None:
        """``count`` more articles are analysed and stored (or written, or loaded)."""


@dataclass
class IngestReport:
    """What one ``ingest`` did, article by article."""

    read: int = 0
    queued: int = 0  # new articles sent to be analysed
    stored: int = 0  # analyses added to the store (or written to the dataset with ``out``)
    already_stored: int = 0
    duplicates: Counter[str] = field(default_factory=Counter)  # "exact"/"near" -> count
    skipped: Counter[str] = field(default_factory=Counter)  # Skipped.kind -> count


@dataclass
class LoadReport:
    """What one ``load`` did."""

    stored: int = 0
    already_stored: int = 0


def read_articles(
    sources: Iterable[str],
    options: IngestOptions | None = None,
    *,
    jsonl: bool = False,
    published: date | None = None,
    progress: Progress | None = None,
) -> Iterator[Article]:
    """The articles ``sources`` hold; inputs that are not one go to ``progress.skipped``."""
    progress = progress or Progress()
    for item in read_sources(sources, jsonl=jsonl, published=published, options=options):
        if isinstance(item, Skipped):
            progress.skipped(item)
        else:
            yield item


def extract(
    sources: Iterable[str],
    nlp: Language,
    options: IngestOptions | None = None,
    *,
    jsonl: bool = False,
    published: date | None = None,
    progress: Progress | None = None,
) -> Iterator[Analysis]:
    """The analysis of every article ``sources`` hold, in order; nothing is stored."""
    articles = read_articles(sources, options, jsonl=jsonl, published=published, progress=progress)
    yield from analyze_articles(articles, nlp)


def ingest(
    sources: Iterable[str],
    store: Store,
    options: IngestOptions | None = None,
    *,
    jsonl: bool = False,
    published: date | None = None,
    batch: BatchOptions | None = None,
    out: Path | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Analyse the articles ``sources`` hold and add them to ``store``.

    Articles already stored, and copies of stored or earlier articles (the same
    text, or a near-identical wire copy), are not analysed again; copies are
    linked to the first. With ``out``, analyses go to a Parquet dataset in that
    folder (bring it in with ``load``) and ``store`` only answers what is stored.
    Raises ``ModelNotFound`` before reading anything if the model is not installed.
    """
    batch = batch or BatchOptions()
    progress = progress or Progress()
    report = IngestReport()
    finder = DuplicateFinder(store)

    def new_articles() -> Iterator[Article]:
        for item in read_sources(sources, jsonl=jsonl, published=published, options=options):
            report.read += 1
            progress.read(report)
            if isinstance(item, Skipped):
                report.skipped[item.kind] += 1
                progress.skipped(item)
                continue
            verdict = finder.check(item)
            if verdict == ALREADY_STORED:
                report.already_stored += 1
            elif isinstance(verdict, Duplicate):
                report.duplicates[verdict.kind] += 1
                finder.link(item, verdict)
                progress.duplicate(item, verdict)
            else:
                finder.remember(item)
                report.queued += 1
                progress.queued(report)
                yield item

    cached_nlp(batch.model, batch.kb_paths)  # a bad model name fails here, once, not per worker
    if out is not None:
        for _, count in write_dataset(new_articles(), out, batch):
            report.stored += count
            progress.done(count)
    else:
        for analysis in analyze_many(new_articles(), batch):
            if store.add(analysis):
                report.stored += 1
            else:
                report.already_stored += 1
            finder.stored(analysis.article)
            progress.done(1)
    return report


def load(directory: Path, store: Store, *, progress: Progress | None = None) -> LoadReport:
    """Add the analyses of a Parquet dataset (written by ``ingest(out=…)``) to ``store``."""
    progress = progress or Progress()
    report = LoadReport()
    finder = DuplicateFinder(store)
    for analysis in read_dataset(directory):
        if store.add(analysis):
            # Later ingests must recognise copies of these articles too.
            finder.remember(analysis.article)
            finder.stored(analysis.article)
            report.stored += 1
        else:
            report.already_stored += 1
        progress.done(1)
    return report
