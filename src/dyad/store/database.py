"""Reaching the database behind a store: URLs, engines, the write lock, checks before opening.

SQLite runs with transactions dyad begins itself (pysqlite's own handling commits
DDL at once, so a migration cut short would stay half done), and a writer begins
with ``BEGIN IMMEDIATE``: it holds the write lock from its first read, so a
check-then-insert cannot race another process. PostgreSQL writers take one
advisory lock per store for the same effect.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from dyad.store.errors import NotAStore, StoreDamaged, StoreError, StoreMissing

DEFAULT_DB = "dyad.db"
# How long a writer waits for another one before it gives up with a clear error.
LOCK_WAIT_SECONDS = 30
READER_CACHE_KIB = 64 * 1024
WRITER_CACHE_KIB = 16 * 1024
# Stores up to this size get SQLite's quick_check on every open (about 0.2 s at 32 MB);
# bigger ones only the cheap header check, and damage then shows when a query meets it.
QUICK_CHECK_MAX_BYTES = 32 * 2**20
SQLITE_MAGIC = b"SQLite format 3\x00"
SQLITE_DRIVERS = ("sqlite", "sqlite+pysqlite")
POSTGRES_DRIVERS = ("postgresql", "postgres", "postgresql+psycopg")
# The execution option that makes a SQLite transaction take the write lock when it begins.
WRITE = "dyad_write"


def database_url(db: str) -> str:
    """``dyad.db`` and other paths mean SQLite files; URLs pass through.

    A bare ``postgresql://`` URL gets the psycopg (3) driver dyad installs. Any other
    kind of database is refused with a ``StoreError``.
    """
    if not db.strip():
        raise StoreError("--db is empty; give a file path such as dyad.db or a postgresql:// URL")
    if "://" not in db:
        return f"sqlite:///{Path(db).expanduser()}"
    scheme = db.split("://", 1)[0].lower()
    if scheme in ("postgresql", "postgres"):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    if scheme not in (*SQLITE_DRIVERS, *POSTGRES_DRIVERS):
        raise StoreError(
            f"dyad stores live in SQLite files or PostgreSQL, not {scheme}://; "
            "give a file path or a postgresql:// URL"
        )
    try:
        make_url(db)
    except ArgumentError as error:
        raise StoreError(f"{db} is not a database URL ({error})") from None
    return db


def sqlite_path(db: str) -> Path | None:
    """The file a SQLite store lives in; None for PostgreSQL and in-memory databases."""
    url = make_url(database_url(db))
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def make_engine(db: str = DEFAULT_DB, *, read_only: bool = False) -> Engine:
    """An engine on the store; ``read_only``: every connection refuses to write."""
    engine = create_engine(database_url(db))
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_connected(read_only))
        event.listen(engine, "begin", _sqlite_begin)
    elif engine.dialect.name == "postgresql" and read_only:
        event.listen(engine, "connect", _postgres_read_only)
    return engine


def _sqlite_connected(read_only: bool):
    def setup(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # transactions begin in _sqlite_begin
        cursor = dbapi_connection.cursor()
        # A second writer waits for the first instead of failing at once.
        cursor.execute(f"PRAGMA busy_timeout={LOCK_WAIT_SECONDS * 1000}")
        if read_only:
            cursor.execute("PRAGMA query_only=ON")
        else:
            _use_wal(cursor)
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        # Readers' big queries (network export, monthly counts) keep more pages in
        # memory; a writer's cache is smaller so a long batch's memory stays flat.
        cache_kib = READER_CACHE_KIB if read_only else WRITER_CACHE_KIB
        cursor.execute(f"PRAGMA cache_size=-{cache_kib}")
        cursor.close()

    return setup


def _use_wal(cursor: sqlite3.Cursor) -> None:
    """WAL lets readers (timeline queries, the web app) work while a batch writes.

    Switching a new store to WAL while another process creates it fails at once with
    "database is locked": SQLite does not wait for that lock as busy_timeout would
    suggest. So the switch is retried for as long as a writer waits for a lock.
    """
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _sqlite_begin(conn: Connection) -> None:
    immediate = conn.get_execution_options().get(WRITE, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _postgres_read_only(dbapi_connection, _record) -> None:
    with dbapi_connection.cursor() as cursor:
        cursor.execute("SET default_transaction_read_only = on")
    dbapi_connection.commit()


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A transaction that holds the store's write lock from its start to its commit.

    Waits up to ``LOCK_WAIT_SECONDS`` for another writer, then raises the driver's
    lock error (``explain`` words it).
    """
    with engine.execution_options(**{WRITE: True}).begin() as conn:
        if conn.dialect.name == "postgresql":
            _wait_for_locks_at_most(conn, LOCK_WAIT_SECONDS)
            # One lock per schema: stores in other schemas of the database write freely.
            conn.execute(
                text("SELECT pg_advisory_xact_lock(hashtext('dyad:' || current_schema()))")
            )
        yield conn


