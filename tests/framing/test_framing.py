"""Statements linked to the events they speak about, grouped by side.

Extraction on small real sentences and on the seed article (its gold ``framing``
list); sides and the contrast signal on hand-built actors; the store, query, API
and command on a hand-built store (SQLite, and PostgreSQL when DYAD_TEST_PG is set).
"""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from dyad import query
from dyad.cli import app as cli
from dyad.eval.seed import ActorMap, score_events, score_framing, score_quotes
from dyad.framing.contrast import contrast
from dyad.framing.link import link_statements
from dyad.framing.sides import AUTHOR, SOURCE, TARGET, THIRD, side_of
from dyad.framing.words import EventWords
from dyad.model import Actor, Analysis, Article, Event, Quote, Span, Speaker, TimeValue
from dyad.pipeline import analyze, make_doc
from dyad.store import Store
from dyad.store.read import read_analyses
from dyad.web import create_app


def _about(nlp, text: str) -> dict[str, list[str]]:
    """Quote text -> the types of the events it speaks about."""
    analysis = analyze(text, published="2024-01-20", nlp=nlp)
    types = {event.id: event.type for event in analysis.events}
    return {quote.text: [types[i] for i in quote.about] for quote in analysis.quotes}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Israeli jets struck a Hamas training camp in Gaza on Monday. "
            "Hamas said the attack would not go unanswered.",
            {"the attack would not go unanswered": ["ASSAULT"]},
            id="a participant answering an attack",
        ),
        pytest.param(
            "Turkey sent troops into northern Iraq on Friday. "
            '"We will leave when our goals are achieved," the Turkish army said. '
            '"No civilian will be harmed," it added.',
            {
                "We will leave when our goals are achieved,": ["MOBILIZE"],
                "No civilian will be harmed,": ["MOBILIZE"],
            },
            id="a speaker going on",
        ),
        pytest.param(
            "Russian and Chinese diplomats met in Geneva on Tuesday. Both sides spoke of "
            "progress. A Western diplomat said that this conference would bring nothing new.",
            {"this conference would bring nothing new": ["CONSULT"]},
            id="a speaker not resolved still names the event",
        ),
        pytest.param(
            "Leaders of India and Pakistan met in Geneva on Tuesday. The city was quiet. "
            '"Let them hold a thousand conferences, nothing will change," said Hafiz Saeed, '
            "a militant leader.",
            {"Let them hold a thousand conferences, nothing will change,": ["CONSULT"]},
            id="naming the kind of the lead event",
        ),
        pytest.param(
            "The United States sent warships to the Somali coast on Monday to stop fleeing "
            'fighters. "We have asked Kenya to close its border," US Secretary of State '
            "Condoleezza Rice said.",
            {"We have asked Kenya to close its border,": ["MOBILIZE", "REQUEST"]},
            id="a participant of the lead event speaks about it besides its own act",
        ),
        pytest.param(
            "Israeli and Palestinian leaders met in Annapolis on Tuesday. "
            '"The talks went well," President George W. Bush said. Bush said that direct '
            "negotiations for a Palestinian state will begin on December 12.",
            {
                "The talks went well,": ["CONSULT"],
                "direct negotiations for a Palestinian state will begin on December 12": ["AGREE"],
            },
            id="a speaker telling an act of its own does not go on about the last one",
        ),
        pytest.param(
            "Thousands of people marched through Athens on Sunday against the new austerity "
            "measures. Riot police fired tear gas outside parliament. "
            '"We will not pay for their crisis," the protesters chanted.',
            {"We will not pay for their crisis,": ["PROTEST"]},
            id="those named by the event they carry out",
        ),
        pytest.param(
            "Tension rose along the border this week. Israeli aircraft struck a Hamas training "
            "camp in Gaza on Monday. Two people were wounded. The camp lies north of Gaza City. "
            "It had been empty for weeks.\n\n"
            "Hamas said its fighters were ready for any confrontation.",
            {"its fighters were ready for any confrontation": ["ASSAULT"]},
            id="a participant answering in the paragraph after the event",
        ),
    ],
)
def test_a_statement_speaks_about_the_event(nlp, text, expected):
    assert _about(nlp, text) == expected


