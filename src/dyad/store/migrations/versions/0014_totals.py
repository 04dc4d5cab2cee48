"""Totals over all time with no type or status, kept on write and counted here once
from the stored events: per directed pair of actors and place (``pair_totals``), and
per actor (``actor_totals``).

An actor's counterparts and map summed ``dyad_pairs``, one row per pair, type, status
and place: on a store where those seldom repeat, nearly one row per event (the busiest
actor of a synthetic 1M-event store: 75,854 rows). The totals hold one row per pair.
On PostgreSQL, an index holds each actor's monthly counts with the count, as its
primary key does not.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

from dyad.store.counts import recount

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

PAIR = ["source_id", "target_id", "place", "events"]


def upgrade() -> None:
    pair_totals = op.create_table(
        "pair_totals",
        sa.Column("source_id", sa.String(128), primary_key=True),
        sa.Column("target_id", sa.String(128), primary_key=True),
        sa.Column("place", sa.String(3), primary_key=True),
        sa.Column("events", sa.Integer, nullable=False),
        sqlite_with_rowid=False,
    )
    actor_totals = op.create_table(
        "actor_totals",
        sa.Column("actor_id", sa.String(128), primary_key=True),
        sa.Column("events", sa.Integer, nullable=False),
        sqlite_with_rowid=False,
    )
    recount(op.get_bind(), (pair_totals, actor_totals))
    # After the rows: an index built once is faster than one kept while they go in.
    op.create_index("ix_pair_totals_target", "pair_totals", ["target_id", "source_id", *PAIR[2:]])
    if op.get_bind().dialect.name == "postgresql":
        # PostgreSQL's primary keys hold no count (as for dyad_pairs, 0013): an actor's
        # counterparts and its months are read from these indexes alone.
        op.create_index("ix_pair_totals_source", "pair_totals", PAIR)
        op.create_index(
            "ix_actor_months_actor",
            "actor_months",
            ["actor_id", "month", "type", "status", "mode", "events"],
        )
        op.execute("ANALYZE actor_months")
    op.execute("ANALYZE pair_totals")
    op.execute("ANALYZE actor_totals")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index("ix_actor_months_actor", table_name="actor_months")
    op.drop_table("actor_totals")
    op.drop_table("pair_totals")
