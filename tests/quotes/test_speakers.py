"""Quote speakers through the whole pipeline, on sentences of Wikinews articles
(CC BY 2.5, Wikinews contributors, https://en.wikinews.org; shortened)."""

from __future__ import annotations

from datetime import date

import pytest

from dyad.pipeline import analyze

SPEAKERS = {
    "a title made the subject gives way to the name in its phrase": (
        "For several days Iran denied the accusation.\n\nPresident of Ukraine Volodymyr "
        'Zelenskyy said, "We expect from Iran assurances of their readiness for a full and '
        'open investigation."',
        "We expect",
        "Volodymyr Zelensky",
    ),
    "a statement issued saying is its issuer's": (
        "On Wednesday, Governor Kay Ivey signed the bill. On Thursday Kay Ivey issued a statement "
        'saying, "We regret nothing."',
        "We regret",
        "Kay Ivey",
    ),
    "a possessed object the parser made the subject of 'saying' gives way": (
        "On Wednesday, Governor Kay Ivey signed the bill. The governor tweeted her reasoning "
        'saying, "Today, I signed into law the Alabama Human Life Protection Act."',
        "Today, I signed",
        "Kay Ivey",
    ),
    "a document's summary read out after a colon speaks for the subject before it": (
        "Human Rights Watch ruled out any talks with the junta on Tuesday.\n\n"
        'The summary of the decision read in part: "This organisation has already concluded '
        "that the junta's advice was unlawful.\"",
        "This organisation has",
        "Human Rights Watch",
    ),
    "a description before a comma gives way to the name after it": (
        '"We can now see clearly that the bill continues its march leftward," said the senior '
        "Republican on the committee, Senator Charles Grassley.",
        "We can now",
        "Charles Grassley",
    ),
}


@pytest.mark.parametrize(("text", "words", "speaker"), SPEAKERS.values(), ids=SPEAKERS.keys())
def test_speaker(nlp, text, words, speaker):
    analysis = analyze(text, date(2020, 1, 11), nlp=nlp)
    (quote,) = [q for q in analysis.quotes if q.kind == "direct" and q.text.startswith(words)]
    actor = analysis.actor(quote.speaker.actor)
    assert actor is not None and actor.name == speaker


def _only_quote(nlp, text: str):
    """The analysis of ``text`` and its one quote."""
    analysis = analyze(text, date(2020, 1, 11), nlp=nlp)
    (quote,) = analysis.quotes
    return analysis, quote


def test_a_news_outlet_relays_its_sources_statement(nlp):
    analysis, quote = _only_quote(
        nlp,
        "Reuters reported on Monday a German government source, whom they did not name, said "
        "the ban on Mahan Air is not part of a broader plan.",
    )
    assert quote.text == "the ban on Mahan Air is not part of a broader plan"
    actor = analysis.actor(quote.speaker.actor)
    assert actor is not None and actor.country == "DEU" and actor.kind != "media"


def test_an_outside_report_keeps_the_reports_within_it(nlp):
    _, quote = _only_quote(nlp, "The senator said the governor claimed that taxes would rise.")
    assert (quote.speaker.text, quote.text) == (
        "The senator",
        "the governor claimed that taxes would rise",
    )


def test_an_interviews_answers_are_the_interviewees_and_its_questions_the_writers(nlp):
    analysis = analyze(
        "Prime Minister Keith Rowley spoke to the Guardian on Friday about the crisis.\n\n"
        "Q: Will you resign?\n\nA: No. I will stay until the job is done.\n\n"
        "Q: What about the opposition?\n\nA: They have no plan for the country at all.",
        date(2020, 1, 11),
        nlp=nlp,
    )
    speakers = {q.text: analysis.actor(q.speaker.actor) for q in analysis.quotes}
    assert {text: actor.kind for text, actor in speakers.items()} == {
        "Will you resign?": "author",
        "No. I will stay until the job is done": "person",
        "What about the opposition?": "author",
        "They have no plan for the country at all": "person",
    }
    assert speakers["No. I will stay until the job is done"].name == "Keith Rowley"
    (i,) = [m for m in analysis.mentions if m.text == "I"]
    assert i.actor == speakers["They have no plan for the country at all"].id


def test_a_quote_whose_opening_mark_was_lost_keeps_its_i_off_the_writer(nlp):
    analysis, quote = _only_quote(
        nlp,
        'The mayor addressed the council.\n\n"I have served this city for twenty years.\n\n'
        'And I will not stop now," he said.',
    )
    assert quote.text.endswith("And I will not stop now,")
    assert analysis.actor(quote.speaker.actor).kind == "person"
    assert all(m.actor != "AUTHOR" for m in analysis.mentions)


def test_a_pull_quote_takes_the_speaker_of_the_words_it_repeats(nlp):
    analysis = analyze(
        "Kamla Persad-Bissessar criticised the budget on Monday.\n\nThe finance minister, "
        'Colm Imbert, defended the plan. "We have balanced the books," Imbert said.\n\n'
        '"This budget is a disaster for working families"\n\nPersad-Bissessar spoke at a rally '
        'later. "This budget is a disaster for working families, and we will fight it," '
        "Persad-Bissessar said.",
        date(2020, 1, 11),
        nlp=nlp,
    )
    (pulled,) = [q for q in analysis.quotes if q.cue is None]
    assert pulled.text == "This budget is a disaster for working families"
    assert analysis.actor(pulled.speaker.actor).name == "Kamla Persad-Bissessar"


def test_the_i_of_a_letter_is_who_signs_it_after_the_closing(nlp):
    analysis = analyze(
        "The senator resigned on Friday. In a letter to the governor, she explained her "
        "decision.\n\nDear Governor,\n\nI hereby resign my seat effective immediately.\n\n"
        "Sincerely,\nMary Jones",
        date(2020, 1, 11),
        nlp=nlp,
    )
    (i,) = [m for m in analysis.mentions if m.text == "I"]
    assert analysis.actor(i.actor).name == "Mary Jones"
