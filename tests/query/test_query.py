"""Queries over a small hand-built corpus, on SQLite and (with DYAD_TEST_PG) PostgreSQL:
profiles, quotes by speaker, full-text search, monthly counts, the network, filters."""

from __future__ import annotations

import sys
from datetime import date

import pytest
from query_corpus import CORPUS, HAMAS, MARZOUK, RUS, ZAKHAROVA, report

from dyad.query import (
    NO_FILTERS,
    BadCursor,
    Filters,
    actor_profile,
    count_matches,
    event_counts,
    network,
    quotes_by,
    search,
    store_summary,
    summary,
    timeline,
)
from dyad.query import quotes as quote_queries
from dyad.query.counts import top_others
from dyad.query.search import fts5_query
from dyad.store import Store


@pytest.fixture
def corpus(db):
    with Store(db) as store:
        for analysis in CORPUS:
            assert store.add(analysis)
        yield store


def test_store_summary_spans_the_first_to_the_last_event(corpus):
    found = store_summary(corpus)
    # The corpus's events run from Hamas's visit in October 2023 to February 2024.
    assert (found.first_date[:7], found.last_date[:7]) == ("2023-10", "2024-02")
    assert found.events == 5  # one each in three reports, two in the fourth


def test_profile_lists_counterparts_types_by_month_and_quotes(corpus):
    profile = actor_profile(corpus, "Russia")
    assert (profile.id, profile.name, profile.events, profile.quotes) == ("RUS", "Russia", 5, 1)
    by_id = {c.id: c for c in profile.counterparts}
    assert [c.id for c in profile.counterparts] == ["HAMAS", "ISR", "UKR"]
    assert (by_id["HAMAS"].events, by_id["HAMAS"].sent, by_id["HAMAS"].received) == (3, 1, 0)
    assert by_id["ISR"].received == 1 and by_id["UKR"].sent == 1
    assert by_id["UKR"].quads == {"material_conflict": 1}
    assert profile.types_by_month == {
        "2023-10": {"CONSULT": 1, "ACCUSE": 1},
        "2024-01": {"ASSAULT": 1},
        # The undated hypothetical meeting is placed at its report's date.
        "2024-02": {"SUPPORT": 1, "CONSULT": 1},
    }
    assert [q.text for q in profile.recent_quotes] == ["These strikes were precise"]


def test_top_counterparts_break_ties_at_the_cut_by_id(corpus):
    with corpus.engine.connect() as conn:
        # Russia: three events with Hamas (one before 27 October), one each with Israel
        # and Ukraine; from the counts, then (a day's filter) from the events.
        for filters, hamas in ((Filters(), 3), (Filters(since="2023-10-27"), 2)):
            found = top_others(conn, {"RUS"}, filters, 2)
            assert list(found.items()) == [("HAMAS", hamas), ("ISR", 1)]
            assert all(type(n) is int for n in found.values())
        assert top_others(conn, {"RUS"}, Filters(), 5) == {"HAMAS": 3, "ISR": 1, "UKR": 1}
        assert top_others(conn, {"RUS"}, Filters(), 0) == {}


def test_profile_quotes_are_the_newest_sorted_or_read_article_by_article(corpus, monkeypatch):
    newest = quotes_by(corpus, "Russia", limit=10)
    assert [(q.speaker, q.speaker_name) for q in newest] == [(ZAKHAROVA.id, ZAKHAROVA.name)]
    assert actor_profile(corpus, "Russia").recent_quotes == newest
    monkeypatch.setattr(quote_queries, "SORT_QUOTES_UP_TO", 0)
    monkeypatch.setattr(quote_queries, "ARTICLE_BATCH", 1)
    profile = actor_profile(corpus, "Russia")
    assert (profile.quotes, profile.recent_quotes) == (1, newest)


