"""The framing scorer: where each gold statement -> event link is found or lost."""

from __future__ import annotations

from collections import Counter

from dyad.eval.framing import _report, _score_article
from dyad.model import Actor, Analysis, Article, Event, Quote, Span, Speaker

TEXT = (
    "Russia banned the airline on Monday. Officials met in Berlin on Tuesday. "
    "The minister said the ban was needed. Critics said the talks were useless."
)


def _at(phrase: str) -> tuple[int, int]:
    start = TEXT.index(phrase)
    return start, start + len(phrase)


def _sentence(phrase: str, *types: str) -> dict:
    start, end = _at(phrase)
    events = [{"type": t, "source": None, "target": None} for t in types]
    return {"start": start, "end": end, "events": events}


def _statement(phrase: str, *about: tuple[str, int]) -> dict:
    start, end = _at(phrase)
    return {
        "file": "a",
        "start": start,
        "end": end,
        "about": [{"sentence": _at(s)[0], "event": n} for s, n in about],
    }


def _event(event_id: str, event_type: str, phrase: str) -> Event:
    start, end = _at(phrase)
    return Event(event_id, event_type, "actual", None, None, Span(phrase, start, end))


def _quote(quote_id: str, phrase: str, about: list[str]) -> Quote:
    return Quote(quote_id, "indirect", phrase, [_at(phrase)], Speaker(), about=about)


def test_each_lost_link_is_put_down_to_the_statement_the_event_or_the_link():
    banned = "Russia banned the airline on Monday."
    met = "Officials met in Berlin on Tuesday."
    sentences = [_sentence(banned, "SANCTION", "COERCE"), _sentence(met, "CONSULT")]
    statements = [
        # Found (the ban), lost to an event of another type (COERCE, coded SANCTION only).
        _statement("the ban was needed", (banned, 0), (banned, 1)),
        # Both ends found, not linked.
        _statement("the talks were useless", (met, 0)),
        # No quote for it at all.
        _statement("Officials met in Berlin", (banned, 0)),
    ]
    analysis = Analysis(
        Article(TEXT, id="a"),
        events=[_event("e1", "SANCTION", "banned"), _event("e2", "CONSULT", "met")],
        quotes=[
            _quote("q1", "the ban was needed", ["e1"]),
            _quote("q2", "the talks were useless", ["e1"]),
        ],
    )
    counts: Counter[str] = Counter()
    misses: list[str] = []
    _score_article(analysis, statements, sentences, counts, misses)
    report = _report(counts)
    assert report["lost"] == {"statement": 1, "event": 1, "event_other_type": 1, "link": 1}
    # q1 -> e1 is right, q2 -> e1 a link the gold lacks; 1 of the 4 gold links found.
    assert (report["precision"], report["recall"]) == (0.5, 0.25)
    # Two gold links have both ends found (q1 -> the ban, q2 -> the meeting): one linked.
    assert report["recall_found_events"] == 0.5


def test_any_type_lets_an_event_of_another_type_stand_only_with_its_sides_right():
    banned = "Russia banned the airline on Monday."
    met = "Officials met in Berlin on Tuesday."
    sentences = [_sentence(banned, "SANCTION"), _sentence(met, "CONSULT")]
    sentences[0]["events"][0].update(source=["Russia"], target=["airline"])
    sentences[1]["events"][0].update(source=["Germany"])
    statements = [
        _statement("the ban was needed", (banned, 0)),
        _statement("the talks were useless", (met, 0)),
    ]
    russia = Actor("RUS", "Russia", "state", country="RUS")
    airline = Actor("O:AIRLINE", "the airline", "organisation")
    banning = _event("e1", "COERCE", "banned")
    banning.source, banning.target = russia.id, airline.id
    # Another type and a side the gold does not give: no stand-in.
    meeting = _event("e2", "ASSAULT", "met")
    meeting.source = russia.id
    analysis = Analysis(
        Article(TEXT, id="a"),
        actors=[russia, airline],
        events=[banning, meeting],
        quotes=[
            _quote("q1", "the ban was needed", ["e1"]),
            _quote("q2", "the talks were useless", ["e2"]),
        ],
    )
    counts: Counter[str] = Counter()
    _score_article(analysis, statements, sentences, counts, [])
    report = _report(counts)
    assert (report["precision"], report["recall"]) == (None, 0.0)
    assert report["any_type"] == {"precision": 1.0, "recall": 0.5}
