"""JSONL: one analysis per line, exactly as ``dyad extract --jsonl`` prints it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from sqlalchemy import select

from dyad.export.target import written_atomically
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
        with _opened(out, store) as stream:
            for start in range(0, len(ids), CHUNK):
                for analysis in read_analyses(conn, ids[start : start + CHUNK]):
                    stream.write(analysis.to_json() + "\n")
    return len(ids)


@contextmanager
def _opened(out: Path | TextIO, store: Store) -> Iterator[TextIO]:
    """A path is written atomically (and closed) here; an open stream is used as it is."""
    if not isinstance(out, Path | str):
        yield out
        return
    with (
        written_atomically(Path(out), store) as partial,
        open(partial, "w", encoding="utf-8", newline="\n") as stream,
    ):
        yield stream
