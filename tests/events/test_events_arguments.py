"""Sources and targets from the whole sentence (dyad.events.arguments): one small
real-news construction per rule, with the mentions the actors stage would hand over."""

from __future__ import annotations

from datetime import date

import pytest
from test_events import extractor, nlp, run  # noqa: F401  (fixtures)

from dyad.model import Actor, Mention, Place


def dyads(events) -> set[tuple[str, str | None, str | None]]:
    return {(e.type, e.source, e.target) for e in events}


@pytest.mark.parametrize(
    ("text", "mentions", "places", "expected"),
    [
        # An agentless arrest is by the state it happens in, even when the article is
        # about another one.
        (
            "Russia protested. Navalny has been detained in the United States. Russia said "
            "Russia would answer.",
            [("Navalny", "NAVALNY"), ("Russia", "RUS"), ("Russia said", "RUS")],
            [("the United States", "USA")],
            ("COERCE", "USA", "NAVALNY"),
        ),
        # The possessor of an arrest or a conviction undergoes it; the state it
        # happens in does it.
        (
            "After his conviction in Moscow last summer, Navalny agreed to help Kerry.",
            [("his", "NAVALNY"), ("Navalny", "NAVALNY"), ("Kerry", "KERRY")],
            [("Moscow", "RUS")],
            ("SANCTION", "RUS", "NAVALNY"),
        ),
        # ... but not when an "of" names who undergoes it.
        (
            "Russia's expulsion of Navalny angered Washington.",
            [("Russia", "RUS"), ("Navalny", "NAVALNY")],
            [],
            ("SANCTION", "RUS", "NAVALNY"),
        ),
        # "X has been the subject of sanctions": X is what they are aimed at.
        (
            "Iran has been the subject of United States sanctions since 2011.",
            [("Iran", "IRN"), ("United States", "USA")],
            [],
            ("SANCTION", "USA", "IRN"),
        ),
        # A verb's clause without its "that" still says whom an allegation is about.
        (
            "Kerry alleged, by way of example, Iran had armed Hamas.",
            [("Kerry", "KERRY"), ("Iran", "IRN"), ("Hamas", "HAMAS")],
            [],
            ("ACCUSE", "KERRY", "IRN"),
        ),
        # Condemning an arrest is aimed at whoever arrested: here the state it was in.
        (
            "Police in Moscow arrested 300 protesters. Germany condemned the arrest of "
            "these protesters.",
            [("Germany", "DEU")],
            [("Moscow", "RUS")],
            ("ACCUSE", "DEU", "RUS"),
        ),
        # Whoever is held responsible for an attack is its source.
        (
            "Navalny is accused of being responsible for the bombings of the embassies in Kenya.",
            [("Navalny", "NAVALNY")],
            [("Kenya", "KEN")],
            ("ASSAULT", "NAVALNY", "KEN"),
        ),
        # A purpose clause on a participle is the doing of who used the thing.
        (
            "Russian forces used missiles launched from helicopters to kill Navalny.",
            [("Russian forces", "RUS"), ("Navalny", "NAVALNY")],
            [],
            ("ASSAULT", "RUS", "NAVALNY"),
        ),
        # A bare number included in a group stands for members of the group.
        (
            "Germany called for the release of all protesters, including 400 arrested "
            "during the protest.",
            [("Germany", "DEU")],
            [],
            ("COERCE", "DEU", "G:PROTESTER"),  # the only state named arrests
        ),
        # In a name, the modifier nearest the head names it, not a demonym before it.
        (
            "Germany banned Iranian airline Mahan Air from flying.",
            [("Germany", "DEU"), ("Iranian airline", "IRN"), ("Mahan", "MAHAN")],
            [],
            ("SANCTION", "DEU", "MAHAN"),
        ),
        # A gerund in a phrase on the clause is done by the clause's subject, even
        # when that clause is passive.
        (
            "After four days of protesting the victory of Putin, protesters have been "
            "dispersed by Russian police.",
            [("Putin", "PUTIN"), ("Russian police", "RUS")],
            [],
            ("PROTEST", "G:PROTESTER", "PUTIN"),
        ),
        # What is claimed to go on is done by whoever holds its victims.
        (
            "Kerry claims torture and other abuses against detainees in Russian custody continue.",
            [("Kerry", "KERRY"), ("Russian", "RUS")],
            [],
            ("ACCUSE", "KERRY", "RUS"),
        ),
        # Forces stationed somewhere are deployed by their own side.
        (
            "The report quotes a Russian interrogator stationed at a camp in Ukraine.",
            [("Russian", "RUS")],
            [("Ukraine", "UKR")],
            ("MOBILIZE", "RUS", "UKR"),
        ),
        # A call for the release of detainees is addressed to who holds them: here
        # the state the article is about.
        (
            "Russia's police beat protesters in Moscow. Germany urged their release.",
            [("Germany", "DEU"), ("Russia", "RUS")],
            [("Moscow", "RUS")],
            ("REQUEST", "DEU", "RUS"),
        ),
        # A state's official telling of sanctions tells of his own state's.
        (
            "Reuters reported that Lavrov said the ban is not part of a plan to increase "
            "sanctions on Iran.",
            [("Lavrov", "LAVROV"), ("Iran", "IRN")],
            [],
            ("SANCTION", "RUS", "IRN"),
        ),
        # A title the parser makes a subject of its own yields to the name after it.
        (
            "Former world chess champion Garry Kasparov has been arrested along with other "
            "opposition leaders.",
            [("Garry Kasparov", "NAVALNY")],
            [],
            ("COERCE", "RUS", "NAVALNY"),
        ),
        # "The two leaders" are the two people named before ...
        (
            "Kerry flew to Geneva on Monday to see Lavrov. The two leaders met for three hours.",
            [("Kerry", "KERRY"), ("Lavrov", "LAVROV")],
            [("Geneva", "CHE")],
            ("CONSULT", "USA", "RUS"),
        ),
        # ... and "the two countries" a pair named as one, places included, not the
        # sentence's own actors.
        (
            "Bombs hit embassies in Nairobi, Kenya, and Dar-es-Salaam, Pakistan. The United "
            "States has sent medical supplies to the two countries.",
            [("The United States", "USA")],
            [("Nairobi", "KEN"), ("Kenya", "KEN"), ("Dar-es-Salaam", "PAK"), ("Pakistan", "PAK")],
            ("AID", "USA", "PAK"),
        ),
        # Who receives what another gives is its target.
        (
            "Ukraine received military aid from Germany.",
            [("Ukraine", "UKR"), ("Germany", "DEU")],
            [],
            ("AID", "DEU", "UKR"),
        ),
        # Condemning "the action" condemns who acted in the sentence before.
        (
            "Around 300 protesters staged a demonstration in Moscow. Kerry condemned the action.",
            [("Kerry", "KERRY")],
            [("Moscow", "RUS")],
            ("ACCUSE", "KERRY", "G:PROTESTER"),
        ),
        # An unnamed plural stands for the example it gives.
        (
            "Countries such as Germany have condemned Russia.",
            [("Germany", "DEU"), ("Russia", "RUS")],
            [],
            ("ACCUSE", "DEU", "RUS"),
        ),
        # ... and a relative clause on it is about it, not the nouns coordinated with it.
        (
            "The vote split those who oppose Trump, like Navalny, and moderates who "
            "favor Trump, like Roth.",
            [("Trump", "TRUMP"), ("Navalny", "NAVALNY"), ("Roth", "ROTH")],
            [],
            ("REJECT", "NAVALNY", "TRUMP"),
        ),
    ],
)
def test_arguments_from_the_sentence(nlp, extractor, text, mentions, places, expected):  # noqa: F811
    assert expected in dyads(run(nlp, extractor, text, mentions, places=places))


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        # Coordinated subjects agree with each other.
        (
            "Germany and Poland agreed on Monday to share intelligence.",
            [("Germany", "DEU"), ("Poland", "POL")],
            ("AGREE", "DEU", "POL"),
        ),
        # Coordinated objects are each a target.
        (
            "NATO expelled Turkey, Poland and Hungary.",
            [("NATO", "NATO"), ("Turkey", "TUR"), ("Poland", "POL"), ("Hungary", "HUN")],
            ("SANCTION", "NATO", "HUN"),
        ),
        # Control: the subject of "threatened" cuts off; of "is prepared" welcomes.
        (
            "China threatened to cut off aid to Pakistan.",
            [("China", "CHN"), ("Pakistan", "PAK")],
            ("THREATEN", "CHN", "PAK"),
        ),
        # A relative clause's verb takes the noun it modifies as its subject.
        (
            "Kerry met Lavrov, who later accused Ukraine of shelling.",
            [("Kerry", "KERRY"), ("Lavrov", "LAVROV"), ("Ukraine", "UKR")],
            ("ACCUSE", "LAVROV", "UKR"),
        ),
        # A prepositional target, also on the noun a verb carries.
        (
            "The United States imposed sanctions against Iran.",
            [("The United States", "USA"), ("Iran", "IRN")],
            ("SANCTION", "USA", "IRN"),
        ),
    ],
)
def test_arguments_through_coordination_control_and_clauses(
    nlp,  # noqa: F811
    extractor,  # noqa: F811
    text,
    mentions,
    expected,
):
    assert expected in dyads(run(nlp, extractor, text, mentions))


