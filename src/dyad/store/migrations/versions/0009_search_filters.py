"""Search documents carry their article's date and source, with indexes, so that a
search's filters need not read the articles.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

COPIED = ("published", "source")


def upgrade() -> None:
    op.add_column("search_documents", sa.Column("published", sa.String(32)))
    op.add_column("search_documents", sa.Column("source", sa.Text))
    of_article = "FROM articles a WHERE a.id = search_documents.article_id"
    copies = ", ".join(f"{column} = (SELECT a.{column} {of_article})" for column in COPIED)
    op.execute(f"UPDATE search_documents SET {copies}")
    op.create_index("ix_search_documents_published", "search_documents", ["published", "id"])
    op.create_index("ix_search_documents_source", "search_documents", ["source", "published", "id"])


def downgrade() -> None:
    op.drop_index("ix_search_documents_source", table_name="search_documents")
    op.drop_index("ix_search_documents_published", table_name="search_documents")
    with op.batch_alter_table("search_documents") as batch:
        for column in COPIED:
            batch.drop_column(column)
