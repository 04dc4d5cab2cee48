"""Indexes that hold an event's pair and type, so network edges and an actor's
counterparts are counted from an index alone.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_events_pair_type": ["source_id", "target_id", "type"],
    "ix_events_target_pair_type": ["target_id", "source_id", "type"],
    "ix_events_date_pair_type": ["sort_date", "source_id", "target_id", "type"],
}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.create_index(name, "events", columns)


def downgrade() -> None:
    for name in INDEXES:
        op.drop_index(name, table_name="events")
