"""Link each statement to the events it speaks about (``Quote.about``).

A statement (a quote with a known speaker) speaks about an event when
- it reports the event itself and its speaker takes part in it: a participant's
  own telling ("his intention was to seek the support of Russia"). An outside
  reporter's words that carry an event are where the event comes from
  (``Event.quote``, ``Event.reported_by``), not a telling of it;
- its speaker goes on, in the same paragraph, after a statement whose main
  assertion reported the event (the next sentences of the same interview);
- it names the event again ("the meeting", "their talks", "a place to meet"),
  with the same participants, place or time, after the event was reported in its
  paragraph or the one before: it then speaks about the latest such event;
- failing those, its speaker takes part in an event reported in the two sentences
  before it, and it reports nothing of its own: it answers that event.
A quote inside another of the same speaker (a partial quote within reported
speech) speaks about what the outer one does.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from dyad.framing.sides import participants
from dyad.framing.words import EventWords
from dyad.model import Actor, Event, Mention, Place, Quote, TimeExpr

# Sentences back within which a participant's statement answers an event.
ANSWER_SENTENCES = 2
_PARAGRAPH_BREAK = re.compile(r"\n\s*")


@dataclass
class _Statement:
    quote: Quote
    speaker_group: set[str]
    tokens: list[Token]
    paragraph: int
    sentence: int
    own: list[Event] = field(default_factory=list)
    main: list[Event] = field(default_factory=list)
    continues: set[str] = field(default_factory=set)  # ids of the events it goes on about

    @property
    def start(self) -> int:
        return self.quote.spans[0][0]


class _Article:
    """Positions and lookups over one analysed doc."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.actors: dict[str, Actor] = dict(doc._.actors or {})
        text = doc.text
        self.paragraph_starts = [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]
        self.sentence_starts = [sent.start_char for sent in doc.sents]
        self.mentions: list[Mention] = list(doc._.mentions or [])
        self.places: list[Place] = list(doc._.places or [])
        self.times: list[TimeExpr] = list(doc._.times or [])
        self._groups: dict[str | None, set[str]] = {}

    def lookup(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)

    def group(self, actor_id: str | None) -> set[str]:
        if actor_id not in self._groups:
            self._groups[actor_id] = participants([actor_id], self.lookup)
        return self._groups[actor_id]

    def paragraph(self, char: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, char) - 1

    def sentence(self, char: int) -> int:
        return bisect.bisect_right(self.sentence_starts, char) - 1

    def tokens(self, spans: Iterable[tuple[int, int]]) -> list[Token]:
        found = []
        for start, end in spans:
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                found.extend(span)
        return found

    def party(self, event: Event) -> set[str]:
        return participants([event.source, event.target, *event.others], self.lookup)


def link_statements(doc: Doc, words: EventWords) -> dict[str, list[str]]:
    """Quote id -> ids of the events it speaks about, in the events' order."""
    article = _Article(doc)
    events: list[Event] = list(doc._.events or [])
    statements = sorted(
        (
            _statement(article, quote, events)
            for quote in doc._.quotes or []
            if quote.speaker.actor and quote.spans
        ),
        key=lambda s: s.start,
    )
    about: dict[str, set[str]] = {}
    for statement in statements:
        outer = _container(statement, statements)
        if outer is not None:
            # The words of a longer statement: they speak about what it does.
            about[statement.quote.id] = about.setdefault(outer.quote.id, set())
            continue
        linked = about.setdefault(statement.quote.id, set())
        linked |= {e.id for e in statement.own if _takes_part(article, statement, e)}
        statement.continues = _continued(statement, statements)
        linked |= statement.continues
        named = _named_again(article, statement, events, words)
        if named is not None:
            linked.add(named.id)
        elif not linked and not statement.own:
            answered = _answered(article, statement, events)
            if answered is not None:
                linked.add(answered.id)
    order = {event.id: n for n, event in enumerate(events)}
    return {quote_id: sorted(ids, key=order.__getitem__) for quote_id, ids in about.items()}


