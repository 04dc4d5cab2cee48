"""The store stage: analyses in SQLite (default) or PostgreSQL, through SQLAlchemy Core."""

from dyad.store.store import DEFAULT_DB, Store
from dyad.store.timeout import is_query_timeout

__all__ = ["DEFAULT_DB", "Store", "is_query_timeout"]
