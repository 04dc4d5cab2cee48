"""The statement rules (dyad.events.speech) on small real sentences: what a statement
does through its complement, with the mentions and quotes set by hand."""

from __future__ import annotations

import pytest
from test_events import extractor, nlp, only, run  # noqa: F401  (the module's fixtures)

from dyad.model import Quote, Speaker


def coded(events, type_):
    return sorted((e.source, e.target) for e in events if e.type == type_)


def quoted(text: str, words: str, speaker: str, actor: str) -> Quote:
    start = text.index(words)
    at = text.index(speaker, start + len(words))
    return Quote("q1", "direct", words, [(start, start + len(words))], Speaker(actor, speaker, at))


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        # An allegation without "that": against the complement's subject.
        (
            "Russia claims Ukraine shelled the power plant on Friday.",
            (("Russia", "RUS"), ("Ukraine", "UKR")),
            [("RUS", "UKR")],
        ),
        # Against someone the sentence does not name: still an allegation.
        (
            "Russia claimed that the rally violated a government ban on protests.",
            (("Russia", "RUS"),),
            [("RUS", None)],
        ),
        # A claim about oneself accuses nobody.
        ("Russia claimed it had won the vote.", (("Russia", "RUS"),), []),
        # A party saying its adversary did wrong (here: the purpose of what it did).
        (
            "Israel said Hamas built the tunnels to disguise military sites.",
            (("Israel", "ISR"), ("Hamas", "HAMAS")),
            [("ISR", "HAMAS")],
        ),
        # The reported verb read in its clause: an assault (not the criticism "attacked
        # the plan" is), and a deal struck is no strike.
        (
            "Ukraine said Russia had attacked Kyiv with drones.",
            (("Ukraine", "UKR"), ("Russia", "RUS"), ("Kyiv", "UKR")),
            [("UKR", "RUS")],
        ),
        (
            "Israel said Hamas struck a deal with Iran.",
            (("Israel", "ISR"), ("Hamas", "HAMAS"), ("Iran", "IRN")),
            [],
        ),
        # What acted was made by the one accused: "the test announced by North Korea".
        (
            "NATO said the test announced by North Korea undermines regional security.",
            (("NATO", "NATO"), ("North Korea", "PRK")),
            [("NATO", "PRK")],
        ),
        # What something was: a hostile act of the party named.
        (
            "Israel said the blast was a Hamas attack.",
            (("Israel", "ISR"), ("Hamas", "HAMAS")),
            [("ISR", "HAMAS")],
        ),
        (
            "Pakistan said it was one of the worst attacks by India.",
            (("Pakistan", "PAK"), ("it", "PAK"), ("India", "IND")),
            [("PAK", "IND")],
        ),
        # A news agency telling the same accuses nobody.
        (
            "Russian media said Hamas built the tunnels to disguise military sites.",
            (("Russian media", "RUSMEDIA"), ("Hamas", "HAMAS")),
            [],
        ),
        # Nor does saying the adversary did not do it.
        (
            "Israel said Hamas did not violate the truce.",
            (("Israel", "ISR"), ("Hamas", "HAMAS")),
            [],
        ),
    ],
)
def test_statements_that_accuse(nlp, extractor, text, mentions, expected):  # noqa: F811
    assert coded(run(nlp, extractor, text, mentions), "ACCUSE") == expected


def test_a_request_of_the_named_member_of_a_group(nlp, extractor):  # noqa: F811
    text = "The United States has been encouraging allies such as Germany to restrict flights."
    events = run(nlp, extractor, text, (("The United States", "USA"), ("Germany", "DEU")))
    assert coded(events, "REQUEST") == [("USA", "DEU")]


