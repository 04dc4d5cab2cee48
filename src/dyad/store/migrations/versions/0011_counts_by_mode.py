"""The monthly counts per actor and per dyad also by the events' mode, which the PLOVER
manual scores the intensity by: the intensity line reads them instead of the events.
The two tables are made again with the mode in their key and counted from the events.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

from dyad.store.counts import recount

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

KEY = {"month": 7, "type": 16, "status": 16}
MODE = {"mode": 32}


def upgrade() -> None:
    _remake(MODE)


def downgrade() -> None:
    _remake({})


def _remake(mode: dict[str, int]) -> None:
    """Drop the two tables and make them with ``KEY`` and ``mode`` in their keys."""
    op.drop_index("ix_dyad_months_target", table_name="dyad_months")
    op.drop_table("dyad_months")
    op.drop_table("actor_months")
    key = KEY | mode
    actor_months = op.create_table(
        "actor_months",
        sa.Column("actor_id", sa.String(128), primary_key=True),
        *(sa.Column(name, sa.String(size), primary_key=True) for name, size in key.items()),
        sa.Column("events", sa.Integer, nullable=False),
        sqlite_with_rowid=False,
    )
    dyad_months = op.create_table(
        "dyad_months",
        sa.Column("source_id", sa.String(128), primary_key=True),
        sa.Column("target_id", sa.String(128), primary_key=True),
        *(sa.Column(name, sa.String(size), primary_key=True) for name, size in key.items()),
        sa.Column("place", sa.String(3), primary_key=True),
        sa.Column("events", sa.Integer, nullable=False),
        sqlite_with_rowid=False,
    )
    op.create_index(
        "ix_dyad_months_target",
        "dyad_months",
        ["target_id", "source_id", *key, "place", "events"],
    )
    recount(op.get_bind(), (actor_months, dyad_months))
    for table in ("actor_months", "dyad_months"):
        op.execute(f"ANALYZE {table}")