def test_both_sides_name_the_same_talks(nlp):
    analysis = analyze(
        "Russian officials held talks with Hamas leaders in Moscow on Tuesday. "
        "A Hamas spokesman said the meeting was about a ceasefire. "
        "The Kremlin said the talks were humanitarian.",
        published="2024-01-20",
        nlp=nlp,
    )
    [talks] = [e for e in analysis.events if e.evidence.text.startswith("Russian officials")]
    speakers = {q.speaker.actor: q.about for q in analysis.quotes}
    assert speakers == {"HAMAS": [talks.id], "RUS": [talks.id]}


def test_an_outside_reporter_is_where_an_event_comes_from_not_a_telling_of_it(nlp):
    analysis = analyze("Reuters reported that Israel struck a refugee camp in Gaza.", nlp=nlp)
    [quote] = analysis.quotes
    assert analysis.events and analysis.events[0].quote == quote.id
    assert quote.about == []


@pytest.mark.parametrize(
    ("text", "told"),
    [
        pytest.param(
            "Germany banned the Iranian airline Mahan Air from its airports on Monday. "
            "A government spokesman said the ban on Mahan Air was not part of a wider plan.",
            "Germany banned",
            id="a definite noun",
        ),
        pytest.param(
            "Voters in Iowa went to the polls on Monday. Mike Huckabee welcomed Nader into the "
            'race on Sunday. "Republicans would welcome his entry into the race," Huckabee said.',
            "Mike Huckabee welcomed",
            id="the same verb from a participant",
        ),
    ],
)
def test_an_event_told_again_is_spoken_about(nlp, text, told):
    analysis = analyze(text, nlp=nlp)
    [event] = [e for e in analysis.events if e.evidence.text.startswith(told)]
    [quote] = analysis.quotes
    assert event.id in quote.about


def test_the_event_named_again_is_the_one_whose_sides_the_statement_names(nlp):
    # Both bans are named by "suspended" and touch the airline; only the first is
    # Germany's, and German officials speak.
    analysis = analyze(
        "Germany on Monday banned Iranian airline Mahan Air from flying in the European nation. "
        "Mahan has been the subject of United States sanctions since 2011. German officials "
        "said the Federal Aviation Office of Germany has suspended Mahan's permit.",
        nlp=nlp,
    )
    [german] = [e for e in analysis.events if e.evidence.text.startswith("Germany")]
    [american] = [e for e in analysis.events if e.evidence.text.startswith("United States")]
    [quote] = [q for q in analysis.quotes if q.text.startswith("the Federal Aviation")]
    assert german.id in quote.about and american.id not in quote.about


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Germany banned the Iranian airline Mahan Air from its airports on Monday. "
            "Analysts said the ban on Mahan Air was not part of a wider plan.",
            id="named by the word that reported it",
        ),
        pytest.param(
            "Voters in Iowa went to the polls on Monday. Mike Huckabee welcomed Nader into the "
            'race on Sunday. "Republicans would welcome his entry into the race," Huckabee said.',
            id="told again by the same verb",
        ),
    ],
)
def test_a_link_does_not_hang_on_the_events_type(nlp, text):
    """Each event given a type of its own, all wrong: the words still tie the statement
    to the event they report."""
    with nlp.select_pipes(disable=["dyad_framing"]):
        doc = nlp(make_doc(nlp, Article(text=text)))
    first = doc._.events[0]
    for event, wrong in zip(doc._.events, ["COERCE", "AID", "PROTEST"], strict=False):
        event.type = wrong
    [quote] = doc._.quotes
    assert first.id in link_statements(doc, EventWords.load())[quote.id]


