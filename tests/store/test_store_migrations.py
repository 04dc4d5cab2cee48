"""Alembic migrations: they build exactly the tables schema.py declares, and they
upgrade a store made before migrations existed without losing what it holds."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from dyad.query import search, timeline
from dyad.store import Store, schema
from dyad.store.database import make_engine
from dyad.store.migrate import alembic_config, head_revision

POSTGRES_ONLY = {
    "ix_search_documents_terms",
    "ix_search_documents_word_pairs",
    "ix_dyad_pairs_source",
    "ix_pair_totals_source",
    "ix_actor_months_actor",
}


def declared_for(dialect: str):
    """Schema objects that ``schema.metadata`` declares for this dialect."""

    def include(obj, name, type_, reflected, compare_to) -> bool:
        # SQLite's FTS5 index and its shadow tables are made by hand, not declared.
        if type_ == "table" and name.startswith("search_fts"):
            return False
        # The GIN indexes over words and word pairs, and one index PostgreSQL's primary
        # keys need, exist on PostgreSQL only.
        return not (name in POSTGRES_ONLY and dialect != "postgresql")

    return include


def test_migrations_build_the_declared_schema(db):
    Store(db).close()
    engine = make_engine(db)
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"include_object": declared_for(conn.dialect.name), "compare_type": True}
        )
        assert context.get_current_revision() == head_revision()
        differences = compare_metadata(context, schema.metadata)
    # Column comments are documentation (PostgreSQL keeps them, SQLite has none).
    structural = [
        d for d in differences if not (isinstance(d, list) and d[0][0] == "modify_comment")
    ]
    assert structural == []
    engine.dispose()


def test_a_store_made_before_migrations_is_upgraded_with_its_data(db):
    engine = make_engine(db)
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
        # What create_all made before there were migrations: no alembic_version.
        conn.execute(sa.text("DROP TABLE alembic_version"))
        tables = sa.MetaData()
        tables.reflect(conn)
        conn.execute(
            tables.tables["articles"].insert(),
            {"id": "a1", "text": "Hamas officials visited Moscow.", "published": "2023-11-01"},
        )
        conn.execute(
            tables.tables["actors"].insert(),
            [
                {"id": "HAMAS", "name": "Hamas", "kind": "armed_group"},
                {"id": "RUS", "name": "Russia", "kind": "state"},
            ],
        )
        conn.execute(
            tables.tables["events"].insert(),
            {
                "id": 1,
                "type": "CONSULT",
                "status": "actual",
                "source_id": "HAMAS",
                "target_id": "RUS",
                "dyad_key": "CONSULT|HAMAS|RUS",
                "time_value": "2023-10",
                "sort_date": "2023-10-01",
            },
        )
        conn.execute(
            tables.tables["evidence"].insert(),
            {
                "article_id": "a1",
                "local_id": "e1",
                "event_id": 1,
                "status": "actual",
                "text": "Hamas officials visited Moscow.",
                "start": 0,
                "end": 31,
            },
        )
    engine.dispose()
    with Store(db, upgrade=True) as store:
        [entry] = timeline(store, "HAMAS", "RUS").events
        assert entry.evidence[0].text == "Hamas officials visited Moscow."
        assert [hit.article_id for hit in search(store, "visit Moscow")] == ["a1"]
        with store.engine.connect() as conn:
            event = conn.execute(sa.select(schema.events)).one()
            report = conn.execute(sa.select(schema.evidence)).one()
        assert (event.period_start, event.period_end) == ("2023-10-01", "2023-10-31")
        assert (report.source_id, report.target_id) == ("HAMAS", "RUS")


def test_migrations_go_down_and_up_again(db):
    Store(db).close()
    engine = make_engine(db)
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "base")
        assert sa.inspect(conn).get_table_names() == ["alembic_version"]
        command.upgrade(config, "head")
    engine.dispose()
    with Store(db) as store:
        assert store.count("events") == 0