def test_must_in_quoted_words_is_a_demand_of_the_subject(nlp, extractor):  # noqa: F811
    text = "“Iran must stop enriching uranium,” Kerry said."
    quote = quoted(text, "Iran must stop enriching uranium,", "Kerry", "KERRY")
    events = run(nlp, extractor, text, (("Iran", "IRN"), ("Kerry", "KERRY")), quotes=[quote])
    request = next(e for e in events if e.type == "REQUEST")
    # Kerry speaks for his state (REQUEST is coded between the groups).
    assert (request.source, request.target, request.status) == ("USA", "IRN", "actual")


@pytest.mark.parametrize(
    ("words", "mentions", "expected"),
    [
        # What the speaker says another must do is the demand's content, not an event.
        (
            "Russia must negotiate with Ukraine,",
            (("Russia", "RUS"), ("Ukraine", "UKR")),
            ("REQUEST", "USA", "RUS", "actual", "meet"),
        ),
        # The speaker's own duty to cooperate is a commitment.
        (
            "We must negotiate with Russia,",
            (("We", "USA"), ("Russia", "RUS")),
            ("AGREE", "USA", "RUS", "actual", None),
        ),
    ],
)
def test_must_in_the_speakers_words(nlp, extractor, words, mentions, expected):  # noqa: F811
    text = f"“{words}” Kerry said."
    quote = quoted(text, words, "Kerry", "KERRY")
    events = run(nlp, extractor, text, (*mentions, ("Kerry", "KERRY")), quotes=[quote])
    assert [(e.type, e.source, e.target, e.status, e.mode) for e in events] == [expected]


def test_must_of_the_speakers_own_state_asks_nothing(nlp, extractor):  # noqa: F811
    text = "“Russia must defend its borders,” Putin said."
    quote = quoted(text, "Russia must defend its borders,", "Putin", "PUTIN")
    events = run(nlp, extractor, text, (("Russia", "RUS"), ("Putin", "PUTIN")), quotes=[quote])
    assert coded(events, "REQUEST") == []


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # An imperative in a speaker's words demands the act; the act is its content.
        (
            "“Release our people now,” said Putin.",
            "Release our people now,",
            [("REQUEST", "RUS", "RETREAT:release", "actual")],
        ),
        (
            "“The enemy is weak, so do not stop fighting,” said Putin.",
            "The enemy is weak, so do not stop fighting,",
            [("REQUEST", "RUS", None, "actual")],
        ),
        # An imperative that only steers the talk, or urges an attitude, asks for no act.
        ("“Let me be clear about it,” said Putin.", "Let me be clear about it,", []),
        ("“Stay firm,” said Putin.", "Stay firm,", []),
    ],
)
def test_an_imperative_in_quoted_words_is_a_demand(nlp, extractor, text, words, expected):  # noqa: F811
    quote = quoted(text, words, "Putin", "PUTIN")
    events = run(nlp, extractor, text, (("Putin", "PUTIN"),), quotes=[quote])
    assert [(e.type, e.source, e.action, e.status) for e in events] == expected


def test_dismissing_criticism_rejects_the_critics_not_oneself(nlp, extractor):  # noqa: F811
    # "of its currency policy" says what the criticism is about, not who voiced it.
    text = "China dismissed criticism of its currency policy."
    events = run(nlp, extractor, text, (("China", "CHN"), ("its", "CHN")))
    assert coded(events, "REJECT") == [("CHN", None)]


def test_a_warning_in_the_speakers_own_words(nlp, extractor):  # noqa: F811
    text = "“I warn everyone who stands in our way,” Putin said."
    quote = quoted(text, "I warn everyone who stands in our way,", "Putin", "PUTIN")
    events = run(nlp, extractor, text, (("Putin", "PUTIN"),), quotes=[quote])
    warning = next(e for e in events if e.type == "THREATEN")
    assert (warning.source, warning.status) == ("PUTIN", "actual")


