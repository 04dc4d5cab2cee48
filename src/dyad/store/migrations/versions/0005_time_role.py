"""What an event's time dates: when it happened, or only when it was reported.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ("events", "evidence"):
        op.add_column(table, sa.Column("time_role", sa.String(16)))


def downgrade() -> None:
    for table in ("events", "evidence"):
        op.drop_column(table, "time_role")
