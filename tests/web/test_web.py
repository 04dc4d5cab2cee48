"""The web app and REST API over a small hand-built store: answers, escaping, headers."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import uuid
from datetime import date
from html.parser import HTMLParser

import networkx as nx
import pyarrow.parquet as pq
import pytest
import sqlalchemy
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from dyad import query
from dyad.cli import app as cli
from dyad.model import (
    Actor,
    Analysis,
    Article,
    Event,
    Mention,
    Quote,
    Span,
    Speaker,
    TimeExpr,
    TimeValue,
)
from dyad.query import Annotation
from dyad.query import quotes as quote_queries
from dyad.store import Store
from dyad.store.database import database_url
from dyad.web import api, create_app, pages, warmup
from dyad.web.chart import cooperation_conflict
from dyad.web.highlight import highlight

RUS = Actor("RUS", "Russia", "state", country="RUS", sector="GOV")
HAMAS = Actor("HAMAS", "Hamas", "armed_group", country="PSE", sector="REB")
MARZOOK = Actor("MARZOOK", "Mousa Abu Marzook", "person", sector="REB", affiliation="HAMAS")
ISR = Actor("ISR", "Israel", "state", country="ISR", sector="GOV")

# Untrusted input: markup in the title, the text and the URL must never run.
HOSTILE = '<script>alert("text")</script>'
VISIT = (
    "Hamas officials visited Moscow in late October. "
    f"Marzook said “we seek the support of Russia” {HOSTILE} "
    "and asked Moscow for support."
)
RAID = "Hamas attacked Israel on January 5."


def _span(text: str, piece: str) -> Span:
    start = text.index(piece)
    return Span(piece, start, start + len(piece))


def _mentions(text: str, names: dict[str, str]) -> list[Mention]:
    return [
        Mention(m.group(), m.start(), m.end(), actor)
        for name, actor in names.items()
        for m in re.finditer(re.escape(name), text)
    ]


def visit_analysis() -> Analysis:
    article = Article(
        text=VISIT,
        published=date(2023, 11, 1),
        title='Delegation <img src=x onerror="alert(1)">',
        url="javascript:alert(1)",
        source="Wire",
    )
    quote_span = _span(VISIT, "we seek the support of Russia")
    visit = _span(VISIT, "Hamas officials visited Moscow in late October")
    request = _span(VISIT, "asked Moscow for support")
    sentence = _span(VISIT, VISIT[VISIT.index("Marzook") :])
    return Analysis(
        article=article,
        actors=[RUS, HAMAS, MARZOOK],
        mentions=_mentions(VISIT, {"Hamas": "HAMAS", "Moscow": "RUS", "Marzook": "MARZOOK"}),
        quotes=[
            Quote(
                id="q1",
                kind="direct",
                text=quote_span.text,
                spans=[(quote_span.start, quote_span.end)],
                speaker=Speaker("MARZOOK", "Marzook", *_offsets(VISIT, "Marzook")),
                cue=_span(VISIT, "said"),
            )
        ],
        times=[
            TimeExpr("late October", *_offsets(VISIT, "late October"), "DATE", "2023-10", "END")
        ],
        events=[
            Event(
                id="e1",
                type="CONSULT",
                mode="visit",
                status="actual",
                source="HAMAS",
                target="RUS",
                evidence=visit,
                time=TimeValue("late October", "2023-10", "END"),
                sentence=_span(VISIT, "Hamas officials visited Moscow in late October."),
            ),
            Event(
                id="e2",
                type="REQUEST",
                status="actual",
                source="MARZOOK",
                target="RUS",
                evidence=request,
                time=TimeValue(None, "2023-10"),
                sentence=sentence,
            ),
        ],
    )


def _offsets(text: str, piece: str) -> tuple[int, int]:
    start = text.index(piece)
    return start, start + len(piece)


def raid_analysis() -> Analysis:
    return Analysis(
        article=Article(text=RAID, published=date(2024, 1, 6), title="Raid", source="Wire"),
        actors=[HAMAS, ISR],
        mentions=_mentions(RAID, {"Hamas": "HAMAS", "Israel": "ISR"}),
        events=[
            Event(
                id="e1",
                type="ASSAULT",
                status="actual",
                source="HAMAS",
                target="ISR",
                evidence=_span(RAID, "Hamas attacked Israel"),
                time=TimeValue("January 5", "2024-01-05"),
                sentence=Span(RAID, 0, len(RAID)),
            )
        ],
    )


PG_URL = os.environ.get("DYAD_TEST_PG")
BACKENDS = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=pytest.mark.postgresql,  # conftest: DYAD_TEST_PG unset stops the run
    ),
]


@pytest.fixture(scope="module", params=BACKENDS)
def db(request, tmp_path_factory):
    """The two articles in a SQLite file, or in a PostgreSQL schema of their own."""
    if request.param == "sqlite":
        url = str(tmp_path_factory.mktemp("web") / "web.db")
    else:
        schema_name = f"dyad_web_{uuid.uuid4().hex[:12]}"
        admin = sqlalchemy.create_engine(database_url(PG_URL))
        with admin.begin() as conn:
            conn.execute(sqlalchemy.text(f'CREATE SCHEMA "{schema_name}"'))
        separator = "&" if "?" in PG_URL else "?"
        url = f"{PG_URL}{separator}options=-csearch_path%3D{schema_name}"
    with Store(url) as store:
        assert store.add(visit_analysis())
        assert store.add(raid_analysis())
    yield url
    if request.param == "postgresql":
        with admin.begin() as conn:
            conn.execute(sqlalchemy.text(f'DROP SCHEMA "{schema_name}" CASCADE'))
        admin.dispose()


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db)) as client:
        yield client


def test_a_warmed_up_app_has_asked_for_each_kind_of_page_and_serves_none_of_its_answers(
    db, monkeypatch
):
    asked: list[str] = []

    def sample(engine):
        with engine.connect() as conn:
            asked.extend(warmup.sample_paths(conn))
        return asked

    monkeypatch.setattr(warmup, "_sample", sample)
    app = create_app(db, warm_up=True)
    with TestClient(app) as client:
        assert not app.state.cache._answers  # what the warm-up computed is not served
        kinds = {re.sub(r"[?/].*", "", path[1:]) or path[:3] for path in asked}
        assert {"/?q", "actors", "dyads", "events", "articles", "network", "api"} <= kinds
        # Its pages are real ones (a 404 would warm nothing up).
        for path in asked:
            assert client.get(path).status_code == 200, path


def test_an_app_whose_warm_up_fails_still_starts(db, monkeypatch, caplog):
    def unreadable(conn):
        raise sqlalchemy.exc.OperationalError("SELECT", {}, Exception("disk I/O error"))

    monkeypatch.setattr(warmup, "sample_paths", unreadable)
    with TestClient(create_app(db, warm_up=True)) as client:
        assert client.get("/api/actors/RUS/profile").status_code == 200
    assert "warm-up: the store could not be read" in caplog.text


@pytest.fixture(scope="module")
def visit_id(client) -> str:
    [hit] = client.get("/api/search", params={"q": "officials visited", "kind": "articles"}).json()
    return hit["article_id"]


class _Scripts(HTMLParser):
    """Collects every script element and every inline handler or style attribute."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[dict] = []
        self.inline: list[tuple[str, str]] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        names = dict(attrs)
        if tag == "script":
            self.scripts.append({"src": names.get("src"), "body": ""})
            self._in_script = True
        for name, _value in attrs:
            if name.startswith("on") or name == "style":
                self.inline.append((tag, name))

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1]["body"] += data


