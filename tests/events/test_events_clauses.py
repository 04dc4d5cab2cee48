"""Clauses that tell no event (dyad.events.clauses): headings, generic and habitual
statements; questions are hypothetical."""

from __future__ import annotations

from test_events import extractor, nlp, run  # noqa: F401  (fixtures)


def test_a_heading_is_no_event(nlp, extractor):  # noqa: F811
    text = "Blockade and Little Aid\nIsrael blockaded Gaza in 2007."
    events = run(nlp, extractor, text, [("Israel", "ISR")], places=[("Gaza", "PSE")])
    assert [e.evidence.text for e in events] == ["Israel blockaded Gaza in 2007"]


def test_a_generic_clause_is_no_event(nlp, extractor):  # noqa: F811
    text = "When a journalist is arrested in Moscow, Navalny calls Kerry."
    mentions = [("Navalny", "NAVALNY"), ("Kerry", "KERRY")]
    events = run(nlp, extractor, text, mentions, places=[("Moscow", "RUS")])
    assert "COERCE" not in {e.type for e in events}
    # A named side makes it an event again: "when Russia attacks Ukraine".
    text = "When Russia attacks Ukraine, NATO meets."
    events = run(nlp, extractor, text, [("Russia", "RUS"), ("Ukraine", "UKR"), ("NATO", "NATO")])
    assert ("ASSAULT", "RUS", "UKR") in {(e.type, e.source, e.target) for e in events}


def test_a_habitual_clause_is_no_event(nlp, extractor):  # noqa: F811
    events = run(
        nlp, extractor, "Russian police usually arrest protesters.", [("Russian police", "RUS")]
    )
    assert events == []
    events = run(nlp, extractor, "Russian police arrested protesters.", [("Russian police", "RUS")])
    assert [e.type for e in events] == ["COERCE"]


def test_a_question_is_hypothetical(nlp, extractor):  # noqa: F811
    text = "Will Russia attack Ukraine?"
    events = run(nlp, extractor, text, [("Russia", "RUS"), ("Ukraine", "UKR")])
    assert [(e.type, e.status) for e in events] == [("ASSAULT", "hypothetical")]