@pytest.mark.parametrize(
    ("text", "mentions", "groups"),
    [
        # States the article does not name are a side of their own ...
        (
            "The twenty-five member states have called for the release of all protesters.",
            [],
            {("REQUEST", "G:STATE", "G:PROTESTER")},
        ),
        (
            "McCormack said the United States will work closely with states in the region.",
            [("McCormack", "MCCORMACK"), ("United States", "USA")],
            {("AGREE", "USA", "G:STATE")},
        ),
        # ... but not beside a named one, nor counted as the ones named before.
        (
            "The United States and other countries condemned the attack on Kenya.",
            [("United States", "USA"), ("Kenya", "KEN")],
            set(),
        ),
        (
            "Kenya and Tanzania were attacked. The United States sent aid to the two countries.",
            [("Kenya", "KEN"), ("Tanzania", "TZA"), ("United States", "USA")],
            set(),
        ),
    ],
)
def test_unnamed_states(nlp, extractor, text, mentions, groups):  # noqa: F811
    found = dyads(run(nlp, extractor, text, mentions))
    with_states = {d for d in found if "G:STATE" in d[1:] or "G:COUNTRY" in d[1:]}
    assert groups <= with_states if groups else not with_states


@pytest.mark.parametrize(
    ("text", "mentions", "places", "expected"),
    [
        # A clause naming no target: the party its own clause names (coded as the
        # event codes its sides: an official as his state) ...
        (
            "Navalny agreed to help with Kerry's investigation.",
            [("Navalny", "NAVALNY"), ("Kerry", "KERRY")],
            [],
            ("AGREE", "NAVALNY", "USA"),
        ),
        # ... else the one the rest of its sentence names ...
        (
            "Russia made a claim to the Arctic, but Germany requested more data.",
            [("Russia", "RUS"), ("Germany", "DEU")],
            [],
            ("REQUEST", "DEU", "RUS"),
        ),
        # ... else the subject of the sentence before.
        (
            "Russia held a referendum on Monday. Germany criticized the vote.",
            [("Russia", "RUS"), ("Germany", "DEU")],
            [],
            ("ACCUSE", "DEU", "RUS"),
        ),
        # A state's court and its people (coded as their state) deal with each other.
        (
            "The Supreme Court of Russia declined to hear a case about Russian citizens.",
            [("Supreme Court of Russia", "RUSCOURT"), ("Russian citizens", "RUS:PPL")],
            [],
            ("REJECT", "RUSCOURT", "RUS"),
        ),
        # An unnamed group of people is a party too.
        (
            "Police fatally shot one person after being attacked by protesters in Moscow.",
            [],
            [("Moscow", "RUS")],
            ("ASSAULT", "RUS", "G:PROTESTER"),
        ),
        # A protest done to or spoken of stands for the protesters, named or not.
        (
            "Russian police broke up the demonstration in Moscow.",
            [("Russian police", "RUS")],
            [("Moscow", "RUS")],
            ("COERCE", "RUS", "G:PROTESTER"),
        ),
        (
            "Putin criticized the protests.",
            [("Putin", "PUTIN")],
            [],
            ("ACCUSE", "PUTIN", "G:PROTESTER"),
        ),
        # "The court" is the court named before, not the state courts act for.
        (
            "The Supreme Court of Russia heard the case on Monday. The court rejected the "
            "appeal of Navalny.",
            [("Supreme Court of Russia", "RUSCOURT"), ("Navalny", "NAVALNY")],
            [],
            ("REJECT", "RUSCOURT", "NAVALNY"),
        ),
    ],
)
def test_implied_target(nlp, extractor, text, mentions, places, expected):  # noqa: F811
    assert expected in dyads(run(nlp, extractor, text, mentions, places=places))


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        # Who tells of an event is not its target ...
        ("Kerry said Russia criticized the decision.", [("Kerry", "KERRY"), ("Russia", "RUS")]),
        # ... nor the source's own side ("the government" of the police's state) ...
        (
            "Russian police claimed that the rally violated a government ban.",
            [("Russian police", "RUS"), ("government", "RUS")],
        ),
        # ... nor a place or a venue named as where it happened.
        (
            "Russia criticized the decision at a meeting in Ukraine.",
            [("Russia", "RUS"), ("Ukraine", "UKR")],
        ),
        ("Russia criticized the plan at the NATO summit.", [("Russia", "RUS"), ("NATO", "NATO")]),
    ],
)
def test_no_implied_target(nlp, extractor, text, mentions):  # noqa: F811
    places = [(words, actor) for words, actor in mentions if words == "Ukraine"]
    events = [e for e in run(nlp, extractor, text, mentions, places=places) if e.source == "RUS"]
    assert events
    assert all(e.target is None for e in events), events