def _statement(article: _Article, quote: Quote, events: list[Event]) -> _Statement:
    tokens = article.tokens(quote.spans)
    start = quote.spans[0][0]
    statement = _Statement(
        quote=quote,
        speaker_group=article.group(quote.speaker.actor),
        tokens=tokens,
        paragraph=article.paragraph(start),
        sentence=article.sentence(start),
    )
    inside = {token.i for token in tokens}
    # The words the statement's own clause hangs from: its main assertion.
    roots = {t.idx for t in tokens if t.head.i not in inside or t.head.i == t.i}
    for event in events:
        if event.quote == quote.id or _within(event.evidence.start, event.evidence.end, quote):
            statement.own.append(event)
            if any(event.evidence.start <= r < event.evidence.end for r in roots):
                statement.main.append(event)
    return statement


def _within(start: int, end: int, quote: Quote) -> bool:
    return any(s <= start and end <= e for s, e in quote.spans)


def _takes_part(article: _Article, statement: _Statement, event: Event) -> bool:
    return bool(statement.speaker_group & article.party(event))


def _continued(statement: _Statement, statements: list[_Statement]) -> set[str]:
    """What the same speaker's statement just before, in the same paragraph, reported as
    its main assertion, or went on about."""
    if statement.main:
        return set()  # it reports something new
    before = [
        s
        for s in statements
        if s.start < statement.start
        and s.paragraph == statement.paragraph
        and s.quote.speaker.actor == statement.quote.speaker.actor
        and not _within(statement.start, statement.start + 1, s.quote)
    ]
    if not before:
        return set()
    last = max(before, key=lambda s: s.start)
    return {e.id for e in last.main} or set(last.continues)


def _named_again(
    article: _Article, statement: _Statement, events: list[Event], words: EventWords
) -> Event | None:
    """The latest earlier event the statement names by its kind, with its participants,
    place or time; words of the events it reports itself do not count."""
    own = [(e.evidence.start, e.evidence.end) for e in statement.own]

    def free(start: int, end: int) -> bool:
        return not any(s <= start and end <= e for s, e in own)

    tokens = [t for t in statement.tokens if free(t.idx, t.idx + len(t))]
    lemmas = {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}
    spans = [(t.idx, t.idx + len(t)) for t in tokens]

    def said(start: int, end: int) -> bool:
        return any(s <= start < e for s, e in spans)

    named_groups = [article.group(m.actor) for m in article.mentions if said(m.start, m.end)]
    place_countries = {p.country for p in article.places if p.country and said(p.start, p.end)}
    time_values = {t.value for t in article.times if t.value and said(t.start, t.end)}
    candidates = [
        event
        for event in events
        if event not in statement.own
        and event.evidence.end <= statement.start
        and statement.paragraph - article.paragraph(event.evidence.start) in (0, 1)
        and words.name(_kinds(event), lemmas)
    ]
    for event in sorted(candidates, key=lambda e: e.evidence.start, reverse=True):
        party = article.party(event)
        located = event.location.country if event.location else None
        if (
            statement.speaker_group & party
            or any(group & party for group in named_groups)
            or place_countries & (party | {located})
            or (event.time is not None and event.time.value in time_values)
        ):
            return event
    return None


def _kinds(event: Event) -> set[str]:
    """The event's type, and for a promise or threat, the type of the act in view."""
    kinds = {event.type}
    if event.action:
        kinds.add(event.action.split(":")[0])
    return kinds


def _answered(article: _Article, statement: _Statement, events: list[Event]) -> Event | None:
    """The latest event of the last sentences that the speaker takes part in."""
    answered = [
        event
        for event in events
        if event.evidence.end <= statement.start
        and 0 <= statement.sentence - article.sentence(event.evidence.start) <= ANSWER_SENTENCES
        and statement.paragraph - article.paragraph(event.evidence.start) in (0, 1)
        and _takes_part(article, statement, event)
    ]
    return max(answered, key=lambda e: e.evidence.start, default=None)


def _container(statement: _Statement, statements: list[_Statement]) -> _Statement | None:
    """The same speaker's longer statement whose words hold this one's."""
    for other in statements:
        if (
            other is not statement
            and other.quote.speaker.actor == statement.quote.speaker.actor
            and all(_within(s, e, other.quote) for s, e in statement.quote.spans)
            and len(other.quote.text) > len(statement.quote.text)
        ):
            return other
    return None
