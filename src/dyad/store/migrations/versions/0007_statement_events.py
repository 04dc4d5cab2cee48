"""Statements linked to the events they speak about (``quotes[].about``).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "statement_events",
        sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("quote_id", sa.String(32), primary_key=True),
        sa.Column("local_event_id", sa.String(32), primary_key=True),
        sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id"), nullable=False),
    )
    op.create_index("ix_statement_events_event", "statement_events", ["event_id"])


def downgrade() -> None:
    op.drop_index("ix_statement_events_event", table_name="statement_events")
    op.drop_table("statement_events")