def test_praising_each_other_is_support_both_ways(nlp, extractor):  # noqa: F811
    text = "Trump and Putin praised each other at the summit."
    events = run(nlp, extractor, text, (("Trump", "TRUMP"), ("Putin", "PUTIN")))
    assert coded(events, "SUPPORT") == [("PUTIN", "TRUMP"), ("TRUMP", "PUTIN")]


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        # A speaker's judgement of a named actor: disapproval ...
        (
            "Israel said Hamas was a criminal organisation.",
            (("Israel", "ISR"), ("Hamas", "HAMAS")),
            [("ACCUSE", "ISR", "HAMAS")],
        ),
        # ... or praise, by the words' valence.
        (
            "Trump said Putin was a great leader.",
            (("Trump", "TRUMP"), ("Putin", "PUTIN")),
            [("SUPPORT", "TRUMP", "PUTIN")],
        ),
        # A comparison, and praise of someone's aims, support nobody.
        (
            "Kerry said Russia's objectives were far grander than its words.",
            (("Kerry", "KERRY"), ("Russia", "RUS")),
            [],
        ),
        # A state ("dead") of someone a pronoun names is no judgement of an actor.
        ("Russia came to believe he was dead.", (("Russia", "RUS"), ("he", "NAVALNY")), []),
    ],
)
def test_judgements_of_an_actor(nlp, extractor, text, mentions, expected):  # noqa: F811
    events = run(nlp, extractor, text, mentions)
    assert [(e.type, e.source, e.target) for e in events] == expected


def test_support_refused_is_a_rejection(nlp, extractor):  # noqa: F811
    text = "China refused to endorse the Russian plan."
    events = run(nlp, extractor, text, (("China", "CHN"), ("Russian", "RUS")))
    rejection = only(events, "REJECT")
    assert (rejection.source, rejection.target, rejection.status) == ("CHN", "RUS", "actual")
    assert rejection.action == "SUPPORT:endorse"
    assert not [e for e in events if e.type == "SUPPORT"]


@pytest.mark.parametrize(
    ("text", "mentions", "judgement"),
    [
        # The parser hangs a quoted adjective after the deal on the deal.
        (
            'Tom Watson called Theresa May\'s Brexit deal "lousy".',
            (("Tom Watson", "WATSON"), ("Theresa May", "MAY")),
            ("ACCUSE", "WATSON", "MAY"),
        ),
        (
            'Hamas is calling Obama his "beloved brother".',
            (("Hamas", "HAMAS"), ("Obama", "OBAMA")),
            ("SUPPORT", "HAMAS", "OBAMA"),
        ),
    ],
)
def test_calling_someone_something_is_no_phone_call(nlp, extractor, text, mentions, judgement):  # noqa: F811
    events = run(nlp, extractor, text, mentions)
    # ("proposed deal" is an AGREE of its own.)
    assert [(e.type, e.source, e.target) for e in events if e.type != "AGREE"] == [judgement]


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        # Concern voiced about a party's act: disapproval of the one who does it.
        (
            "Germany expressed concern over China's treatment of the Uyghurs.",
            (("Germany", "DEU"), ("China", "CHN")),
            [("DEU", "CHN")],
        ),
        (
            "The United States is deeply concerned about the arrest of opposition leaders "
            "by Russia.",
            (("The United States", "USA"), ("Russia", "RUS")),
            [("USA", "RUS")],
        ),
        (
            "India remains worried that Pakistan could test another missile.",
            (("India", "IND"), ("Pakistan", "PAK")),
            [("IND", "PAK")],
        ),
        # About no party: still disapproval voiced, against no one named.
        (
            "Germany voiced concern about the humanitarian situation.",
            (("Germany", "DEU"),),
            [("DEU", None)],
        ),
        # Concern caused in others, and concern for a party, are no disapproval.
        (
            "Russia's remarks raised concerns among Germany's diplomats.",
            (("Russia", "RUS"), ("Germany", "DEU")),
            [],
        ),
        # Concern for a party is no disapproval of it.
        ("Germany is worried about Ukraine.", (("Germany", "DEU"), ("Ukraine", "UKR")), []),
        # A concern denied, a concern about nothing said, and concerned citizens are none.
        (
            "Germany is not concerned about China's plans.",
            (("Germany", "DEU"), ("China", "CHN")),
            [],
        ),
        (
            "Germany has no concerns about China's plans.",
            (("Germany", "DEU"), ("China", "CHN")),
            [],
        ),
        (
            "Concerned citizens of Germany wrote to China.",
            (("Germany", "DEU"), ("China", "CHN")),
            [],
        ),
    ],
)
def test_concern_voiced_is_disapproval(nlp, extractor, text, mentions, expected):  # noqa: F811
    events = run(nlp, extractor, text, mentions)
    assert coded(events, "ACCUSE") == expected
    assert all(e.mode == "disapprove" for e in events if e.type == "ACCUSE")


