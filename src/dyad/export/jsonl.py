"""JSONL: one analysis per line, exactly as ``dyad extract --jsonl`` prints it."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from sqlalchemy import select

from dyad.query.filters import NO_FILTERS, Filters
from dyad.store import Store, schema
from dyad.store.read import read_analyses

CHUNK = 500


def write_jsonl(store: Store, out: Path | TextIO, filters: Filters = NO_FILTERS) -> int:
    """Write the stored articles (oldest first) that pass ``filters``; returns how many."""
    articles = schema.articles
    with store.engine.connect() as conn:
        ids = list(
            conn.execute(
                filters.articles(select(articles.c.id)).order_by(
                    articles.c.published, articles.c.id
                )
            ).scalars()
        )
        with _open(out) as stream:
            for start in range(0, len(ids), CHUNK):
                for analysis in read_analyses(conn, ids[start : start + CHUNK]):
                    stream.write(analysis.to_json() + "\n")
    return len(ids)


class _open:
    """A path is opened (and closed) here; an open stream is used as it is."""

    def __init__(self, out: Path | TextIO) -> None:
        self.out = out
        self.stream: TextIO | None = None

    def __enter__(self) -> TextIO:
        if isinstance(self.out, Path | str):
            self.stream = open(self.out, "w", encoding="utf-8", newline="\n")
            return self.stream
        return self.out

    def __exit__(self, *_exc: object) -> None:
        if self.stream:
            self.stream.close()
