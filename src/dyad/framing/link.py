"""Link each statement to the events it speaks about (``Quote.about``).

A statement (a quote; the rules that ask who speaks need its speaker's actor) speaks
about an event when
- it reports the event itself and its speaker takes part in it: a participant's
  own telling ("his intention was to seek the support of Russia"); or the event is
  its speaker's act told in the words before it, in its sentence ("X accused Y of
  being …", "praised Z, calling him …"), known by its source or by its words
  holding the statement's cue. An outside reporter's words that carry an event are
  where the event comes from (``Event.quote``, ``Event.reported_by``), not a
  telling of it;
- an event it reports tells an earlier one again: named by a noun pointing back
  ("the ban on Mahan Air", "Iran's military exercises", "this conference"), or by
  the verb that reported it ("welcomed" … "would welcome"); of the same type, with
  the same sides and a participant in common (or the speaker taking part). Speaking
  of the later telling is speaking of the earlier event;
- its speaker goes on, in the same paragraph or the next, from the statement just
  before, without reporting anything new: it speaks about what that one reported as
  its main assertion, and what that one spoke about;
- it names the event again ("the meeting", "their talks", "the ban"), with the
  same participants, place or time, after the event was reported: it then speaks
  about the event reported with that very word, else the latest such event of its
  paragraph or the one before, else the latest before that;
- its speaker is named by those who carry out an event of a kind ("the protesters
  said", "the crowd chanted"), and the actors stage placed it with no one or only in
  a group of people: it speaks about the latest such event before it;
- failing those, its speaker takes part in an event reported in the two sentences
  before it, or in the paragraph before when the statement opens its own, and it
  reports nothing of its own: it answers that event (a link found by nearness alone
  is not passed on to the speaker's next statement);
- failing all those, it names the kind of an event of the article's first
  sentence: news is about its lead event; and whatever else it speaks about, a
  participant of the lead event speaks about it.
A quote inside another of the same speaker (a partial quote within reported
speech) speaks about what the outer one does.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy
from spacy.tokens import Doc, Span, Token

from dyad.framing.sides import participants
from dyad.framing.words import EventWords
from dyad.model import Actor, Event, Mention, Place, Quote, TimeExpr
from dyad.plover import is_symmetric

# Sentences back within which a participant's statement answers an event.
ANSWER_SENTENCES = 2
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# An event whose evidence holds this share of a statement's words is all it says.
WHOLE_SHARE = 0.8


@dataclass
class _Statement:
    quote: Quote
    speaker_group: set[str]
    tokens: list[Token]
    indices: list[int]  # each of ``tokens``'s index in the doc
    offsets: list[int]  # and where it starts in the text
    paragraph: int
    sentence: int
    own: list[Event] = field(default_factory=list)
    main: list[Event] = field(default_factory=list)
    # The ids of ``own``: comparing Events field by field cost more than the rest of
    # the tests asking whether an event is one of them.
    own_ids: set[str] = field(default_factory=set)

    @property
    def start(self) -> int:
        return self.quote.spans[0][0]


class _Article:
    """Positions and lookups over one analysed doc."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.actors: dict[str, Actor] = dict(doc._.actors or {})
        # From the token arrays, one attribute each (a list of rows is many times
        # slower): doc.text and doc.sents make a Token object per word.
        offsets = doc.to_array("IDX")
        self.offsets: list[int] = offsets.tolist()
        sentence_start = doc.to_array("SENT_START")
        self.sentence_starts = [0] + offsets[1:][sentence_start[1:] == 1].tolist()
        self.paragraph_starts = [0]
        orth = doc.to_array("ORTH").tolist()
        for i in numpy.flatnonzero(doc.to_array("IS_SPACE")).tolist():
            # A paragraph break is a whitespace token holding a line break.
            if "\n" in (gap := doc.vocab.strings[orth[i]]):
                self.paragraph_starts.append(self.offsets[i] + len(gap))
        # Each token's head (HEAD holds the offset to it): a Token's .head makes one more.
        self.heads = (numpy.arange(len(doc)) + doc.to_array("HEAD").astype(numpy.int64)).tolist()
        self._evidence: dict[str, Span | None] = {}
        self._parties: dict[str, set[str]] = {}
        self.mentions: list[Mention] = list(doc._.mentions or [])
        self.places: list[Place] = list(doc._.places or [])
        self.times: list[TimeExpr] = list(doc._.times or [])
        self._groups: dict[str | None, set[str]] = {}
        self._countries: dict[str | None, set[str]] = {}

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

    def token_indices(self, spans: Iterable[tuple[int, int]]) -> list[int]:
        found: list[int] = []
        for start, end in spans:
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                found.extend(range(span.start, span.end))
        return found

    def evidence(self, event: Event) -> Span | None:
        """The words of the event's evidence."""
        if event.id not in self._evidence:
            span = self.doc.char_span(event.evidence.start, event.evidence.end, "expand")
            self._evidence[event.id] = span if span is not None and len(span) else None
        return self._evidence[event.id]

    def trigger_token(self, event: Event) -> Token | None:
        """The word the event's evidence hangs from."""
        span = self.evidence(event)
        return span.root if span is not None else None

    def trigger(self, event: Event) -> str | None:
        """The lemma of the word the event's evidence hangs from ("banned" -> "ban")."""
        token = self.trigger_token(event)
        return token.lemma_.lower() if token is not None else None

    def countries(self, actor_ids: Iterable[str | None]) -> set[str]:
        """Who takes part through ``actor_ids``, with the countries they belong to."""
        found: set[str] = set()
        for actor_id in actor_ids:
            if actor_id not in self._countries:
                group = set(self.group(actor_id))
                for member in list(group):
                    actor = self.lookup(member)
                    if actor is not None and actor.country:
                        group.add(actor.country)
                self._countries[actor_id] = group
            found |= self._countries[actor_id]
        return found

    def party(self, event: Event) -> set[str]:
        if event.id not in self._parties:
            who = [event.source, event.target, *event.others]
            self._parties[event.id] = participants(who, self.lookup)
        return self._parties[event.id]


