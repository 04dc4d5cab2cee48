"""Ten SIGKILLs at random points of an ingest: the store stays consistent after each,
every stored article has all its rows, and the resumed run ends with exactly the
store an uninterrupted run gives — nothing missing, nothing twice."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import time

import pytest
from helpers import article_rows, consistency_problems, dump, ingest

KILLS = 10
ARTICLES = 24
# Change to try other kill points; the test prints the seed and every kill point it used.
SEED = int(os.environ.get("DYAD_CRASH_SEED", "11"))


def stored_count(db: str) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:  # not created yet, or mid-migration
        return 0


def run_timed(folder, db: str) -> tuple[float, float]:
    """An uninterrupted ingest: (seconds until the first article is stored, seconds in all)."""
    started = time.monotonic()
    process = ingest(folder, db)
    first = None
    while process.poll() is None:
        if first is None and stored_count(db):
            first = time.monotonic() - started
        time.sleep(0.05)
    assert process.returncode == 0
    total = time.monotonic() - started
    return first or total, total


def wait_for(process, db: str, articles: int, timeout: float = 600) -> bool:
    """Wait until ``articles`` are stored; False if the process ended first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        if stored_count(db) >= articles:
            return True
        time.sleep(0.02)
    raise TimeoutError(f"{articles} articles not stored in {timeout} s")


@pytest.mark.slow
def test_ten_sigkills_at_random_points_lose_and_duplicate_nothing(shared, tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    texts = sorted((shared / "data/polnear/dev/text").glob("*.txt"))[:ARTICLES]
    for path in texts:
        shutil.copy(path, folder / path.name)
    shutil.copy(texts[0], folder / "copy-of-the-first.txt")  # read twice, stored once

    reference = str(tmp_path / "reference.db")
    startup, total = run_timed(folder, reference)
    per_article = (total - startup) / ARTICLES
    expected = article_rows(reference)
    assert len(expected) == ARTICLES

    rng = random.Random(SEED)
    killed = str(tmp_path / "killed.db")
    points = []
    while len(points) < KILLS:
        process = ingest(folder, killed)
        before = stored_count(killed)
        if len(points) % 4 == 0:
            # While loading the model, migrating or reading: a random moment of start-up.
            point = ("start-up", round(rng.uniform(0.1, startup), 2))
            time.sleep(point[1])
            alive = process.poll() is None
        else:
            # While analysing and writing: a random moment after some more articles.
            more = rng.randint(0, 2)
            point = (f"after {before + more} articles", round(rng.uniform(0, per_article), 2))
            alive = wait_for(process, killed, before + more)
            time.sleep(point[1])
            alive = alive and process.poll() is None
        if not alive:  # finished before the kill: start afresh so every kill lands
            process.wait()
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(killed + suffix):
                    os.remove(killed + suffix)
            continue
        process.send_signal(signal.SIGKILL)
        assert process.wait() == -signal.SIGKILL
        points.append(point)

        assert consistency_problems(killed) == [], point
        found = article_rows(killed)
        for article_id, rows in found.items():
            assert rows == expected[article_id], (point, article_id)
    print(f"seed {SEED}; killed at {points}")

    assert ingest(folder, killed).wait(timeout=600) == 0
    assert consistency_problems(killed) == []
    assert dump(killed) == dump(reference)
