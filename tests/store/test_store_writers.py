"""Several `dyad` processes writing to one store at once lose nothing (issue 20, items 1 and 7).

The writers are real processes: `dyad load` of prepared Parquet datasets (no model to
load, so they start together and race), on SQLite and on the PostgreSQL server.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from query_corpus import RUS, report

from dyad.dataset import SCHEMA
from dyad.model import Actor, Analysis
from dyad.store import Store

ARTICLES = 50


def nth_report(n: int) -> Analysis:
    """Article n: a delegation of its own group visits Moscow. Articles 2k and 2k+1 share
    a group no other article names, so two writers of the odd and even halves both bring
    that actor (and its aliases) new to the store at about the same moment."""
    group = Actor(f"GROUP{n // 2}", f"Delegation Group {n // 2}", "organization")
    day = f"2023-{1 + n % 12:02d}-{1 + n % 28:02d}"
    return report(
        f"Delegation Group {n // 2} visited Moscow for talks number {n} on {day}.",
        day,
        "wire",
        [("CONSULT", group.id, "RUS", day, "actual")],
        [RUS, group],
    )


def dataset(folder: Path, numbers) -> Path:
    """A one-part dataset as `dyad ingest --out parquet:` writes it."""
    folder.mkdir()
    analyses = [nth_report(n) for n in numbers]
    table = pa.table(
        {
            "article_id": [a.article.id for a in analyses],
            "hash": [a.article.hash for a in analyses],
            "analysis": [a.to_json() for a in analyses],
        },
        schema=SCHEMA,
    )
    pq.write_table(table, folder / "part-20230101T000000000000-000000-0000000000000000.parquet")
    return folder


def run_together(*commands: list[str]) -> list[subprocess.CompletedProcess]:
    """Start every `python -m dyad …` at once and wait for all of them."""
    children = [
        subprocess.Popen(
            [sys.executable, "-m", "dyad", *command],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for command in commands
    ]
    done = []
    for child in children:
        out, err = child.communicate(timeout=300)
        done.append(subprocess.CompletedProcess(child.args, child.returncode, out, err))
    return done


def assert_all_stored(db: str, runs: list[subprocess.CompletedProcess]) -> None:  # noqa: F811
    for run in runs:
        assert run.returncode == 0, run.stderr
    with Store(db) as store:
        assert store.count("articles") == ARTICLES
        assert store.count("evidence") == ARTICLES
        assert store.count("actors") == 1 + (ARTICLES + 1) // 2


@pytest.mark.parametrize("trial", range(3))
def test_two_loads_into_a_store_that_does_not_exist_yet_keep_every_article(tmp_path, trial):
    evens = dataset(tmp_path / "evens", range(0, ARTICLES, 2))
    odds = dataset(tmp_path / "odds", range(1, ARTICLES, 2))
    new = str(tmp_path / "new.db")
    runs = run_together(["load", str(evens), "--db", new], ["load", str(odds), "--db", new])
    assert_all_stored(new, runs)
    assert not list(tmp_path.glob(".new.db.*"))  # no store built aside was left behind


def test_two_loads_of_the_same_articles_store_each_once(db, tmp_path):  # noqa: F811
    with Store(db):
        pass  # the store exists; both writers add to it
    every = dataset(tmp_path / "every", range(ARTICLES))
    runs = run_together(["load", str(every), "--db", db], ["load", str(every), "--db", db])
    assert_all_stored(db, runs)
    stored = sum(int(run.stdout.split()[0]) for run in runs)
    assert stored == ARTICLES  # what one stored, the other counted as already there


def test_disjoint_loads_into_one_store_keep_every_article(db, tmp_path):  # noqa: F811
    evens = dataset(tmp_path / "evens", range(0, ARTICLES, 2))
    odds = dataset(tmp_path / "odds", range(1, ARTICLES, 2))
    # Neither run finds the schema: both create it (on PostgreSQL, in the same database).
    runs = run_together(["load", str(evens), "--db", db], ["load", str(odds), "--db", db])
    assert_all_stored(db, runs)


def test_two_migrations_of_a_fresh_database_at_once_both_succeed(db):  # noqa: F811
    runs = run_together(["migrate", "--db", db], ["migrate", "--db", db])
    for run in runs:
        assert run.returncode == 0, run.stderr
    with Store(db) as store:
        assert store.count("articles") == 0
