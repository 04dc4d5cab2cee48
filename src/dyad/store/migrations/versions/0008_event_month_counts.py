"""Events counted per directed pair, month, type and status, for profiles and charts.

Revision ID: 0008
Revises: 0006
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    counts = op.create_table(
        "event_month_counts",
        sa.Column("source_id", sa.String(128), primary_key=True),
        sa.Column("target_id", sa.String(128), primary_key=True),
        sa.Column("month", sa.String(7), primary_key=True, comment="YYYY-MM of sort_date"),
        sa.Column("type", sa.String(16), primary_key=True),
        sa.Column("status", sa.String(16), primary_key=True),
        sa.Column("events", sa.Integer, nullable=False),
    )
    op.create_index(
        "ix_event_month_counts_target",
        "event_month_counts",
        ["target_id", "source_id", "month", "type", "status"],
    )
    events = sa.table(
        "events",
        sa.column("source_id"),
        sa.column("target_id"),
        sa.column("sort_date"),
        sa.column("type"),
        sa.column("status"),
    )
    key = [
        sa.func.coalesce(events.c.source_id, "").label("source_id"),
        sa.func.coalesce(events.c.target_id, "").label("target_id"),
        sa.func.coalesce(sa.func.substr(events.c.sort_date, 1, 7), "").label("month"),
        events.c.type,
        events.c.status,
    ]
    op.execute(
        counts.insert().from_select(
            ["source_id", "target_id", "month", "type", "status", "events"],
            sa.select(*key, sa.func.count()).group_by(*key[:3], events.c.type, events.c.status),
        )
    )


def downgrade() -> None:
    op.drop_index("ix_event_month_counts_target", table_name="event_month_counts")
    op.drop_table("event_month_counts")
