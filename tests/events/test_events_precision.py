"""What is no event, or one event and not two: small sentences of the kinds an analyst
found miscoded in real articles (accidents, blaming a cause, naming, asked-for acts)."""

from __future__ import annotations

from datetime import date

import pytest
from test_events import extractor, nlp, run  # noqa: F401  (the module's fixtures)

# The names the sentences below use, with the actor each mentions.
NAMES = {
    "Russia": "RUS",
    "Ukraine": "UKR",
    "Iran": "IRN",
    "Israel": "ISR",
    "Kenya": "KEN",
    "India": "IND",
    "NATO": "NATO",
    "Trump": "TRUMP",
    "Putin": "PUTIN",
    "Navalny": "NAVALNY",
    "Siemens": "SIEMENS",
}


def named_in(text):
    return tuple((words, actor) for words, actor in NAMES.items() if words in text)


def coded(events):
    return [(e.type, e.source, e.target) for e in events]


@pytest.mark.parametrize(
    "text",
    [
        "A Russian helicopter crashed in Ukraine on Tuesday, killing 12 soldiers.",
        "Fourteen Russian soldiers were killed in Ukraine when their helicopter crashed.",
        "Twelve Russian soldiers died in a helicopter crash in Ukraine.",
        # the parser reads the verb as the object of "after": it keeps its inflection
        "In Ukraine 31 soldiers were killed after their chopper crashed.",
    ],
)
def test_an_accident_kills_but_is_no_attack(nlp, extractor, text):  # noqa: F811
    events = run(nlp, extractor, text, (), places=(("Ukraine", "UKR"),))
    assert [e for e in events if e.type == "ASSAULT"] == []


def test_a_killing_by_someone_is_still_an_attack(nlp, extractor):  # noqa: F811
    text = "Twelve soldiers were killed in Ukraine when Russia attacked their convoy."
    events = run(nlp, extractor, text, (("Russia", "RUS"),), places=(("Ukraine", "UKR"),))
    # The killing (no doer named in its clause) and the attack both stay.
    assert [e.type for e in events] == ["ASSAULT", "ASSAULT"]
    assert ("ASSAULT", "RUS", None) in coded(events)


def test_blaming_a_cause_accuses_nobody(nlp, extractor):  # noqa: F811
    text = "Russia blamed mechanical failure for the crash."
    assert coded(run(nlp, extractor, text, (("Russia", "RUS"),))) == []
    text = "Russia blamed Ukraine for the crash."
    events = run(nlp, extractor, text, (("Russia", "RUS"), ("Ukraine", "UKR")))
    assert coded(events) == [("ACCUSE", "RUS", "UKR")]


def test_investigating_a_matter_accuses_nobody(nlp, extractor):  # noqa: F811
    text = "Russia will investigate the range of abuse in its prisons."
    assert coded(run(nlp, extractor, text, (("Russia", "RUS"),))) == []
    text = "Russia will investigate Navalny."
    events = run(nlp, extractor, text, (("Russia", "RUS"), ("Navalny", "NAVALNY")))
    assert coded(events) == [("ACCUSE", "RUS", "NAVALNY")]
    # A noun likewise; an investigation into an event is one (manual: "any investigation").
    text = "Navalny helped with Russia's investigation."
    assert coded(run(nlp, extractor, text, (("Russia", "RUS"), ("Navalny", "NAVALNY")))) == []
    text = "Russia's investigation into the bombings went ahead."
    assert coded(run(nlp, extractor, text, (("Russia", "RUS"),))) == [("ACCUSE", "RUS", None)]


def test_a_well_known_attack_by_a_person_is_no_verbal_attack(nlp, extractor):  # noqa: F811
    text = "Osama bin Laden orchestrated the 9/11 attacks on the US."
    mentions = (("Osama bin Laden", "BIN_LADEN"), ("the US", "USA"))
    events = run(nlp, extractor, text, mentions, published=date(2019, 9, 14))
    assert [e.type for e in events] == ["ASSAULT"]


def test_a_bare_allegation_noun_names_no_event(nlp, extractor):  # noqa: F811
    text = "An independent prosecutor could deal with abuse allegations in Ukraine."
    assert coded(run(nlp, extractor, text, (), places=(("Ukraine", "UKR"),))) == []
    # Criticism that is only rebutted is told by the rebuttal.
    text = "Navalny dismissed criticism of Russia."
    events = run(nlp, extractor, text, (("Navalny", "NAVALNY"), ("Russia", "RUS")))
    assert [e.type for e in events] == ["REJECT"]
    text = "The criticism of Russia grew."
    assert coded(run(nlp, extractor, text, (("Russia", "RUS"),))) == [("ACCUSE", None, "RUS")]


@pytest.mark.parametrize(
    "text",
    [
        "The troops joined what the Russian military calls Task Force Kenya.",
        "The helicopter flew on a mission the Russian military calls Task Force Kenya.",
    ],
)
def test_calling_something_a_name_is_no_phone_call(nlp, extractor, text):  # noqa: F811
    # The name happens to hold a country's: still no call to it.
    events = run(nlp, extractor, text, (("Russian", "RUS"), ("Kenya", "KEN")))
    assert [e for e in events if e.type == "CONSULT"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Russia called for appointing an independent prosecutor to investigate Israel.",
        "Russia recommends appointing an independent prosecutor to investigate Israel.",
    ],
)
def test_an_asked_for_gerund_and_its_purpose_are_the_request(nlp, extractor, text):  # noqa: F811
    events = run(nlp, extractor, text, (("Russia", "RUS"), ("Israel", "ISR")))
    assert [e.type for e in events] == ["REQUEST"]
    assert events[0].source == "RUS"