def test_concern_in_the_speakers_own_words(nlp, extractor):  # noqa: F811
    text = "“We have serious concerns about Russia's plans,” Kerry said."
    words = "We have serious concerns about Russia's plans,"
    quote = quoted(text, words, "Kerry", "KERRY")
    events = run(nlp, extractor, text, (("Russia", "RUS"), ("Kerry", "KERRY")), quotes=[quote])
    accusation = only(events, "ACCUSE")
    # "We" in the speaker's words: the speaker (as "I warn" is).
    assert (accusation.source, accusation.target, accusation.status) == ("KERRY", "RUS", "actual")


def test_a_feeling_is_no_judgement_of_the_one_who_has_it(nlp, extractor):  # noqa: F811
    text = "“Russia is angry about the sanctions,” Kerry said."
    quote = quoted(text, "Russia is angry about the sanctions,", "Kerry", "KERRY")
    events = run(nlp, extractor, text, (("Russia", "RUS"), ("Kerry", "KERRY")), quotes=[quote])
    # Russia's anger (a disapproval by Russia), not Kerry's judgement of Russia.
    assert ("USA", "RUS") not in coded(events, "ACCUSE")


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        # Denying what another said rejects the one who said it.
        (
            "Russia denied Ukraine's claims.",
            (("Russia", "RUS"), ("Ukraine", "UKR")),
            [("RUS", "UKR")],
        ),
        (
            "Russia denied the accusations made by Ukraine.",
            (("Russia", "RUS"), ("Ukraine", "UKR")),
            [("RUS", "UKR")],
        ),
        # Denying a reported act or one's own part in it: a rejection, of no one named.
        (
            "Russia denied that its troops had crossed the border.",
            (("Russia", "RUS"), ("its", "RUS")),
            [("RUS", None)],
        ),
        ("Hamas denied carrying out the attack.", (("Hamas", "HAMAS"),), [("HAMAS", None)]),
        ("Iran denied any involvement.", (("Iran", "IRN"),), [("IRN", None)]),
        # A participle's clause without "that" (the parser's guess) is no denial.
        (
            "The judge wrote denying Samoans citizenship violated the constitution.",
            (("The judge", "USA"),),
            [],
        ),
        ("Russia denied this.", (("Russia", "RUS"),), [("RUS", None)]),
        # Rights denied to people are no denial of what was said.
        (
            "The court gave him the rights that Putin denied the people.",
            (("Putin", "PUTIN"),),
            [],
        ),
        # A denial not made rejects nothing (at most a negated REJECT, not counted here).
        ("Russia did not deny Ukraine's claims.", (("Russia", "RUS"), ("Ukraine", "UKR")), []),
    ],
)
def test_denials_are_rejections(nlp, extractor, text, mentions, expected):  # noqa: F811
    events = run(nlp, extractor, text, mentions)
    assert coded([e for e in events if e.status != "negated"], "REJECT") == expected


