"""The rarer PLOVER types on news (MOBILIZE, RETREAT, CONCEDE, SANCTION, AID, SUPPORT,
THREATEN): the light-verb, phrasal and nominal forms the PLOVER manual and the CAMEO
verb blocks give for them, on small real sentences with the mentions set by hand."""

from __future__ import annotations

import pytest
from test_events import extractor, nlp, run  # noqa: F401  (the module's fixtures)

CODED = ("type", "mode", "source", "target")


def _coded(events, fields=CODED, type_=None):
    return sorted(
        tuple(getattr(e, f) for f in fields) for e in events if type_ is None or e.type == type_
    )


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        # CAMEO 152 "PUT * (ON ALERT)": raising forces' alert status.
        (
            "Russia put its nuclear forces on high alert.",
            (("Russia", "RUS"), ("its", "RUS")),
            [("MOBILIZE", "troops", "RUS", None)],
        ),
        # CAMEO 151 "PLACE * POLICE (ON ALERT)": the passive names the state's own police.
        (
            "Kenyan police were placed on alert ahead of the verdict.",
            (("Kenyan", "KEN"),),
            [("MOBILIZE", "police", "KEN", None)],
        ),
        # A weapons test shows military power (MOBILIZE weapons), told by a verb or a noun.
        (
            "North Korea tested a ballistic missile on Sunday.",
            (("North Korea", "PRK"),),
            [("MOBILIZE", "weapons", "PRK", None)],
        ),
        # Manual, MOBILIZE: "mobilizing weapons, ships, or vehicles … MOBILIZE 'weapons'".
        (
            "The United States sent two aircraft carriers to the Mediterranean.",
            (("The United States", "USA"),),
            [("MOBILIZE", "weapons", "USA", None)],
        ),
        # Manual, RETREAT resign: "official resignation", by a phrasal verb or a noun.
        (
            "Putin stepped down on Monday.",
            (("Putin", "PUTIN"),),
            [("RETREAT", "resign", "RUS", None)],
        ),
        (
            "The resignation of Putin was accepted on Monday.",
            (("Putin", "PUTIN"),),
            [("RETREAT", "resign", "RUS", None)],
        ),
        # CAMEO 0831 ANNOUNCE * RESIGNATION; manual: an announced retreat is a CONCEDE.
        (
            "Putin announced his resignation on Monday.",
            (("Putin", "PUTIN"), ("his", "PUTIN")),
            [("CONCEDE", None, "RUS", None)],
        ),
        # CAMEO 083 "accede to requests or demands"; manual, CONCEDE: regret.
        (
            "Putin accepted the demands of Alexei Navalny.",
            (("Putin", "PUTIN"), ("Alexei Navalny", "NAVALNY")),
            [("CONCEDE", None, "RUS", "NAVALNY"), ("REQUEST", "demand", "NAVALNY", "RUS")],
        ),
        (
            "Putin admitted defeat on Friday.",
            (("Putin", "PUTIN"),),
            [("CONCEDE", None, "RUS", None)],
        ),
        # CAMEO 0872 "ease military blockade": RETREAT, its target the blockaded.
        (
            "Russia ended its blockade of Ukrainian ports.",
            (("Russia", "RUS"), ("its", "RUS"), ("Ukrainian", "UKR")),
            [("RETREAT", "withdraw", "RUS", "UKR")],
        ),
        # CAMEO 0862 "receive inspectors": RETREAT access.
        (
            "Iran allowed inspectors into the nuclear site.",
            (("Iran", "IRN"),),
            [("RETREAT", "access", "IRN", None)],
        ),
        # Manual, CONCEDE: "expressions of regret or remorse … should be coded as CONCEDE".
        (
            "Germany apologized to Poland for the remarks.",
            (("Germany", "DEU"), ("Poland", "POL")),
            [("CONCEDE", None, "DEU", "POL")],
        ),
        # Manual, CONCEDE: "formal pardons, acquittals, and amnesties".
        (
            "Turkey granted amnesty to Kurdistan Workers' Party fighters.",
            (("Turkey", "TUR"), ("Kurdistan Workers' Party", "PKK")),
            [("CONCEDE", None, "TUR", "PKK")],
        ),
        # Manual, SANCTION: international sanctions are 'discontinue'; extending them too.
        (
            "The United States extended its sanctions against Russia.",
            (("The United States", "USA"), ("its", "USA"), ("Russia", "RUS")),
            [("SANCTION", "discontinue", "USA", "RUS")],
        ),
        # CAMEO 071 PROVIDE * &CURRENCY: a sum given to a named party is aid.
        (
            "Germany provided $10 million in humanitarian aid to Turkey.",
            (("Germany", "DEU"), ("Turkey", "TUR")),
            [("AID", "economic", "DEU", "TUR")],
        ),
        # Manual, SUPPORT: "express support for"; solidarity is verbal support.
        (
            "Germany expressed solidarity with Ukraine.",
            (("Germany", "DEU"), ("Ukraine", "UKR")),
            [("SUPPORT", "praise", "DEU", "UKR")],
        ),
        # CAMEO's RETALIATE said to come: a threat of violence (manual, THREATEN modes).
        (
            "Iran warned that it would retaliate against Israel.",
            (("Iran", "IRN"), ("it", "IRN"), ("Israel", "ISR")),
            [("THREATEN", "violence", "IRN", "ISR")],
        ),
        # CAMEO 129 "veto", 125 "reject proposal to meet": blocking, voting down, ruling out.
        (
            "Russia blocked the resolution at the Security Council.",
            (("Russia", "RUS"),),
            [("REJECT", None, "RUS", None)],
        ),
        (
            "The Turkish government ruled out talks with the Kurdistan Workers' Party.",
            (("Turkish", "TUR"), ("Kurdistan Workers' Party", "PKK")),
            [("REJECT", None, "TUR", "PKK")],
        ),
        (
            "Pakistan declined the invitation from India.",
            (("Pakistan", "PAK"), ("India", "IND")),
            [("REJECT", None, "PAK", "IND")],
        ),
        # Denying an accusation rejects it (CAMEO's DENY * ACCUSATION).
        (
            "Russia denied the allegations made by Ukraine.",
            (("Russia", "RUS"), ("Ukraine", "UKR")),
            [("REJECT", None, "RUS", "UKR")],
        ),
        # CAMEO 161 CLOSE * EMBASSY: reducing diplomatic relations.
        (
            "Russia closed its embassy in Ukraine.",
            (("Russia", "RUS"), ("its", "RUS"), ("Ukraine", "UKR")),
            [("SANCTION", "withdraw", "RUS", "UKR")],
        ),
        # Manual, SANCTION discontinue: "curtail … commercial, or material exchanges".
        (
            "Germany suspended arms sales to Turkey.",
            (("Germany", "DEU"), ("Turkey", "TUR")),
            [("SANCTION", "discontinue", "DEU", "TUR")],
        ),
        (
            "Germany lent $2 billion to Ukraine.",
            (("Germany", "DEU"), ("Ukraine", "UKR")),
            [("AID", "economic", "DEU", "UKR")],
        ),
        # CAMEO 154 CALL * UP &MILITARY.
        (
            "Israel called up 300,000 reservists.",
            (("Israel", "ISR"),),
            [("MOBILIZE", "troops", "ISR", None)],
        ),
        # Manual, MOBILIZE: "joint military operations are coded as COOPERATE but
        # single-country exercises should be coded as MOBILIZE".
        (
            "Iran held naval exercises in the Gulf.",
            (("Iran", "IRN"),),
            [("MOBILIZE", "troops", "IRN", None)],
        ),
        (
            "China held naval exercises with Russia.",
            (("China", "CHN"), ("Russia", "RUS")),
            [("COOPERATE", None, "CHN", "RUS")],
        ),
        # "strike back": hitting back; vowed, a threat of violence.
        (
            "North Korea vowed to strike back at the United States.",
            (("North Korea", "PRK"), ("the United States", "USA")),
            [("THREATEN", "violence", "PRK", "USA")],
        ),
        # CAMEO WARN * (OF RESPONSE), CONSEQUENCES [130]; (OF &FIGHT) [138].
        (
            "Russia warned of retaliation if NATO expanded.",
            (("Russia", "RUS"), ("NATO", "NATO")),
            [("THREATEN", "violence", "RUS", "NATO")],
        ),
        # CAMEO 053 "rally support on behalf of": campaigning for a candidate.
        (
            "Vladimir Putin campaigned for Alexei Navalny in Moscow.",
            (("Vladimir Putin", "PUTIN"), ("Alexei Navalny", "NAVALNY")),
            [("SUPPORT", None, "PUTIN", "NAVALNY")],
        ),
        (
            "The Czech Republic disbursed 1 billion euros to Ukraine.",
            (("The Czech Republic", "CZE"), ("Ukraine", "UKR")),
            [("AID", "economic", "CZE", "UKR")],
        ),
    ],
)
def test_rarer_types_are_coded_from_their_light_verbs_and_nouns(
    nlp,  # noqa: F811
    extractor,  # noqa: F811
    text,
    mentions,
    expected,
):
    assert _coded(run(nlp, extractor, text, mentions)) == sorted(expected)


