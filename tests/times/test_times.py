"""dyad_times: time expressions normalised to TIMEX3 values against the publication date."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
import spacy

import dyad.times  # noqa: F401  (registers the dyad_times factory)
from dyad.extensions import register_extensions
from dyad.model import parse_date
from dyad.nlp import DEFAULT_MODEL


@pytest.fixture(scope="module")
def nlp():
    register_extensions()
    pipeline = spacy.load(DEFAULT_MODEL)
    pipeline.add_pipe("dyad_times")
    return pipeline


def times(nlp, text: str, published: date | str | None = "2024-02-20"):
    doc = nlp.make_doc(text)
    doc._.published = parse_date(published)
    return nlp(doc)._.times


def only(nlp, text: str, published: date | str | None = "2024-02-20"):
    found = times(nlp, text, published)
    assert len(found) == 1, found
    return found[0]


def value_of(nlp, text: str, published: date | str | None = "2024-02-20") -> str | None:
    return only(nlp, text, published).value


@pytest.mark.slow
def test_seed_article_times_match_the_gold(nlp, shared):
    text = (shared / "corpus" / "seed" / "moscow-hamas.txt").read_text(encoding="utf-8")
    gold = json.loads((shared / "gold" / "seed.json").read_text(encoding="utf-8"))
    found = times(nlp, text, gold["doc"]["published"])
    for expected in gold["times"]:
        start = text.index(expected["text"])
        end = start + len(expected["text"])
        overlapping = [t for t in found if t.start < end and start < t.end]
        assert overlapping, expected["text"]
        assert overlapping[0].value == expected["value"], (expected, overlapping[0])
        assert overlapping[0].mod == expected.get("mod"), (expected, overlapping[0])
        assert overlapping[0].type == "DATE"


def test_spans_point_into_the_text(nlp):
    text = "On Friday, a week after the talks of March 3, 2023, the envoy left at 9 a.m."
    for time in times(nlp, text):
        assert text[time.start : time.end] == time.text


def test_relative_to_the_publication_date(nlp):
    assert value_of(nlp, "The law passed last year.") == "2023"
    assert value_of(nlp, "They met earlier this month.") == "2024-02"
    assert value_of(nlp, "Talks resume next week.") == "2024-W09"
    assert value_of(nlp, "He arrived yesterday.") == "2024-02-19"
    assert value_of(nlp, "The vote was held this past weekend.") == "2024-W07-WE"
    assert value_of(nlp, "Prices rose three years ago.") == "2021"


def test_late_month_of_last_year_has_mod_end(nlp):
    time = only(nlp, "They went to Moscow in late October of last year.")
    assert (time.value, time.mod) == ("2023-10", "END")


def test_bare_months_and_days_take_the_nearest_past_unless_the_verb_is_future(nlp):
    assert value_of(nlp, "The delegation visited Moscow in October.") == "2023-10"
    assert value_of(nlp, "The delegation will visit Moscow in October.") == "2024-10"
    assert value_of(nlp, "Consultations took place in January.") == "2024-01"
    assert value_of(nlp, "Elections are due on March 5.") == "2024-03-05"
    assert value_of(nlp, "The attack of October 7 shocked the region.") == "2023-10-07"


def test_weekdays_follow_the_tense(nlp):
    # 2024-02-20 is a Tuesday.
    assert value_of(nlp, "The ministers met on Wednesday.") == "2024-02-14"
    assert value_of(nlp, "The ministers will meet on Wednesday.") == "2024-02-21"
    assert value_of(nlp, "The ministers met last Friday.") == "2024-02-16"


def test_us_numeric_dates_and_fractions(nlp):
    assert value_of(nlp, "the 10/7 massacre") == "2023-10-07"
    assert value_of(nlp, "It was filed on 11/02/89.", "1989-11-03") == "1989-11-02"
    assert times(nlp, "The stock rose 1/2 point to 8 3/4.") == []


def test_seasons_quarters_decades_centuries(nlp):
    assert value_of(nlp, "Sales fell last summer.") == "2023-SU"
    assert value_of(nlp, "Profit rose in the third quarter of 2023.") == "2023-Q3"
    assert value_of(nlp, "Third-quarter profit rose.", "1989-11-02") == "1989-Q3"
    assert value_of(nlp, "Growth in Q3 2023 slowed.") == "2023-Q3"
    assert value_of(nlp, "It grew in the 1990s.") == "199"
    assert value_of(nlp, "It was built in the early 1980s.") == "198"
    assert value_of(nlp, "the 20th century") == "19"


def test_a_year_earlier_is_anchored_to_the_time_mentioned_before_it(nlp):
    found = times(nlp, "Profit rose in the third quarter of 2023 from $5 million a year earlier.")
    assert [t.value for t in found] == ["2023-Q3", "2022-Q3"]
    found = times(nlp, "The treaty was signed on March 3, 1990. A year earlier, talks had failed.")
    assert [t.value for t in found] == ["1990-03-03", "1989-03-03"]


def test_durations_and_sets(nlp):
    time = only(nlp, "The war has lasted three years.")
    assert (time.type, time.value) == ("DURATION", "P3Y")
    time = only(nlp, "Spending rises over the next five years.")
    assert (time.type, time.value, time.mod) == ("DURATION", "P5Y", None)
    time = only(nlp, "a five-year plan")
    assert (time.type, time.value) == ("DURATION", "P5Y")
    time = only(nlp, "The council meets every week.")
    assert (time.type, time.value) == ("SET", "P1W")
    assert only(nlp, "The paper appears daily.").value == "P1D"


def test_timeml_reference_values(nlp):
    assert value_of(nlp, "Talks are now under way.") == "PRESENT_REF"
    assert value_of(nlp, "The two sides met recently.") == "PAST_REF"
    assert value_of(nlp, "They may meet again in the future.") == "FUTURE_REF"


def test_may_the_verb_is_not_a_month(nlp):
    assert times(nlp, "The ministers May meet again, officials said.") == []
    assert value_of(nlp, "The ministers met in May.") == "2023-05"


def test_without_a_publication_date_relative_values_stay_open(nlp):
    assert value_of(nlp, "The law passed last year.", None) is None
    assert value_of(nlp, "The attack of October 7 shocked the region.", None) == "XXXX-10-07"
    assert value_of(nlp, "Talks are now under way.", None) == "PRESENT_REF"
    assert value_of(nlp, "It was signed on 2023-10-07.", None) == "2023-10-07"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n ",
        "99/99/9999 0/0 13/45 2/30/2024 February 30 Feb. 31, 2023 the 0s 00:99 a.m.",
        "year year year quarter quarter the the the last last next",
        "\u202e\u0000\ufeff October \U0001f600 7 \t 10/7" * 50,
        "1" * 5000,
        "last " * 2000 + "year",
    ],
)
def test_junk_input_gives_valid_spans_and_no_errors(nlp, text):
    for time in times(nlp, text):
        assert text[time.start : time.end] == time.text
        assert time.type in ("DATE", "TIME", "DURATION", "SET")


@pytest.mark.parametrize("published", [date(9999, 12, 31), date(1, 1, 1), None])
def test_extreme_or_bad_publication_dates_do_not_break_tagging(nlp, published):
    text = "Last year, on October 7 and next Friday, a year earlier, in the 1990s, now."
    for time in times(nlp, text, published):
        assert text[time.start : time.end] == time.text


def test_rules_travel_with_a_saved_pipeline(nlp, tmp_path):
    nlp.get_pipe("dyad_times").to_disk(tmp_path / "dyad_times")
    assert sorted(p.name for p in (tmp_path / "dyad_times").iterdir()) == [
        "lexicon.yaml",
        "patterns.yaml",
    ]
    blank = spacy.blank("en")
    tagger = blank.add_pipe("dyad_times").from_disk(tmp_path / "dyad_times")
    doc = blank.make_doc("The talks ended last year.")
    doc._.published = date(2024, 2, 20)
    assert [t.value for t in tagger(doc)._.times] == ["2023"]


def test_verbs_and_words_that_point_ahead(nlp):
    # Published 1999-02-10: "decided to admit ... in March" is the coming March.
    text = "NATO has decided to admit Poland in early March."
    assert value_of(nlp, text, "1999-02-10") == "1999-03"
    assert value_of(nlp, "The accession was planned for March.", "1999-02-10") == "1999-03"
    # A past verb, but the date is a deadline close ahead.
    assert value_of(nlp, "The offer was extended to Nov. 16.", "1989-10-30") == "1989-11-16"
    assert value_of(nlp, "The offer expired on Oct. 16.", "1989-10-30") == "1989-10-16"


def test_part_of_a_period(nlp):
    time = only(nlp, "Troops will arrive by the end of the month.")
    assert (time.value, time.mod) == ("2024-02", "END")
    time = only(nlp, "Sales rose in the first half of 2023.")
    assert time.value == "2023-H1"


def test_a_publication_time_counts_as_its_day(nlp):
    doc = nlp.make_doc("He arrived yesterday.")
    doc._.published = datetime(2024, 2, 20, 23, 0)
    assert [t.value for t in nlp(doc)._.times] == ["2024-02-19"]


def test_anaphoric_parts_of_days_and_spelled_out_years(nlp):
    found = times(nlp, "He was held on March 3, 1998, and freed the next morning.", "1998-03-05")
    assert [(t.type, t.value) for t in found] == [("DATE", "1998-03-03"), ("TIME", "1998-03-04TMO")]
    assert value_of(nlp, "It was as cold as in the winter of nineteen ninety-four.") == "1994-WI"


def test_winters_are_named_by_the_year_they_end_in_as_dyad_timex_reads_them(nlp):
    # One calendar with the store: 2024-WI is December 2023 to February 2024.
    assert value_of(nlp, "Talks stalled this winter.", "2024-01-20") == "2024-WI"
    assert value_of(nlp, "Talks stalled this winter.", "2023-12-10") == "2024-WI"
    assert value_of(nlp, "Talks stalled last winter.", "2024-01-20") == "2023-WI"
    assert value_of(nlp, "Talks stalled last winter.", "2024-03-15") == "2024-WI"
    assert value_of(nlp, "Talks will resume next winter.", "2023-12-10") == "2025-WI"
    assert value_of(nlp, "Talks will resume next winter.", "2023-10-10") == "2024-WI"
    found = times(nlp, "In the winter of 1994 prices fell. A year later they rose.", "1998-02-23")
    assert [t.value for t in found] == ["1994-WI", "1995-WI"]
