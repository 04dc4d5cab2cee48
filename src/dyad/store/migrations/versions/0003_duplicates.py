"""Duplicates: copies of stored articles found at ingest, and MinHash signatures.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "duplicates",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id"), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("similarity", sa.Float),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("author", sa.Text),
        sa.Column("published", sa.String(32)),
        sa.Column("ingested_at", sa.String(32)),
    )
    op.create_index("ix_duplicates_article", "duplicates", ["article_id"])
    op.create_index("ix_duplicates_hash", "duplicates", ["content_hash"])
    op.create_table(
        "signatures",
        sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("minhash", sa.LargeBinary, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("signatures")
    op.drop_index("ix_duplicates_hash", table_name="duplicates")
    op.drop_index("ix_duplicates_article", table_name="duplicates")
    op.drop_table("duplicates")
