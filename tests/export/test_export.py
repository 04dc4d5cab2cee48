"""Exports of a small corpus: JSONL that round-trips and meets the analysis schema,
one CSV/Parquet row per merged event (and a month-partitioned Parquet dataset DuckDB
reads), GraphML and GEXF that networkx reads back."""

from __future__ import annotations

import csv
import json

import jsonschema
import networkx as nx
import pyarrow.parquet as pq
import pytest
from query_corpus import CORPUS, HAMAS, RUS, report
from typer.testing import CliRunner

from dyad.cli import app
from dyad.export import (
    EVENT_COLUMNS,
    event_rows,
    write_csv,
    write_gexf,
    write_graphml,
    write_jsonl,
    write_parquet,
    write_parquet_dataset,
)
from dyad.query import Filters
from dyad.store import Store

# Reports the Hamas visit of CORPUS[0] again, earlier and from another outlet.
REPRINT = report(
    "Hamas delegates travelled to Moscow on October 26.",
    "2023-10-27",
    "daily",
    [("CONSULT", "RUS", "HAMAS", "2023-10-26", "actual")],
    [RUS, HAMAS],
)


@pytest.fixture
def corpus(db):
    with Store(db) as store:
        for analysis in [*CORPUS, REPRINT]:
            assert store.add(analysis)
        yield store


def by_actor_id(analysis: dict) -> dict:
    return {**analysis, "actors": sorted(analysis["actors"], key=lambda a: a["id"])}


def test_jsonl_gives_back_each_stored_analysis_and_meets_the_schema(corpus, shared, tmp_path):
    schema = json.loads((shared / "schema" / "analysis.schema.json").read_text("utf-8"))
    out = tmp_path / "out.jsonl"
    assert write_jsonl(corpus, out) == 5
    lines = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    for line in lines:
        jsonschema.validate(line, schema)
    exported = {line["article"]["id"]: by_actor_id(line) for line in lines}
    # Each article's own report: its direction (RUS → HAMAS) and time, though merged.
    for analysis in [*CORPUS, REPRINT]:
        assert exported[analysis.article.id] == by_actor_id(analysis.to_dict())
    assert [line["article"]["published"] for line in lines] == sorted(
        line["article"]["published"] for line in lines
    )
    assert write_jsonl(corpus, tmp_path / "wire.jsonl", Filters(sources=("wire",))) == 2


def test_csv_and_parquet_have_one_row_per_event_with_its_first_report(corpus, tmp_path):
    assert write_csv(corpus, tmp_path / "events.csv") == 5
    with open(tmp_path / "events.csv", encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert list(rows[0]) == EVENT_COLUMNS
    visit = next(r for r in rows if r["event_type"] == "CONSULT" and r["status"] == "actual")
    assert visit["reports"] == "2"
    # The reprint came out first, so its sentence and URL stand for the event.
    assert visit["evidence"] == "Hamas delegates travelled to Moscow on October 26."
    assert (visit["url"], visit["publisher"]) == ("https://daily.example/2023-10-27", "daily")
    assert (visit["source_id"], visit["source_country"], visit["source_sector"]) == (
        "HAMAS",
        "PSE",
        "REB",
    )
    assert (visit["date"], visit["quad_class"], visit["target_actor"]) == (
        "2023-10-16",  # known to the month: placed mid-month
        "verbal_cooperation",
        "Russia",
    )
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    assert write_parquet(corpus, tmp_path / "events.parquet") == 5
    table = pq.read_table(tmp_path / "events.parquet")
    assert table.column_names == EVENT_COLUMNS
    parquet_rows = table.to_pylist()
    assert [r["event_id"] for r in parquet_rows] == [int(r["event_id"]) for r in rows]
    assert parquet_rows[0]["reports"] == int(rows[0]["reports"])
    assert write_csv(corpus, tmp_path / "none.csv", Filters(since="2030")) == 0


def test_parquet_dataset_is_partitioned_by_month_and_duckdb_reads_it_whole(corpus, tmp_path):
    duckdb = pytest.importorskip("duckdb", reason="dev extra")
    out = tmp_path / "events"
    assert write_parquet_dataset(corpus, out) == corpus.count("events") == 5
    folders = sorted(p.name for p in out.iterdir())
    assert folders == sorted({f"month={r['date'][:7]}" for r in event_rows(corpus)})
    rows = duckdb.sql(
        f"SELECT month, count(*) FROM read_parquet('{out}/**/*.parquet', hive_partitioning=true)"
        " GROUP BY month ORDER BY month"
    ).fetchall()
    assert sum(count for _, count in rows) == corpus.count("events")
    # Each event sits in the folder of its own month.
    misplaced = duckdb.sql(
        f"SELECT count(*) FROM read_parquet('{out}/**/*.parquet', hive_partitioning=true)"
        " WHERE month <> substr(date, 1, 7)"
    ).fetchall()
    assert misplaced == [(0,)]
    # A second export into the same folder would mix old months with new: refused.
    with pytest.raises(FileExistsError, match="needs a new folder"):
        write_parquet_dataset(corpus, out)
    again = CliRunner().invoke(
        app, ["export", "parquet", "--by-month", "--out", str(out), "--db", corpus.db]
    )
    assert again.exit_code == 2 and "needs a new folder" in again.output


def test_graphml_and_gexf_read_back_with_weights(corpus, tmp_path):
    window = Filters(since="2023-10", until="2023-12")
    write_graphml(corpus, tmp_path / "net.graphml", window)
    write_gexf(corpus, tmp_path / "net.gexf", window)
    for graph in (
        nx.read_graphml(tmp_path / "net.graphml"),
        nx.read_gexf(tmp_path / "net.gexf"),
    ):
        assert set(graph.edges) == {("HAMAS", "RUS"), ("ISR", "RUS")}
        edge = graph.edges["HAMAS", "RUS"]
        assert int(edge["weight"]) == 1 and int(edge["verbal_cooperation"]) == 1
        assert graph.nodes["HAMAS"]["label"] == "Hamas"
