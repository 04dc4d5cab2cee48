"""``dyad load``: bring a Parquet dataset of analyses into a store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

from dyad.cli.app import app
from dyad.cli.common import DEFAULTS, DbOption, console, errors, fail
from dyad.dataset import read_dataset
from dyad.ingest.dedup import DuplicateFinder
from dyad.store import Store


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
    stored = already = 0
    with (
        Store(db) as store,
        Progress(
            SpinnerColumn(),
            TextColumn("loading"),
            MofNCompleteColumn(),
            console=errors,
            transient=True,
        ) as progress,
    ):
        task = progress.add_task("loading", total=None)
        finder = DuplicateFinder(store)
        for analysis in read_dataset(directory):
            if store.add(analysis):
                # Later ingests must recognise copies of these articles too.
                finder.remember(analysis.article)
                finder.stored(analysis.article)
                stored += 1
            else:
                already += 1
            progress.advance(task)
    console.print(f"{stored} articles stored, {already} already in {db}")
