"""A reader (the web app, a timeline query) works while a batch writes (WAL on SQLite)."""

from __future__ import annotations

import threading
import time

from query_corpus import HAMAS, RUS, report

from dyad.query import search, timeline
from dyad.store import Store

ARTICLES = 60


def nth_visit(n: int):
    day = f"2023-{1 + n % 12:02d}-{1 + n % 28:02d}"
    return report(
        f"Hamas delegation number {n} visited Moscow on {day}.",
        day,
        "wire",
        [("CONSULT", "HAMAS", "RUS", day, "actual")],
        [RUS, HAMAS],
    )


def test_reads_go_on_while_a_batch_writes(db):
    with Store(db) as first:  # the schema exists before the two sides start
        assert first.add(nth_visit(0))
    failures: list[BaseException] = []
    written = threading.Event()

    def write() -> None:
        try:
            with Store(db) as writer:
                for n in range(1, ARTICLES):
                    assert writer.add(nth_visit(n))
        except BaseException as error:  # reported by the main thread
            failures.append(error)
        finally:
            written.set()

    seen: list[int] = []
    with Store(db) as reader:
        thread = threading.Thread(target=write)
        thread.start()
        deadline = time.monotonic() + 120
        while not written.is_set() and time.monotonic() < deadline:
            try:
                reports = sum(len(e.evidence) for e in timeline(reader, "Hamas", "Russia").events)
                # Asked after the timeline, the search sees at least as much.
                assert len(search(reader, "delegation Moscow", limit=100)) >= reports
                seen.append(reports)
            except BaseException as error:
                failures.append(error)
                break
        thread.join()
        final = sum(len(e.evidence) for e in timeline(reader, "Hamas", "Russia").events)
    assert failures == []
    assert final == ARTICLES
    # The reader ran during the batch, saw it grow, and never went backwards.
    assert len(seen) >= 3 and seen == sorted(seen) and seen[0] < ARTICLES
