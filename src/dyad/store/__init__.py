"""The store stage: analyses in SQLite (default) or PostgreSQL, through SQLAlchemy Core."""

from dyad.store.database import DEFAULT_DB
from dyad.store.errors import NotAStore, StoreDamaged, StoreError, StoreMissing, StoreOutOfDate
from dyad.store.store import Store
from dyad.store.timeout import is_query_timeout

__all__ = [
    "DEFAULT_DB",
    "NotAStore",
    "Store",
    "StoreDamaged",
    "StoreError",
    "StoreMissing",
    "StoreOutOfDate",
    "is_query_timeout",
]
