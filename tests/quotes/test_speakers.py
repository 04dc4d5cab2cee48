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
}


@pytest.mark.parametrize(("text", "words", "speaker"), SPEAKERS.values(), ids=SPEAKERS.keys())
def test_speaker(nlp, text, words, speaker):
    analysis = analyze(text, date(2020, 1, 11), nlp=nlp)
    (quote,) = [q for q in analysis.quotes if q.kind == "direct" and q.text.startswith(words)]
    actor = analysis.actor(quote.speaker.actor)
    assert actor is not None and actor.name == speaker
