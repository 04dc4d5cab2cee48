"""What the passes of the actors stage share: one article's mentions so far.

Every pass reads and extends one ``ArticleMentions``: the mentions found (a
``MentionIndex`` of ``Found``), the actors they name, the places named as places,
the tokens already claimed, and what the article has taught about its people
(surnames, first names, gender, titles). Each pass sees what the earlier ones found.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from dyad.actors.kb import KnowledgeBase, Lexicon
from dyad.extensions import doc_text, line_break_tokens
from dyad.model import Actor, Mention, Place
from dyad.quotation_marks import find_double_quoted

AUTHOR_ID = "AUTHOR"
POSSESSIVE = {"'s", "’s", "'", "’"}
# Sectors of agent nouns that speak for the state itself ("Ukrainian army" -> UKR).
STATE_SECTORS = {"GOV", "MIL", "COP", "SPY", "JUD", "LEG"}
PERSON_LABELS = {"PERSON"}
ORG_LABELS = {"ORG"}
PLACE_LABELS = ("GPE", "LOC", "FAC")
# Kinds of actor whose officials and fighters share the actor's country.
NATIONAL_KINDS = {"state", "government", "armed_group", "party"}


def _word_char(text: str, at: int) -> bool:
    r"""Is there a character at ``at`` that the regex ``\w`` matches?"""
    return 0 <= at < len(text) and (text[at].isalnum() or text[at] == "_")


def written_alone(text: str, word: str, endings: tuple[str, ...] = ()) -> bool:
    r"""Is ``word`` (with one of ``endings`` or none) written in ``text`` with no word
    character or hyphen on either side? The regex ``(?<![\w-])word(?:s|es)?(?![\w-])``
    found with ``str.find``: a pattern compiled per word cost more than the search."""

    def free(at: int) -> bool:
        return not _word_char(text, at) and text[at : at + 1] != "-"

    at = text.find(word)
    while at != -1:
        end = at + len(word)
        if free(at - 1) and any(
            text.startswith(ending, end) and free(end + len(ending)) for ending in (*endings, "")
        ):
            return True
        at = text.find(word, at + 1)
    return False


def written_as_word(text: str, word: str) -> bool:
    r"""Is ``word`` in ``text`` between word boundaries? The regex ``\bword\b`` found
    with ``str.find`` (``word`` not empty)."""
    at = text.find(word)
    while at != -1:
        end = at + len(word)
        if _word_char(text, at - 1) != _word_char(text, at) and _word_char(
            text, end - 1
        ) != _word_char(text, end):
            return True
        at = text.find(word, at + 1)
    return False


@dataclass
class Found:
    """A candidate mention over tokens [start, end)."""

    start: int
    end: int
    actor: str
    rank: int  # higher wins an overlap: names > descriptions > pronouns


class MentionIndex:
    """The mentions found so far, in the order found and by start token, so that a
    look-up near a token visits only the mentions that can reach it, not the thousands
    of a long article. Added mentions never overlap (``replace`` drops what a new one
    overlaps); the bounds below need only that no mention ends more than ``reach``
    tokens from where it starts. Look-ups answer in the order found, as steps that
    take the first fitting mention expect."""

    def __init__(self) -> None:
        self._by_order: dict[int, Found] = {}
        self._by_start: list[tuple[int, int]] = []  # (start, order), sorted
        self._added = 0
        self.reach = 0

    def __iter__(self) -> Iterator[Found]:
        return iter(list(self._by_order.values()))  # a copy: steps add while they walk

    def __reversed__(self) -> Iterator[Found]:
        return reversed(list(self._by_order.values()))

    def __contains__(self, found: Found) -> bool:
        return any(f is found for f in self.starting(found.start, found.start + 1))

    def starting(self, first: int, stop: int) -> list[Found]:
        """Mentions starting at tokens [first, stop), in the order found."""
        lo = bisect_left(self._by_start, (first,))
        hi = bisect_left(self._by_start, (stop,))
        if hi - lo < 2:  # most look-ups: no sorting
            return [self._by_order[self._by_start[lo][1]]] if hi > lo else []
        return [self._by_order[order] for order in sorted(o for _, o in self._by_start[lo:hi])]

    def covering(self, i: int) -> list[Found]:
        return [f for f in self.starting(i + 1 - self.reach, i + 1) if f.start <= i < f.end]

    def ending_at(self, end: int) -> list[Found]:
        near = self.starting(end - self.reach, end + self.reach + 1)
        return [f for f in near if f.end == end]

    def overlapping(self, start: int, end: int) -> list[Found]:
        near = self.starting(start + 1 - self.reach, end)
        return [f for f in near if f.start < end and start < f.end]

    def remove(self, found: Found) -> None:
        at = bisect_left(self._by_start, (found.start,))
        while self._by_order[self._by_start[at][1]] is not found:
            at += 1
        del self._by_order[self._by_start.pop(at)[1]]

    def replace(self, found: Found) -> None:
        """Add ``found`` as the latest mention, dropping those it overlaps."""
        for old in self.overlapping(found.start, found.end):
            self.remove(old)
        self._added += 1
        self._by_order[self._added] = found
        insort(self._by_start, (found.start, self._added))
        self.reach = max(self.reach, abs(found.end - found.start))


@dataclass
class ArticleMentions:
    """One article's mentions, actors and places, as the passes find them."""

    doc: Doc
    kb: KnowledgeBase
    date: str | None  # the date roles are resolved at (YYYY-MM-DD)
    actors: dict[str, Actor] = field(default_factory=dict)
    found: MentionIndex = field(default_factory=MentionIndex)
    places: list[Place] = field(default_factory=list)
    surnames: dict[str, str] = field(default_factory=dict)  # last name -> person actor
    claimed: set[int] = field(default_factory=set)  # tokens already in a mention or place
    gender: dict[str, str] = field(default_factory=dict)  # person actor -> 'm' | 'f'
    # first name -> the one person of the article with it ('' when two share it)
    first_names: dict[str, str] = field(default_factory=dict)
    home: str | None = None  # the state of the dateline ('JERUSALEM (AP)' -> ISR)
    country: str | None = None  # the article's own country (dateline, else its states)
    titles: dict[str, set[str]] = field(default_factory=dict)  # person -> titles seen
    dateline_end: int = 0  # tokens of a dateline place, claimed before anything else
    # what the capitals of each mention spell, in the order found ('INS' -> [mentions]),
    # read through ``spelling``: the mentions in ``unspelled`` are added when it is asked
    # (few articles ask, and spelling every mention cost more than the asking)
    initials: dict[str, list[Found]] = field(default_factory=dict)
    unspelled: list[Found] = field(default_factory=list)
    # actors a pronoun or description must not refer back to ('the nominee' met unnamed)
    not_antecedents: set[str] = field(default_factory=set)
    lex: Lexicon = field(init=False)
    text: str = field(init=False)  # the doc's text
    quoted: list[tuple[int, int]] = field(init=False)  # (start, end) offsets of quotes
    ents: list[Span] = field(init=False)
    entity_at: dict[int, Span] = field(init=False)  # token -> the entity it is part of

    def __post_init__(self) -> None:
        self.lex = self.kb.lexicon
        self.text = doc_text(self.doc)
        self.quoted = sorted((p.start, p.end) for p in find_double_quoted(self.text))
        self.ents = list(self.doc.ents)
        self.entity_at = {t: ent for ent in self.ents for t in range(ent.start, ent.end)}

    @cached_property
    def sentence_starts(self) -> list[int]:
        if self.doc.has_annotation("SENT_START"):
            return [s.start for s in self.doc.sents]
        return [0]  # a pipeline without a parser or sentencizer: one long sentence

    @cached_property
    def token_offsets(self) -> tuple[list[int], list[int]]:
        """Each token's start and end offset in the text, from the token arrays."""
        starts = self.doc.to_array("IDX")
        return starts.tolist(), (starts + self.doc.to_array("LENGTH")).tolist()

    def text_of(self, start: int, end: int) -> tuple[str, int, int]:
        """The text of tokens [start, end) (``start < end``) with its offsets, sliced from
        the doc's text: a Span and its Tokens cost more than the slice."""
        starts, ends = self.token_offsets
        return self.text[starts[start] : ends[end - 1]], starts[start], ends[end - 1]

    @cached_property
    def word_index(self) -> dict[int, list[int]]:
        """Each lower-case word of the article (spaCy's hash of it) -> its tokens, from
        the token array once, so that passes looking for a few words do not each walk
        the whole article's tokens (nor test every token against a long word list)."""
        index: dict[int, list[int]] = {}
        for i, word in enumerate(self.doc.to_array("LOWER").tolist()):
            if word in index:
                index[word].append(i)
            else:
                index[word] = [i]
        return index

    def tokens_of(self, words: Iterable[str]) -> list[Token]:
        """The tokens written as any of ``words`` (lower-case), in text order."""
        index = self.word_index
        strings = self.doc.vocab.strings
        found = [i for word in set(words) for i in index.get(strings[word], ())]
        return [self.doc[i] for i in sorted(found)]

    @cached_property
    def paragraph_starts(self) -> tuple[int, ...]:
        """First token of each paragraph (a token holding a line break ends one)."""
        return (0, *(i + 1 for i in line_break_tokens(self.doc)))

    @cached_property
    def first_person_paragraphs(self) -> frozenset[int]:
        """Paragraphs with 'I', 'we', 'my' ... outside quotes (a statement's lines)."""
        author = self.lex.pronouns["author"]
        starts = self.paragraph_starts
        return frozenset(
            bisect_right(starts, t.i) - 1
            for t in self.tokens_of(author)
            if t.pos_ == "PRON" and not self.in_quote(t.idx)
        )

    def is_organisation_name(self, words: list[str]) -> bool:
        """Does a word of the (lower-case) name say it names an organisation ('party',
        'ministry', 'newspaper')?"""
        lex = self.lex
        return any(
            w in lex.organisation_name_words or w in lex.organisation_kind_nouns for w in words
        )

    def ensure_actor(self, actor_id: str) -> Actor:
        if actor_id not in self.actors:
            self.actors[actor_id] = self.kb.actor(actor_id, self.date)
            affiliation = self.actors[actor_id].affiliation
            if affiliation and affiliation in self.kb.entries:
                self.ensure_actor(affiliation)
        return self.actors[actor_id]

    def add(self, found: Found, actor: Actor) -> None:
        """Keep a mention unless one of equal or higher rank overlaps it."""
        if any(f.rank >= found.rank for f in self.found.overlapping(found.start, found.end)):
            return
        self.found.replace(found)
        self.unspelled.append(found)
        self.claimed.update(range(found.start, found.end))
        self.actors.setdefault(actor.id, actor)
        if actor.affiliation and actor.affiliation in self.kb.entries:
            self.ensure_actor(actor.affiliation)

    def spelling(self, acronym: str) -> list[Found]:
        """The mentions whose capitals spell ``acronym``, in the order found."""
        for found in self.unspelled:
            for spelled in self._spelled(found):
                self.initials.setdefault(spelled, []).append(found)
        self.unspelled.clear()
        return self.initials.get(acronym, [])

    def _spelled(self, found: Found) -> set[str]:
        """The initials of a mention's capitalised words, also without a leading country
        ('U.S. Immigration and Naturalization Service' -> 'USINS', 'INS', ...)."""
        starts, ends = self.token_offsets
        words = (self.text[starts[i] : ends[i]] for i in range(found.start, found.end))
        capitals = [w for w in words if w[:1].isupper()]
        capitals = [w for w in capitals if w.lower() != "the"]
        return {"".join(w[0] for w in capitals[first:]) for first in range(len(capitals))}

    def in_quote(self, offset: int) -> bool:
        i = bisect_right(self.quoted, (offset, float("inf"))) - 1
        return i >= 0 and self.quoted[i][0] <= offset < self.quoted[i][1]

    def mention_ending_at(self, i: int) -> Found | None:
        """The latest mention whose last token is token ``i``."""
        return next(reversed(self.found.ending_at(i + 1)), None)

    def finish(self) -> list[Mention]:
        """The mentions by start offset; drops the actors that no mention names or
        that no named actor is affiliated with."""
        result = [
            Mention(*self.text_of(found.start, found.end), found.actor)
            for found in sorted(self.found, key=lambda f: f.start)
        ]
        used = {m.actor for m in result}
        # the affiliations of the actors kept, and theirs, not of those no mention names
        # any more (a namesake dropped for the article's own must not leave its country)
        wanted = list(used)
        while wanted:
            actor = self.actors.get(wanted.pop())
            if actor is not None and actor.affiliation and actor.affiliation not in used:
                used.add(actor.affiliation)
                wanted.append(actor.affiliation)
        self.actors = {k: v for k, v in self.actors.items() if k in used}
        return result
