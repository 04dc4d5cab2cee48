"""The command line end to end: extract output against the schema, ingest, timeline."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import jsonschema
import pytest
from typer.testing import CliRunner

from dyad.cli import app
from dyad.store import Store
from dyad.version import __version__

runner = CliRunner()


@pytest.fixture(scope="module")
def schema(shared):
    return json.loads((shared / "schema" / "analysis.schema.json").read_text(encoding="utf-8"))


def check_offsets(result: dict) -> None:
    text = result["article"]["text"]
    for item in result["mentions"] + result["times"]:
        assert text[item["start"] : item["end"]] == item["text"]
    for quote in result["quotes"]:
        for start, end in quote["spans"]:
            assert 0 <= start < end <= len(text)
    for event in result["events"]:
        evidence = event["evidence"]
        assert text[evidence["start"] : evidence["end"]] == evidence["text"]


def test_extract_prints_schema_valid_json_for_the_seed(shared, schema):
    result = runner.invoke(app, ["extract", str(shared / "corpus/seed/moscow-hamas.txt")])
    assert result.exit_code == 0, result.output
    analysis = json.loads(result.stdout)
    jsonschema.validate(analysis, schema)
    assert analysis["article"]["published"] == "2024-02-20"  # from the sidecar
    check_offsets(analysis)


def test_extract_jsonl_in_and_out(schema, tmp_path):
    lines = [
        {
            "id": "a1",
            "text": "Iran's foreign minister met Russia's foreign minister in Moscow on Tuesday.",
            "published": "2024-03-07",
            "source": "wire",
        },
        {"id": "a2", "text": '"We will not negotiate," the spokesman said.', "title": "t"},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    result = runner.invoke(app, ["extract", "--jsonl", str(path), "--published", "2024-03-08"])
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["article"]["id"] for o in out] == ["a1", "a2"]
    assert all(o["article"]["published"] == "2024-03-08" for o in out)
    for item in out:
        jsonschema.validate(item, schema)
        check_offsets(item)


def test_extract_rejects_a_bad_date_and_missing_files(tmp_path):
    bad_date = runner.invoke(app, ["extract", "x.txt", "--published", "last week"])
    assert bad_date.exit_code == 2 and "--published" in bad_date.output
    missing = runner.invoke(app, ["extract", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 1 and "no such file" in missing.output


def test_ingest_twice_stores_once(shared, tmp_path):
    db = str(tmp_path / "seed.db")
    first = runner.invoke(app, ["ingest", str(shared / "corpus/seed"), "--db", db])
    assert first.exit_code == 0, first.output
    with Store(db) as store:
        counts = {t: store.count(t) for t in ("articles", "mentions", "quotes", "events")}
    second = runner.invoke(app, ["ingest", str(shared / "corpus/seed"), "--db", db])
    assert second.exit_code == 0
    report = {
        row.split("│")[1].strip(): row.split("│")[2].strip()
        for row in second.output.splitlines()
        if row.count("│") == 3
    }
    assert report == {"read": "1", "stored": "0", "already stored": "1"}
    with Store(db) as store:
        assert {t: store.count(t) for t in counts} == counts
    assert counts["articles"] == 1


def test_timeline_of_unknown_actor_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["timeline", "Atlantis", "Lemuria", "--db", str(tmp_path / "e.db")])
    assert result.exit_code == 2
    assert "no actor in the store is called 'Atlantis'" in result.output


def test_eval_recognises_the_gold_format(shared, tmp_path):
    result = runner.invoke(app, ["eval", str(shared / "gold/seed.json"), "--json"])
    assert result.exit_code == 0, result.output
    [scores] = json.loads(result.stdout).values()
    assert set(scores) >= {"quotes", "times", "events", "timeline"}
    assert scores["times"]["gold"] == 6
    unknown = tmp_path / "other.json"
    unknown.write_text('{"rows": []}', encoding="utf-8")
    result = runner.invoke(app, ["eval", str(unknown)])
    assert result.exit_code == 2 and "unknown gold format" in result.output


def test_python_m_dyad_prints_the_version():
    done = subprocess.run(
        [sys.executable, "-m", "dyad", "--version"], capture_output=True, text=True, check=True
    )
    assert done.stdout == f"dyad {__version__}\n"
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)