def test_quote_pages_read_article_by_article_keep_the_sorted_order(db, monkeypatch):
    # Six articles quoting one speaker, three of them on one day: a page of two cuts
    # through that day, whose articles read newest first come in no id order.
    days = ["2024-03-02"] * 3 + ["2024-03-01"] * 2 + ["2024-02-28"]
    with Store(db) as store:
        for n, day in enumerate(days):
            words = f"Statement number {n} was made"
            text = f'Russia spoke on day {n}. "{words}," said Maria Zakharova.'
            store.add(report(text, day, "wire", [], [RUS, ZAKHAROVA], (words, ZAKHAROVA.id)))
        pages = [quotes_by(store, "Russia", limit=2, offset=offset) for offset in (0, 2, 4)]
        found = [(q.published.isoformat(), q.article_id) for page in pages for q in page]
        assert found == sorted(found, key=lambda q: (-date.fromisoformat(q[0]).toordinal(), q[1]))
        assert len(set(found)) == 6
        monkeypatch.setattr(quote_queries, "SORT_QUOTES_UP_TO", 0)
        for batch in (1, 4):  # four articles of two days read at once come in no date order
            monkeypatch.setattr(quote_queries, "ARTICLE_BATCH", batch)
            offsets = (0, 2, 4)
            assert [quotes_by(store, "Russia", limit=2, offset=o) for o in offsets] == pages


def test_quotes_by_speaker_include_those_who_speak_for_an_actor(corpus):
    hamas = quotes_by(corpus, "Hamas")
    assert [(q.text, q.speaker, q.source) for q in hamas] == [
        ("We value the Russian position", MARZOUK.id, "wire")
    ]
    assert quotes_by(corpus, "Hamas", include_affiliates=False) == []
    assert [q.text for q in quotes_by(corpus, "Maria Zakharova")] == ["These strikes were precise"]


def test_search_articles_and_quotes_with_stems_phrases_and_exclusions(corpus):
    # "visit" finds "visited" and "visits": both backends stem English.
    assert {h.published for h in search(corpus, "visit", kind="articles")} == {
        date(2023, 11, 1),
        date(2023, 10, 27),
    }
    quotes = search(corpus, "precise strikes", kind="quotes")
    assert [(h.quote_id, h.speaker) for h in quotes] == [("q1", ZAKHAROVA.id)]
    assert "precise" in quotes[0].snippet
    assert {h.published for h in search(corpus, '"Palestinian factions"')} == {date(2024, 2, 20)}
    assert search(corpus, '"factions Palestinian"') == []
    # A phrase on one side of "or", or excluded, does not have to be in every match.
    either = search(corpus, '"Palestinian factions" or "southern ports"', kind="articles")
    assert {h.published for h in either} == {date(2024, 1, 20), date(2024, 2, 20)}
    excluded = search(corpus, 'Moscow -"Palestinian factions"', kind="articles")
    assert {h.published for h in excluded} == {date(2023, 11, 1)}
    assert {h.published for h in search(corpus, "Moscow -Hamas")} == set()
    assert {h.published for h in search(corpus, "Moscow -factions")} == {date(2023, 11, 1)}
    assert {h.published for h in search(corpus, "ports or terrorists", kind="articles")} == {
        date(2023, 10, 27),
        date(2024, 1, 20),
    }
    assert search(corpus, "Moscow", filters=Filters(since="2024")) != []
    assert {h.source for h in search(corpus, "Russia", filters=Filters(sources=("daily",)))} == {
        "daily"
    }
    assert search(corpus, "al-Aqsa U.S.") == []  # punctuation is not an operator
    assert search(corpus, "the of") == []
    assert {h.published for h in search(corpus, "the ports", kind="articles")} == {
        date(2024, 1, 20)
    }


