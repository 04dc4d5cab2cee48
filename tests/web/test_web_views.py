"""The analyst's views over a small hand-built store: home, search by kind, filters,
downloads of each view exactly as filtered, and pages that are never a dead end."""

from __future__ import annotations

import csv
import io
import re

import pytest
from fastapi.testclient import TestClient

from dyad.codes import country_name, sector_name
from dyad.model import Actor, Analysis, Article, Event, Mention, Quote, Span, Speaker, TimeValue
from dyad.query import events_by_country
from dyad.query.events import headline
from dyad.query.intensity import MonthIntensity
from dyad.store import Store
from dyad.web import create_app
from dyad.web.chart import MAX_MONTHS, cooperation_conflict, net_intensity

HAMAS = Actor("HAMAS", "Hamas", "armed_group", country="PSE", sector="REB")
RUS = Actor("RUS", "Russia", "state", country="RUS", sector="GOV")
ISR = Actor("ISR", "Israel", "state", country="ISR", sector="GOV")
AUTHOR = Actor("AUTHOR", "(article author)", "author", sector="MED")
QUOTES = 14
# A first line that reads as a headline, then the story; the article has no title.
UNTITLED = (
    "Moscow hosts a delegation\n\n"
    "Hamas officials visited Moscow on 7 October 2023. Hamas attacked Israel in late October 2023."
)


def _span(text: str, piece: str) -> Span:
    start = text.index(piece)
    return Span(piece, start, start + len(piece))


def _event(text, local, kind, source, target, piece, value, status="actual", mod=None, words=None):
    return Event(
        id=local,
        type=kind,
        status=status,
        source=source,
        target=target,
        evidence=_span(text, piece),
        time=TimeValue(words, value, mod),
        sentence=_sentence(text, piece),
    )


def _sentence(text: str, piece: str) -> Span:
    """The sentence (or line) that holds ``piece``, up to the end of the piece."""
    end = text.index(piece) + len(piece)
    start = max(text.rfind(". ", 0, end) + 2, text.rfind("\n", 0, end) + 1)
    return Span(text[start:end], start, end)


def untitled_analysis() -> Analysis:
    text = UNTITLED
    return Analysis(
        article=Article(text=text, published="2023-11-01", source="Wire", author="Jane Roe"),
        actors=[HAMAS, RUS, ISR],
        mentions=[
            Mention(m.group(), m.start(), m.end(), actor)
            for name, actor in (("Hamas", "HAMAS"), ("Moscow", "RUS"), ("Israel", "ISR"))
            for m in re.finditer(name, text)
        ],
        events=[
            _event(
                text,
                "e1",
                "CONSULT",
                "HAMAS",
                "RUS",
                "Hamas officials visited Moscow",
                "2023-10-07",
                words="on 7 October 2023",
            ),
            _event(
                text, "e2", "ASSAULT", "HAMAS", "ISR", "Hamas attacked Israel", "2023-10", mod="END"
            ),
        ],
    )


def quoted_analysis() -> Analysis:
    """An opinion column whose many quotes all hold the word an article search wants."""
    sentences = [f"“Moscow will support us, part {i},” the author wrote." for i in range(QUOTES)]
    text = "Why Moscow matters\n\n" + " ".join(sentences) + " Russia may offer talks."
    quotes = []
    for i, sentence in enumerate(sentences):
        inner = _span(text, sentence[1 : sentence.index("”")])
        quotes.append(
            Quote(
                id=f"q{i}",
                kind="direct",
                text=inner.text,
                spans=[(inner.start, inner.end)],
                speaker=Speaker("AUTHOR", "the author", *_offsets(text, "the author")),
            )
        )
    return Analysis(
        article=Article(text=text, published="2024-02-01", source="Column"),
        actors=[RUS, HAMAS, AUTHOR],
        mentions=[],
        quotes=quotes,
        events=[
            _event(
                text, "e1", "AGREE", "RUS", "HAMAS", "Russia may offer talks", "2024-02", "intended"
            )
        ],
    )


def _offsets(text: str, piece: str) -> tuple[int, int]:
    start = text.index(piece)
    return start, start + len(piece)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("views") / "views.db")
    with Store(path) as store:
        assert store.add(untitled_analysis())
        assert store.add(quoted_analysis())
    return path


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db)) as client:
        yield client


