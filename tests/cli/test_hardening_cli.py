"""Dates at the ends of the calendar work in every query command, and a date that is
not one is a one-line error with a nonzero exit, never a traceback."""

from __future__ import annotations

import pytest
from query_corpus import CORPUS
from typer.testing import CliRunner

from dyad.cli import app
from dyad.store import Store

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("cli") / "cli.db")
    with Store(db) as store:
        for analysis in CORPUS:
            store.add(analysis)
    return db


@pytest.mark.parametrize("until", ["9999", "9999-12", "999"])
@pytest.mark.parametrize(
    "command",
    [["counts"], ["network"], ["timeline", "RUS", "HAMAS"], ["summary", "RUS", "HAMAS"]],
)
def test_until_the_last_year_a_date_holds_is_answered(db, command, until):
    result = runner.invoke(app, [*command, "--db", db, "--since", "2023", "--until", until])
    assert result.exit_code == 0, result.output
    assert "Russia" in result.output or "2024-02" in result.output


def test_export_until_9999_has_every_event(db, tmp_path):
    out = tmp_path / "events.csv"
    result = runner.invoke(app, ["export", "csv", "--out", str(out), "--db", db, "--until", "9999"])
    assert result.exit_code == 0, result.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1 + 5  # header, five events


@pytest.mark.parametrize(
    ("command", "message"),
    [
        (["counts", "--since", "2016-10-01xyz"], "not a date: '2016-10-01xyz'"),
        (["counts", "--until", "2016-13"], "not a date: '2016-13'"),
        (["export", "csv", "--out", "x.csv", "--since", "10/01/2016"], "not a date"),
        (["ingest", "-", "--published", "2016-10-01xyz"], "--published must be a date"),
        (["extract", "-", "--published", "2016-10-01 "], "--published must be a date"),
        (["actor", "Kremlin", "--date", "2016-10-01xyz"], "--date must be a date"),
    ],
)
def test_a_date_that_is_not_one_is_a_one_line_error(db, command, message, tmp_path):
    uses_db = command[0] in ("counts", "export", "ingest")
    result = runner.invoke(app, [*command, *(["--db", db] if uses_db else [])], input="")
    assert result.exit_code == 2, result.output
    [line] = result.output.strip().splitlines()
    assert line.startswith("error: ") and message in line