def _pages(visit_id: str) -> list[str]:
    return [
        "/",
        "/?q=Moscow",
        "/actors/HAMAS",
        "/dyads/Hamas/Russia",
        "/events/1",
        "/network",
        f"/articles/{visit_id}?event=e1",
        "/api/docs",
    ]


def test_every_page_has_a_content_security_policy_and_no_inline_script(client, visit_id):
    for path in _pages(visit_id):
        response = client.get(path)
        assert response.status_code == 200, path
        policy = response.headers["content-security-policy"]
        assert "script-src 'self'" in policy and "default-src 'none'" in policy
        assert "unsafe-inline" not in policy
        parser = _Scripts()
        parser.feed(response.text)
        assert all(s["src"] and s["src"].startswith("/") for s in parser.scripts), path
        assert all(not s["body"].strip() for s in parser.scripts), path
        assert parser.inline == [], path
        assert float(response.headers["server-timing"].split("dur=")[1]) >= 0


def test_article_text_title_and_url_are_escaped(client, visit_id):
    for path in (f"/articles/{visit_id}", "/dyads/Hamas/Russia", "/?q=support"):
        html = client.get(path).text
        assert "<script>alert" not in html and "<img src=x" not in html, path
        assert 'href="javascript:' not in html, path
    article = client.get(f"/articles/{visit_id}").text
    assert "&lt;script&gt;alert(&#34;text&#34;)&lt;/script&gt;" in article
    assert "Delegation &lt;img src=x" in article