def _text(html: str) -> str:
    """The page's words, tags dropped, spaces collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_search_pages_each_kind_on_its_own(client):
    # A search capped for all kinds at once let the column's quotes crowd out articles.
    page = client.get("/", params={"q": "Moscow"})
    assert page.status_code == 200
    html = page.text
    articles = html[html.index('id="articles-h"') : html.index('id="quotes-h"')]
    quotes = html[html.index('id="quotes-h"') :]
    assert re.search(r'class="count">2<', articles), "both articles hold the word"
    assert f'class="count">{QUOTES}<' in quotes
    assert quotes.count('class="quote"') == 10
    second = client.get("/", params={"q": "Moscow", "quotes_page": 2}).text
    second_quotes = second[second.index('id="quotes-h"') :]
    assert second_quotes.count('class="quote"') == QUOTES - 10
    # Paging quotes keeps the articles where they were.
    assert "Moscow hosts a delegation" in second[: second.index('id="quotes-h"')]


def test_actor_matches_show_their_event_counts(client):
    text = _text(client.get("/", params={"q": "Hamas"}).text)
    assert "Hamas armed group, PSE — Palestine 3 events" in text
    suggestions = client.get("/suggest", params={"q": "Ham"}).text
    assert 'href="/actors/HAMAS"' in suggestions and "3 events" in suggestions


def test_home_shows_the_store_and_its_busiest_in_a_window(client):
    text = _text(client.get("/").text)
    assert "articles 2 events 3 actors" in text
    # The AGREE of "February 2024" sorts mid-month.
    assert "October 7, 2023 – February 15, 2024" in text
    assert "Wire (1)" in text and "Column (1)" in text
    # Top dyads count both directions; the window narrows them.
    assert "Hamas – Russia 2" in text
    narrowed = _text(client.get("/", params={"since": "2024-01-01"}).text)
    assert "Hamas – Russia 1" in narrowed and "Hamas – Israel" not in narrowed


def test_bad_input_is_a_page_that_keeps_the_form_and_says_what_to_type(client):
    page = client.get("/dyads/Hamas/Russia", params={"since": "Oct 2023", "type": "CONSULT"})
    assert page.status_code == 422
    assert page.headers["content-type"].startswith("text/html")
    assert "2023-10" in page.text and "Oct 2023" in page.text
    assert '<option value="CONSULT" selected>' in page.text
    assert 'action="/dyads/Hamas/Russia"' in page.text
    # Any other unreadable parameter too, and an event id that is not a number.
    assert client.get("/dyads/Hamas/Russia", params={"page": "0"}).status_code == 422
    assert client.get("/events/" + "9" * 40).status_code == 404
    event = client.get("/events/abc")
    assert event.status_code == 404 and "whole numbers" in event.text and "<form" in event.text
    assert "not a country code" in client.get("/actors/HAMAS", params={"country": "X1"}).text
    # The API still answers JSON.
    api = client.get("/api/dyads/Hamas/Russia/timeline", params={"since": "Oct 2023"})
    assert api.status_code == 422 and "2023-10" in api.json()["detail"]


def test_codes_titles_authors_and_dates_read_as_people_write_them(client):
    actor = _text(client.get("/actors/HAMAS").text)
    assert "PSE — Palestine" in actor and "REB — rebels" in actor
    dyad = client.get("/dyads/Hamas/Israel").text
    assert "late October 2023" in dyad and 'title="TIMEX 2023-10 (END)"' in dyad
    # No title: the text's first line stands for it.
    assert "Moscow hosts a delegation" in dyad and "Untitled" not in dyad
    # The column's author is its byline, not an actor page.
    column = client.get("/", params={"q": "support"}).text
    assert "the article&#39;s author" in column and "/actors/AUTHOR" not in column
    # Its quotes cite the column by its first line, which has no title either.
    [hit] = client.get("/api/search", params={"q": "matters", "kind": "articles"}).json()
    author = client.get(f"/actors/AUTHOR:{hit['article_id']}").text
    assert author.count(">Why Moscow matters</a>") == 10  # the page lists the latest ten


def test_the_event_page_shows_the_words_its_time_came_from(client):
    [event] = client.get("/api/dyads/Hamas/Russia/timeline", params={"type": "CONSULT"}).json()[
        "events"
    ]
    text = _text(client.get(f"/events/{event['id']}").text)
    assert "October 7, 2023" in text
    assert "on 7 October 2023 ” in “Hamas officials visited Moscow”" in text


def test_headline_only_for_a_short_line_of_its_own():
    assert headline("Moscow hosts a delegation\n\nHamas came.") == "Moscow hosts a delegation"
    assert headline("Hamas officials visited Moscow on Monday.\nMore.") is None
    assert headline("One paragraph and no line break") is None
    assert headline("x" * 200 + "\nmore") is None


def test_code_names_come_from_the_data_files():
    assert country_name("PSE") == "Palestine"
    assert country_name("GBR") == "United Kingdom"  # not a dependency listed under it
    assert sector_name("REB") == "rebels"
    assert country_name("XXX") is None


@pytest.mark.parametrize(
    ("params", "wanted"),
    [
        ({}, {"CONSULT", "AGREE"}),
        ({"type": "CONSULT"}, {"CONSULT"}),
        ({"quad": "verbal_cooperation"}, {"CONSULT", "AGREE"}),
        ({"quad": "material_conflict"}, set()),
        ({"status": "intended"}, {"AGREE"}),
        ({"since": "2024-01-01"}, {"AGREE"}),
        ({"source": "Wire"}, {"CONSULT"}),
    ],
)
def test_downloads_hold_exactly_the_filtered_timeline(client, params, wanted):
    page = client.get("/dyads/Hamas/Russia", params=params).text
    shown = [int(i) for i in re.findall(r'id="event-(\d+)"', page)]
    download = re.search(r'href="(/api/export/timeline\.csv[^"]*)"', page).group(1)
    rows = list(csv.DictReader(io.StringIO(client.get(download.replace("&amp;", "&")).text)))
    assert [int(r["event_id"]) for r in rows] == shown
    assert {r["event_type"] for r in rows} == wanted
    as_json = client.get(download.replace("&amp;", "&").replace(".csv", ".json")).json()
    assert [r["event_id"] for r in as_json] == shown


def test_country_filter_keeps_events_of_that_country(client):
    rows = client.get("/api/export/e.json", params={"country": "ISR"}).json()
    assert {r["event_type"] for r in rows} == {"ASSAULT"}
    assert client.get("/api/export/e.json", params={"country": "FRA"}).json() == []


def test_network_page_defaults_to_the_whole_store(client):
    page = client.get("/network").text
    assert 'name="since" value=""' in page
    network = client.get("/api/network").json()
    assert {(e["source"], e["target"]) for e in network["edges"]} >= {("HAMAS", "ISR")}


def test_events_count_for_their_place_or_else_their_actors_countries(db):
    with Store(db) as store:
        # No event names a place: each counts for the countries of its actors.
        assert events_by_country(store) == {"PSE": 3, "RUS": 2, "ISR": 1}
        assert events_by_country(store, actor="Israel") == {"PSE": 1, "ISR": 1}


def test_the_map_links_each_country_with_events_to_the_view_filtered_by_it(client):
    page = client.get("/dyads/Hamas/Russia").text
    assert 'href="/dyads/Hamas/Russia?country=PSE"' in page
    assert "PSE — Palestine: 2 events" in page
    filtered = client.get("/dyads/Hamas/Russia", params={"country": "ISR"}).text
    assert 'class="count">0 events' in filtered


def test_a_big_store_opens_on_its_latest_months_unless_dates_were_cleared(client, monkeypatch):
    from dyad.web import pages

    monkeypatch.setattr(pages, "WHOLE_STORE_EVENTS", 1)
    # The newest event sorts to 2024-02-15: three months, December to February.
    page = client.get("/network").text
    assert 'data-source="/api/network?since=2023-12&amp;until=2024-02"' in page
    assert 'name="since" value="2023-12-01"' in page
    home = _text(client.get("/").text)
    assert "Hamas – Israel" not in home  # October 2023 is outside the window
    cleared = client.get("/network", params={"since": "", "until": ""}).text
    assert 'data-source="/api/network"' in cleared
    assert 'class="clear" href="?since=&amp;until="' in cleared


def test_a_long_chart_shows_its_latest_months():
    chart = cooperation_conflict({"1975-07": {"verbal_cooperation": 1}, "2024-02": {"AGREE": 2}})
    assert chart.months == MAX_MONTHS
    assert chart.labels[-1][1] <= "2024-02" and chart.rows == [("2024-02", {"AGREE": 2})]


def _numbers(html: str) -> dict[str, list[str]]:
    """The intensity table's cells by month."""
    rows = re.findall(r'<tr data-month="([\d-]+)">(.*?)</tr>', html)
    return {month: re.findall(r"<td>(.*?)</td>", cells) for month, cells in rows}


