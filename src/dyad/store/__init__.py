"""The store stage: analyses in SQLite (default) or PostgreSQL, through SQLAlchemy Core."""

from dyad.store.store import DEFAULT_DB, Store

__all__ = ["DEFAULT_DB", "Store"]