def link_statements(doc: Doc, words: EventWords) -> dict[str, list[str]]:
    """Quote id -> ids of the events it speaks about, in the events' order."""
    article = _Article(doc)
    events: list[Event] = list(doc._.events or [])
    statements = sorted(
        (_statement(article, quote, events) for quote in doc._.quotes or [] if quote.spans),
        key=lambda s: s.start,
    )
    antecedents = _antecedents(article, events, words)
    # Only words that name some event can name one.
    vocabulary = words.vocabulary
    about: dict[str, set[str]] = {}
    # What a statement goes on about passes to the same speaker's next statement; an
    # answer found only by nearness does not.
    carried: dict[str, set[str]] = {}
    nested: dict[str, str] = {}
    last: _Statement | None = None
    for statement in statements:
        outer = _container(statement, statements)
        if outer is not None:
            # The words of a longer statement: they speak about what it does.
            nested[statement.quote.id] = outer.quote.id
            continue
        goes_on = _continued(article, statement, last, carried)
        naming = _naming(article, statement, vocabulary)
        named = _named_again(article, statement, events, words, naming)
        if named is not None:
            goes_on.add(named.id)
        # Its own main assertion and what it names again carry over; the acts told
        # around this one statement do not.
        carried[statement.quote.id] = goes_on | {e.id for e in statement.main}
        last = statement
        linked = goes_on | {e.id for e in statement.own if _takes_part(article, statement, e)}
        linked |= _told_again(article, statement, events, antecedents)
        linked |= {e.id for e in _speech_acts(article, statement, events)}
        linked |= {e.id for e in _done_by_speaker(article, statement, events, words)}
        if not linked and not statement.own:
            answered = _answered(article, statement, events)
            if answered is not None:
                linked = {answered.id}
        if not linked:
            linked = {e.id for e in _lead(article, statement, events, words, naming)}
        else:
            # A participant of the lead event speaks about it whatever else it says.
            linked |= {e.id for e in _lead(article, statement, events, words, None)}
        about[statement.quote.id] = linked
    for inner, outermost in nested.items():
        while outermost in nested:
            outermost = nested[outermost]
        about[inner] = about[outermost]
    for linked in about.values():
        # Speaking of "the ban" is speaking of the banning it tells again.
        for event_id in list(linked):
            while event_id in antecedents:
                event_id = antecedents[event_id]
                linked.add(event_id)
    order = {event.id: n for n, event in enumerate(events)}
    return {quote_id: sorted(ids, key=order.__getitem__) for quote_id, ids in about.items()}


