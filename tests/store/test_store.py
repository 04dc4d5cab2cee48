"""The store on hand-built analyses: idempotence, merging, authors, timeline order.

Every test that takes ``db`` or ``store`` runs on SQLite and, when ``DYAD_TEST_PG``
names a PostgreSQL database (``.ci/run`` sets it), on PostgreSQL too.
"""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy
from sqlalchemy import func, select

from dyad.model import Actor, Analysis, Article, Event, Mention, Span, TimeValue
from dyad.query import UnknownActor, summary, timeline
from dyad.store import Store, schema
from dyad.store.read import read_analyses

RUS = Actor("RUS", "Russia", "state", country="RUS", sector="GOV", kb_id="RUS")
HAMAS = Actor("HAMAS", "Hamas", "armed_group", country="PSE", sector="REB", kb_id="HAMAS")


def visit(text: str, published: str, time: str | None, source="HAMAS", target="RUS") -> Analysis:
    """An article reporting a visit: its text and a CONSULT event over the whole sentence."""
    article = Article(
        text=text, published=date.fromisoformat(published), title=f"report of {published}"
    )
    event = Event(
        id="e1",
        type="CONSULT",
        mode="visit",
        status="actual",
        source=source,
        target=target,
        evidence=Span(text, 0, len(text)),
        time=TimeValue(text=None, value=time),
    )
    first, second = text.split()[0], "Moscow"
    mentions = [
        Mention(first, 0, len(first), "HAMAS"),
        Mention(second, text.index(second), text.index(second) + len(second), "RUS"),
    ]
    return Analysis(article=article, actors=[RUS, HAMAS], mentions=mentions, events=[event])


@pytest.fixture
def store(db):
    with Store(db) as store:
        yield store


def test_adding_the_same_article_twice_changes_nothing(store):
    analysis = visit("Hamas officials visited Moscow in late October.", "2023-11-01", "2023-10")
    assert store.add(analysis)
    counts = {t: store.count(t) for t in ("articles", "events", "evidence", "mentions")}
    assert not store.add(analysis)
    assert (
        {t: store.count(t) for t in counts}
        == counts
        == {"articles": 1, "events": 1, "evidence": 1, "mentions": 2}
    )


def test_publication_dates_are_dates_and_text_written_before_them_still_reads(store):
    analysis = visit("Hamas officials visited Moscow in late October.", "2023-11-01", "2023-10")
    store.add(analysis)
    articles = schema.articles
    with store.engine.begin() as conn:
        # The column is text: a date is kept as ISO 8601, as the stores written before held it.
        as_text = select(sqlalchemy.cast(articles.c.published, sqlalchemy.Text))
        assert conn.execute(as_text).scalar() == "2023-11-01"
        assert conn.execute(select(articles.c.published)).scalar() == date(2023, 11, 1)
        for written, read in (("2023-11-01T09:30:00Z", date(2023, 11, 1)), ("undated", None)):
            raw = sqlalchemy.text("UPDATE articles SET published = :written")
            conn.execute(raw, {"written": written})
            [stored] = read_analyses(conn, [analysis.article.id])
            assert stored.article.published == read


def test_reprints_of_one_event_merge_with_every_source_kept(store):
    store.add(visit("Hamas officials visited Moscow in late October.", "2023-11-01", "2023-10"))
    store.add(
        visit("Hamas delegates travelled to Moscow on October 26.", "2023-10-27", "2023-10-26")
    )
    # The reverse direction of a symmetric event is the same event.
    store.add(
        visit(
            "Russia hosted Hamas in Moscow last October.",
            "2024-01-05",
            "2023-10",
            source="RUS",
            target="HAMAS",
        )
    )
    assert store.count("events") == 1
    [entry] = timeline(store, "Hamas", "Russia").events
    assert len(entry.evidence) == 3
    assert {e.published for e in entry.evidence} == {
        date(2023, 11, 1),
        date(2023, 10, 27),
        date(2024, 1, 5),
    }


def test_different_times_stay_different_events_oldest_first(store):
    store.add(visit("Hamas officials visited Moscow in January.", "2024-02-01", "2024-01"))
    store.add(visit("Hamas officials visited Moscow in late October.", "2023-11-01", "2023-10"))
    entries = timeline(store, "hamas", "RUS").events
    assert [e.time_value for e in entries] == ["2023-10", "2024-01"]
    assert summary(store, "Hamas", "Russia") == {
        "2023-10": {"verbal_cooperation": 1},
        "2024-01": {"verbal_cooperation": 1},
    }


