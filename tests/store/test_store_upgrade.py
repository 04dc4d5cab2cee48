"""An interrupted `dyad migrate` leaves the store as it was, and the next run completes it
(issue 20, item 2).

A store of 3,000 articles at revision 0001 is upgraded by a real `dyad migrate`
process, killed (SIGKILL) or interrupted (SIGINT, as Ctrl-C) at random moments while
it runs. After each interruption the store must open, say it is at 0001 (or at the
head, if the kill came after the commit), and a second `dyad migrate` must bring it
to the head with every article, event and report kept.
"""

from __future__ import annotations

import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from alembic import command

from dyad.query import timeline
from dyad.store import Store, StoreOutOfDate
from dyad.store.database import make_engine, write_transaction
from dyad.store.migrate import alembic_config, head_revision

ARTICLES = 3000
EVENTS_PER_ARTICLE = 4
TRIALS = 6


def store_at_first_revision(path) -> None:
    """A store as dyad 0001 made it, filled with plain SQL for speed."""
    engine = make_engine(str(path))
    with write_transaction(engine) as conn:
        config = alembic_config()
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
    engine.dispose()
    body = "Hamas officials visited Moscow for talks on the truce. " * 20
    with sqlite3.connect(path) as conn:
        conn.executemany(
            "INSERT INTO actors (id, name, kind) VALUES (?, ?, ?)",
            [("HAMAS", "Hamas", "armed_group"), ("RUS", "Russia", "state")],
        )
        conn.executemany(
            "INSERT INTO articles (id, text, title, published) VALUES (?, ?, ?, ?)",
            [(f"a{n}", f"{body} Report {n}.", f"Talks {n}", "2023-11-01") for n in range(ARTICLES)],
        )
        events = ARTICLES * EVENTS_PER_ARTICLE
        conn.executemany(
            "INSERT INTO events (id, type, status, source_id, target_id, dyad_key, time_value,"
            " sort_date) VALUES (?, 'CONSULT', 'actual', 'HAMAS', 'RUS', 'CONSULT|HAMAS|RUS',"
            " ?, ?)",
            [
                (n, f"2023-{1 + n % 12:02d}", f"2023-{1 + n % 12:02d}-01")
                for n in range(1, events + 1)
            ],
        )
        conn.executemany(
            'INSERT INTO evidence (article_id, local_id, event_id, status, text, start, "end")'
            " VALUES (?, ?, ?, 'actual', 'Hamas officials visited Moscow', 0, 30)",
            [(f"a{(n - 1) // EVENTS_PER_ARTICLE}", f"e{n}", n) for n in range(1, events + 1)],
        )


def start_migrate(path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "dyad", "migrate", "--db", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_until_open(child: subprocess.Popen, path: Path) -> None:
    """Until ``child`` has the store open: from then on it is migrating (a kill before
    that would test nothing). Read from /proc, so the program is not told anything."""
    target = str(path.resolve())
    deadline = time.monotonic() + 300
    while child.poll() is None and time.monotonic() < deadline:
        for fd in Path(f"/proc/{child.pid}/fd").iterdir():
            try:
                if fd.readlink().as_posix() == target:
                    return
            except OSError:  # closed meanwhile
                continue
        time.sleep(0.005)


def assert_whole(path) -> None:
    with Store(str(path), read_only=True) as store:
        assert store.count("articles") == ARTICLES
        assert store.count("evidence") == ARTICLES * EVENTS_PER_ARTICLE
        assert len(timeline(store, "HAMAS", "RUS", limit=5).events) == 5


@pytest.mark.slow
def test_a_migrate_killed_at_random_moments_leaves_a_store_the_next_run_completes(tmp_path):
    original = tmp_path / "original.db"
    store_at_first_revision(original)
    reference = tmp_path / "reference.db"
    shutil.copy(original, reference)
    child = start_migrate(reference)
    wait_until_open(child, reference)
    started = time.monotonic()
    _, err = child.communicate(timeout=300)
    duration = time.monotonic() - started
    assert child.returncode == 0, err
    assert_whole(reference)
    rng = random.Random(20)
    interrupted = 0
    for trial in range(TRIALS):
        path = tmp_path / f"trial{trial}.db"
        shutil.copy(original, path)
        child = start_migrate(path)
        wait_until_open(child, path)
        time.sleep(rng.uniform(0, duration))
        interrupted += child.poll() is None
        child.send_signal(signal.SIGKILL if trial % 4 else signal.SIGINT)
        child.communicate(timeout=60)
        # The store opens: at the head if the kill came after the commit, else at 0001
        # and refused with one line saying to run dyad migrate.
        try:
            Store(str(path), read_only=True).close()
        except StoreOutOfDate as error:
            assert "0001" in str(error) and "dyad migrate" in str(error)
        again = start_migrate(path)
        out, err = again.communicate(timeout=300)
        assert again.returncode == 0, err
        assert head_revision() in out
        assert_whole(path)
    print(f"migration took {duration:.2f} s; {interrupted} of {TRIALS} runs interrupted")
    # Most interruptions landed while the migration ran (not after it had finished).
    assert interrupted >= TRIALS // 2