def _statement(article: _Article, quote: Quote, events: list[Event]) -> _Statement:
    indices = article.token_indices(quote.spans)
    start = quote.spans[0][0]
    statement = _Statement(
        quote=quote,
        speaker_group=article.group(quote.speaker.actor),
        tokens=[article.doc[i] for i in indices],
        indices=indices,
        offsets=[article.offsets[i] for i in indices],
        paragraph=article.paragraph(start),
        sentence=article.sentence(start),
    )
    inside = set(indices)
    # The words the statement's own clause hangs from: its main assertion (from the
    # arrays: each Token's .i and .idx is a call into spaCy).
    heads = article.heads
    roots = {article.offsets[i] for i in indices if heads[i] not in inside or heads[i] == i}
    for event in events:
        if event.quote == quote.id or _within(event.evidence.start, event.evidence.end, quote):
            statement.own.append(event)
            statement.own_ids.add(event.id)
            if any(event.evidence.start <= r < event.evidence.end for r in roots):
                statement.main.append(event)
    return statement


def _within(start: int, end: int, quote: Quote) -> bool:
    return any(s <= start and end <= e for s, e in quote.spans)


def _takes_part(article: _Article, statement: _Statement, event: Event) -> bool:
    return bool(statement.speaker_group & article.party(event))


def _continued(
    article: _Article,
    statement: _Statement,
    last: _Statement | None,
    carried: dict[str, set[str]],
) -> set[str]:
    """What the statement just before (``last``) said, when the same speaker goes on
    (in its paragraph or the next) without reporting anything new — neither as its
    main assertion nor as an act it takes part in ("direct negotiations … will begin
    December 12") —: the events that one reported as its main assertion and those it
    spoke about."""
    if (
        statement.main
        or any(_takes_part(article, statement, e) for e in statement.own)
        or last is None
        or last.start >= statement.start
        or statement.quote.speaker.actor is None
        or last.quote.speaker.actor != statement.quote.speaker.actor
        or statement.paragraph - last.paragraph > 1
    ):
        return set()
    return set(carried[last.quote.id])


def _done_by_speaker(
    article: _Article, statement: _Statement, events: list[Event], words: EventWords
) -> list[Event]:
    """The latest earlier event of a kind its speaker's noun names the doers of ("the
    protesters said …" after a march, "the crowd chanted"), for a speaker the actors
    stage placed with no one or only in a group of people."""
    speaker = statement.quote.speaker
    actor = article.lookup(speaker.actor) if speaker.actor else None
    if speaker.start is None or speaker.end is None or (speaker.actor and actor is None):
        return []
    if actor is not None and actor.kind != "group":
        return []
    span = article.doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
    kinds = words.done_by(span.root.lemma_.lower()) if span is not None and len(span) else set()
    done = [e for e in events if e.evidence.end <= statement.start and _kinds(e) & kinds]
    return [max(done, key=lambda e: e.evidence.start)] if done else []


def _speech_acts(article: _Article, statement: _Statement, events: list[Event]) -> list[Event]:
    """Events of the statement's own sentence that its speaker does: the act of saying
    it ("X accused Y of being …", "praised Z, calling him his …"), known by its source
    or by its words holding the statement's cue ("the US ambassador alleged that …",
    whoever the ambassador is)."""
    cue = statement.quote.cue
    return [
        event
        for event in events
        if event.evidence.start < statement.start
        and event.id not in statement.own_ids
        and article.sentence(event.evidence.start) == statement.sentence
        and article.paragraph(event.evidence.start) == statement.paragraph
        and (
            statement.speaker_group & article.group(event.source)
            or (cue is not None and event.evidence.start <= cue.start < event.evidence.end)
        )
    ]


@dataclass
class _Naming:
    """What a statement's words name: event words, those of them pointing back ("the meeting"),
    the actors it mentions (their groups), the countries of its places, its times."""

    lemmas: set[str]
    definite: set[str]
    groups: list[set[str]]
    countries: set[str]
    times: set[str]


