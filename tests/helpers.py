"""Helpers shared by the resume and crash tests: run an ingest, dump and check a store."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import sqlalchemy
from sqlalchemy import select

from dyad.store import Store, schema
from dyad.store.counts import COUNT_TABLES, recount

VOLATILE = {"ingested_at"}  # the only column allowed to differ between runs

# Per-article rows written in the article's own transaction, keyed by what identifies them
# within the article (event ids are shared across articles, so evidence is compared without).
ARTICLE_ROWS = {
    "mentions": ("start", "end", "actor_id", "text"),
    "quotes": ("quote_id", "kind", "text", "speaker_id", "cue_start", "cue_end"),
    "times": ("start", "end", "text", "type", "value", "mod"),
    "evidence": ("local_id", "text", "start", "end", "status", "source_id", "target_id"),
    "search_documents": ("quote_id",),
}


def ingest(folder, db, *extra, **popen) -> subprocess.Popen:
    """``python -m dyad ingest FOLDER --db DB`` in a child process, output discarded."""
    command = [sys.executable, "-m", "dyad", "ingest", str(folder), "--db", db, *extra]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **popen)


def dump(db: str) -> dict[str, list[tuple]]:
    """Every row of every table but the volatile columns, sorted: equal dumps, equal stores."""
    with Store(db) as store, store.engine.connect() as conn:
        tables = {}
        for table in schema.metadata.sorted_tables:
            columns = [c for c in table.columns if c.name not in VOLATILE]
            rows = conn.execute(select(*columns)).all()
            tables[table.name] = sorted(tuple(map(repr, row)) for row in rows)
        return tables


def article_rows(db: str) -> dict[str, dict[str, list[tuple]]]:
    """Article id -> table -> that article's rows, read straight from the SQLite file."""
    found: dict[str, dict[str, list[tuple]]] = {}
    if not os.path.exists(db):
        return found
    with sqlite3.connect(db) as conn:
        for (article_id,) in conn.execute("SELECT id FROM articles"):
            found[article_id] = {}
        for table, columns in ARTICLE_ROWS.items():
            listed = ", ".join(f'"{c}"' for c in columns)
            rows = conn.execute(f'SELECT article_id, {listed} FROM "{table}"').fetchall()
            for article_id, *values in rows:
                found.setdefault(article_id, {}).setdefault(table, []).append(tuple(values))
    for tables in found.values():
        for rows in tables.values():
            rows.sort(key=repr)
    return found


def consistency_problems(db: str) -> list[str]:
    """What is wrong with a SQLite store, in words; [] for a consistent one.

    SQLite's own integrity and foreign-key checks, then what foreign keys cannot say:
    every event has evidence, every article its search document, every indexed
    document a row in the full-text index.
    """
    problems = []
    if not os.path.exists(db):
        return problems  # killed before the store was made: nothing to be inconsistent
    with sqlite3.connect(db) as conn:
        integrity = conn.execute("PRAGMA integrity_check").fetchall()
        if integrity != [("ok",)]:
            problems.append(f"integrity_check: {integrity}")
        for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check"):
            problems.append(f"{table} row {rowid} refers to a missing {parent} row")
        checks = {
            "events without evidence": "SELECT count(*) FROM events e "
            "WHERE NOT EXISTS (SELECT 1 FROM evidence v WHERE v.event_id = e.id)",
            "articles without a search document": "SELECT count(*) FROM articles a "
            "WHERE NOT EXISTS (SELECT 1 FROM search_documents d "
            "WHERE d.article_id = a.id AND d.quote_id IS NULL)",
            "search documents missing from the index": "SELECT count(*) FROM search_documents d "
            "WHERE NOT EXISTS (SELECT 1 FROM search_fts_docsize f WHERE f.id = d.id)",
            "index entries without a document": "SELECT count(*) FROM search_fts_docsize f "
            "WHERE NOT EXISTS (SELECT 1 FROM search_documents d WHERE d.id = f.id)",
        }
        for problem, sql in checks.items():
            count = conn.execute(sql).fetchone()[0]
            if count:
                problems.append(f"{count} {problem}")
    engine = sqlalchemy.create_engine(f"sqlite:///{db}")
    found = monthly_counts(engine)
    engine.dispose()
    if found["kept"] != found["recounted"]:
        problems.append("monthly counts differ from a recount of the events")
    return problems


def monthly_counts(engine: sqlalchemy.Engine) -> dict[str, dict[str, set[tuple]]]:
    """The counts tables (monthly, and per pair over all time) as kept, and as a
    recount of the events makes them (in a transaction rolled back after)."""
    tables = COUNT_TABLES

    def rows(conn) -> dict[str, set[tuple]]:
        return {t.name: {tuple(row) for row in conn.execute(select(t))} for t in tables}

    with engine.connect() as conn:
        kept = rows(conn)
    with engine.connect() as conn:
        recount(conn)
        again = rows(conn)
        conn.rollback()
    return {"kept": kept, "recounted": again}
