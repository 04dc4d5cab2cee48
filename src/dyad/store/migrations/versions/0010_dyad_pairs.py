"""Event counts per directed pair of actors, type, status and place over all time,
kept on write and counted here once from the stored events.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

from dyad.store.counts import recount

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

KEY = {"type": 16, "status": 16, "place": 3}


def upgrade() -> None:
    dyad_pairs = op.create_table(
        "dyad_pairs",
        sa.Column("source_id", sa.String(128), primary_key=True),
        sa.Column("target_id", sa.String(128), primary_key=True),
        *(sa.Column(name, sa.String(size), primary_key=True) for name, size in KEY.items()),
        sa.Column("events", sa.Integer, nullable=False),
        sqlite_with_rowid=False,
    )
    op.create_index(
        "ix_dyad_pairs_target", "dyad_pairs", ["target_id", "source_id", *KEY, "events"]
    )
    recount(op.get_bind(), (dyad_pairs,))
    op.execute("ANALYZE dyad_pairs")


def downgrade() -> None:
    op.drop_index("ix_dyad_pairs_target", table_name="dyad_pairs")
    op.drop_table("dyad_pairs")