def test_a_nominal_weapons_test_is_a_mobilization(nlp, extractor):  # noqa: F811
    text = "North Korea's latest nuclear test was its most powerful yet."
    events = run(nlp, extractor, text, (("North Korea", "PRK"), ("its", "PRK")))
    assert _coded(events, type_="MOBILIZE") == [("MOBILIZE", "weapons", "PRK", None)]


@pytest.mark.parametrize(
    ("text", "mentions", "action"),
    [
        # Manual, RETREAT: "announcements of future retreats should be coded as CONCEDE".
        (
            "Israel agreed to withdraw from the occupied territories.",
            (("Israel", "ISR"),),
            "RETREAT:withdraw",
        ),
        ("Putin announced plans to resign.", (("Putin", "PUTIN"),), "RETREAT:resign"),
    ],
)
def test_an_announced_retreat_is_a_concession(nlp, extractor, text, mentions, action):  # noqa: F811
    events = run(nlp, extractor, text, mentions)
    assert _coded(events, ("type", "status", "action")) == [("CONCEDE", "actual", action)]


@pytest.mark.parametrize(
    "text",
    [
        "The company put the project on hold.",  # no alert
        "Hospitals in the region were put on high alert.",  # no forces
        "Schools tested a new exam on Monday.",  # no weapon
        "The minister stepped up the campaign.",  # "step up" is no resignation
    ],
)
def test_the_light_verbs_need_their_nouns(nlp, extractor, text):  # noqa: F811
    events = run(nlp, extractor, text, ())
    assert [e.type for e in events if e.type in ("MOBILIZE", "RETREAT")] == []


