"""Per-actor indexes also hold the other side of the event, so an actor's
counterparts are counted from the index alone.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    _replace(("type", "target_id"), ("type", "source_id"))


def downgrade() -> None:
    _replace(("type",), ("type",))


def _replace(source_tail: tuple[str, ...], target_tail: tuple[str, ...]) -> None:
    op.drop_index("ix_events_source_date", table_name="events")
    op.drop_index("ix_events_target_date", table_name="events")
    op.create_index("ix_events_source_date", "events", ["source_id", "sort_date", *source_tail])
    op.create_index("ix_events_target_date", "events", ["target_id", "sort_date", *target_tail])