def test_dyad_timeline_is_ordered_merged_across_affiliates_and_paged(client):
    page = client.get("/api/dyads/Hamas/Russia/timeline").json()
    assert page["total"] == 2
    assert [e["type"] for e in page["events"]] == ["REQUEST", "CONSULT"]  # October, then late
    assert page["events"][0]["source"]["id"] == "MARZOOK"  # acting for Hamas
    [evidence] = page["events"][1]["evidence"]
    assert evidence["text"] == "Hamas officials visited Moscow in late October"
    second = client.get("/api/dyads/Hamas/Russia/timeline", params={"limit": 1, "offset": 1})
    assert [e["type"] for e in second.json()["events"]] == ["CONSULT"]
    first = client.get("/api/dyads/Hamas/Russia/timeline", params={"limit": 1}).json()
    after = {"limit": 1, "after": first["next"]}
    following = client.get("/api/dyads/Hamas/Russia/timeline", params=after).json()
    assert [e["type"] for e in following["events"]] == ["CONSULT"]
    assert following["next"] is None
    bad = client.get("/api/dyads/Hamas/Russia/timeline", params={"after": "2"})
    assert bad.status_code == 422 and "not a timeline cursor" in bad.text
    since = client.get("/api/dyads/Hamas/Israel/timeline", params={"since": "2024"}).json()
    assert [e["type"] for e in since["events"]] == ["ASSAULT"]
    counts = client.get("/api/dyads/Hamas/Russia/counts").json()
    assert counts == {"2023-10": {"verbal_cooperation": 1, "verbal_conflict": 1}}


def test_dyad_page_later_links_carry_the_cursor_and_earlier_ones_the_number(client, monkeypatch):
    def rows(html: str) -> str:
        return html.split('<ol class="timeline"')[1].split("</ol>")[0]

    monkeypatch.setattr(pages, "PAGE_SIZE", 1)
    first = client.get("/dyads/Hamas/Russia").text
    later = re.search(r'href="([^"]+)">later →', first)[1].replace("&amp;", "&")
    assert "page=2" in later and "after=" in later
    second = client.get(later).text
    assert "REQUEST" in rows(first) and "CONSULT" in rows(second)
    assert "REQUEST" not in rows(second)
    assert rows(second).startswith(' start="2">') and "page 2 of 2" in second
    assert "later →" not in second
    # The second page by its number, as an "earlier" link on a third would ask for it.
    assert rows(client.get("/dyads/Hamas/Russia?page=2").text) == rows(second)
    earlier = re.search(r'href="([^"]+)">← earlier', second)[1]
    assert "after=" not in earlier and "page=1" in earlier
    bad = client.get("/dyads/Hamas/Russia?page=2&after=2")
    assert bad.status_code == 422 and "follow the page links" in bad.text


def test_dyad_page_expands_each_event_to_its_evidence_and_article(client, visit_id):
    html = client.get("/dyads/Hamas/Russia").text
    assert html.count('class="timeline-entry"') == 2
    assert "<mark>Hamas officials visited Moscow in late October</mark>." in html
    assert f'href="/articles/{visit_id}?event=e1#ev-e1"' in html
    # The chart: one month, cooperation bar above the axis and conflict bar below.
    assert 'class="bar q-verbal_cooperation"' in html and 'class="bar q-verbal_conflict"' in html


def test_article_page_marks_evidence_quotes_speakers_times_and_actors(client, visit_id):
    html = client.get(f"/articles/{visit_id}", params={"event": "e1"}).text
    assert '<span id="ev-e1" class="anchor"></span>' in html
    assert re.search(r'class="hl-evidence hl-mention selected"[^>]*><a href="/actors/HAMAS">', html)
    assert '<span id="q-q1" class="anchor"></span>' in html
    assert re.search(r'class="hl-quote"[^>]*>we seek the support of ', html)
    assert re.search(r'class="hl-mention hl-speaker"[^>]*><a href="/actors/MARZOOK">Marzook', html)
    assert re.search(r'class="hl-evidence hl-time selected" title="[^"]*time: 2023-10', html)
    # Each piece of evidence is followed by a link to its event, each quote by its speaker.
    consult = client.get("/api/dyads/Hamas/Russia/timeline").json()["events"][1]["id"]
    assert f'late October</span><a class="marker marker-evidence" href="/events/{consult}">' in html
    assert '<a class="marker marker-quote" href="/actors/MARZOOK">— Mousa Abu Marzook</a>' in html
    view = client.get(f"/api/articles/{visit_id}").json()
    assert {a["kind"] for a in view["annotations"]} == {
        "mention",
        "quote",
        "speaker",
        "time",
        "evidence",
    }