def test_the_intensity_line_sums_the_manuals_scores_and_keeps_the_view(client):
    # Hamas with everyone: the October visit (CONSULT +2.5) and attack (ASSAULT -9),
    # and February's intended agreement (AGREE +2.5) on the line of its own.
    page = client.get("/actors/HAMAS", params={"measure": "intensity"}).text
    assert _numbers(page) == {
        "2023-10": ["2", "-6.5", "0", "0"],
        "2024-02": ["0", "0", "1", "+2.5"],
    }
    assert 'class="line actual"' in page and 'class="line unconfirmed"' in page
    assert '<text class="value actual" data-month="2023-10"' in page
    # The filter form keeps the chart's choice; the filters narrow the line.
    assert '<input type="hidden" name="measure" value="intensity">' in page
    dyad = client.get("/dyads/Hamas/Israel", params={"measure": "intensity", "until": "2023"})
    assert _numbers(dyad.text) == {"2023-10": ["1", "-9", "0", "0"]}
    counts = client.get("/dyads/Hamas/Israel").text
    assert 'class="line' not in counts and 'class="bar' in counts


def test_intensity_per_article_divides_by_the_months_articles(client):
    # October has events but no article published in it: nothing to divide by.
    page = client.get("/actors/HAMAS", params={"measure": "per-article"}).text
    assert _numbers(page) == {
        "2023-10": ["2", "-6.5", "0", "—", "0", "0", "—"],
        "2024-02": ["0", "0", "1", "0", "1", "+2.5", "+2.50"],
    }
    assert "1 month with events but no stored article published in it left out" in _text(page)
    wrong = client.get("/actors/HAMAS", params={"measure": "sum"})
    assert wrong.status_code == 422 and "text/html" in wrong.headers["content-type"]


