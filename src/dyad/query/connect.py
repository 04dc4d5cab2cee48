"""What every query reads from: a store, or a connection already open on one.

The CLI and scripts pass the ``Store``; the web app passes the connection of its
request, so that one request reads one snapshot through one connection.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection

from dyad.store import Store

Database = Store | Connection


@contextmanager
def connect(db: Database) -> Iterator[Connection]:
    """A connection to read from: the one given (left open), or a new one of the store."""
    if isinstance(db, Connection):
        yield db
        return
    with db.engine.connect() as conn:
        yield conn