def test_the_newest_documents_that_hold_a_phrase_are_ranked_not_those_with_its_pairs(
    db, monkeypatch
):
    older = report(
        "Talks on a grain corridor deal resumed in Istanbul.", "2023-05-02", "wire", [], []
    )
    # Both word pairs of the phrase, in two places: not the phrase.
    newer = report(
        "The grain corridor was closed. Then the corridor deal collapsed.",
        "2023-07-18",
        "daily",
        [],
        [],
    )
    with Store(db) as store:
        assert store.add(older) and store.add(newer)
        # Only the newest match is ranked: it must be a match, not the newest candidate.
        # (dyad.query.search, the module: the package exports a function of that name.)
        monkeypatch.setattr(sys.modules["dyad.query.search"], "RANK_WINDOW", 1)
        phrase = '"grain corridor deal"'
        assert [h.published for h in search(store, phrase)] == [date(2023, 5, 2)]
        assert count_matches(store, phrase) == 1
        assert search(store, phrase, filters=Filters(sources=("daily",))) == []
        # Two phrases, each in both articles: the newest of the two.
        both = search(store, '"grain corridor" "corridor deal"')
        assert [h.published for h in both] == [date(2023, 7, 18)]
        monkeypatch.undo()
        both = search(store, '"grain corridor" "corridor deal" Istanbul')
        assert [h.published for h in both] == [date(2023, 5, 2)]


def test_fts5_query_quotes_every_word():
    assert fts5_query('Hamas "late October" -Iran') == '("Hamas" AND "late October") NOT "Iran"'
    assert fts5_query("Putin or Lavrov talks") == '("Putin" OR "Lavrov") AND "talks"'
    assert fts5_query("al-Aqsa") == '"al Aqsa"'
    # Stop words are left out, as PostgreSQL's English configuration does, except in phrases.
    assert fts5_query('the talks of "the year"') == '"talks" AND "the year"'


def test_monthly_counts_by_quad_for_an_actor_a_dyad_and_all(corpus):
    assert event_counts(corpus, "Ukraine") == {"2024-01": {"material_conflict": 1}}
    assert summary(corpus, "Russia", "Hamas") == {
        "2023-10": {"verbal_cooperation": 1},
        "2024-02": {"verbal_cooperation": 2},
    }
    assert sum(sum(c.values()) for c in event_counts(corpus).values()) == 5
    actual = event_counts(corpus, "Russia", filters=Filters(statuses=("actual",)))
    assert sum(sum(c.values()) for c in actual.values()) == 3


def test_filters_by_date_range_source_and_status(corpus):
    # until names a month: the whole month counts.
    october = timeline(corpus, "Russia", "Israel", filters=Filters(until="2023-10")).events
    assert [e.type for e in october] == ["ACCUSE"]
    intended = Filters(since="2024-02-01", statuses=("intended",))
    assert timeline(corpus, "Russia", "Hamas", filters=intended).events[0].type == "SUPPORT"
    wire = timeline(corpus, "Russia", "Hamas", filters=Filters(sources=("wire",)))
    assert [e.type for e in wire.events] == ["CONSULT"]
    with pytest.raises(ValueError, match="not a date"):
        timeline(corpus, "Russia", "Israel", filters=Filters(since="last week"))


def test_timeline_pages_events_oldest_first_each_with_its_evidence(corpus):
    whole = timeline(corpus, "Russia", "Hamas").events
    assert [(e.type, e.status) for e in whole] == [
        ("CONSULT", "actual"),
        ("SUPPORT", "intended"),
        ("CONSULT", "hypothetical"),  # undated: last
    ]
    page = timeline(corpus, "Russia", "Hamas", limit=1, offset=1)
    assert (page.total, page.offset) == (3, 1)
    assert [side.id for side in page.first] == ["RUS", "P:MARIA_ZAKHAROVA@RUS"]
    [second] = page.events
    assert (second.type, second.status) == ("SUPPORT", "intended")
    assert [(ev.published, ev.status) for ev in second.evidence] == [
        (date(2024, 2, 20), "intended")
    ]
    rest = timeline(corpus, "Russia", "Hamas", limit=5, offset=1).events
    assert [e.id for e in rest] == [e.id for e in whole[1:]]
    assert [len(e.evidence) for e in rest] == [1, 1]
    assert timeline(corpus, "Russia", "Hamas", offset=3).events == []
    # The page is taken after the filters: the daily's first event, not the dyad's.
    daily_only = Filters(sources=("daily",))
    [daily] = timeline(corpus, "Russia", "Hamas", filters=daily_only, limit=1).events
    assert (daily.type, daily.status) == ("SUPPORT", "intended")