def test_a_threat_denied_in_the_speakers_words_is_none(nlp, extractor):  # noqa: F811
    text = "“I never threaten anybody,” Putin said."
    quote = quoted(text, "I never threaten anybody,", "Putin", "PUTIN")
    events = run(nlp, extractor, text, (("Putin", "PUTIN"),), quotes=[quote])
    assert [e.status for e in events if e.type == "THREATEN"] in ([], ["negated"])


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        # The subjunctive after "insist": a demand of the clause's subject, whose act
        # is its content (no RETREAT of Ukraine's of its own).
        (
            "Russia insisted that Ukraine withdraw its troops from the border.",
            (("Russia", "RUS"), ("Ukraine", "UKR")),
            [("REQUEST", "RUS", "UKR")],
        ),
        # "include" after a singular subject can only be the subjunctive.
        (
            "Trump insists that the budget include funding for the wall.",
            (("Trump", "TRUMP"),),
            [("REQUEST", "TRUMP", None)],
        ),
        (
            "The United States demanded that Israel withdraw from Gaza.",
            (("The United States", "USA"), ("Israel", "ISR")),
            [("REQUEST", "USA", "ISR")],
        ),
        (
            "Iran insisted that the sanctions should be lifted.",
            (("Iran", "IRN"),),
            [("REQUEST", "IRN", None)],
        ),
        # An indicative clause states; a demand of one's own side asks no one.
        ("Iran insisted that it was innocent.", (("Iran", "IRN"), ("it", "IRN")), []),
        (
            "Russia insisted that its troops remain in Crimea.",
            (("Russia", "RUS"), ("its", "RUS")),
            [],
        ),
    ],
)
def test_a_mandative_clause_is_a_demand(nlp, extractor, text, mentions, expected):  # noqa: F811
    events = run(nlp, extractor, text, mentions)
    assert [(e.type, e.source, e.target) for e in events] == expected


def test_a_demand_by_clause_has_the_act_demanded_as_content(nlp, extractor):  # noqa: F811
    text = "The United States demanded that Israel withdraw from Gaza."
    events = run(nlp, extractor, text, (("The United States", "USA"), ("Israel", "ISR")))
    request = only(events, "REQUEST")
    # The manual's REQUEST mode for what is asked: a withdrawal is to yield.
    assert (request.mode, request.action) == ("yield", "RETREAT:withdraw")


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        # An act condemned in a speaker's words: disapproval of whoever did it ...
        (
            "Israel described the attacks by Hamas as cowardly.",
            (("Israel", "ISR"), ("Hamas", "HAMAS")),
            [("ISR", "HAMAS")],
        ),
        # ... or of no one the sentence names.
        ("Germany called the invasion a tragedy.", (("Germany", "DEU"),), [("DEU", None)]),
        # A judgement of a thing that is no act, or a kind one, accuses no one.
        ("Germany called the weather a tragedy.", (("Germany", "DEU"),), []),
        ("Ukraine described the talks as productive.", (("Ukraine", "UKR"),), []),
    ],
)
def test_an_act_judged(nlp, extractor, text, mentions, expected):  # noqa: F811
    assert coded(run(nlp, extractor, text, mentions), "ACCUSE") == expected


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        (
            "Trump was critical of Putin.",
            (("Trump", "TRUMP"), ("Putin", "PUTIN")),
            [("TRUMP", "PUTIN")],
        ),
        (
            "Germany has been critical of Russia's policy.",
            (("Germany", "DEU"), ("Russia", "RUS")),
            [("DEU", "RUS")],
        ),
        ("Germany was not critical of Russia.", (("Germany", "DEU"), ("Russia", "RUS")), []),
    ],
)
def test_critical_of_is_disapproval(nlp, extractor, text, mentions, expected):  # noqa: F811
    events = run(nlp, extractor, text, mentions)
    assert coded(events, "ACCUSE") == expected


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        # A warning of the warner's own hostile act to come is a threat ...
        (
            "Pakistan warned India that it would retaliate against any attack.",
            (("Pakistan", "PAK"), ("India", "IND"), ("it", "PAK")),
            [("PAK", "IND")],
        ),
        # ... as is a warning with no complement ...
        ("Israel warned Hamas.", (("Israel", "ISR"), ("Hamas", "HAMAS")), [("ISR", "HAMAS")]),
        # ... but a warning that something will happen threatens nothing.
        (
            "Germany warned Hungary that its debt would become unsustainable.",
            (("Germany", "DEU"), ("Hungary", "HUN"), ("its", "HUN")),
            [],
        ),
    ],
)
def test_a_warning_is_a_threat_only_of_ones_own_act(nlp, extractor, text, mentions, expected):  # noqa: F811
    assert coded(run(nlp, extractor, text, mentions), "THREATEN") == expected


