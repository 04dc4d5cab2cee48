"""Phrase search on PostgreSQL through an index of adjacent word pairs; PostgreSQL's
counts per actor pair readable from an index as source as they are as target.

A GIN index over tsvectors finds the documents holding every word of a phrase, not
those holding them side by side: a phrase of two common words had every candidate's
tsvector read (306,330 of them at 1M events, 973 ms). Each document now also keeps the
hashes of its adjacent lexeme pairs, with a GIN index; a phrase's pairs narrow the
candidates to the documents that hold them, and the tsvector check confirms those few.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import ARRAY

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

# Lexemes at positions p and p + 1, each pair hashed to 32 bits (hashtext: what hash
# indexes rely on, so it stays the same across PostgreSQL versions). A collision only
# adds a candidate the tsvector check then drops.
WORD_PAIRS_FUNCTION = """
CREATE OR REPLACE FUNCTION dyad_word_pairs(terms tsvector) RETURNS integer[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT hashtext(a.lexeme || ' ' || b.lexeme)), '{}')
    FROM (SELECT lexeme, unnest(positions) AS at FROM unnest(terms)) AS a
    JOIN (SELECT lexeme, unnest(positions) AS at FROM unnest(terms)) AS b
      ON b.at = a.at + 1
$$
"""


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    op.add_column(
        "search_documents",
        sa.Column("word_pairs", sa.Text().with_variant(ARRAY(sa.Integer), "postgresql")),
    )
    if not postgres:
        return
    op.execute(WORD_PAIRS_FUNCTION)
    op.execute("UPDATE search_documents SET word_pairs = dyad_word_pairs(terms)")
    op.create_index(
        "ix_search_documents_word_pairs",
        "search_documents",
        ["word_pairs"],
        postgresql_using="gin",
    )
    op.execute("ANALYZE search_documents")
    op.create_index(
        "ix_dyad_pairs_source",
        "dyad_pairs",
        ["source_id", "target_id", "type", "status", "place", "events"],
    )


def downgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    if postgres:
        op.drop_index("ix_dyad_pairs_source", table_name="dyad_pairs")
        op.drop_index("ix_search_documents_word_pairs", table_name="search_documents")
    with op.batch_alter_table("search_documents") as batch:
        batch.drop_column("word_pairs")
    if postgres:
        op.execute("DROP FUNCTION dyad_word_pairs(tsvector)")
