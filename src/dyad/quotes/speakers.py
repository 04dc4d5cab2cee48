"""Who is speaking: the speaker mention of a cue verb, and the actor behind it.

The actors stage (``doc._.mentions``) is the authority on who a mention is;
these helpers only pick the right mention, and fall back to the nearest
compatible earlier actor for pronouns and for documents ("the report") when
the actors stage has not resolved them.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dyad.model import Actor, Mention, Speaker

AUTHOR_ID = "AUTHOR"
SUBJECT_DEPS = ("nsubj", "nsubjpass")
RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})
FIRST_PERSON = frozenset({"i", "me"})
PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
GROUP_PRONOUNS = frozenset({"it", "they", "them", "its", "their"})
PERSON_KINDS = frozenset({"person", "author"})
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})
# Left dependents that belong to a noun phrase naming a speaker ("the Kremlin's functionaries").
NOUN_PHRASE_LEFT_DEPS = frozenset(
    {"det", "amod", "compound", "poss", "nummod", "case", "nmod", "quantmod", "nn"}
)
# Parts of speech of a part of a group ("Some of", "One of", "Many of").
PARTITIVE_POS = frozenset({"PRON", "NUM", "DET", "ADJ"})
# Entity types that never speak: "12:15 p.m. Trump says …" parses the time as subject.
NOT_SPEAKERS = frozenset({"TIME", "DATE"})
# How many governing verbs to climb to find the subject of "…, adding" / "… and said".
SUBJECT_CLIMB = 3
# How many earlier mentions a pronoun may reach back over to find its actor.
PRONOUN_LOOKBACK = 40


def _direct_subject(verb: Token) -> Token | None:
    return next((child for child in verb.children if child.dep_ in SUBJECT_DEPS), None)


def subject_of(cue: Token) -> Token | None:
    """The grammatical subject of a cue verb, looking through coordination and relatives."""
    verb = cue
    subject = _direct_subject(cue)
    if (
        subject is not None
        and cue.tag_ == "VBG"
        and cue.dep_ == "advcl"
        and subject.pos_ == "NOUN"
        and any(c.dep_ == "poss" for c in subject.children)
    ):
        # 'The governor tweeted her reasoning saying, ...': the parser made the object
        # the subject of 'saying'; who tweeted says it
        subject = None  # "... and added", "..., adding": the subject is the governing verb's.
    for _ in range(SUBJECT_CLIMB):
        if subject is not None or verb.dep_ not in ("conj", "xcomp", "advcl"):
            break
        if verb.head.pos_ not in ("VERB", "AUX"):
            break
        verb = verb.head
        subject = _direct_subject(verb)
    if verb.dep_ == "relcl" and (subject is None or subject.lower_ in RELATIVE_PRONOUNS):
        return verb.head
    if subject is None and verb.dep_ == "acl" and verb.head.dep_ == "dobj":
        # 'The governor tweeted her reasoning saying, ...': the subject of who tweeted
        subject = _direct_subject(verb.head.head)
    elif subject is None and verb.dep_ == "acl" and _introduces(verb):
        # 'The summary of the decision read in part: “…”': the parser hung the verb on
        # the last noun as a participle; the phrase it ends speaks ('summary', not
        # 'decision').
        subject = verb.head
        while subject.dep_ == "pobj" and subject.head.lower_ == "of":
            subject = subject.head.head
    if subject is not None and subject.ent_type_ in NOT_SPEAKERS:
        subject = None  # a dateline or time stamp the parser took for a subject
    if subject is None and cue.i + 1 < len(cue.doc):
        # "said Smith": a subject the parser missed sits right after the verb.
        neighbour = cue.nbor(1)
        if (
            neighbour.pos_ in ("PROPN", "PRON")
            and neighbour.lower_ not in RELATIVE_PRONOUNS
            and neighbour.ent_type_ not in NOT_SPEAKERS
        ):
            return neighbour
    return subject


def _introduces(verb: Token) -> bool:
    """Whether a colon follows the verb's phrase: it introduces a quote."""
    after = verb.right_edge.i + 1
    return after < len(verb.doc) and verb.doc[after].text == ":"