def test_another_sides_event_of_the_same_type_is_not_told_again(nlp):
    about = _about(
        nlp,
        "Hamas fighters attacked Israeli towns on October 7. "
        "Analysts said the Israeli ground operation in Gaza would last months.",
    )
    assert about["the Israeli ground operation in Gaza would last months"] == []


def test_the_act_of_saying_is_known_by_the_cue_it_holds(nlp):
    analysis = analyze(
        "The airline flies weapons to Syria. The US ambassador alleged that the airline had "
        "contributed to human suffering across the region.",
        nlp=nlp,
    )
    [alleged] = [e for e in analysis.events if "alleged" in e.evidence.text]
    [quote] = analysis.quotes
    # "the US ambassador" is an unnamed actor of his own, named by no event: the cue,
    # not the speaker, ties the two
    assert quote.speaker.text == "ambassador"  # "The US" stays a mention of the state
    assert quote.about == [alleged.id]


def test_seed_framing_links(seed_gold, seed_analysis):
    """At least 8 of the gold's 9 links, and at most 2 it lacks between its quotes and events."""
    actors = ActorMap(seed_gold["actors"], seed_analysis)
    _, quotes = score_quotes(seed_gold, seed_analysis, actors)
    _, events = score_events(seed_gold, seed_analysis, actors)
    scores = score_framing(seed_gold, quotes, events)
    assert scores["gold"] == 9
    assert scores["found"] >= 8, scores["misses"]
    assert scores["extra"] <= 2, scores["misses"]


HAMAS = Actor("HAMAS", "Hamas", "armed_group", country="PSE", sector="REB")
RUS = Actor("RUS", "Russia", "state", country="RUS", sector="GOV")
MARZOOK = Actor("MARZOOK", "Mousa Abu Marzook", "person", sector="REB", affiliation="HAMAS")
LAVROV = Actor("LAVROV", "Sergey Lavrov", "person", country="RUS", sector="GOV")
ROTH = Actor("ROTH", "Kenneth Roth", "person", sector="NGO", affiliation="HRW")
HRW = Actor("HRW", "Human Rights Watch", "ngo", sector="NGO")
WRITER = Actor("AUTHOR", "(article author)", "author", sector="MED")
ACTORS = {a.id: a for a in (HAMAS, RUS, MARZOOK, LAVROV, ROTH, HRW, WRITER)}


@pytest.mark.parametrize(
    ("speaker", "side"),
    [
        ("MARZOOK", SOURCE),  # acts for Hamas
        ("HAMAS", SOURCE),
        ("LAVROV", TARGET),  # a government official speaks for his state
        ("ROTH", THIRD),
        ("AUTHOR", AUTHOR),
        (None, THIRD),
    ],
)
def test_a_speaker_is_on_the_side_of_whom_it_acts_for(speaker, side):
    assert side_of(speaker, "HAMAS", "RUS", ACTORS.get) == side


def test_the_contrast_names_the_terms_only_one_side_uses():
    found = contrast(
        ["the meeting was about resisting the occupation"],
        ["the talks with Hamas were about humanitarian issues and the meeting"],
        names=["Hamas", "Russia"],
    )
    assert found.shared == ["meeting"]
    assert set(found.source_only) == {"resisting", "occupation"}
    assert set(found.target_only) == {"humanitarian", "issue", "talk"}
    assert contrast(["only one side"], []) is None


def _span(text: str, piece: str) -> Span:
    start = text.index(piece)
    return Span(piece, start, start + len(piece))


def _talks(text: str, published: str, statements: list[tuple[str, str]]) -> Analysis:
    """An article reporting the January talks, with (speaker, words) statements about them."""
    quotes = [
        Quote(
            id=f"q{n}",
            kind="indirect",
            text=words,
            spans=[(text.index(words), text.index(words) + len(words))],
            speaker=Speaker(actor=speaker),
            about=["e1"],
        )
        for n, (speaker, words) in enumerate(statements, start=1)
    ]
    talks = Event(
        id="e1",
        type="CONSULT",
        status="actual",
        source="HAMAS",
        target="RUS",
        evidence=_span(text, text.split(".")[0]),
        time=TimeValue(value="2024-01"),
    )
    return Analysis(
        article=Article(text=text, published=published, title=f"talks, {published}"),
        actors=[HAMAS, RUS, MARZOOK, LAVROV, ROTH, HRW],
        quotes=quotes,
        events=[talks],
    )


