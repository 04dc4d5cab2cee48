"""Exports for the tools analysts already use: JSONL, CSV, Parquet, GraphML and GEXF."""

from dyad.export.events import (
    EVENT_COLUMNS,
    event_rows,
    write_csv,
    write_parquet,
    write_parquet_dataset,
)
from dyad.export.graph import write_gexf, write_graphml
from dyad.export.jsonl import write_jsonl
from dyad.export.target import ExportError

FORMATS = ("jsonl", "csv", "parquet", "graphml", "gexf")

__all__ = [
    "EVENT_COLUMNS",
    "ExportError",
    "FORMATS",
    "event_rows",
    "write_csv",
    "write_gexf",
    "write_graphml",
    "write_jsonl",
    "write_parquet",
    "write_parquet_dataset",
]