def speaker_head(subject: Token) -> Token:
    """The token naming a speaker: a person's name over its title ("the economist John Park",
    "a spokesman for the U.S. State Department, Sean McCormack")."""
    if subject.dep_ in ("amod", "compound") and subject.head.i > subject.i:
        subject = subject.head  # "said Ugandan President, Yoweri Museveni": the title noun
    if subject.pos_ in PARTITIVE_POS:
        # "Some of the protesters said", "One of the organisers said": the group speaks.
        of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        member = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        if member is not None:
            subject = member
    if subject.ent_type_ != "PERSON":
        # an apposed name before a compound one ('Ugandan' is often tagged a person)
        children = sorted(subject.children, key=lambda c: c.dep_ != "appos")
        for child in children:
            if child.dep_ in ("appos", "compound") and child.ent_type_ == "PERSON":
                if child.i == subject.i + 1 or child.i == subject.i - 1 or child.dep_ == "appos":
                    return child
        if subject.pos_ in ("NOUN", "PROPN"):
            # the parser often hangs the name on the title's last noun, not on the title
            named = next(
                (
                    t
                    for t in subject.subtree
                    if t.dep_ == "appos" and t.ent_type_ == "PERSON" and t.i > subject.i
                ),
                None,
            )
            if named is not None:
                return named
            named = _named_after_comma(subject)
            if named is not None:
                return named
    return subject


def _named_after_comma(subject: Token) -> Token | None:
    """'said the senior Republican on the committee, Senator Charles Grassley': a
    description the parser made the subject, the name right after its comma (which it
    often makes a second subject) is who speaks."""
    doc = subject.doc
    comma = subject.right_edge.i + 1
    if comma >= len(doc) or doc[comma].text != ",":
        return None
    for token in doc[comma + 1 : comma + 4]:
        if token.ent_type_ == "PERSON":
            end = token.i
            while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
                end += 1
            name = doc[token.i : end + 1].root
            # in apposition, or a second subject of the same verb; not a clause's own
            # subject ('In a new Fox News poll, Trump led Cruz')
            return name if name.head in (subject, subject.head) else None
        if not (token.is_title or token.is_upper):
            return None  # 'the senior Republican, said to be …': no name follows
    return None


def speaker_span(head: Token) -> tuple[int, int]:
    """Character span naming the speaker whose head token is ``head``."""
    doc = head.doc
    if head.ent_type_ in NAME_LABELS:
        # The named entity around the head, walked token by token (doc.ents is a full scan).
        left, right = head.i, head.i
        while doc[left].ent_iob_ == "I" and left > 0:
            left -= 1
        while right + 1 < len(doc) and doc[right + 1].ent_iob_ == "I":
            right += 1
        return doc[left].idx, doc[right].idx + len(doc[right].text)
    if head.pos_ == "PRON":
        return head.idx, head.idx + len(head.text)
    left = head.i
    for child in head.lefts:
        if child.dep_ in NOUN_PHRASE_LEFT_DEPS:
            left = min(left, child.left_edge.i)
    right = head.i
    for child in head.rights:
        if child.dep_ in ("compound", "flat") and child.i == right + 1:
            right = child.i
    return doc[left].idx, doc[right].idx + len(doc[right].text)


