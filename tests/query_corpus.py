"""The small hand-built corpus that the query, export, CLI and concurrency tests store:
four reports (2023-10 to 2024-02) between Hamas, Russia, Israel and Ukraine."""

from __future__ import annotations

from datetime import date

from dyad.model import Actor, Analysis, Article, Event, Mention, Quote, Span, Speaker, TimeValue

RUS = Actor("RUS", "Russia", "state", country="RUS", sector="GOV", kb_id="RUS")
HAMAS = Actor("HAMAS", "Hamas", "armed_group", country="PSE", sector="REB", kb_id="HAMAS")
ISR = Actor("ISR", "Israel", "state", country="ISR", sector="GOV", kb_id="ISR")
UKR = Actor("UKR", "Ukraine", "state", country="UKR", sector="GOV", kb_id="UKR")
# People get name-based ids, as the actors stage gives them, so they are one actor everywhere.
MARZOUK = Actor(
    "P:MOUSA_ABU_MARZOUK@HAMAS", "Mousa Abu Marzouk", "person", role="official", affiliation="HAMAS"
)
ZAKHAROVA = Actor(
    "P:MARIA_ZAKHAROVA@RUS", "Maria Zakharova", "person", role="spokeswoman", affiliation="RUS"
)


def report(
    text: str,
    published: str,
    source: str,
    events: list[tuple[str, str, str, str | None, str]],
    actors: list[Actor],
    quote: tuple[str, str] | None = None,
) -> Analysis:
    """An article whose events are (type, source, target, time, status) over its first
    sentence, with a mention of each actor by name and an optional (words, speaker) quote."""
    sentence = text.split(". ")[0]
    article = Article(
        text=text,
        published=date.fromisoformat(published),
        source=source,
        url=f"https://{source}.example/{published}",
    )
    mentions = []
    for actor in actors:
        if actor.name in text:
            start = text.index(actor.name)
            mentions.append(Mention(actor.name, start, start + len(actor.name), actor.id))
    quotes = []
    if quote:
        words, speaker = quote
        start = text.index(words)
        quotes.append(
            Quote("q1", "direct", words, [(start, start + len(words))], Speaker(actor=speaker))
        )
    return Analysis(
        article=article,
        actors=actors,
        mentions=sorted(mentions, key=lambda m: m.start),
        quotes=quotes,
        events=[
            Event(
                id=f"e{i}",
                type=kind,
                status=status,
                source=source_id,
                target=target_id,
                evidence=Span(sentence, 0, len(sentence)),
                time=TimeValue(value=time) if time else None,
            )
            for i, (kind, source_id, target_id, time, status) in enumerate(events, 1)
        ],
    )


CORPUS = [
    report(
        "Hamas officials visited Moscow in late October. "
        '"We value the Russian position," said Mousa Abu Marzouk.',
        "2023-11-01",
        "wire",
        [("CONSULT", "HAMAS", "RUS", "2023-10", "actual")],
        [RUS, HAMAS, MARZOUK],
        ("We value the Russian position", MARZOUK.id),
    ),
    report(
        "Israel accused Russia of legitimising terrorists after the visits. "
        'Officials called it "a deplorable step".',
        "2023-10-27",
        "daily",
        [("ACCUSE", "ISR", "RUS", "2023-10-27", "actual")],
        [ISR, RUS],
    ),
    report(
        "Russian missiles struck Ukraine's southern ports overnight. "
        '"These strikes were precise," Maria Zakharova said of the ports.',
        "2024-01-20",
        "wire",
        [("ASSAULT", "RUS", "UKR", "2024-01-19", "actual")],
        [RUS, UKR, ZAKHAROVA],
        ("These strikes were precise", ZAKHAROVA.id),
    ),
    report(
        "Russia is ready to host the Palestinian factions in Moscow. "
        "Hamas welcomed the offer of talks.",
        "2024-02-20",
        "daily",
        [
            ("SUPPORT", "RUS", "HAMAS", "2024-02", "intended"),
            ("CONSULT", "RUS", "HAMAS", None, "hypothetical"),
        ],
        [RUS, HAMAS],
    ),
]