def _naming(article: _Article, statement: _Statement, vocabulary: frozenset[str]) -> _Naming:
    # Words describing an event the statement reports itself do not name an earlier
    # one ("made another sojourn to Moscow"), but for "the meeting", "this conference",
    # "their talks", which point back even there, unless the event is a part of the
    # statement and so described by them ("embarked on its war").
    words_of = dict(zip(statement.indices, statement.tokens, strict=True))
    offset_of = dict(zip(statement.indices, statement.offsets, strict=True))
    whole = [e for e in statement.own if _covers(e, statement)]
    within_part = {
        i
        for e in statement.own
        if e not in whole
        for i, offset in offset_of.items()
        if e.evidence.start <= offset < e.evidence.end
    }
    within_whole = {
        i
        for e in whole
        for i, offset in offset_of.items()
        if e.evidence.start <= offset < e.evidence.end
    }
    naming = [
        t
        for i, t in words_of.items()
        if i not in within_part
        and (t.lemma_.lower() in vocabulary or t.lower_ in vocabulary)
        and not _new_act(t)
        and (i not in within_whole or _definite(t))
    ]
    # Mentions, places and times begin where a token does.
    within = within_part | within_whole
    said = {offset for i, offset in offset_of.items() if i not in within}
    return _Naming(
        lemmas={t.lemma_.lower() for t in naming} | {t.lower_ for t in naming},
        definite={t.lemma_.lower() for t in naming if _definite(t)},
        groups=[article.group(m.actor) for m in article.mentions if m.start in said],
        countries={p.country for p in article.places if p.country and p.start in said},
        times={t.value for t in article.times if t.value and t.start in said},
    )


def _named_again(
    article: _Article,
    statement: _Statement,
    events: list[Event],
    words: EventWords,
    naming: _Naming,
) -> Event | None:
    """The latest earlier event the statement names by its kind, with its participants,
    place or time; words of the events it reports itself do not count."""
    candidates = [
        event
        for event in events
        if event.id not in statement.own_ids
        and event.evidence.end <= statement.start
        and _names(article, words, event, naming.lemmas)
    ]

    def related(event: Event) -> bool:
        party = article.party(event)
        located = event.location.country if event.location else None
        return bool(
            _names(article, words, event, naming.definite)
            or _mentions_party(article, statement, naming, event)
            or naming.countries & (party | {located})
            or (event.time is not None and event.time.value in naming.times)
        )

    def closeness(event: Event) -> tuple[bool, int, bool, int]:
        # The very word that reported the event ("the ban" after "banned", whatever
        # type the event was given) names it best; then the event with more of its
        # sides named or speaking (Germany's ban on the airline, not the US sanctions on
        # it, for German officials saying "Germany has suspended the airline's permit");
        # then an event of this paragraph or the one before; then the latest.
        trigger = article.trigger(event)
        return (
            trigger in naming.lemmas,
            _sides_named(article, statement, naming, event),
            statement.paragraph - article.paragraph(event.evidence.start) <= 1,
            event.evidence.start,
        )

    return max(filter(related, candidates), key=closeness, default=None)


def _mentions_party(
    article: _Article, statement: _Statement, naming: _Naming, event: Event
) -> bool:
    """Whether the statement's speaker, or an actor it mentions, takes part in the event."""
    party = article.party(event)
    return bool(statement.speaker_group & party or any(g & party for g in naming.groups))


def _names(article: _Article, words: EventWords, event: Event, lemmas: set[str]) -> bool:
    """Whether one of ``lemmas`` names the event: a word of its kind, or the very word
    that reported it, so that an event given a wrong type is still named ("the ban"
    after "banned")."""
    return words.name(_kinds(event), lemmas) or article.trigger(event) in lemmas


def _sides_named(article: _Article, statement: _Statement, naming: _Naming, event: Event) -> int:
    """How many of the event's sides the statement's speaker or words name."""
    named = statement.speaker_group.union(*naming.groups)
    return sum(
        bool(named & article.group(side))
        for side in (event.source, event.target, *event.others)
        if side is not None
    )


def _lead(
    article: _Article,
    statement: _Statement,
    events: list[Event],
    words: EventWords,
    naming: _Naming | None,
) -> list[Event]:
    """The events of the article's first sentence — what the news is about — that the
    statement names by their kind (unless ``naming`` is None), or whose participant
    speaks."""
    return [
        event
        for event in events
        if article.sentence(event.evidence.start) == 0
        and event.id not in statement.own_ids
        and event.evidence.end <= statement.start
        and (
            (naming is not None and _names(article, words, event, naming.lemmas))
            or _takes_part(article, statement, event)
        )
    ]


def _antecedents(article: _Article, events: list[Event], words: EventWords) -> dict[str, str]:
    """Event id -> the earlier event it tells again, by a noun pointing back ("the ban",
    "this conference", "Iran's military exercises"): of its type, with the same sides
    and a participant in common; the one reported by the very word ("the ban" after
    "banned"), else the latest."""
    found: dict[str, str] = {}
    for event in events:
        span = article.evidence(event)
        if span is None:
            continue
        # The word it hangs from, or a word of its kind among its words ("we have hope
        # that this conference will produce …").
        if not _pointing_back(span.root) and not any(
            _pointing_back(word) and words.name(_kinds(event), {word.lemma_.lower()})
            for word in span
        ):
            continue
        earlier = _retold(article, event, events, None, None)
        if earlier is not None:
            found[event.id] = earlier.id
    return found