def test_a_legislator_acts_for_himself(nlp, extractor):  # noqa: F811
    """A member of a legislature is not his state: he can deal with its government."""
    events = run(
        nlp,
        extractor,
        "Schumer agreed to meet Kerry.",
        [("Schumer", "SCHUMER"), ("Kerry", "KERRY")],
    )
    assert ("AGREE", "SCHUMER", "USA") in dyads(events)


def test_an_unnamed_group_is_named_by_its_plural():
    """'Two gunmen', 'Some people': the group is named as the text writes its plural, not
    with an 's' added to the lemma ('gunmans', 'peoples')."""
    from dyad.pipeline import analyze

    for text, name in (
        ("Two gunmen opened fire on police officers in Athens on Tuesday.", "gunmen"),
        ("Some people attacked the police station in Athens on Tuesday.", "people"),
    ):
        groups = [a.name for a in analyze(text, "2010-05-04").actors if a.id.startswith("G:")]
        assert groups == [name]


def test_a_state_the_events_add_is_named_as_the_knowledge_base_names_it(nlp, extractor):  # noqa: F811
    # The arrest is Iraq's (it happens there) though no mention names Iraq as an actor.
    text = "Navalny has been detained in Iraq."
    doc = nlp(text)
    doc._.published = date(2024, 2, 20)
    doc._.actors = {"NAVALNY": Actor("NAVALNY", "Alexei Navalny", "person", country="RUS")}
    doc._.mentions = [Mention("Navalny", 0, 7, "NAVALNY")]
    doc._.places = [Place("Iraq", text.index("Iraq"), len(text) - 1, "IRQ")]
    events = extractor(doc)._.events
    assert ("COERCE", "IRQ", "NAVALNY") in dyads(events)
    assert doc._.actors["IRQ"].name == "Iraq"
