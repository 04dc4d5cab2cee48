"""The TimeML evaluation: reading .tml files and scoring DATE expressions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import spacy
from conftest import SHARED

import dyad.times  # noqa: F401  (registers the dyad_times factory)
from dyad.eval.timeml import evaluate, read_tml
from dyad.extensions import register_extensions

TIMEBANK = SHARED / "data" / "timebank"

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>toy</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08">19980108</TIMEX3></DCT>
<TEXT>
Prices <EVENT eid="e1">fell</EVENT> <TIMEX3 tid="t1" type="DATE" value="1997">last year</TIMEX3> \
and rose on <TIMEX3 tid="t2" type="DATE" value="1998-01-05">Monday</TIMEX3> for \
<TIMEX3 tid="t3" type="DURATION" value="P3D">three days</TIMEX3>. Stocks fell on the 12th.
</TEXT>
</TimeML>
"""


@pytest.fixture()
def toy(tmp_path: Path) -> Path:
    corpus = tmp_path / "Toy"
    corpus.mkdir()
    path = corpus / "toy.tml"
    path.write_text(TML, encoding="utf-8")
    return path


def test_read_tml_gives_plain_text_creation_date_and_gold_offsets(toy):
    document = read_tml(toy, "Toy")
    assert document.published == date(1998, 1, 8)
    assert "<" not in document.text
    assert [(t.text, t.type, t.value) for t in document.times] == [
        ("last year", "DATE", "1997"),
        ("Monday", "DATE", "1998-01-05"),
        ("three days", "DURATION", "P3D"),
    ]
    for time in document.times:
        assert document.text[time.start : time.end] == time.text


def test_evaluate_scores_dates_by_overlap_and_exact_value(toy):
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("dyad_times")
    result = evaluate(toy.parent, nlp)
    date = result["all"]["date"]
    # Both gold DATEs are found; "Monday" without a parse defaults to the past Monday.
    assert (date["gold"], date["recall"], date["value_accuracy"]) == (2, 1.0, 1.0)
    assert result["all"]["types"]["DURATION"] == {"gold": 1, "found": 1, "predicted": 1}
    assert list(result["by_corpus"]) == ["Toy"]
    assert result["date_errors"] == []


def test_every_timebank_file_reads_with_consistent_offsets():
    for path in sorted(TIMEBANK.rglob("*.tml")):
        document = read_tml(path)
        assert document.published
        for time in document.times:
            assert document.text[time.start : time.end] == time.text


def test_values_match_exactly_but_for_week_number_padding():
    from dyad.eval.timeml import same_value

    assert same_value("2000-W07", "2000-W7")
    assert same_value("2000-W07-WE", "2000-W7-WE")
    assert not same_value("2000-W07", "2000-W17")
    assert not same_value("2000-01", "2000-01-05")
    assert not same_value(None, "PRESENT_REF")
