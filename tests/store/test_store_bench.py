"""The store benchmark still builds and times a store (at a small scale, as CI can afford)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "store_bench.py"


@pytest.mark.slow
def test_bench_builds_a_store_and_times_every_query(tmp_path):
    db = tmp_path / "bench.db"
    run = subprocess.run(
        [sys.executable, str(BENCH), "--articles", "300", "--runs", "1", "--db", str(db)],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    report = json.loads(run.stdout[run.stdout.index("{") :])
    # Ten events per article, one more report each (after the first 5 articles).
    assert report["rows"] == {"articles": 300, "events": 3000, "evidence": 3295, "quotes": 900}
    assert report["size"]["bytes_per_event"] > 0
    assert report["timeline_busiest_dyad"]["result_size"] > 0
    assert report["monthly_counts_busiest_actor"]["result_size"] > 0
    assert report["network_export_one_year_graphml"]["result_size"] > 0
    assert all(timing["result_size"] > 0 for timing in list(report["search"].values())[:4])
