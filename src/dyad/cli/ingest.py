"""``dyad extract``, ``dyad ingest`` and ``dyad load``: articles in, analyses out.

Each command is one call into ``dyad.service``; what is here turns options into
its arguments and draws its progress and report.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, SpinnerColumn, TextColumn
from rich.progress import Progress as ProgressBar
from rich.table import Table

from dyad import service
from dyad.batch import BatchOptions
from dyad.cli.app import app
from dyad.cli.common import (
    DEFAULTS,
    DbOption,
    JsonlOption,
    KbOption,
    ModelOption,
    PublishedOption,
    check_date,
    console,
    errors,
    fail,
    load_model,
    shown,
)
from dyad.ingest import IngestOptions, Skipped
from dyad.ingest.dedup import Duplicate
from dyad.ingest.items import BadInput
from dyad.ingest.metadata import MetadataTable
from dyad.model import ARTICLE_FIELDS, Article
from dyad.nlp import ModelNotFound
from dyad.store import Store

PathsArgument = Annotated[
    list[str],
    typer.Argument(
        help="Files (text, HTML, RSS/Atom, WARC, JSONL, CSV), folders (read recursively), "
        "URLs, or - for stdin."
    ),
]
ColumnsOption = Annotated[
    str | None,
    typer.Option(
        "--columns",
        help="Where CSV/JSONL inputs and the --meta table keep article fields, e.g. "
        "text=body,title=headline,published=date; file=COLUMN: the --meta table's file names.",
    ),
]
MetaOption = Annotated[
    Path | None,
    typer.Option(
        "--meta",
        help="Table (CSV, TSV or JSONL) of title, published, source, author, url for the text "
        "and HTML files read, one row per file, matched by file name.",
    ),
]
LanguageOption = Annotated[
    str,
    typer.Option("--language", help="Keep only articles in this language (ISO 639-1); any: all."),
]
FetchOption = Annotated[
    bool,
    typer.Option("--fetch", help="Download the page a feed entry links to if the feed lacks it."),
]
WorkersOption = Annotated[
    int,
    typer.Option("--workers", min=0, help="Local processes analysing articles; 0: every core."),
]
DaskOption = Annotated[
    str | None,
    typer.Option(
        "--dask",
        help="Analyse on a Dask cluster: a scheduler address (tcp://host:8786) "
        "or local:N for a local cluster of N workers.",
    ),
]
OutOption = Annotated[
    str | None,
    typer.Option(
        "--out",
        help="parquet:DIR writes analyses to a Parquet dataset (bring it in with dyad load) "
        "instead of the store.",
    ),
]


def ingest_options(
    columns: str | None, language: str, fetch: bool, meta: Path | None = None
) -> IngestOptions:
    mapping = {}
    names = (*ARTICLE_FIELDS, "file")
    for pair in (columns or "").split(","):
        if not pair.strip():
            continue
        name, sep, column = (part.strip() for part in pair.partition("="))
        if not sep or not column or name not in names:
            listed = ", ".join(names)
            fail(f"--columns takes FIELD=COLUMN pairs with FIELD one of {listed}, not {pair!r}")
        mapping[name] = column
    if "file" in mapping and meta is None:
        fail("--columns file=… names the file column of a --meta table, and there is none")
    wanted = None if language.lower() in ("any", "all") else language.lower()
    if wanted is not None and not (wanted.isalpha() and len(wanted) in (2, 3)):
        fail(f"--language takes a language code such as en, or any, not {language!r}")
    table = None
    if meta is not None:
        try:
            table = MetadataTable(meta, mapping)
        except BadInput as error:
            fail(f"--meta: {error}")
    return IngestOptions(language=wanted, columns=mapping, fetch_links=fetch, metadata=table)


def report_unmatched(options: IngestOptions) -> None:
    """One line on the files the --meta table has no row for (they keep their own metadata)."""
    table = options.metadata
    if table is not None and table.unmatched:
        count = len(table.unmatched)
        errors.print(
            f"{count} file{'s' * (count != 1)} without a row in {table.path.name}"
            f" (first: {table.unmatched[0]})",
            highlight=False,
        )


class SkipPrinter(service.Progress):
    """Names every skipped input on stderr, one line each."""

    def __init__(self) -> None:
        self.count = 0

    def skipped(self, item: Skipped) -> None:
        self.count += 1
        errors.print(f"skipped {shown(item.source)}: {shown(item.reason)}", highlight=False)


@app.command()
def extract(
    paths: PathsArgument,
    published: PublishedOption = None,
    jsonl: JsonlOption = False,
    model: ModelOption = DEFAULTS["model"],
    kb: KbOption = None,
    columns: ColumnsOption = None,
    meta: MetaOption = None,
    language: LanguageOption = "en",
    fetch: FetchOption = False,
) -> None:
    """Print the analysis of each article as JSON (one object per article)."""
    day = check_date(published)
    options = ingest_options(columns, language, fetch, meta)
    nlp = load_model(model, kb)
    progress = SkipPrinter()
    done = 0
    analyses = service.extract(paths, nlp, options, jsonl=jsonl, published=day, progress=progress)
    for analysis in analyses:
        sys.stdout.write(analysis.to_json(indent=None if jsonl else 2) + "\n")
        sys.stdout.flush()
        done += 1
    report_unmatched(options)
    if not done:
        fail("no article could be read" if progress.count else "no input", code=1)


class IngestBar(SkipPrinter):
    """A progress bar of articles read, queued and analysed; copies named on stderr."""

    def __init__(self, bar: ProgressBar) -> None:
        super().__init__()
        self.bar = bar
        self.task = bar.add_task("reading", total=0)

    def read(self, report: service.IngestReport) -> None:
        self.bar.update(self.task, description=f"read {report.read} · analysing")

    def duplicate(self, article: Article, duplicate: Duplicate) -> None:
        alike = f", {duplicate.similarity:.0%} alike" if duplicate.kind == "near" else ""
        errors.print(
            f"duplicate ({duplicate.kind}{alike}) {shown(_describe(article))}: "
            f"copy of article {shown(duplicate.first)}",
            highlight=False,
            style="dim",
        )

    def queued(self, report: service.IngestReport) -> None:
        self.bar.update(self.task, total=report.queued)

    def done(self, count: int) -> None:
        self.bar.advance(self.task, count)


@app.command()
def ingest(
    paths: PathsArgument,
    db: DbOption = DEFAULTS["db"],
    published: PublishedOption = None,
    jsonl: JsonlOption = False,
    model: ModelOption = DEFAULTS["model"],
    kb: KbOption = None,
    columns: ColumnsOption = None,
    meta: MetaOption = None,
    language: LanguageOption = "en",
    fetch: FetchOption = False,
    workers: WorkersOption = 0,
    dask: DaskOption = None,
    out: OutOption = None,
) -> None:
    """Analyse articles and add them to the store.

    Articles already stored, and copies of stored articles (the same text, or a
    near-identical wire copy), are not analysed again; copies are linked to the first.
    """
    day = check_date(published)
    options = ingest_options(columns, language, fetch, meta)
    if out is not None and not (out.startswith("parquet:") and out[len("parquet:") :]):
        fail(f"--out takes parquet:DIR, not {out!r}")
    if dask is not None and not dask.startswith(("tcp://", "tls://", "local:")):
        fail(f"--dask takes tcp://HOST:PORT or local:N, not {dask!r}")
    batch = BatchOptions(
        model=model, kb_paths=tuple(str(p) for p in kb or ()), workers=workers, dask=dask
    )
    directory = Path(out[len("parquet:") :]) if out is not None else None
    with Store(db) as store, _bar("[progress.description]{task.description}") as bar:
        try:
            report = service.ingest(
                paths,
                store,
                options,
                jsonl=jsonl,
                published=day,
                batch=batch,
                out=directory,
                progress=IngestBar(bar),
            )
        except ModelNotFound as error:
            fail(str(error))
    report_unmatched(options)
    _print_report(report, out or db, done="written" if out else "stored")


@app.command()
def load(
    directory: Annotated[
        Path, typer.Argument(help="Dataset written by `dyad ingest --out parquet:DIR`.")
    ],
    db: DbOption = DEFAULTS["db"],
) -> None:
    """Load analysed articles from a Parquet dataset into the store."""
    if not directory.is_dir() or not any(directory.glob("part-*.parquet")):
        fail(f"{directory} holds no dataset (part-*.parquet files)")
    with Store(db) as store, _bar("loading", total=False) as bar:
        report = service.load(directory, store, progress=LoadBar(bar))
    console.print(
        f"{report.stored} articles stored, {report.already_stored} already in {shown(db)}"
    )


class LoadBar(service.Progress):
    def __init__(self, bar: ProgressBar) -> None:
        self.bar = bar
        self.task = bar.add_task("loading", total=None)

    def done(self, count: int) -> None:
        self.bar.advance(self.task, count)


def _bar(description: str, total: bool = True) -> ProgressBar:
    """A transient progress bar on stderr; ``total``: with a bar towards a known total."""
    columns = [SpinnerColumn(), TextColumn(description)]
    columns += [BarColumn(), MofNCompleteColumn()] if total else [MofNCompleteColumn()]
    return ProgressBar(*columns, console=errors, transient=True)


def _describe(article: Article) -> str:
    return article.url or article.title or article.id


def _print_report(report: service.IngestReport, db: str, done: str) -> None:
    table = Table(
        title=f"ingest into {shown(Path(db).name if '://' not in db else db)}", show_header=False
    )
    table.add_row("read", str(report.read))
    table.add_row(done, str(report.stored))
    table.add_row("already stored", str(report.already_stored))
    for kind in ("exact", "near"):
        if report.duplicates[kind]:
            table.add_row(f"duplicates ({kind})", str(report.duplicates[kind]))
    for reason, count in report.skipped.most_common():
        table.add_row(f"skipped: {shown(reason)}", str(count))
    console.print(table)