def _told_again(
    article: _Article, statement: _Statement, events: list[Event], antecedents: dict[str, str]
) -> set[str]:
    """Earlier events the statement's own events tell again: by a noun pointing back
    (``_antecedents``), or by the verb that reported them, of the same type and sides,
    with a participant in common or spoken by one ("welcomed Nader" … "Republicans
    would welcome his entry")."""
    told: set[str] = set()
    for own in statement.own:
        word = article.trigger_token(own)
        if own.id in antecedents:
            told.add(antecedents[own.id])
        elif word is not None and word.pos_ in ("VERB", "AUX"):
            earlier = _retold(article, own, events, word.lemma_.lower(), statement)
            if earlier is not None and earlier.id not in statement.own_ids:
                told.add(earlier.id)
    return told


def _retold(
    article: _Article,
    event: Event,
    events: list[Event],
    same_word: str | None,
    statement: _Statement | None,
) -> Event | None:
    """The earlier event ``event`` tells again (reported by ``same_word`` if given)."""
    countries = article.countries([event.source, event.target, *event.others])
    earlier = [
        other
        for other in events
        if other.evidence.end <= event.evidence.start
        and (_kinds(other) & _kinds(event) or article.trigger(other) == article.trigger(event))
        and same_word in (None, article.trigger(other))
        and _same_sides(article, event, other)
        and (
            article.countries([other.source, other.target, *other.others]) & countries
            or (statement is not None and _takes_part(article, statement, other))
        )
    ]
    word = article.trigger(event)
    return max(earlier, key=lambda e: (article.trigger(e) == word, e.evidence.start), default=None)


def _pointing_back(word: Token) -> bool:
    """A noun with "the", "this" or a possessive ("Iran's"); a bare noun ("sanctions
    on Iran") may be a new event."""
    return word.pos_ in ("NOUN", "PROPN") and any(
        child.lower_ in DEFINITE or child.dep_ == "poss" for child in word.children
    )


def _same_sides(article: _Article, one: Event, other: Event) -> bool:
    """Whether each side both events name is the same (or its country): "the Israeli
    ground operation" is not Hamas's attack on Israel. Either way round for a
    symmetric type (a meeting)."""

    def agree(a: str | None, b: str | None) -> bool:
        return a is None or b is None or bool(article.countries([a]) & article.countries([b]))

    straight = agree(one.source, other.source) and agree(one.target, other.target)
    crossed = agree(one.source, other.target) and agree(one.target, other.source)
    return straight or (is_symmetric(one.type) and crossed)


def _covers(event: Event, statement: _Statement) -> bool:
    """Whether the event's evidence takes in (nearly) all the statement's words."""
    inside = sum(
        event.evidence.start <= offset < event.evidence.end for offset in statement.offsets
    )
    return inside >= WHOLE_SHARE * len(statement.offsets)


def _definite(token: Token) -> bool:
    return any(
        child.lower_ in DEFINITE or (child.dep_ == "poss" and child.pos_ == "PRON")
        for child in token.children
    )


def _new_act(token: Token) -> bool:
    """A verb in the present, future or a wish, with a subject of its own: it reports
    an act of its own ("must support the mujahedeen"). Nouns, bare verbs ("a better
    place to meet") and the past ("has suspended its permit") can name one told."""
    return (
        token.pos_ in ("VERB", "AUX")
        and token.tag_ not in ("VBD", "VBN")
        and any(child.dep_ in ("nsubj", "nsubjpass", "csubj") for child in token.children)
    )


def _kinds(event: Event) -> set[str]:
    """The event's type, and for a promise or threat, the type of the act in view."""
    kinds = {event.type}
    if event.action:
        kinds.add(event.action.split(":")[0])
    return kinds


def _answered(article: _Article, statement: _Statement, events: list[Event]) -> Event | None:
    """The latest event that the speaker takes part in of the last sentences, or of the
    paragraph before when the statement opens its own (a paragraph of reactions after
    the one telling the event)."""
    opens = statement.sentence == article.sentence(article.paragraph_starts[statement.paragraph])
    answered = [
        event
        for event in events
        if event.evidence.end <= statement.start
        and (
            0 <= statement.sentence - article.sentence(event.evidence.start) <= ANSWER_SENTENCES
            or opens
        )
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
