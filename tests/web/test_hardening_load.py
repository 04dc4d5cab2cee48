"""A short run of bench/load_test.py in CI: `dyad serve` answers a mixed load without error.

The figures in docs/reliability.md (Load held) come from the same script run for 60 s.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from test_web_security import hostile_analysis

from dyad.store import Store

LOAD_TEST = Path(__file__).resolve().parents[2] / "bench" / "load_test.py"


@pytest.mark.slow
def test_server_holds_a_short_mixed_load_without_errors(tmp_path):
    db = str(tmp_path / "load.db")
    with Store(db) as store:
        for number in range(40):
            store.add(hostile_analysis(number))
    figures = tmp_path / "figures.json"
    command = [sys.executable, str(LOAD_TEST), "--db", db, "--duration", "5", "--clients", "4"]
    result = subprocess.run(
        [*command, "--json", str(figures)], capture_output=True, text=True, timeout=300
    )
    print(result.stdout)
    assert result.returncode == 0, result.stdout + result.stderr
    measured = json.loads(figures.read_text())
    assert measured["errors"] == 0
    assert measured["requests"] > 50
    assert len(measured["by_kind"]) == 14  # every kind of request was made