def test_the_intensity_line_breaks_where_a_month_has_no_articles():
    by_month = {
        "2024-01": MonthIntensity(actual=-9.0, actual_events=1),
        "2024-02": MonthIntensity(actual=5.0, actual_events=2),
        "2024-03": MonthIntensity(actual=4.0, actual_events=1),
    }
    chart = net_intensity(by_month, {"2024-01": 3, "2024-03": 2})
    (line,) = chart.lines
    assert [(p.month, p.value) for p in line.points] == [("2024-01", -3.0), ("2024-03", 2.0)]
    assert line.path.count("M") == 2 and "L" not in line.path
    assert chart.top == 3.0 and chart.without_articles == 1 and chart.values_shown
    # February's events are weighed, though no article divides them.
    assert chart.events == 4
    # Ten years of months leave no room for a number beside each point: the table has them.
    long = net_intensity({"2014-01": by_month["2024-01"], **by_month})
    assert long.months == 123 and not long.values_shown


@pytest.mark.parametrize("kind", ["articles", "quotes"])
def test_search_results_download_as_the_page_finds_them(client, kind):
    page = client.get("/", params={"q": "Moscow", "source": "Column"}).text
    link = f"/api/search/{kind}.csv?source=Column&amp;q=Moscow"
    assert link in page
    rows = list(csv.DictReader(io.StringIO(client.get(link.replace("&amp;", "&")).text)))
    # The column: its one article and all its quotes; the wire's article is filtered out.
    assert len(rows) == (1 if kind == "articles" else QUOTES)
    assert {row["source"] for row in rows} == {"Column"}
    found = client.get(f"/api/search/{kind}.json", params={"q": "Moscow"}).json()
    assert len(found) == (2 if kind == "articles" else QUOTES)
    if kind == "quotes":
        # The column's author, an actor of that article alone (AUTHOR:<article hash>).
        assert all(row["speaker"].startswith("AUTHOR:") for row in found)
    else:
        assert {row["headline"] for row in found} == {
            "Moscow hosts a delegation",
            "Why Moscow matters",
        }


def test_a_side_or_speaker_that_names_no_actor_shows_the_words_of_the_text(tmp_path):
    text = "Russia threatened members of the opposition. “We will answer,” a spokesman said."
    threat = _event(
        text,
        "e1",
        "THREATEN",
        "RUS",
        None,
        "Russia threatened members of the opposition",
        "2024-02",
    )
    threat.target_words = _span(text, "members of the opposition")
    said = _span(text, "We will answer")
    quote = Quote(
        "q1", "direct", said.text, [(said.start, said.end)], Speaker(None, *_said_by(text))
    )
    analysis = Analysis(
        article=Article(text=text, published="2024-02-20", title="Threats", source="Wire"),
        actors=[RUS],
        mentions=[Mention("Russia", 0, 6, "RUS")],
        quotes=[quote],
        events=[threat],
    )
    db = str(tmp_path / "unnamed.db")
    with Store(db) as store:
        assert store.add(analysis)
    with TestClient(create_app(db)) as client:
        [event] = client.get("/api/actors/RUS/events").json()
        assert (event["target"], event["target_words"]) == (None, "members of the opposition")
        for page in ("/actors/RUS", f"/events/{event['id']}"):
            html = client.get(page).text
            assert "“members of the opposition”" in html and "not named" not in html
        # The event page holds the sentence the words are in.
        assert "threatened members of the opposition" in _text(
            client.get(f"/events/{event['id']}").text
        )
        found = client.get("/", params={"q": "answer", "kind": "quotes"}).text
        assert "“a spokesman”" in found and "speaker not named" not in found


def _said_by(text: str) -> tuple[str, int, int]:
    return ("a spokesman", *_offsets(text, "a spokesman"))
