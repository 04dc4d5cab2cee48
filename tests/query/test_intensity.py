"""Net intensity by month over the small hand-built corpus, on SQLite and (with
DYAD_TEST_PG) PostgreSQL. Expected sums are the PLOVER manual's scores in
src/dyad/data/plover.yaml added by hand: CONSULT +2.5 (visit +4), ACCUSE -3,
ASSAULT -9, SUPPORT +5, THREATEN -3.5."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from query_corpus import CORPUS, HAMAS, ISR, RUS, report
from sqlalchemy import event

from dyad.query import Filters, network
from dyad.query.intensity import MonthIntensity, articles_by_month, monthly_intensity
from dyad.store import Store

# A host receiving a visit scores as the manual's "visit" (+4, not CONSULT's +2.5);
# a negated threat did not happen and weighs nothing.
MODES = report(
    "Russia hosted Israeli envoys in Moscow. Israel did not threaten Russia.",
    "2024-01-25",
    "wire",
    [
        ("CONSULT", "RUS", "ISR", "2024-01-24", "actual"),
        ("THREATEN", "ISR", "RUS", "2024-01-24", "negated"),
    ],
    [RUS, ISR, HAMAS],
)
MODES.events[0] = replace(MODES.events[0], mode="host")


@pytest.fixture
def corpus(db):
    with Store(db) as store:
        for analysis in [*CORPUS, MODES]:
            assert store.add(analysis)
        yield store


def test_an_actors_months_sum_the_manuals_scores_actual_apart(corpus):
    assert monthly_intensity(corpus, "Russia") == {
        # Hamas's visit (+2.5) and Israel's accusation (-3).
        "2023-10": MonthIntensity(actual=-0.5, actual_events=2),
        # The strikes on Ukraine (-9) and the hosted envoys (+4); the negated threat is left out.
        "2024-01": MonthIntensity(actual=-5.0, actual_events=2),
        # Intended support (+5) and a hypothetical meeting (+2.5) placed at its report's date.
        "2024-02": MonthIntensity(unconfirmed=7.5, unconfirmed_events=2),
    }


def test_a_dyad_keeps_its_own_events_and_follows_the_filters(corpus):
    assert monthly_intensity(corpus, "Hamas", "Russia") == {
        "2023-10": MonthIntensity(actual=2.5, actual_events=1),
        "2024-02": MonthIntensity(unconfirmed=7.5, unconfirmed_events=2),
    }
    assert monthly_intensity(corpus, "Russia", filters=Filters(since="2024-01")).keys() == {
        "2024-01",
        "2024-02",
    }
    actual = monthly_intensity(corpus, "Russia", filters=Filters(statuses=("actual",)))
    assert "2024-02" not in actual
    conflict = monthly_intensity(corpus, "Russia", filters=Filters(quads=("material_conflict",)))
    assert conflict == {"2024-01": MonthIntensity(actual=-9.0, actual_events=1)}
    assert monthly_intensity(corpus, "Ukraine", filters=Filters(sources=("daily",))) == {}


def test_the_whole_store_and_the_articles_each_month(corpus):
    everything = monthly_intensity(corpus)
    assert everything["2024-01"] == MonthIntensity(actual=-5.0, actual_events=2)
    assert articles_by_month(corpus) == {"2023-10": 1, "2023-11": 1, "2024-01": 2, "2024-02": 1}
    assert articles_by_month(corpus, filters=Filters(sources=("daily",), since="2024")) == {
        "2024-02": 1
    }


def test_network_edges_carry_the_net_intensity_of_their_events(corpus):
    graph = network(corpus)
    # Israel's accusation (-3), the envoys' meeting folded onto the same edge (CONSULT is
    # symmetric; hosted: +4) and the negated threat, counted but weighing nothing.
    assert graph.edges["ISR", "RUS"]["weight"] == 3
    assert graph.edges["ISR", "RUS"]["intensity"] == 1.0
    assert graph.edges["RUS", "UKR"]["intensity"] == -9.0


def test_the_monthly_counts_answer_as_the_events_do_without_reading_them(corpus):
    # Whole months read the counts tables; a date ending mid-month (the last day is
    # the 30th) has to read the events. Both see every event here.
    months, days = Filters(since="2023-10"), Filters(since="2023-10-01", until="2099-12-30")
    assert months.by_month and not days.by_month
    read: list[str] = []

    def remember(conn, cursor, statement, *args) -> None:
        read.append(statement)

    event.listen(corpus.engine, "before_cursor_execute", remember)
    try:
        for sides in ((), ("Russia",), ("Hamas", "Russia"), ("Israel",)):
            read.clear()
            counted = monthly_intensity(corpus, *sides, filters=months)
            assert not [s for s in read if re.search(r"\bFROM events\b", s)]
            assert counted == monthly_intensity(corpus, *sides, filters=days)
            assert counted  # every one of them has events
    finally:
        event.remove(corpus.engine, "before_cursor_execute", remember)
