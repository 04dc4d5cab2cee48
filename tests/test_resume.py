"""A run killed with SIGKILL and restarted ends with exactly the store of an uninterrupted run."""

from __future__ import annotations

import shutil
import signal
import time

import pytest
from helpers import dump, ingest

from dyad.store import Store


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
