"""Each report keeps the words the text used for a side that names no actor
("protesters", "the ministry"), so that the pages show them instead of "not named".
Reports stored before have none: re-ingesting the article does not add them (it is
already stored), re-analysing it into a new store does.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("evidence", sa.Column("side_words", sa.JSON(none_as_null=True)))


def downgrade() -> None:
    op.drop_column("evidence", "side_words")