def test_restrictive_measures_are_a_sanction(nlp, extractor):  # noqa: F811
    text = "Germany decided to take restrictive measures against Russia."
    events = run(nlp, extractor, text, (("Germany", "DEU"), ("Russia", "RUS")))
    assert coded(events) == [("SANCTION", "DEU", "RUS")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Leaving a treaty or a deal reduces relations (manual, SANCTION withdraw) ...
        ("Trump withdrew the US from a nuclear treaty with Iran.", ("SANCTION", "TRUMP")),
        ("Russia pulled out of the grain deal with Ukraine.", ("SANCTION", "RUS")),
        # ... as does calling one's diplomats home; forces leaving ground retreat.
        ("Russia withdrew its ambassador from Kenya.", ("SANCTION", "RUS")),
        ("Israel withdrew its troops from Kenya.", ("RETREAT", "ISR")),
    ],
)
def test_withdrawing_from_a_treaty_is_a_sanction_from_ground_a_retreat(
    nlp,  # noqa: F811
    extractor,  # noqa: F811
    text,
    expected,
):
    mentions = named_in(text)
    assert [(e.type, e.source) for e in run(nlp, extractor, text, mentions)] == [expected]


def type_and_sides(text, mentions, nlp, extractor):  # noqa: F811
    return [(e.type, e.mode, e.source, e.target) for e in run(nlp, extractor, text, mentions)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The act agreed on is the AGREE; the verb of agreeing is not another one.
        ("Russia agreed to support Ukraine.", [("AGREE", None, "RUS", "UKR")]),
        # Favouring an act is a stated willingness to do it (manual, AGREE).
        ("Russia favors negotiating with Ukraine.", [("AGREE", None, "RUS", "UKR")]),
        # Issuing a statement is how something was said.
        ("Russia issued a statement on Monday.", []),
        # Appealing a ruling rejects it; appealing to someone asks of them.
        ("Russia appealed the ruling.", [("REJECT", None, "RUS", None)]),
        ("Russia appealed to Ukraine.", [("REQUEST", None, "RUS", "UKR")]),
        # Flying cargo somewhere carries it; flying there is a visit.
        ("Iran flies fighters and weapons to Russia.", []),
        ("Putin flew to Kenya.", [("CONSULT", "visit", "RUS", "KEN")]),
        # Applying for membership asks a body; applying for jobs asks no one.
        ("Ukraine applied for NATO membership.", [("REQUEST", None, "UKR", "NATO")]),
        ("Navalny applied for government jobs.", []),
        # Banning political life restricts rights (COERCE); banning an actor sanctions.
        ("Russia banned all opposition rallies.", [("COERCE", "restrict", "RUS", "G:PROTESTER")]),
        # Test firing shows force (MOBILIZE weapons); dispersing protesters is repression.
        ("India test-fired a missile off its coast.", [("MOBILIZE", "weapons", "IND", None)]),
        (
            "Iran marked the day by test firing dozens of missiles.",
            [("MOBILIZE", "weapons", "IRN", None)],
        ),
        ("Protesters were dispersed by Russia.", [("ASSAULT", None, "RUS", "G:PROTESTER")]),
        ("Navalny contested the results of the election.", [("REJECT", None, "NAVALNY", None)]),
        ("Russia cheered Putin.", [("SUPPORT", "praise", "RUS", "PUTIN")]),
        # What one wants another to do is asked of them, with the act as its content;
        # wanting to do it oneself is a stated intention (AGREE).
        ("Ukraine wants Russia to stop the attacks.", [("REQUEST", "yield", "UKR", "RUS")]),
        ("Russia wants to meet Ukraine.", [("AGREE", None, "RUS", "UKR")]),
    ],
)
def test_what_a_verb_codes_depends_on_what_it_takes(nlp, extractor, text, expected):  # noqa: F811
    mentions = named_in(text)
    assert type_and_sides(text, mentions, nlp, extractor) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A hostile act planned is that act, intended: no threat was made.
        ("Russia is preparing to attack Ukraine.", ("ASSAULT", "intended")),
        ("Siemens announced plans to pull out of Russia.", ("SANCTION", "intended")),
        ("Iran wants to crush the Kurdish rebels.", ("COERCE", "intended")),
        # A threat or a stated future act against an adversary is a threat ...
        ("Russia threatened to attack Ukraine.", ("THREATEN", "actual")),
        ("Russia vowed to crush Ukraine.", ("THREATEN", "actual")),
        # The vow governs both coordinated acts; the vow is no AGREE besides.
        ("Putin vowed to find the bombers and bring them to justice.", ("THREATEN", "actual")),
        # ... and a cooperative act planned a commitment.
        ("Russia plans to meet Ukraine.", ("AGREE", "actual")),
    ],
)
def test_a_planned_hostile_act_is_no_threat(nlp, extractor, text, expected):  # noqa: F811
    mentions = named_in(text)
    assert [(e.type, e.status) for e in run(nlp, extractor, text, mentions)] == [expected]


def test_a_state_telling_what_its_own_office_did_accuses_no_one(nlp, extractor):  # noqa: F811
    text = "The Federal Aviation Office has suspended the airline's permit, Germany said."
    mentions = (("The Federal Aviation Office", "LBA"), ("Germany", "DEU"))
    assert [e for e in run(nlp, extractor, text, mentions) if e.type == "ACCUSE"] == []
