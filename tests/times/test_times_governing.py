"""time_for: the time expression that governs a word's clause."""

from __future__ import annotations

from datetime import date

import pytest
import spacy

from dyad.extensions import register_extensions
from dyad.model import TimeExpr
from dyad.nlp import DEFAULT_MODEL
from dyad.times import time_for


@pytest.fixture(scope="module")
def nlp():
    register_extensions()
    return spacy.load(DEFAULT_MODEL)


def parse_with_times(nlp, text: str, *phrases: str):
    """Parse ``text``, marking each phrase as a time by hand: time_for must not need the tagger."""
    doc = nlp(text)
    times = []
    for phrase in phrases:
        start = text.index(phrase)
        times.append(TimeExpr(phrase, start, start + len(phrase), "DATE", None))
    doc._.times = times
    return doc


def word(doc, text: str, nth: int = 0):
    return [token for token in doc if token.text == text][nth]


def test_time_on_the_clause_verb_governs_its_object(nlp):
    doc = parse_with_times(
        nlp,
        "Hamas officials conducted further political consultations with the Russians in January.",
        "January",
    )
    assert time_for(doc, word(doc, "conducted")).text == "January"
    assert time_for(doc, word(doc, "consultations")).text == "January"


def test_time_modifying_a_noun_governs_that_noun(nlp):
    doc = parse_with_times(
        nlp, "He spoke about the October 7 attacks on Israel yesterday.", "October 7", "yesterday"
    )
    assert time_for(doc, word(doc, "attacks")).text == "October 7"
    assert time_for(doc, word(doc, "spoke")).text == "yesterday"


def test_time_of_a_reporting_clause_does_not_leak_into_the_reported_clause(nlp):
    doc = parse_with_times(
        nlp,
        "On Friday the minister said that the army had attacked the town in March.",
        "Friday",
        "March",
    )
    assert time_for(doc, word(doc, "attacked")).text == "March"
    assert time_for(doc, word(doc, "said")).text == "Friday"
    doc = parse_with_times(
        nlp, "On Friday the minister said that the army would leave the town.", "Friday"
    )
    assert time_for(doc, word(doc, "leave")) is None


def test_time_of_a_during_phrase_dates_its_clause_but_after_does_not(nlp):
    doc = parse_with_times(nlp, "During talks on Friday, the envoy signed the deal.", "Friday")
    assert time_for(doc, word(doc, "signed")).text == "Friday"
    doc = parse_with_times(
        nlp, "After the attacks of October 7, the envoy signed the deal.", "October 7"
    )
    assert time_for(doc, word(doc, "signed")) is None


def test_no_times_gives_none(nlp):
    doc = nlp("The talks went well.")
    doc._.times = []
    assert time_for(doc, word(doc, "went")) is None
    doc._.times = None
    assert time_for(doc, word(doc, "talks")) is None


@pytest.mark.slow
def test_seed_events_get_the_times_of_their_clauses(nlp, shared):
    import dyad.times  # noqa: F401  (registers dyad_times)

    tagger_nlp = spacy.load(DEFAULT_MODEL)
    tagger_nlp.add_pipe("dyad_times")
    text = (shared / "corpus" / "seed" / "moscow-hamas.txt").read_text(encoding="utf-8")
    doc = tagger_nlp.make_doc(text)
    doc._.published = date(2024, 2, 20)
    doc = tagger_nlp(doc)

    def time_of(phrase: str, word_text: str):
        start = text.index(phrase)
        token = next(t for t in doc if t.idx >= start and t.text == word_text)
        found = time_for(doc, token)
        return found.value if found else None

    assert time_of("Hamas officials conducted further political", "consultations") == "2024-01"
    assert time_of("made another sojourn to Moscow", "sojourn") == "2023-10"
    assert time_of("the October 7 attacks", "attacks") == "2023-10-07"
    assert time_of("the Kremlin has welcomed high-level delegations", "welcomed") is None
    # The report was made "During an interview ... this past weekend".
    assert time_of("Mohammad Shtayyeh informed reporters", "informed") == "2024-W07-WE"