def test_actor_profile_page_and_api(client):
    overview = client.get("/api/actors/Hamas").json()
    assert overview["actor"]["id"] == "HAMAS"
    assert [a["id"] for a in overview["affiliates"]] == ["MARZOOK"]
    assert (overview["events"], overview["quotes"]) == (3, 1)
    assert [(c["actor"]["id"], c["events"], c["quads"]) for c in overview["counterparts"]] == [
        ("RUS", 2, {"verbal_cooperation": 1, "verbal_conflict": 1}),
        ("ISR", 1, {"material_conflict": 1}),
    ]
    assert overview["types_by_month"] == {
        "2023-10": {"CONSULT": 1, "REQUEST": 1},
        "2024-01": {"ASSAULT": 1},
    }
    # The same counts as `dyad profile`.
    profile = client.get("/api/actors/Hamas/profile").json()
    assert profile["id"] == "HAMAS" and "MARZOOK" in profile["ids"]
    assert [(c["id"], c["events"]) for c in profile["counterparts"]] == [("RUS", 2), ("ISR", 1)]
    html = client.get("/actors/HAMAS").text
    assert "Mousa Abu Marzook" in html and 'href="/dyads/HAMAS/RUS"' in html
    assert "we seek the support of Russia" in html  # quotes of those acting for it
    events = client.get("/api/actors/HAMAS/events").json()
    assert [e["type"] for e in events] == ["ASSAULT", "CONSULT", "REQUEST"]  # newest first


def test_an_unnamed_author_has_a_page_under_its_store_id(tmp_path):
    text = "I saw Hamas officials in Moscow."
    author = Actor("AUTHOR", "(article author)", "author", sector="MED")
    analysis = Analysis(
        article=Article(text=text, published=date(2024, 1, 1)),
        actors=[author, HAMAS],
        mentions=[Mention("I", 0, 1, "AUTHOR"), Mention("Hamas", 6, 11, "HAMAS")],
    )
    db = str(tmp_path / "author.db")
    with Store(db) as store:
        store.add(analysis)
    with TestClient(create_app(db)) as client:
        [hit] = client.get("/api/search", params={"q": "officials"}).json()
        author_url = f"/actors/AUTHOR%3A{hit['article_id']}"  # lower-case hex, as stored
        assert author_url in client.get(f"/articles/{hit['article_id']}").text
        assert client.get(author_url).status_code == 200


def test_network_filters_by_window_and_event_class(client):
    everything = client.get("/api/network").json()
    pairs = {(e["source"], e["target"]): e["quads"] for e in everything["edges"]}
    assert pairs == {
        ("HAMAS", "RUS"): {"verbal_cooperation": 1},
        ("MARZOOK", "RUS"): {"verbal_conflict": 1},
        ("HAMAS", "ISR"): {"material_conflict": 1},
    }
    window = client.get("/api/network", params={"since": "2024-01", "until": "2024-01"}).json()
    assert [(e["source"], e["target"]) for e in window["edges"]] == [("HAMAS", "ISR")]
    conflict = client.get("/api/network", params={"quad": "verbal_conflict"}).json()
    assert [(e["source"], e["target"]) for e in conflict["edges"]] == [("MARZOOK", "RUS")]
    assert client.get("/api/network", params={"quad": "hugs"}).status_code == 422
    israel = client.get("/api/network", params={"actor": "Israel"}).json()
    assert [(e["source"], e["target"]) for e in israel["edges"]] == [("HAMAS", "ISR")]