def _wait_for_locks_at_most(conn: Connection, seconds: int) -> None:
    """PostgreSQL waits for a lock forever unless told; SQLite's busy_timeout is the same."""
    conn.execute(text(f"SET LOCAL lock_timeout = '{seconds}s'"))


def check_sqlite_file(path: Path, create: bool) -> bool:
    """What is at ``path`` can be opened as a store; True when there is no store yet.

    Refuses, with a ``StoreError`` that says what to do: a folder, a missing file
    (unless ``create``), a file that is not SQLite, one cut short. A file is never
    written here, so a wrong ``--db`` leaves it as it was.
    """
    if path.is_dir():
        raise StoreError(f"{path} is a folder; give the store's file, such as {path / 'dyad.db'}")
    if not path.exists() or path.stat().st_size == 0:
        if not create:
            raise StoreMissing(
                f"no store at {path}; create one with `dyad ingest FILES… --db {path}`"
            )
        if not path.parent.is_dir():
            raise StoreError(f"folder {path.parent} does not exist; create it first")
        return True
    try:
        with path.open("rb") as file:
            header = file.read(100)
    except PermissionError:
        raise StoreError(f"{path} cannot be read (permission denied)") from None
    if not header.startswith(SQLITE_MAGIC):
        raise NotAStore(f"{path} is not a dyad store (not a SQLite database); give another --db")
    if len(header) < 100:
        raise StoreDamaged(f"{path} is damaged (cut short in its header); restore it from a copy")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    # The page count in the header is valid when its change counter says so, and the
    # file holds them all unless a write-ahead log still holds some (it is read too).
    wal = path.with_name(f"{path.name}-wal")
    in_wal = wal.exists() and wal.stat().st_size > 0
    if header[24:28] == header[92:96] and not in_wal and path.stat().st_size < pages * page_size:
        size = path.stat().st_size
        raise StoreDamaged(
            f"{path} is damaged (cut short: {size:,} of {pages * page_size:,} bytes); "
            "restore it from a copy"
        )
    return False


def sqlite_tables(path: Path) -> set[str]:
    """The tables of a SQLite file, read without changing it."""
    with _read_only(path) as conn:
        return {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}


def quick_check(path: Path) -> None:
    """SQLite's quick_check on a store small enough to check at once; damage raises."""
    if path.stat().st_size > QUICK_CHECK_MAX_BYTES:
        return
    with _read_only(path) as conn:
        found = [row[0] for row in conn.execute("PRAGMA quick_check(3)")]
    if found != ["ok"]:
        raise StoreDamaged(f"{path} is damaged ({found[0]}); restore it from a copy")


@contextmanager
def _read_only(path: Path) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        yield conn
    except sqlite3.DatabaseError as error:
        raise StoreDamaged(f"{path} is damaged ({error}); restore it from a copy") from None
    finally:
        conn.close()


def check_writable(engine: Engine) -> None:
    """Raise the driver's error now if the store cannot be written (a read-only file or
    folder, a read-only user), before a long run has analysed anything."""
    with engine.execution_options(**{WRITE: True}).connect() as conn:
        if conn.dialect.name == "postgresql":
            _wait_for_locks_at_most(conn, LOCK_WAIT_SECONDS)
        conn.execute(text("UPDATE alembic_version SET version_num = version_num"))
        conn.rollback()
