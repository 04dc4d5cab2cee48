"""One row per event, PLOVER/POLECAT style, for spreadsheets (CSV) and dataframes
(a Parquet dataset partitioned by month).

An event reported by several articles is one row: its evidence, URL and article
fields come from the earliest report, ``reports`` says how many there are.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date
from itertools import groupby, islice
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy import Connection, select

from dyad.export.target import written_atomically
from dyad.plover import quad_class
from dyad.query.actors import resolve_actor
from dyad.query.counts import involving
from dyad.query.events import dated_first
from dyad.query.filters import NO_FILTERS, Filters
from dyad.store import Store, schema

CHUNK = 5000

# (column, Arrow type): the order of CSV columns too.
EVENT_FIELDS: list[tuple[str, pa.DataType]] = [
    ("event_id", pa.int64()),
    ("date", pa.string()),
    ("time_value", pa.string()),
    ("time_mod", pa.string()),
    ("event_type", pa.string()),
    ("event_mode", pa.string()),
    ("quad_class", pa.string()),
    ("status", pa.string()),
    ("source_actor", pa.string()),
    ("source_id", pa.string()),
    ("source_kind", pa.string()),
    ("source_country", pa.string()),
    ("source_sector", pa.string()),
    ("target_actor", pa.string()),
    ("target_id", pa.string()),
    ("target_kind", pa.string()),
    ("target_country", pa.string()),
    ("target_sector", pa.string()),
    ("other_actors", pa.string()),
    ("location", pa.string()),
    ("location_country", pa.string()),
    ("reported_by", pa.string()),
    ("reports", pa.int32()),
    ("evidence", pa.string()),
    ("sentence", pa.string()),
    ("article_id", pa.string()),
    ("url", pa.string()),
    ("title", pa.string()),
    ("publisher", pa.string()),
    ("published", pa.string()),
]
EVENT_COLUMNS = [name for name, _ in EVENT_FIELDS]


def event_rows(
    store: Store,
    filters: Filters = NO_FILTERS,
    actor: str | None = None,
    counterpart: str | None = None,
) -> Iterator[dict[str, Any]]:
    """Every event that passes ``filters``, oldest first (undated last); with ``actor``,
    its events (those acting for it included), with ``counterpart`` too, the dyad's:
    the events of its timeline."""
    events = schema.events
    query = filters.events(select(events)).order_by(*dated_first(events))
    actors: dict[str, Any] = {}
    with store.engine.connect() as reader, store.engine.connect() as lookup:
        if actor:
            ids = resolve_actor(lookup, actor)
            others = resolve_actor(lookup, counterpart) if counterpart else None
            query = query.where(involving(ids, others))
        rows = reader.execution_options(stream_results=True, yield_per=CHUNK).execute(query)
        while chunk := list(islice(rows, CHUNK)):
            reports = _first_reports(lookup, [row.id for row in chunk])
            _load_actors(lookup, actors, chunk)
            for row in chunk:
                yield _row(row, reports.get(row.id), actors)


def _first_reports(conn: Connection, event_ids: list[int]) -> dict[int, tuple[Any, int]]:
    """For each event, its earliest report and the number of reports."""
    evidence, articles = schema.evidence, schema.articles
    found: dict[int, tuple[Any, int]] = {}
    rows = conn.execute(
        select(
            evidence,
            articles.c.url,
            articles.c.title,
            articles.c.source.label("publisher"),
            articles.c.published,
        )
        .join(articles, articles.c.id == evidence.c.article_id)
        .where(evidence.c.event_id.in_(event_ids))
    )
    for row in rows:
        first, count = found.get(row.event_id, (row, 0))
        if _report_order(row) < _report_order(first):
            first = row
        found[row.event_id] = (first, count + 1)
    return found


def _report_order(report: Any) -> tuple[bool, date, str]:
    """Oldest first, undated last; the article id breaks ties."""
    return report.published is None, report.published or date.min, report.article_id


def _load_actors(conn: Connection, known: dict[str, Any], chunk: list) -> None:
    wanted = {i for row in chunk for i in (row.source_id, row.target_id) if i} - set(known)
    if wanted:
        for row in conn.execute(select(schema.actors).where(schema.actors.c.id.in_(wanted))):
            known[row.id] = row


def _row(event, report: tuple[Any, int] | None, actors: dict[str, Any]) -> dict[str, Any]:
    first, count = report if report else (None, 0)
    row: dict[str, Any] = {
        "event_id": event.id,
        "date": event.sort_date,
        "time_value": event.time_value,
        "time_mod": event.time_mod,
        "event_type": event.type,
        "event_mode": event.mode,
        "quad_class": quad_class(event.type),
        "status": event.status,
        "location": event.location_name,
        "location_country": event.location_country,
        "reports": count,
    }
    for side, actor_id in (("source", event.source_id), ("target", event.target_id)):
        actor = actors.get(actor_id)
        row[f"{side}_actor"] = actor.name if actor else actor_id
        row[f"{side}_id"] = actor_id
        row[f"{side}_kind"] = actor.kind if actor else None
        row[f"{side}_country"] = actor.country if actor else None
        row[f"{side}_sector"] = actor.sector if actor else None
    row["other_actors"] = ";".join(first.others or []) if first else None
    row["reported_by"] = first.reported_by if first else None
    row["evidence"] = first.text if first else None
    row["sentence"] = first.sentence_text if first else None
    for name in ("article_id", "url", "title", "publisher"):
        row[name] = getattr(first, name) if first else None
    row["published"] = first.published.isoformat() if first and first.published else None
    return {name: row[name] for name in EVENT_COLUMNS}


def write_csv(store: Store, out: Path, filters: Filters = NO_FILTERS) -> int:
    count = 0
    with (
        written_atomically(Path(out), store) as partial,
        open(partial, "w", encoding="utf-8", newline="") as stream,
    ):
        writer = csv.DictWriter(stream, fieldnames=EVENT_COLUMNS)
        writer.writeheader()
        for row in event_rows(store, filters):
            writer.writerow(row)
            count += 1
    return count


UNDATED = "undated"  # the month partition of events with no date


def write_parquet(store: Store, out: Path, filters: Filters = NO_FILTERS) -> int:
    """Events as one Parquet file; ``write_parquet_dataset`` splits them by month."""
    arrow_schema = pa.schema(EVENT_FIELDS)
    with (
        written_atomically(Path(out), store) as partial,
        pq.ParquetWriter(partial, arrow_schema) as writer,
    ):
        count = _write_rows(writer, event_rows(store, filters))
        if count == 0:
            writer.write_table(arrow_schema.empty_table())
    return count


def write_parquet_dataset(store: Store, out: Path, filters: Filters = NO_FILTERS) -> int:
    """Events as a Parquet dataset partitioned by month: ``out/month=2024-03/part-0.parquet``.

    Hive-style folders, so DuckDB (``read_parquet('out/**/*.parquet',
    hive_partitioning=true)``), pandas (``read_parquet(out)``), Polars and Arrow
    read the folder as one table with a ``month`` column, and a filter on
    ``month`` reads only those files. Undated events are in ``month=undated``.
    Rows come oldest first, so each month is written in one go and memory stays
    flat. ``out`` must not hold anything yet: files of an older export would
    mix with the new.
    """
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise FileExistsError(f"{out} already exists; a Parquet dataset needs a new folder")
    arrow_schema = pa.schema(EVENT_FIELDS)
    out.mkdir(parents=True, exist_ok=True)
    count = 0
    by_month = groupby(event_rows(store, filters), key=_month)
    for month, rows in by_month:
        folder = out / f"month={month}"
        folder.mkdir()
        with pq.ParquetWriter(folder / "part-0.parquet", arrow_schema) as writer:
            count += _write_rows(writer, rows)
    return count


def _write_rows(writer: pq.ParquetWriter, rows: Iterator[dict[str, Any]]) -> int:
    count = 0
    while batch := list(islice(rows, 50_000)):
        writer.write_table(pa.Table.from_pylist(batch, schema=writer.schema))
        count += len(batch)
    return count


def _month(row: dict[str, Any]) -> str:
    return row["date"][:7] if row["date"] else UNDATED
