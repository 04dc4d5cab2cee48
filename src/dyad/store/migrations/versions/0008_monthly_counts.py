"""Monthly event counts per actor and per dyad, kept on write and counted here once
from the stored events.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

from dyad.store.counts import recount

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

KEY = {"month": 7, "type": 16, "status": 16}


def upgrade() -> None:
    # recount() takes the tables as created here: later revisions add to their keys.
    actor_months = op.create_table(
        "actor_months",
        sa.Column("actor_id", sa.String(128), primary_key=True),
        *(sa.Column(name, sa.String(size), primary_key=True) for name, size in KEY.items()),
        sa.Column("events", sa.Integer, nullable=False),
        sqlite_with_rowid=False,
    )
    dyad_months = op.create_table(
        "dyad_months",
        sa.Column("source_id", sa.String(128), primary_key=True),
        sa.Column("target_id", sa.String(128), primary_key=True),
        *(sa.Column(name, sa.String(size), primary_key=True) for name, size in KEY.items()),
        sa.Column("place", sa.String(3), primary_key=True),
        sa.Column("events", sa.Integer, nullable=False),
        sqlite_with_rowid=False,
    )
    op.create_index(
        "ix_dyad_months_target",
        "dyad_months",
        ["target_id", "source_id", *KEY, "place", "events"],
    )
    recount(op.get_bind(), (actor_months, dyad_months))
    # Statistics, so that the planners read the new tables by their keys at once.
    for table in ("actor_months", "dyad_months"):
        op.execute(f"ANALYZE {table}")


def downgrade() -> None:
    op.drop_index("ix_dyad_months_target", table_name="dyad_months")
    op.drop_table("dyad_months")
    op.drop_table("actor_months")