@dataclass
class SpeakerResolver:
    """Resolves speaker head tokens to mentions and actors for one doc."""

    doc: Doc
    text: str
    document_nouns: frozenset[str]
    in_quote: list[bool]

    def __post_init__(self) -> None:
        self.mentions: list[Mention] = sorted(
            self.doc._.mentions or [], key=lambda m: (m.start, -m.end)
        )
        self.mention_starts = [m.start for m in self.mentions]
        if self.doc._.actors is None:
            self.doc._.actors = {}
        self.actors: dict[str, Actor] = self.doc._.actors

    def speaker(self, head: Token | None) -> Speaker:
        if head is None:
            return Speaker()
        head = speaker_head(head)
        mention = self._mention_covering(head.idx)
        if mention is None and head.pos_ in ("NOUN", "PROPN"):
            mention = self._person_named_in(head)
        if mention is not None:
            return Speaker(mention.actor, mention.text, mention.start, mention.end)
        start, end = speaker_span(head)
        return Speaker(self._fallback_actor(head), self.text[start:end], start, end)

    def _person_named_in(self, head: Token) -> Mention | None:
        """'First Minister of Scotland Nicola Sturgeon said', 'President of Ukraine
        Volodymyr Zelenskyy said': a title the parser made the subject, its holder's
        name further on in the title's phrase."""
        for token in head.subtree:
            mention = self._mention_covering(token.idx) if token.i > head.i else None
            actor = self.actors.get(mention.actor) if mention is not None else None
            if actor is not None and actor.kind == "person":
                return mention
        return None

    def _mention_covering(self, char: int) -> Mention | None:
        index = bisect.bisect_right(self.mention_starts, char) - 1
        # Mentions may nest; the widest one starting at or before the head that covers it.
        for mention in reversed(self.mentions[max(0, index - 5) : index + 1]):
            if mention.start <= char < mention.end:
                return mention
        return None

    def _fallback_actor(self, head: Token) -> str | None:
        lower = head.lower_
        if lower in FIRST_PERSON and not self.in_quote[head.i]:
            return self._author()
        if lower in PERSONAL_PRONOUNS:
            return self._preceding_actor(head.idx, lambda actor: actor.kind in PERSON_KINDS)
        if lower in GROUP_PRONOUNS:
            return self._preceding_actor(head.idx, lambda actor: actor.kind not in PERSON_KINDS)
        if head.lemma_.lower() in self.document_nouns or head.lower_ in self.document_nouns:
            # "Trump's statement read:", "a tweet by US Secretary of State Mike Pompeo"
            owner = next((c for c in head.children if c.dep_ == "poss"), None)
            if owner is None:
                by = next((c for c in head.children if c.lower_ == "by"), None)
                owner = next((c for c in by.children if c.dep_ == "pobj"), None) if by else None
            mention = self._mention_covering(speaker_head(owner).idx) if owner else None
            if mention is not None:
                return mention.actor
            # A document speaks for whoever last acted as a subject before it.
            return self._preceding_actor(
                head.idx, lambda actor: actor.kind not in PERSON_KINDS, subjects_only=True
            )
        return None

    def author_speaker(self) -> Speaker:
        """The article's writer as a speaker (no words of the text name them)."""
        return Speaker(self._author())

    def person_before(self, char: int) -> Mention | None:
        """The last person mentioned outside quotes before ``char``."""
        index = bisect.bisect_left(self.mention_starts, char) - 1
        for mention in reversed(self.mentions[max(0, index - PRONOUN_LOOKBACK) : index + 1]):
            actor = self.actors.get(mention.actor)
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if (
                actor is not None
                and actor.kind == "person"
                and span is not None
                and not self.in_quote[span.root.i]
            ):
                return mention
        return None

    def _author(self) -> str:
        if AUTHOR_ID not in self.actors:
            self.actors[AUTHOR_ID] = Actor(
                id=AUTHOR_ID,
                name=self.doc._.author or "(article author)",
                kind="author",
                sector="MED",
            )
        return AUTHOR_ID

    def _preceding_actor(self, char: int, accept, subjects_only: bool = False) -> str | None:
        index = bisect.bisect_left(self.mention_starts, char) - 1
        stop = max(-1, index - PRONOUN_LOOKBACK)
        for i in range(index, stop, -1):
            mention = self.mentions[i]
            actor = self.actors.get(mention.actor)
            if actor is None or not accept(actor):
                continue
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None or self.in_quote[span.root.i]:
                continue
            if subjects_only and span.root.dep_ not in SUBJECT_DEPS:
                continue
            return actor.id
        return None
