"""The store commands end to end: search, profile, quotes, counts, network, export."""

from __future__ import annotations

import json
import re

import networkx as nx
import pyarrow.parquet as pq
import pytest
from query_corpus import CORPUS
from typer.testing import CliRunner

from dyad.cli import app
from dyad.store import Store

runner = CliRunner()


@pytest.fixture
def stored(db):
    with Store(db) as store:
        for analysis in CORPUS:
            store.add(analysis)
    return db


def run(*args: str):
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result


def test_search_profile_quotes_and_counts_as_json(stored):
    hits = json.loads(run("search", "precise", "--kind", "quotes", "--db", stored, "--json").stdout)
    assert [(h["quote_id"], h["published"]) for h in hits] == [("q1", "2024-01-20")]
    profile = json.loads(run("profile", "Russia", "--db", stored, "--json").stdout)
    assert [c["id"] for c in profile["counterparts"]] == ["HAMAS", "ISR", "UKR"]
    quotes = json.loads(run("quotes", "Russia", "--db", stored, "--json").stdout)
    assert [q["text"] for q in quotes] == ["These strikes were precise"]
    counts = json.loads(run("counts", "Russia", "Hamas", "--db", stored, "--json").stdout)
    assert counts == {"2023-10": {"verbal_cooperation": 1}, "2024-02": {"verbal_cooperation": 2}}
    until = json.loads(run("counts", "--until", "2023", "--db", stored, "--json").stdout)
    assert until == {"2023-10": {"verbal_cooperation": 1, "verbal_conflict": 1}}


def test_tables_for_people(stored):
    assert "Hamas" in run("profile", "Russia", "--db", stored).stdout
    assert "Mousa Abu Marzouk" in run("quotes", "Hamas", "--db", stored).stdout
    assert "Palestinian factions" in run("search", "factions", "--db", stored).stdout
    assert "Israel" in run("network", "--since", "2023", "--until", "2023", "--db", stored).stdout


def test_timeline_pages(stored):
    page = run("timeline", "Russia", "Hamas", "--limit", "1", "--offset", "1", "--db", stored)
    assert "events 2–2" in page.stdout
    assert "SUPPORT" in page.stdout and "CONSULT" not in page.stdout
    [cursor] = re.findall(r"More events follow: --after '([^']+)'", page.stdout)
    last = run("timeline", "Russia", "Hamas", "--limit", "1", "--after", cursor, "--db", stored)
    assert "CONSULT" in last.stdout and "More events" not in last.stdout
    whole = run("timeline", "Russia", "Hamas", "--db", stored).stdout
    assert "3 events" in whole and "More events" not in whole
    args = ("timeline", "Russia", "Hamas", "--limit", "2", "--json", "--db", stored)
    assert [e["type"] for e in json.loads(run(*args).stdout)] == ["CONSULT", "SUPPORT"]


def test_every_export_format(stored, tmp_path):
    for fmt in ("jsonl", "csv", "parquet", "graphml", "gexf"):
        run("export", fmt, "--out", str(tmp_path / f"out.{fmt}"), "--db", stored)
    assert len((tmp_path / "out.jsonl").read_text("utf-8").splitlines()) == 4
    assert len((tmp_path / "out.csv").read_text("utf-8").splitlines()) == 1 + 5
    assert pq.read_table(tmp_path / "out.parquet").num_rows == 5
    assert nx.read_gexf(tmp_path / "out.gexf").number_of_edges() == 4
    run("network", "--out", str(tmp_path / "ukr.graphml"), "--actor", "UKR", "--db", stored)
    assert set(nx.read_graphml(tmp_path / "ukr.graphml").edges) == {("RUS", "UKR")}


def test_clear_errors(stored):
    for args, message in (
        (("profile", "Atlantis"), "no actor in the store is called 'Atlantis'"),
        (("counts", "--since", "last week"), "not a date"),
        (("export", "xls", "--out", "x.xls"), "FORMAT must be one of"),
        (("search", "x", "--kind", "tweets"), "--kind must be"),
        (("timeline", "Russia", "Hamas", "--until", "soon"), "not a date"),
    ):
        result = runner.invoke(app, [*args, "--db", stored])
        assert result.exit_code == 2 and message in result.output, result.output