def test_foretelling_anothers_attack_accuses_no_one(nlp, extractor):  # noqa: F811
    text = "Israel said Hamas would attack the border towns."
    events = run(nlp, extractor, text, (("Israel", "ISR"), ("Hamas", "HAMAS")))
    assert coded(events, "ACCUSE") == []


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        # A complaint lodged: against the party whose act it is about, not the body it
        # was lodged with; the noun is no second event.
        (
            "Iran lodged a complaint with the United States about Israel's attack.",
            (("Iran", "IRN"), ("the United States", "USA"), ("Israel", "ISR")),
            [("ACCUSE", "IRN", "ISR")],
        ),
        # With nothing else named, against whom it was lodged with.
        (
            "China lodged a formal protest with Japan.",
            (("China", "CHN"), ("Japan", "JPN")),
            [("ACCUSE", "CHN", "JPN")],
        ),
        # A protest addressed to a state is a diplomatic one, not a demonstration.
        (
            "China protested to Germany over the visit.",
            (("China", "CHN"), ("Germany", "DEU")),
            [("ACCUSE", "CHN", "DEU")],
        ),
    ],
)
def test_complaints_and_protests_lodged(nlp, extractor, text, mentions, expected):  # noqa: F811
    events = run(nlp, extractor, text, mentions)
    assert [(e.type, e.source, e.target) for e in events if e.type in ("ACCUSE", "PROTEST")] == (
        expected
    )


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        (
            "France expressed solidarity with Ukraine.",
            (("France", "FRA"), ("Ukraine", "UKR")),
            [("FRA", "UKR")],
        ),
        (
            "Israel voiced its gratitude to the United States for the aid.",
            (("Israel", "ISR"), ("its", "ISR"), ("the United States", "USA")),
            [("ISR", "USA")],
        ),
    ],
)
def test_praise_voiced_is_support(nlp, extractor, text, mentions, expected):  # noqa: F811
    assert coded(run(nlp, extractor, text, mentions), "SUPPORT") == expected


def test_praise_of_ones_own_side_is_no_support_of_it(nlp, extractor):  # noqa: F811
    text = "Russia expressed solidarity with its soldiers."
    events = run(nlp, extractor, text, (("Russia", "RUS"), ("its", "RUS")))
    assert ("RUS", "RUS") not in coded(events, "SUPPORT")


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        # A party foretelling a hostile act done to others by no one named threatens it.
        (
            "Hamas said that the Israeli soldiers would be killed.",
            (("Hamas", "HAMAS"), ("the Israeli soldiers", "ISR")),
            [("THREATEN", "HAMAS", "ISR", "actual")],
        ),
        # A body that speaks for no state only warns of it (the act keeps no source).
        (
            "NATO said that the Russian soldiers would be killed.",
            (("NATO", "NATO"), ("the Russian soldiers", "RUS")),
            [("THREATEN", None, "RUS", "actual")],
        ),
    ],
)
def test_a_party_foretelling_harm_threatens_it(nlp, extractor, text, mentions, expected):  # noqa: F811
    events = run(nlp, extractor, text, mentions)
    assert [(e.type, e.source, e.target, e.status) for e in events] == expected
