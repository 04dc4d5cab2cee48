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