@pytest.mark.parametrize(
    "text",
    [
        "Hamas released a videotape of an Israeli hostage.",  # published, not freed
        "Hamas issued a news release about an Israeli hostage.",  # a published text
        "Hamas welcomed the release of an Israeli hostage's videotape.",
        "An Israeli hostage held by Hamas was released from hospital.",  # discharged
    ],
)
def test_publishing_is_no_release(nlp, extractor, text):  # noqa: F811
    events = run(nlp, extractor, text, (("Hamas", "HAMAS"), ("Israeli", "ISR")))
    assert [e for e in events if e.type == "RETREAT"] == []


def test_a_news_release_the_parser_takes_for_a_verb_is_no_release(nlp, extractor):  # noqa: F811
    text = (
        "Putin will be left with little more than the news release his adviser, Sergey "
        "Lavrov, issued last week."
    )
    events = run(nlp, extractor, text, (("Putin", "PUTIN"), ("Sergey Lavrov", "LAVROV")))
    assert [e for e in events if e.type == "RETREAT"] == []


def test_ruling_out_rejects_a_proposal_not_any_noun(nlp, extractor):  # noqa: F811
    events = run(nlp, extractor, "Putin ruled out a leadership challenge.", (("Putin", "PUTIN"),))
    assert [e for e in events if e.type == "REJECT"] == []


def test_a_concession_needs_no_named_source(nlp, extractor):  # noqa: F811
    """Manual, CONCEDE and RETREAT: "Requires recipient: No"; the side named is kept."""
    text = "A formal apology to Poland was made in parliament on Tuesday."
    events = run(nlp, extractor, text, (("Poland", "POL"),))
    assert _coded(events) == [("CONCEDE", None, None, "POL")]
