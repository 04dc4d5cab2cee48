"""The store's query time limit (as datasette enforces its own in ``Database.execute``)."""

from __future__ import annotations

import sqlite3
import time

from sqlalchemy import Engine, event


def limit_query_time(engine: Engine, seconds: float) -> None:
    """Cut short any statement on ``engine`` that runs longer than ``seconds``.

    SQLite: a progress handler checks the clock every thousand VM steps and
    interrupts the statement (fetching its rows included). PostgreSQL: the
    server's own ``statement_timeout``. Either way the caller gets an
    ``OperationalError`` that ``is_query_timeout`` recognises.
    """
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "before_cursor_execute")
        def _deadline(conn, _cursor, _statement, _parameters, _context, _executemany):
            dbapi = conn.connection.dbapi_connection
            deadline = time.monotonic() + seconds
            dbapi.set_progress_handler(lambda: time.monotonic() > deadline, 1000)

    elif engine.dialect.name == "postgresql":

        @event.listens_for(engine, "connect")
        def _timeout(dbapi_connection, _record):
            with dbapi_connection.cursor() as cursor:
                cursor.execute(f"SET statement_timeout = {max(1, int(seconds * 1000))}")
            dbapi_connection.commit()  # a SET inside a rolled-back transaction would not last


def is_query_timeout(error: BaseException) -> bool:
    original = getattr(error, "orig", error)
    if isinstance(original, sqlite3.OperationalError):
        return "interrupted" in str(original)
    return type(original).__name__ == "QueryCanceled"
