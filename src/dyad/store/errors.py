"""What can go wrong with a store, in one line that says what to do."""

from __future__ import annotations

import sqlite3

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError


class StoreError(Exception):
    """A store that cannot be used as asked; the message says what to do about it."""


class StoreMissing(StoreError):
    """There is no store where one was to be read."""


class NotAStore(StoreError):
    """The database holds something other than a dyad store."""


class StoreDamaged(StoreError):
    """The store's file is cut short or corrupted."""


class StoreOutOfDate(StoreError):
    """The store's schema is older than this dyad's; ``dyad migrate`` brings it up."""


def display_name(db: str) -> str:
    """The store as messages name it: a URL without its password."""
    if "://" not in db:
        return db
    try:
        return make_url(db).render_as_string(hide_password=True)
    except ArgumentError:
        return db


def db_option(db: str) -> str:
    """``--db`` as a command to run should repeat it (a URL's password is not printed)."""
    return f"--db {db}" if "://" not in db else "the same --db"


# SQLite's own words for a condition -> what dyad says about it ({db}: the store).
SQLITE_CONDITIONS = {
    "database is locked": "{db} is locked: another process has been writing to it for over"
    " {seconds} s; run again when it has finished",
    "database or disk is full": "the disk holding {db} is full; free some space and run again"
    " (what was not finished was not kept)",
    "readonly database": "{db} is read-only (the file or its folder); make it writable or"
    " give another --db",
    "unable to open database file": "cannot open {db}; check that its folder exists and is"
    " writable",
    "malformed": "{db} is damaged ({reason}); restore it from a copy",
    "file is not a database": "{db} is damaged ({reason}); restore it from a copy",
    "disk i/o error": "reading or writing {db} failed (disk I/O error); check the disk and"
    " free space",
}
# PostgreSQL's SQLSTATE classes and codes -> what dyad says.
POSTGRES_CONDITIONS = {
    "55P03": SQLITE_CONDITIONS["database is locked"],  # lock_not_available
    "53100": SQLITE_CONDITIONS["database or disk is full"],  # disk_full
    "25006": "{db} is read-only for this connection; connect as a user that may write",
    "42501": "{db} refuses this user ({reason}); grant it the rights or connect as another",
    "08": "cannot connect to {db} ({reason}); is the server running and the URL right?",
    "28": "PostgreSQL refused the login to {db} ({reason}); check the user and password",
    "3D": "{db} does not exist on that server; create it with `createdb`",
}


def explain(error: BaseException, db: str, lock_seconds: int) -> str | None:
    """One line for a database error on store ``db``; None if it is not one dyad knows."""
    original = getattr(error, "orig", None) or error
    reason = str(original).strip().splitlines()[0] if str(original).strip() else ""
    words = {"db": display_name(db), "reason": reason, "seconds": lock_seconds}
    if isinstance(original, sqlite3.Error):
        lowered = reason.lower()
        for condition, message in SQLITE_CONDITIONS.items():
            if condition in lowered:
                return message.format(**words)
        return None
    sqlstate = getattr(original, "sqlstate", None)
    if sqlstate is None and type(original).__module__.startswith("psycopg"):
        # No answer from the server at all: connection refused, unknown host.
        return POSTGRES_CONDITIONS["08"].format(**words)
    for code in (sqlstate, (sqlstate or "")[:2]):
        if code in POSTGRES_CONDITIONS:
            return POSTGRES_CONDITIONS[code].format(**words)
    return None
