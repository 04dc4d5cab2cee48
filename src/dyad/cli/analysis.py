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
from dyad.ingest import Skipped, read_sources
from dyad.model import Article
from dyad.pipeline import analyze_articles
from dyad.store import Store

PathsArgument = Annotated[
    list[str], typer.Argument(help="Files, folders (read recursively) or - for stdin.")
]


@app.command()
def extract(
    paths: PathsArgument,
    published: PublishedOption = None,
    jsonl: JsonlOption = False,
    model: ModelOption = DEFAULTS["model"],
    kb: KbOption = None,
) -> None:
    """Print the analysis of each article as JSON (one object per article)."""
    published = check_date(published)
    skipped: list[Skipped] = []

    def articles() -> Iterator[Article]:
        for item in read_sources(paths, jsonl=jsonl, published=published):
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
) -> None:
    """Analyse articles and add them to the store; articles already stored are skipped."""
    published = check_date(published)
    report: Counter[str] = Counter()
    skipped: Counter[str] = Counter()
    store = Store(db)
    progress = Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=errors,
        transient=True,
    )

    def new_articles(task) -> Iterator[Article]:
        for item in read_sources(paths, jsonl=jsonl, published=published):
            report["read"] += 1
            if isinstance(item, Skipped):
                skipped[item.reason] += 1
                errors.print(f"skipped {item.source}: {item.reason}", highlight=False)
            elif store.has_article(item.hash):
                report["already stored"] += 1
            else:
                report["queued"] += 1
                progress.update(task, total=report["queued"])
                yield item

    with progress:
        task = progress.add_task("analysing", total=0)
        nlp = load_model(model, kb)
        for analysis in analyze_articles(new_articles(task), nlp):
            report["stored" if store.add(analysis) else "already stored"] += 1
            progress.advance(task)
    store.close()
    _print_report(report, skipped, db)


def _print_report(report: Counter[str], skipped: Counter[str], db: str) -> None:
    table = Table(
        title=f"ingest into {Path(db).name if '://' not in db else db}", show_header=False
    )
    for key in ("read", "stored", "already stored"):
        table.add_row(key, str(report[key]))
    for reason, count in skipped.most_common():
        table.add_row(f"skipped: {reason}", str(count))
    console.print(table)
