"""The store as dyad first shipped it: articles, actors, mentions, quotes, times, events.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(64), primary_key=True, comment="content hash"),
        sa.Column("external_id", sa.String(256), comment="the id the input gave, if any"),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("author", sa.Text),
        sa.Column("published", sa.String(32)),
        sa.Column("language", sa.String(16)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("dyad_version", sa.String(32)),
        sa.Column("ingested_at", sa.String(32)),
    )
    op.create_index("ix_articles_published", "articles", ["published"])
    op.create_table(
        "actors",
        sa.Column("id", sa.String(128), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("country", sa.String(3)),
        sa.Column("sector", sa.String(16)),
        sa.Column("role", sa.Text),
        sa.Column("affiliation", sa.String(128)),
        sa.Column("kb_id", sa.String(128)),
    )
    op.create_table(
        "actor_aliases",
        sa.Column("alias", sa.String(256), primary_key=True),
        sa.Column("actor_id", sa.String(128), sa.ForeignKey("actors.id"), primary_key=True),
        sa.Column("count", sa.Integer, nullable=False),
    )
    op.create_table(
        "mentions",
        sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("start", sa.Integer, primary_key=True),
        sa.Column("end", sa.Integer, primary_key=True),
        sa.Column("actor_id", sa.String(128), sa.ForeignKey("actors.id"), primary_key=True),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_index("ix_mentions_actor", "mentions", ["actor_id"])
    op.create_table(
        "quotes",
        sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("quote_id", sa.String(32), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("spans", sa.JSON, nullable=False),
        sa.Column("cue_text", sa.Text),
        sa.Column("cue_start", sa.Integer),
        sa.Column("cue_end", sa.Integer),
        sa.Column("speaker_id", sa.String(128), sa.ForeignKey("actors.id")),
        sa.Column("speaker_text", sa.Text),
        sa.Column("speaker_start", sa.Integer),
        sa.Column("speaker_end", sa.Integer),
    )
    op.create_index("ix_quotes_speaker", "quotes", ["speaker_id"])
    op.create_table(
        "times",
        sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("start", sa.Integer, primary_key=True),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("value", sa.String(64)),
        sa.Column("mod", sa.String(16)),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("mode", sa.String(32)),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("source_id", sa.String(128), sa.ForeignKey("actors.id")),
        sa.Column("target_id", sa.String(128), sa.ForeignKey("actors.id")),
        sa.Column(
            "dyad_key", sa.String(260), nullable=False, comment="merge key: type and actor pair"
        ),
        sa.Column("time_value", sa.String(64)),
        sa.Column("time_mod", sa.String(16)),
        sa.Column("sort_date", sa.String(10), comment="ISO date used to order timelines"),
        sa.Column("location_name", sa.Text),
        sa.Column("location_country", sa.String(3)),
    )
    op.create_index("ix_events_dyad", "events", ["dyad_key"])
    op.create_index("ix_events_source", "events", ["source_id", "sort_date"])
    op.create_index("ix_events_target", "events", ["target_id", "sort_date"])
    op.create_table(
        "evidence",
        sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column(
            "local_id", sa.String(32), primary_key=True, comment="event id within the article"
        ),
        sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id"), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("mode", sa.String(32)),
        sa.Column("others", sa.JSON),
        sa.Column("context", sa.JSON),
        sa.Column("time_text", sa.Text),
        sa.Column("time_value", sa.String(64)),
        sa.Column("time_mod", sa.String(16)),
        sa.Column("reported_by", sa.String(128)),
        sa.Column("quote_id", sa.String(32)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("sentence_text", sa.Text),
        sa.Column("sentence_start", sa.Integer),
        sa.Column("sentence_end", sa.Integer),
    )
    op.create_index("ix_evidence_event_id", "evidence", ["event_id"])


def downgrade() -> None:
    for table in ("evidence", "events", "times", "quotes", "mentions", "actor_aliases"):
        op.drop_table(table)
    op.drop_table("actors")
    op.drop_table("articles")