def test_the_network_page_draws_the_exported_graph(tmp_path):
    """Directed edges, as in GraphML: Hamas attacking Israel and Israel accusing Hamas are
    two edges (the web's network used to fold every pair into one)."""
    text = "Israel accused Hamas of the raid."
    reply = Analysis(
        article=Article(text=text, published=date(2024, 1, 7), title="Reply", source="Wire"),
        actors=[HAMAS, ISR],
        events=[
            Event(
                "e1",
                "ACCUSE",
                "actual",
                "ISR",
                "HAMAS",
                _span(text, "Israel accused Hamas"),
                time=TimeValue(None, "2024-01-07"),
            )
        ],
    )
    db = str(tmp_path / "both-ways.db")
    with Store(db) as store:
        store.add(raid_analysis())
        store.add(reply)
    with TestClient(create_app(db)) as client:
        web = client.get("/api/network").json()
        (tmp_path / "net.graphml").write_bytes(client.get("/api/export/net.graphml").content)
    assert [(e["source"], e["target"], e["quads"]) for e in web["edges"]] == [
        ("HAMAS", "ISR", {"material_conflict": 1}),
        ("ISR", "HAMAS", {"verbal_conflict": 1}),
    ]
    assert set(nx.read_graphml(tmp_path / "net.graphml").edges) == {
        (e["source"], e["target"]) for e in web["edges"]
    }


def test_exports_are_what_dyad_export_writes(client, tmp_path):
    events = client.get("/api/export/events.csv", params={"since": "2023-10", "until": "2023-10"})
    assert events.headers["content-disposition"] == 'attachment; filename="events.csv"'
    rows = list(csv.DictReader(io.StringIO(events.text)))
    assert sorted(r["event_type"] for r in rows) == ["CONSULT", "REQUEST"]
    analyses = client.get("/api/export/seed.jsonl").text.splitlines()
    assert [json.loads(line)["article"]["title"] for line in analyses] == [
        'Delegation <img src=x onerror="alert(1)">',
        "Raid",
    ]
    (tmp_path / "events.parquet").write_bytes(client.get("/api/export/events.parquet").content)
    assert pq.read_table(tmp_path / "events.parquet").num_rows == 3
    (tmp_path / "net.graphml").write_bytes(client.get("/api/export/net.graphml").content)
    assert set(nx.read_graphml(tmp_path / "net.graphml").edges) == {
        ("HAMAS", "RUS"),
        ("MARZOOK", "RUS"),
        ("HAMAS", "ISR"),
    }
    assert client.get("/api/export/net.svg").status_code == 422


def test_an_event_between_an_actor_and_its_own_spokesman_counts_once(tmp_path):
    text = "Hamas rebuked its spokesman Marzook. Hamas met Russia."
    rebuke, meeting = _span(text, "Hamas rebuked"), _span(text, "Hamas met Russia")
    analysis = Analysis(
        article=Article(text=text, published=date(2024, 3, 1)),
        actors=[HAMAS, MARZOOK, RUS],
        events=[
            Event(
                "e1",
                "ACCUSE",
                "actual",
                "HAMAS",
                "MARZOOK",
                rebuke,
                time=TimeValue(None, "2024-03"),
            ),
            Event(
                "e2", "CONSULT", "actual", "HAMAS", "RUS", meeting, time=TimeValue(None, "2024-03")
            ),
        ],
    )
    with Store(str(tmp_path / "own.db")) as store, store.engine.connect() as conn:
        store.add(analysis)
        overview = query.actor_overview(conn, "Hamas")
    assert overview.events == 2
    assert overview.types_by_month == {"2024-03": {"ACCUSE": 1, "CONSULT": 1}}
    assert [c.actor.id for c in overview.counterparts] == ["RUS"]


def test_a_timeline_shows_the_first_reports_and_the_event_page_all(tmp_path, monkeypatch):
    reprint = raid_analysis()
    text = "Officials said Hamas attacked Israel on January 5."
    reprint.article = Article(text=text, published=date(2024, 1, 8), title="Reprint")
    [event] = reprint.events
    event.evidence, event.sentence = _span(text, "Hamas attacked Israel"), Span(text, 0, len(text))
    db = str(tmp_path / "reprints.db")
    with Store(db) as store:
        store.add(raid_analysis())
        store.add(reprint)
    monkeypatch.setattr(api, "TIMELINE_REPORTS", 1)
    with TestClient(create_app(db)) as client:
        [entry] = client.get("/api/dyads/Hamas/Israel/timeline").json()["events"]
        assert entry["reports"] == 2
        assert [e["title"] for e in entry["evidence"]] == ["Raid"]  # the oldest report
        assert "all 2 reports" in client.get("/dyads/Hamas/Israel").text
        full = client.get(f"/api/events/{entry['id']}").json()
        assert [e["title"] for e in full["evidence"]] == ["Raid", "Reprint"]


