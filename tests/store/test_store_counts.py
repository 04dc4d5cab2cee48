"""The monthly counts per actor and per dyad that the writer keeps: equal to a recount
of the events after loads and re-loads, and read by the queries with the answers the
events give."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest
from alembic import command
from helpers import monthly_counts
from query_corpus import CORPUS, HAMAS, ISR, RUS, UKR, ZAKHAROVA, report
from sqlalchemy import event, func, inspect, select

from dyad.model import Location
from dyad.query import (
    Filters,
    actor_overview,
    actor_profile,
    actors_with_counts,
    busiest,
    event_counts,
    events_by_country,
    places,
    search,
)
from dyad.store import Store, schema
from dyad.store.migrate import alembic_config


def counted(store: Store) -> dict[str, dict[str, set[tuple]]]:
    return monthly_counts(store.engine)


# Events the corpus has not: an actor acting on itself, no target, a placed event, an
# event between an actor and one who speaks for it (Zakharova for Russia).
EXTRA = report(
    "Russia reshuffled its own government. Ukraine mobilised. Israel met Hamas in Cairo. "
    "Russia recalled Maria Zakharova.",
    "2024-02-21",
    "herald",
    [
        ("REORGANIZE", "RUS", "RUS", "2024-02-20", "actual"),
        ("MOBILIZE", "UKR", None, "2024-02", "actual"),
        ("CONSULT", "ISR", "HAMAS", "2024-02-21", "actual"),
        ("RETREAT", "RUS", ZAKHAROVA.id, "2024-02-21", "actual"),
    ],
    [RUS, UKR, ISR, HAMAS, ZAKHAROVA],
)
EXTRA.events[2] = replace(EXTRA.events[2], location=Location("Cairo", "EGY"))
# A second report of the corpus's first event: merged, so counted once.
REPRINT = report(
    "Hamas leaders were in Moscow in October, the herald said.",
    "2023-11-03",
    "herald",
    [("CONSULT", "HAMAS", "RUS", "2023-10", "actual")],
    [RUS, HAMAS],
)


@pytest.fixture
def store(db):
    with Store(db) as store:
        for analysis in [*CORPUS, EXTRA, REPRINT]:
            assert store.add(analysis)
        yield store


def test_counts_kept_on_write_equal_a_recount_after_loads_and_reloads(store):
    first = counted(store)
    assert first["kept"] == first["recounted"]
    # Loading the same articles again stores nothing and counts nothing.
    for analysis in [*CORPUS, EXTRA]:
        assert not store.add(analysis)
    assert counted(store) == first
    actors = first["kept"]["actor_months"]
    # Russia: 5 events with the corpus's actors (see the profile test) and one with
    # itself, counted once; the reprint merged into the October visit. None has a mode.
    russia = {
        (month, kind, status): n
        for actor, month, kind, status, mode, n in actors
        if actor == "RUS" and mode == ""
    }
    assert russia == {
        ("2023-10", "CONSULT", "actual"): 1,
        ("2023-10", "ACCUSE", "actual"): 1,
        ("2024-01", "ASSAULT", "actual"): 1,
        ("2024-02", "SUPPORT", "intended"): 1,
        ("2024-02", "CONSULT", "hypothetical"): 1,
        ("2024-02", "REORGANIZE", "actual"): 1,
        ("2024-02", "RETREAT", "actual"): 1,
    }
    dyads = first["kept"]["dyad_months"]
    assert ("UKR", "", "2024-02", "MOBILIZE", "actual", "", "", 1) in dyads
    assert ("ISR", "HAMAS", "2024-02", "CONSULT", "actual", "", "EGY", 1) in dyads
    # Over all time: Hamas's October visit once (the reprint merged); Russia's support
    # and its undated hypothetical consultation, each once.
    pairs = first["kept"]["dyad_pairs"]
    assert {row for row in pairs if {row[0], row[1]} == {"RUS", "HAMAS"}} == {
        ("HAMAS", "RUS", "CONSULT", "actual", "", 1),
        ("RUS", "HAMAS", "SUPPORT", "intended", "", 1),
        ("RUS", "HAMAS", "CONSULT", "hypothetical", "", 1),
    }
    assert ("ISR", "HAMAS", "CONSULT", "actual", "EGY", 1) in pairs
    with store.engine.connect() as conn:
        for table in (schema.dyad_months, schema.dyad_pairs, schema.pair_totals):
            total = conn.execute(select(func.sum(table.c.events))).scalar_one()
            assert total == store.count("events") == 9


def test_totals_per_pair_and_per_actor_count_each_event_once(store):
    kept = counted(store)["kept"]
    # Per pair and place: Russia's two with Hamas (its support, its undated
    # consultation) in one row; Hamas's visit once, its reprint merged; no target ''.
    assert kept["pair_totals"] == {
        ("HAMAS", "RUS", "", 1),
        ("ISR", "RUS", "", 1),
        ("RUS", "UKR", "", 1),
        ("RUS", "HAMAS", "", 2),
        ("RUS", "RUS", "", 1),
        ("UKR", "", "", 1),
        ("ISR", "HAMAS", "EGY", 1),
        ("RUS", ZAKHAROVA.id, "", 1),
    }
    # Per actor: Russia's 5 in the corpus, the reshuffle with itself once, the recall.
    assert kept["actor_totals"] == {
        ("RUS", 7),
        ("HAMAS", 4),
        ("ISR", 2),
        ("UKR", 2),
        (ZAKHAROVA.id, 1),
    }


def test_a_write_that_fails_leaves_the_totals_as_they_were(store, monkeypatch):
    before = counted(store)["kept"]
    late = report(
        "Israel accused Hamas again. Russia met Ukraine.",
        "2024-03-02",
        "wire",
        [
            ("ACCUSE", "ISR", "HAMAS", "2024-03-01", "actual"),
            ("CONSULT", "RUS", "UKR", "2024-03-02", "actual"),
        ],
        [RUS, UKR, ISR, HAMAS],
    )

    def broken(conn, ids=None):
        raise RuntimeError("disk full")

    # The search index is written after the events and their counts, in one transaction.
    monkeypatch.setattr("dyad.store.store.index_for_search", broken)
    with pytest.raises(RuntimeError):
        store.add(late)
    assert counted(store)["kept"] == before
    monkeypatch.undo()
    assert store.add(late)
    after = counted(store)
    assert after["kept"] == after["recounted"]
    assert ("ISR", "HAMAS", "", 1) in after["kept"]["pair_totals"]
    assert ("ISR", 3) in after["kept"]["actor_totals"]


def test_an_unfiltered_profile_ranks_counterparts_from_the_totals(store):
    statements: list[str] = []

    def seen(conn, cursor, statement, *args) -> None:
        statements.append(statement)

    event.listen(store.engine, "before_cursor_execute", seen)
    try:
        profile = actor_profile(store, "Russia")
        actor_overview(store, "Russia")
        events_by_country(store, actor="Russia")
    finally:
        event.remove(store.engine, "before_cursor_execute", seen)
    assert [(c.id, c.events) for c in profile.counterparts] == [
        ("HAMAS", 3),
        ("ISR", 1),
        ("UKR", 1),
    ]
    # Only the chosen counterparts are read by type from dyad_pairs; their ranking and
    # the map read the totals.
    by_pair = [s for s in statements if "dyad_pairs" in s]
    assert all("dyad_pairs.type" in s for s in by_pair)
    assert sum("pair_totals" in s for s in statements) >= 3


FILTERS = [
    Filters(),
    Filters(since="2023-10", until="2023-12"),
    Filters(since="2024"),
    Filters(until="2024-01"),
    Filters(statuses=("actual",)),
    Filters(quads=("material_conflict", "verbal_conflict")),
    Filters(types=("CONSULT",), statuses=("actual", "hypothetical")),
]


@pytest.mark.parametrize("filters", FILTERS, ids=repr)
def test_queries_answer_from_the_counts_as_from_the_events(store, filters, monkeypatch):
    assert filters.by_month

    def answers() -> list:
        found = []
        for actor in ("Russia", "Hamas", "Israel", "Ukraine"):
            found.append(event_counts(store, actor, filters=filters, by_type=True))
            found.append(event_counts(store, actor, include_affiliates=False, filters=filters))
            found.append(events_by_country(store, actor=actor, filters=filters))
            profile = actor_profile(store, actor, filters=filters)
            found.append((profile.events, profile.counterparts, profile.types_by_month))
            overview = actor_overview(store, actor, filters=filters)
            found.append((overview.events, overview.counterparts, overview.types_by_month))
        found.append(event_counts(store, "Russia", "Hamas", filters=filters))
        found.append(events_by_country(store, actor="Israel", counterpart="Hamas", filters=filters))
        found.append(event_counts(store, filters=filters, by_type=True))
        found.append(events_by_country(store, filters=filters))
        found.append(
            [(c.actor.id, c.events) for c in actors_with_counts(store, "a", filters=filters)]
        )
        return found

    from_counts = answers()
    monkeypatch.setattr(Filters, "by_month", property(lambda self: False))
    assert answers() == from_counts


def test_the_whole_store_map_of_a_short_window_counts_its_events(store, monkeypatch):
    # October to December 2023 holds 2 of the 9 events (ids 1 to 9).
    window = Filters(since="2023-10", until="2023-12")
    with store.engine.connect() as conn:
        monkeypatch.setattr(places, "FEW_EVENTS_SHARE", 0.2)
        assert not places._few_dated(conn, window)
        from_counts = events_by_country(store, filters=window)
        monkeypatch.setattr(places, "FEW_EVENTS_SHARE", 0.3)
        assert places._few_dated(conn, window)
        assert not places._few_dated(conn, Filters())  # no window: the counts over all time
    assert events_by_country(store, filters=window) == from_counts
    assert sum(from_counts.values()) >= 2


@pytest.mark.parametrize("share", [0.0, 1.0], ids=["counts", "events"])
@pytest.mark.parametrize("filters", FILTERS, ids=repr)
def test_the_busiest_actors_and_dyads_count_each_event_once(store, filters, share, monkeypatch):
    # A window's groups come from the counts tables or (share 1.0) from its events.
    monkeypatch.setattr(places, "FEW_EVENTS_SHARE", share)
    events = schema.events
    with store.engine.connect() as conn:
        kept = conn.execute(filters.events(select(events.c.source_id, events.c.target_id)))
        actors: Counter = Counter()
        dyads: Counter = Counter()
        for source, target in kept:
            actors.update({source, target} - {None})  # Russia on both sides: one event
            if source and target and source != target:
                dyads[min(source, target), max(source, target)] += 1
    found = busiest(store, filters=filters, limit=100)
    assert {c.actor.id: c.events for c in found.actors} == actors
    assert {(d.first.id, d.second.id): d.events for d in found.dyads} == dyads
    assert [c.events for c in found.actors] == sorted(actors.values(), reverse=True)
    assert found.countries == events_by_country(store, filters=filters)
    top = busiest(store, filters=filters, limit=1)
    assert [c.events for c in top.actors] == sorted(actors.values(), reverse=True)[:1]


def test_only_filters_without_dates_read_the_counts_over_all_time():
    assert Filters().all_time
    assert Filters(statuses=("actual",), quads=("verbal_conflict",)).all_time
    assert not Filters(since="2023-10").all_time
    assert not Filters(until="2024").all_time
    assert not Filters(sources=("wire",)).all_time


def test_only_whole_months_without_source_or_country_read_the_counts():
    assert Filters(since="2023-10", until="2024").by_month
    assert not Filters(since="2023-10-07").by_month
    assert not Filters(until="2023-10-30").by_month
    assert Filters(until="2024-02-29").by_month  # the last day of a leap February
    assert not Filters(sources=("wire",)).by_month
    assert not Filters(countries=("RUS",)).by_month


def test_an_event_between_an_actor_and_its_affiliate_counts_once(store):
    # Russia's actor_months row and Zakharova's both hold the recall; Russia with those
    # who speak for it has it once.
    assert event_counts(store, "Russia", by_type=True)["2024-02"]["RETREAT"] == 1
    profile = actor_profile(store, "Russia")
    assert profile.types_by_month["2024-02"]["RETREAT"] == 1
    assert profile.events == 7  # the corpus's 5, the reshuffle and the recall
    # Zakharova acts for Russia: not one of its counterparts.
    assert ZAKHAROVA.id not in {c.id for c in profile.counterparts}


def test_the_migrations_fill_counts_and_search_filters_of_a_store_made_before_them(store):
    before = counted(store)["kept"]
    herald = Filters(sources=("herald",), since="2023-11")
    found = [(hit.article_id, hit.quote_id) for hit in search(store, "Hamas", filters=herald)]
    assert len(found) == 2  # the reprint and the extra report, both in the herald
    phrase = {hit.published for hit in search(store, '"Palestinian factions"')}
    assert phrase  # the migrations index the stored documents' word pairs too
    config = alembic_config()
    with store.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0007")
        assert not inspect(conn).has_table("actor_months")
        assert not inspect(conn).has_table("dyad_pairs")
        assert not inspect(conn).has_table("pair_totals")
        command.upgrade(config, "head")
    assert counted(store)["kept"] == before
    again = [(hit.article_id, hit.quote_id) for hit in search(store, "Hamas", filters=herald)]
    assert again == found
    assert {hit.published for hit in search(store, '"Palestinian factions"')} == phrase
