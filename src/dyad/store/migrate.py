"""Bringing a database to the current schema with the Alembic migrations beside this file."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

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


def migrate(engine: Engine) -> None:
    """Create or upgrade the dyad tables; a database already at the head is left alone."""
    config = alembic_config()
    head = head_revision()
    with engine.begin() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
        if current != head:
            config.attributes["connection"] = conn
            if current is None and inspect(conn).has_table("articles"):
                # Made by create_all before migrations existed: it is the first revision.
                command.stamp(config, FIRST_REVISION)
            command.upgrade(config, "head")
        # A table declared in schema.py that no migration creates yet still gets made,
        # so it works at once (a test holds the migrations to schema.py).
        if set(schema.metadata.tables) - set(inspect(conn).get_table_names()):
            schema.metadata.create_all(conn)
