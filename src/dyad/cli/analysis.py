"""``dyad extract`` and ``dyad ingest``: articles in, analyses out."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn
from rich.table import Table

from dyad.batch import BatchOptions, analyze_many
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
)
from dyad.dataset import write_dataset
from dyad.ingest import IngestOptions, Skipped, read_sources
from dyad.ingest.dedup import ALREADY_STORED, Duplicate, DuplicateFinder
from dyad.model import ARTICLE_FIELDS, Article
from dyad.pipeline import analyze_articles
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
        help="Where CSV/JSONL keep article fields, e.g. text=body,title=headline,published=date.",
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


def ingest_options(columns: str | None, language: str, fetch: bool) -> IngestOptions:
    mapping = {}
    for pair in (columns or "").split(","):
        if not pair.strip():
            continue
        name, sep, column = (part.strip() for part in pair.partition("="))
        if not sep or not column or name not in ARTICLE_FIELDS:
            fields = ", ".join(ARTICLE_FIELDS)
            fail(f"--columns takes FIELD=COLUMN pairs with FIELD one of {fields}, not {pair!r}")
        mapping[name] = column
    wanted = None if language.lower() in ("any", "all") else language.lower()
    if wanted is not None and not (wanted.isalpha() and len(wanted) in (2, 3)):
        fail(f"--language takes a language code such as en, or any, not {language!r}")
    return IngestOptions(language=wanted, columns=mapping, fetch_links=fetch)


@app.command()
def extract(
    paths: PathsArgument,
    published: PublishedOption = None,
    jsonl: JsonlOption = False,
    model: ModelOption = DEFAULTS["model"],
    kb: KbOption = None,
    columns: ColumnsOption = None,
    language: LanguageOption = "en",
    fetch: FetchOption = False,
) -> None:
    """Print the analysis of each article as JSON (one object per article)."""
    published = check_date(published)
    options = ingest_options(columns, language, fetch)
    skipped: list[Skipped] = []

    def articles() -> Iterator[Article]:
        for item in read_sources(paths, jsonl=jsonl, published=published, options=options):
            if isinstance(item, Skipped):
                skipped.append(item)
                errors.print(f"skipped {item.source}: {item.reason}", highlight=False)
            else:
                yield item

    nlp = load_model(model, kb)
    done = 0
    for analysis in analyze_articles(articles(), nlp):
        sys.stdout.write(analysis.to_json(indent=None if jsonl else 2) + "\n")
        sys.stdout.flush()
        done += 1
    if not done:
        fail("no article could be read" if skipped else "no input", code=1)


@app.command()
def ingest(
    paths: PathsArgument,
    db: DbOption = DEFAULTS["db"],
    published: PublishedOption = None,
    jsonl: JsonlOption = False,
    model: ModelOption = DEFAULTS["model"],
    kb: KbOption = None,
    columns: ColumnsOption = None,
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
    published = check_date(published)
    options = ingest_options(columns, language, fetch)
    if out is not None and not (out.startswith("parquet:") and out[len("parquet:") :]):
        fail(f"--out takes parquet:DIR, not {out!r}")
    if dask is not None and not dask.startswith(("tcp://", "tls://", "local:")):
        fail(f"--dask takes tcp://HOST:PORT or local:N, not {dask!r}")
    batch = BatchOptions(
        model=model, kb_paths=tuple(str(p) for p in kb or ()), workers=workers, dask=dask
    )
    report: Counter[str] = Counter()
    skipped: Counter[str] = Counter()
    store = Store(db)
    finder = DuplicateFinder(store)
    progress = Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=errors,
        transient=True,
    )

    def new_articles(task) -> Iterator[Article]:
        for item in read_sources(paths, jsonl=jsonl, published=published, options=options):
            report["read"] += 1
            progress.update(task, description=f"read {report['read']} · analysing")
            if isinstance(item, Skipped):
                skipped[item.kind] += 1
                errors.print(f"skipped {item.source}: {item.reason}", highlight=False)
                continue
            verdict = finder.check(item)
            if verdict == ALREADY_STORED:
                report["already stored"] += 1
            elif isinstance(verdict, Duplicate):
                report[f"duplicates ({verdict.kind})"] += 1
                finder.link(item, verdict)
                alike = f", {verdict.similarity:.0%} alike" if verdict.kind == "near" else ""
                errors.print(
                    f"duplicate ({verdict.kind}{alike}) {_describe(item)}: "
                    f"copy of article {verdict.first}",
                    highlight=False,
                    style="dim",
                )
            else:
                finder.remember(item)
                report["queued"] += 1
                progress.update(task, total=report["queued"])
                yield item

    with progress:
        task = progress.add_task("reading", total=0)
        load_model(model, kb)  # a bad model name fails here, once, not in every worker
        if out is not None:
            directory = Path(out[len("parquet:") :])
            for _, count in write_dataset(new_articles(task), directory, batch):
                report["written"] += count
                progress.advance(task, count)
        else:
            for analysis in analyze_many(new_articles(task), batch):
                report["stored" if store.add(analysis) else "already stored"] += 1
                finder.stored(analysis.article)
                progress.advance(task)
    store.close()
    _print_report(report, skipped, out or db, done="written" if out else "stored")


def _describe(article: Article) -> str:
    return article.url or article.title or article.id


def _print_report(report: Counter[str], skipped: Counter[str], db: str, done: str) -> None:
    table = Table(
        title=f"ingest into {Path(db).name if '://' not in db else db}", show_header=False
    )
    for key in ("read", done, "already stored"):
        table.add_row(key, str(report[key]))
    for key in ("duplicates (exact)", "duplicates (near)"):
        if report[key]:
            table.add_row(key, str(report[key]))
    for reason, count in skipped.most_common():
        table.add_row(f"skipped: {reason}", str(count))
    console.print(table)