def test_cached_answers_follow_the_store_as_articles_arrive(tmp_path):
    db = str(tmp_path / "growing.db")
    with Store(db) as store:
        store.add(raid_analysis())
        with TestClient(create_app(db)) as client:
            assert client.get("/api/actors/HAMAS").json()["events"] == 1
            assert len(client.get("/api/network").json()["edges"]) == 1
            store.add(visit_analysis())
            assert client.get("/api/actors/HAMAS").json()["events"] == 3
            assert len(client.get("/api/network").json()["edges"]) == 3


def test_newest_quotes_are_the_same_sorted_or_read_article_by_article(db, monkeypatch):
    with Store(db) as store, store.engine.connect() as conn:
        sorted_count, by_sorting = quote_queries.recent_quotes(conn, {"HAMAS", "MARZOOK"}, limit=5)
        monkeypatch.setattr(quote_queries, "SORT_QUOTES_UP_TO", 0)
        monkeypatch.setattr(quote_queries, "ARTICLE_BATCH", 1)
        scan_count, by_scanning = quote_queries.recent_quotes(conn, {"HAMAS", "MARZOOK"}, limit=5)
    assert sorted_count == scan_count == 1
    assert [q.quote_id for q in by_sorting] == [q.quote_id for q in by_scanning] == ["q1"]


def test_search_finds_actors_articles_and_quotes(client):
    html = client.get("/", params={"q": "support"}).text
    assert "we seek the support of Russia" in html
    assert client.get("/api/actors", params={"q": "mousa"}).json()[0]["id"] == "MARZOOK"
    hits = client.get("/api/search", params={"q": "support", "kind": "quotes"}).json()
    assert [h["quote_id"] for h in hits] == ["q1"]


def test_unknown_things_are_404_and_bad_dates_422(client):
    assert client.get("/dyads/Hamas/Atlantis").status_code == 404
    assert client.get("/api/dyads/Hamas/Atlantis/timeline").status_code == 404
    assert client.get("/api/actors/ATLANTIS").status_code == 404
    assert client.get("/articles/nope").status_code == 404
    assert client.get("/api/events/999").status_code == 404
    assert client.get("/api/network", params={"since": "last year"}).status_code == 422


def test_api_is_documented_and_its_docs_are_served_locally(client):
    spec = client.get("/api/openapi.json").json()
    for path in (
        "/api/search",
        "/api/actors/{actor}",
        "/api/actors/{actor}/quotes",
        "/api/dyads/{first}/{second}/timeline",
        "/api/dyads/{first}/{second}/counts",
        "/api/counts",
        "/api/network",
        "/api/events/{event_id}",
        "/api/articles/{article_id}",
    ):
        assert path in spec["paths"], path
    docs = client.get("/api/docs").text
    for asset in re.findall(r'(?:src|href)="(/(?:vendor|static)/[^"]+)"', docs):
        assert client.get(asset).status_code == 200, asset
    assert "/vendor/swagger-ui/swagger-ui-bundle.js" in docs


def test_chart_fills_missing_months_and_puts_conflict_below_the_axis():
    chart = cooperation_conflict(
        {
            "2023-10": {"verbal_cooperation": 2},
            "2024-01": {"material_conflict": 1},
            "undated": {"verbal_cooperation": 3},
        }
    )
    assert chart.months == 4 and chart.undated == 3 and chart.top == 2
    up, down = chart.bars
    assert up.quad == "verbal_cooperation" and up.y + up.height == chart.axis_y
    assert down.quad == "material_conflict" and down.y == chart.axis_y
    assert down.height == up.height / 2


def test_highlight_escapes_every_piece_of_overlapping_annotations():
    text = "\n\nA <b> said B."
    html = highlight(
        text,
        [
            Annotation("quote", 2, 7, "direct quote: A", "q1"),
            Annotation("mention", 2, 3, "A", "X&Y"),
        ],
    )
    anchor, piece = '<span id="q-q1" class="anchor"></span>', '<span class="hl-mention hl-quote"'
    assert html.startswith(anchor + piece)
    assert '<a href="/actors/X%26Y">A</a>' in html
    assert "&lt;b&gt;" in html and "<b>" not in html
    assert html.endswith(" said B.")


def test_a_local_server_answers_only_to_local_host_names(db):
    app = create_app(db, allowed_hosts=["127.0.0.1", "localhost"])
    with TestClient(app, base_url="http://localhost:8000") as local:
        assert local.get("/api/network").status_code == 200
    with TestClient(app, base_url="http://attacker.example:8000") as rebound:
        assert rebound.get("/api/network").status_code == 400


def test_serve_refuses_a_store_that_does_not_exist(tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code == 2
    assert "no store at" in result.output