def test_undated_reports_in_different_articles_are_not_merged(store):
    store.add(visit("Hamas officials visited Moscow.", "2023-11-01", None))
    store.add(visit("Hamas delegates visited Moscow.", "2024-03-01", None))
    assert store.count("events") == 2


def test_actors_are_found_by_alias(store):
    store.add(visit("Hamas officials visited Moscow in January.", "2024-02-01", "2024-01"))
    assert len(timeline(store, "Hamas", "moscow").events) == 1
    with pytest.raises(UnknownActor):
        timeline(store, "Hamas", "Atlantis")


def test_each_article_author_is_a_different_actor(store):
    for byline, text in (("Jane Roe", "I met Hamas."), (None, "I saw Hamas.")):
        article = Article(text=text, published=date(2024, 1, 1), author=byline)
        author = Actor("AUTHOR", byline or "(article author)", "author", sector="MED")
        store.add(
            Analysis(
                article=article, actors=[author, HAMAS], mentions=[Mention("I", 0, 1, "AUTHOR")]
            )
        )
    with store.engine.connect() as conn:
        from sqlalchemy import select

        from dyad.store import schema

        ids = set(
            conn.execute(
                select(schema.actors.c.id).where(schema.actors.c.kind == "author")
            ).scalars()
        )
    assert len(ids) == 2 and "AUTHOR:JANE_ROE" in ids


def test_reports_placed_in_different_countries_are_different_events(store):
    from dyad.model import Location

    first = visit("Hamas officials visited Moscow in October.", "2023-11-01", "2023-10")
    second = visit("Hamas officials met Moscow envoys in Doha in October.", "2023-11-02", "2023-10")
    first.events[0].location = Location("Moscow", "RUS")
    second.events[0].location = Location("Doha", "QAT")
    store.add(first)
    store.add(second)
    assert store.count("events") == 2
    # A report that names no place can be either of them: it joins the first.
    store.add(visit("Hamas met Moscow officials in October.", "2023-11-03", "2023-10"))
    assert store.count("events") == 2 and store.count("evidence") == 3


def test_values_that_are_not_periods_match_only_themselves(store):
    store.add(visit("Hamas officials are visiting Moscow now.", "2023-11-01", "PRESENT_REF"))
    store.add(visit("Hamas delegates are in Moscow now.", "2023-11-02", "PRESENT_REF"))
    store.add(visit("Hamas officials visited Moscow in 2023.", "2023-12-01", "2023"))
    assert store.count("events") == 2


def test_an_unseen_person_is_one_actor_across_articles_but_not_a_namesake(nlp, tmp_path):
    from sqlalchemy import select

    from dyad.pipeline import analyze_articles
    from dyad.store import schema

    texts = [
        "Hamas spokesman Abdel Latif al-Qanoua said the group would not disarm.",
        "Hamas spokesman Abdel Latif al-Qanoua told reporters that the talks had stalled.",
        "Farid al-Qanoua, a Jordanian businessman, said prices had risen.",
    ]
    articles = [Article(text=t, published=date(2024, 3, 1)) for t in texts]
    with Store(str(tmp_path / "people.db")) as store:
        for analysis in analyze_articles(articles, nlp):
            store.add(analysis)
        with store.engine.connect() as conn:
            people = conn.execute(
                select(schema.actors.c.id, func.count(schema.mentions.c.article_id.distinct()))
                .join(schema.mentions, schema.mentions.c.actor_id == schema.actors.c.id)
                .where(schema.actors.c.kind == "person")
                .group_by(schema.actors.c.id)
            ).all()
    by_articles = sorted(count for _, count in people)
    assert by_articles == [1, 2], people  # the spokesman in two articles; his namesake in one


def test_a_new_sqlite_store_appears_whole_or_not_at_all(tmp_path, monkeypatch):
    import sqlite3

    import dyad.store.store as store_module

    path = tmp_path / "new.db"

    def killed_while_migrating(engine):
        with engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE articles (id TEXT)")
        raise KeyboardInterrupt  # stands for the SIGKILL the crash test sends

    monkeypatch.setattr(store_module, "migrate", killed_while_migrating)
    with pytest.raises(KeyboardInterrupt):
        Store(str(path))
    assert not path.exists()  # the half-made schema never took the store's name
    monkeypatch.undo()
    with Store(str(path)) as store:
        assert store.count("events") == 0
    tables = {row[0] for row in sqlite3.connect(path).execute("SELECT name FROM sqlite_master")}
    assert {"articles", "events", "evidence", "mentions"} <= tables
    assert not list(tmp_path.glob(".new.db.*"))
