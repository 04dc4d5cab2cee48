"""Bringing a database to the current schema with the Alembic migrations beside this file.

``migrate`` runs every step in the caller's transaction, which holds the store's
write lock (``database.write_transaction``): a run cut short by a kill, Ctrl-C or a
full disk leaves the store at its old revision, whole, and the next run starts over;
two runs at once take turns, and the second finds nothing left to do.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect

from dyad.store import schema

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# The revision that describes the tables dyad created before it had migrations.
FIRST_REVISION = "0001"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError(f"no migrations in {MIGRATIONS}")  # a broken install
    return head


def known_revisions() -> set[str]:
    return {
        script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()
    }


def current_revision(conn: Connection) -> str | None:
    """The store's revision; None for a database without dyad's ``alembic_version``."""
    return MigrationContext.configure(conn).get_current_revision()


def holds_dyad_tables(conn: Connection) -> bool:
    """Whether the database has a dyad store, of any revision (one made before
    migrations has ``articles`` and no ``alembic_version``)."""
    return any(inspect(conn).has_table(name) for name in ("alembic_version", "articles"))


def migrate(conn: Connection) -> None:
    """Create or upgrade the dyad tables inside ``conn``'s transaction; a store at the
    head is left alone."""
    current = current_revision(conn)
    if current != head_revision():
        config = alembic_config()
        config.attributes["connection"] = conn
        if current is None and inspect(conn).has_table("articles"):
            # Made by create_all before migrations existed: it is the first revision.
            command.stamp(config, FIRST_REVISION)
        command.upgrade(config, "head")
    # A table declared in schema.py that no migration creates yet still gets made,
    # so it works at once (a test holds the migrations to schema.py).
    if set(schema.metadata.tables) - set(inspect(conn).get_table_names()):
        schema.metadata.create_all(conn)