def test_timeline_keyset_pages_give_every_event_once_in_order(db):  # noqa: F811
    # Ties on a date (ordered by id), undated events (no time, no publication date) last.
    dates = ["2024-01-05", "2024-01-05", None, "2023-12-30", "2024-01-05", None, "2024-02-01"]
    kinds = ["CONSULT", "AID", "ACCUSE", "REQUEST", "SUPPORT", "THREATEN", "REJECT"]
    with Store(db) as store:
        for number, (when, kind) in enumerate(zip(dates, kinds, strict=True)):
            text = f"Russia and Hamas met, report number {number}."
            events = [(kind, "RUS", "HAMAS", when, "actual")]
            analysis = report(text, "2024-03-01", "wire", events, [RUS, HAMAS])
            if when is None:
                analysis.article.published = None
            assert store.add(analysis)
        whole = timeline(store, "Russia", "Hamas").events
        assert [e.sort_date for e in whole] == [
            "2023-12-30",
            *["2024-01-05"] * 3,
            "2024-02-01",
            None,
            None,
        ]
        for filters in (NO_FILTERS, Filters(since="2024-01")):
            expected = [e.id for e in timeline(store, "Russia", "Hamas", filters=filters).events]
            for size in (1, 2, 3):
                seen, cursor, pages = [], None, 0
                while True:
                    page = timeline(
                        store, "Russia", "Hamas", filters=filters, limit=size, after=cursor
                    )
                    seen += [e.id for e in page.events]
                    pages += 1
                    if page.next is None:
                        break
                    cursor = page.next
                assert seen == expected
                assert pages == -(-len(expected) // size)  # no empty page at the end
        with pytest.raises(BadCursor, match="not a timeline cursor"):
            timeline(store, "Russia", "Hamas", after="page 2")


def test_network_for_a_time_window_weights_edges_by_quad_class(corpus):
    graph = network(corpus, filters=Filters(since="2023", until="2023"))
    assert set(graph.edges) == {("HAMAS", "RUS"), ("ISR", "RUS")}
    assert graph.edges["ISR", "RUS"]["verbal_conflict"] == 1
    assert graph.edges["ISR", "RUS"]["balance"] == -1.0
    assert graph.nodes["RUS"]["label"] == "Russia" and graph.nodes["RUS"]["country"] == "RUS"
    # Symmetric meetings add up on one edge whatever direction each report gave.
    whole = network(corpus)
    assert whole.edges["HAMAS", "RUS"]["verbal_cooperation"] == 2
    assert whole.edges["RUS", "HAMAS"]["verbal_cooperation"] == 1
    assert set(network(corpus, actor="Ukraine").edges) == {("RUS", "UKR")}


def test_the_heaviest_edges_weigh_as_in_the_whole_network(corpus):
    # Hamas -> Russia and Russia -> Hamas are both edges: each pair is read once.
    for actor in (None, "Russia"):
        whole = network(corpus, actor=actor)
        assert {("HAMAS", "RUS"), ("RUS", "HAMAS")} <= set(whole.edges)
        heaviest = network(corpus, actor=actor, limit=whole.number_of_edges())
        assert dict(heaviest.edges.items()) == dict(whole.edges.items())
    # A window: the heaviest pairs' events are read by pair, then kept by date.
    window = Filters(since="2023-11", until="2024-02")
    whole = network(corpus, filters=window)
    assert 0 < whole.size(weight="weight") < network(corpus).size(weight="weight")
    heaviest = network(corpus, filters=window, limit=whole.number_of_edges())
    assert dict(heaviest.edges.items()) == dict(whole.edges.items())
    top = network(corpus, limit=1)
    assert list(top.edges(data="weight")) == [("HAMAS", "RUS", 2)]


def test_a_query_matching_many_documents_ranks_the_newest(corpus, monkeypatch):
    import sys

    # dyad.query.search is also the name of the function, hence sys.modules.
    monkeypatch.setattr(sys.modules["dyad.query.search"], "RANK_WINDOW", 1)
    # Two stored articles name Moscow; only the one stored last is ranked.
    assert [h.published for h in search(corpus, "Moscow", kind="articles")] == [date(2024, 2, 20)]
