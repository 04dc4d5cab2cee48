"""A run killed with SIGKILL and restarted ends with exactly the store of an uninterrupted run."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import select

from dyad.store import Store, schema

VOLATILE = {"ingested_at"}  # the only column allowed to differ between runs


def dump(db: str) -> dict[str, list[tuple]]:
    with Store(db) as store, store.engine.connect() as conn:
        tables = {}
        for table in schema.metadata.sorted_tables:
            columns = [c for c in table.columns if c.name not in VOLATILE]
            rows = conn.execute(select(*columns)).all()
            tables[table.name] = sorted(tuple(map(repr, row)) for row in rows)
        return tables


def ingest(folder, db, **popen):
    command = [sys.executable, "-m", "dyad", "ingest", str(folder), "--db", db]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **popen)


@pytest.mark.slow
def test_sigkill_then_restart_gives_the_uninterrupted_store(shared, tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in sorted((shared / "data/polnear/dev/text").glob("*.txt"))[:12]:
        shutil.copy(path, folder / path.name)

    reference = str(tmp_path / "reference.db")
    assert ingest(folder, reference).wait(timeout=600) == 0

    killed = str(tmp_path / "killed.db")
    for kills_after in (1, 5):
        process = ingest(folder, killed)
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            time.sleep(0.05)
            try:
                with Store(killed) as store:
                    if store.count("articles") >= kills_after:
                        break
            except Exception:  # the store may not exist yet
                continue
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert ingest(folder, killed).wait(timeout=600) == 0
    assert dump(killed) == dump(reference)
