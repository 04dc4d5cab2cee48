"""The store as a whole: ``dyad export`` and ``dyad migrate``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from dyad.cli.app import app
from dyad.cli.common import (
    DEFAULTS,
    DbOption,
    SinceOption,
    SourceOption,
    StatusOption,
    UntilOption,
    console,
    errors,
    export_errors,
    fail,
    open_store,
    query_filters,
    shown,
)
from dyad.export import (
    FORMATS,
    write_csv,
    write_gexf,
    write_graphml,
    write_jsonl,
    write_parquet,
    write_parquet_dataset,
)
from dyad.store.migrate import head_revision


@app.command("export")
def export_command(
    fmt: Annotated[str, typer.Argument(metavar="FORMAT", help=", ".join(FORMATS))],
    out: Annotated[Path, typer.Option("--out", "-o", help="File to write.")],
    db: DbOption = DEFAULTS["db"],
    since: SinceOption = None,
    until: UntilOption = None,
    source: SourceOption = None,
    status: StatusOption = None,
    by_month: Annotated[
        bool,
        typer.Option(
            "--by-month",
            help="parquet: a dataset partitioned by month in --out, a new folder "
            "(DuckDB, pandas and Polars read it whole).",
        ),
    ] = False,
) -> None:
    """Export analyses (jsonl), events (csv, parquet) or the actor network (graphml, gexf)."""
    if fmt not in FORMATS:
        fail(f"FORMAT must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if by_month and fmt != "parquet":
        fail("--by-month is for parquet")
    if fmt == "jsonl" and status:
        fail("--status filters events; jsonl exports whole articles")
    filters = query_filters(since, until, source, status)
    with open_store(db) as store, export_errors():
        if fmt == "jsonl":
            written = f"{write_jsonl(store, out, filters)} articles"
        elif fmt == "csv":
            written = f"{write_csv(store, out, filters)} events"
        elif fmt == "parquet" and by_month:
            try:
                written = f"{write_parquet_dataset(store, out, filters)} events"
            except FileExistsError as error:
                fail(str(error))
        elif fmt == "parquet":
            written = f"{write_parquet(store, out, filters)} events"
        else:
            draw = write_graphml if fmt == "graphml" else write_gexf
            graph = draw(store, out, filters)
            written = f"{graph.number_of_nodes()} actors, {graph.number_of_edges()} edges"
    errors.print(f"{written} → {shown(out)}", highlight=False)


@app.command("migrate")
def migrate_command(db: DbOption = DEFAULTS["db"]) -> None:
    """Create the store or bring it to the current schema, in one transaction.

    Other commands refuse a store made by an older dyad until this has run; if it
    is cut short (Ctrl-C, a kill, a full disk) the store stays as it was: run it again.
    """
    with open_store(db, read_only=False, upgrade=True):
        pass
    console.print(f"{shown(db)}: schema at revision {head_revision()}")
