"""Scale: merge and per-actor indexes, event periods, per-report direction and place,
full-text search (FTS5 on SQLite, tsvector on PostgreSQL).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import TSVECTOR

from dyad.timex import period

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

FTS5_TOKENIZER = "porter unicode61 remove_diacritics 2"


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.add_column(
        "events",
        sa.Column("period_start", sa.String(10), comment="first day the time value can name"),
    )
    op.add_column(
        "events",
        sa.Column("period_end", sa.String(10), comment="last day the time value can name"),
    )
    for name in ("ix_events_dyad", "ix_events_source", "ix_events_target"):
        op.drop_index(name, table_name="events")
    op.create_index("ix_events_merge", "events", ["dyad_key", "status", "period_start"])
    op.create_index("ix_events_source_date", "events", ["source_id", "sort_date", "type"])
    op.create_index("ix_events_target_date", "events", ["target_id", "sort_date", "type"])
    op.create_index("ix_events_pair", "events", ["source_id", "target_id", "sort_date"])
    op.create_index("ix_events_date", "events", ["sort_date"])
    for column in (
        sa.Column("source_id", sa.String(128)),
        sa.Column("target_id", sa.String(128)),
        sa.Column("location_name", sa.Text),
        sa.Column("location_country", sa.String(3)),
    ):
        op.add_column("evidence", column)
    op.create_index("ix_articles_source", "articles", ["source"])
    op.create_index("ix_actors_affiliation", "actors", ["affiliation"])
    op.create_table(
        "search_documents",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id"), nullable=False),
        sa.Column("quote_id", sa.String(32)),
        sa.Column("terms", sa.Text().with_variant(TSVECTOR(), "postgresql")),
    )
    op.create_index("ix_search_documents_article", "search_documents", ["article_id", "quote_id"])
    if dialect == "postgresql":
        op.create_index(
            "ix_search_documents_terms", "search_documents", ["terms"], postgresql_using="gin"
        )
    if dialect == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5("
            f"title, body, content='', tokenize='{FTS5_TOKENIZER}')"
        )
    _backfill(dialect)


def _backfill(dialect: str) -> None:
    """Give rows stored before this revision what the new columns and indexes expect."""
    bind = op.get_bind()
    events = sa.table(
        "events",
        sa.column("id"),
        sa.column("time_value"),
        sa.column("time_mod"),
        sa.column("period_start"),
        sa.column("period_end"),
    )
    rows = bind.execute(sa.select(events.c.id, events.c.time_value, events.c.time_mod)).all()
    for row in rows:
        span = period(row.time_value, row.time_mod)
        if span:
            bind.execute(
                events.update()
                .where(events.c.id == row.id)
                .values(period_start=span[0].isoformat(), period_end=span[1].isoformat())
            )
    op.execute(
        "UPDATE evidence SET source_id = (SELECT source_id FROM events WHERE events.id ="
        " evidence.event_id), target_id = (SELECT target_id FROM events WHERE events.id ="
        " evidence.event_id)"
    )
    op.execute(
        "INSERT INTO search_documents (article_id, quote_id) SELECT id, NULL FROM articles"
        " UNION ALL SELECT article_id, quote_id FROM quotes"
    )
    if dialect == "postgresql":
        op.execute(
            "UPDATE search_documents d SET terms = to_tsvector('english',"
            " coalesce(a.title, '') || ' ' || a.text) FROM articles a"
            " WHERE d.quote_id IS NULL AND a.id = d.article_id"
        )
        op.execute(
            "UPDATE search_documents d SET terms = to_tsvector('english', q.text) FROM quotes q"
            " WHERE q.article_id = d.article_id AND q.quote_id = d.quote_id"
        )
    elif dialect == "sqlite":
        op.execute(
            "INSERT INTO search_fts (rowid, title, body) SELECT d.id, a.title, a.text"
            " FROM search_documents d JOIN articles a ON a.id = d.article_id"
            " WHERE d.quote_id IS NULL"
        )
        op.execute(
            "INSERT INTO search_fts (rowid, title, body) SELECT d.id, NULL, q.text"
            " FROM search_documents d JOIN quotes q"
            " ON q.article_id = d.article_id AND q.quote_id = d.quote_id"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS search_fts")
    op.drop_table("search_documents")
    op.drop_index("ix_actors_affiliation", table_name="actors")
    op.drop_index("ix_articles_source", table_name="articles")
    with op.batch_alter_table("evidence") as batch:
        for name in ("source_id", "target_id", "location_name", "location_country"):
            batch.drop_column(name)
    for name in (
        "ix_events_merge",
        "ix_events_source_date",
        "ix_events_target_date",
        "ix_events_pair",
        "ix_events_date",
    ):
        op.drop_index(name, table_name="events")
    with op.batch_alter_table("events") as batch:
        batch.drop_column("period_start")
        batch.drop_column("period_end")
    op.create_index("ix_events_dyad", "events", ["dyad_key"])
    op.create_index("ix_events_source", "events", ["source_id", "sort_date"])
    op.create_index("ix_events_target", "events", ["target_id", "sort_date"])
