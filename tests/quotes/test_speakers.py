"""Quote speakers through the whole pipeline, on sentences of Wikinews articles
(CC BY 2.5, Wikinews contributors, https://en.wikinews.org; shortened)."""

from __future__ import annotations

from datetime import date

from dyad.pipeline import analyze


def speaker_of(analysis, words: str) -> str | None:
    """The name of the speaker of the direct quote that begins with ``words``."""
    (quote,) = [q for q in analysis.quotes if q.kind == "direct" and q.text.startswith(words)]
    actor = analysis.actor(quote.speaker.actor) if quote.speaker.actor else None
    return actor.name if actor else None


def test_a_title_made_the_subject_gives_way_to_the_name_in_its_phrase(nlp):
    analysis = analyze(
        "For several days Iran denied the accusation.\n\nPresident of Ukraine Volodymyr "
        'Zelenskyy said, "We expect from Iran assurances of their readiness for a full and '
        'open investigation."',
        date(2020, 1, 11),
        nlp=nlp,
    )
    assert speaker_of(analysis, "We expect") == "Volodymyr Zelensky"


def test_a_statement_issued_saying_is_its_issuers(nlp):
    analysis = analyze(
        "After Biden's win, Kay Ivey met reporters. The governor of Alabama issued a statement "
        'saying, "We regret the decision."',
        date(2020, 11, 7),
        nlp=nlp,
    )
    assert speaker_of(analysis, "We regret") is not None


def test_an_object_the_parser_made_the_subject_of_saying_gives_way(nlp):
    analysis = analyze(
        "On Wednesday, Governor Kay Ivey signed the bill. The governor tweeted her reasoning "
        'saying, "Today, I signed into law the Alabama Human Life Protection Act."',
        date(2019, 5, 16),
        nlp=nlp,
    )
    assert speaker_of(analysis, "Today, I signed") == "Kay Ivey"