FIRST = _talks(
    "Hamas held talks with Russia in January. Marzook said they discussed resistance. "
    "Lavrov said the talks were humanitarian.",
    "2024-01-30",
    [("MARZOOK", "they discussed resistance"), ("LAVROV", "the talks were humanitarian")],
)
SECOND = _talks(
    "Hamas officials met Russian diplomats in January. Roth said Moscow is no place to meet.",
    "2024-02-02",
    [("ROTH", "Moscow is no place to meet")],
)


@pytest.fixture
def stored(db):
    with Store(db) as store:
        store.add(FIRST)
        store.add(SECOND)
        yield store


def test_a_merged_event_keeps_the_statements_of_every_article(stored):
    assert stored.count("events") == 1
    page = query.dyad_framing(stored, "Hamas", "Russia")
    assert page.total == 1
    [framing] = page.events
    told = {t.side: [(s.speaker.id, str(s.published)) for s in t.statements] for t in framing.sides}
    assert told == {
        SOURCE: [("MARZOOK", "2024-01-30")],
        TARGET: [("LAVROV", "2024-01-30")],
        THIRD: [("ROTH", "2024-02-02")],
        AUTHOR: [],
    }
    assert not framing.only_one_side
    assert framing.contrast.source_only == ["resistance", "discussed"]
    assert query.event_framing(stored, framing.event.id) == framing
    assert query.event_framing(stored, 999) is None
    with stored.engine.connect() as conn:
        abouts = [[q.about for q in a.quotes] for a in read_analyses(conn, [FIRST.article.hash])]
    assert abouts == [[["e1"], ["e1"]]]


def test_only_one_side_spoke(db):
    with Store(db) as store:
        store.add(SECOND)
        store.add(
            _talks(
                "Hamas met Russia in January again. Marzook said it went well.",
                "2024-01-25",
                [("MARZOOK", "it went well")],
            )
        )
        [framing] = query.dyad_framing(store, "Russia", "Hamas").events
    assert framing.only_one_side and framing.contrast is None


def test_api_and_command(stored):
    event_id = query.dyad_framing(stored, "Hamas", "Russia").events[0].event.id
    with TestClient(create_app(stored.db)) as client:
        answer = client.get(f"/api/events/{event_id}/framing").json()
        missing = client.get("/api/events/999/framing").status_code
        page = client.get("/api/dyads/Hamas/Russia/framing").json()
        html = client.get(f"/events/{event_id}").text
    assert [t["side"] for t in answer["sides"]] == [SOURCE, TARGET, THIRD, AUTHOR]
    assert answer["sides"][1]["statements"][0]["text"] == "the talks were humanitarian"
    assert missing == 404
    assert page["total"] == 1 and page["events"][0]["event"]["id"] == event_id
    assert "How each side tells it" in html and "the talks were humanitarian" in html
    assert f'href="/articles/{FIRST.article.hash}#q-q2"' in html

    result = CliRunner().invoke(cli, ["framing", "Hamas", "Russia", "--db", stored.db])
    assert result.exit_code == 0, result.output
    # Table cells wrap: look for single words of each side's statement and speaker.
    for word in ("Marzook", "resistance", "Lavrov", "humanitarian", "Roth", "Third parties"):
        assert word in result.output
    printed = CliRunner().invoke(cli, ["framing", "Hamas", "Russia", "--db", stored.db, "--json"])
    third = json.loads(printed.output)["events"][0]["sides"][2]
    assert third["statements"][0]["speaker"]["id"] == "ROTH"
