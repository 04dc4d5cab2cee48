"""Quotations and reported speech in a parsed Doc, with cues and speakers.

``find_quotes`` is the whole stage as a pure function of a parsed ``Doc``
(``doc._.mentions``/``doc._.actors`` from the actors stage are used when
present). Four kinds come out:

- ``direct``: a quoted passage standing as its own utterance (“…,” she said);
- ``partial``: a quoted fragment inside the writer's sentence, attributed
  through the verb that governs it or the reported speech it sits in;
- ``indirect``: a clause reported by a speech verb ("X said that …",
  "according to X, …", "…, as X told Y", "…, argued X", "X was quoted as saying
  …"), by any verb whose named, pronoun or document subject takes a that-clause
  ("X groused that …", "the report found that …"), by a noun of saying
  ("accusations that …", "his promise to …", "X's argument was that …"), the
  object of a stance verb ("X called the plan …") or of any verb casting it as
  quoted words, the complement of an attribution verb learned from PolNeAR ("X
  wants to …", "polls show …", "declined to …"), an impression without a holder
  ("X seemed unperturbed"), the clause a document speaks in ("In a new poll,
  …"), or the words after "Name:" opening a paragraph (headlines, transcripts);
- ``mixed``: reported speech that holds a quoted fragment (the fragment is
  also reported on its own as ``partial``).

Reported speech inside other reported speech is part of it: only the
outermost report is kept ("X said Y claimed Z" is X's report).

Quoted passages that no cue, speaker or neighbouring quote claims, and that
are short or title-like, are scare quotes and titles and are dropped.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Token

from dyad.extensions import doc_text, line_break_tokens
from dyad.interviews import interview_label
from dyad.model import Quote, Span, Speaker
from dyad.quotation_marks import MarkedPassage, find_quoted
from dyad.quotes.lexicon import CueLexicon
from dyad.quotes.speakers import SpeakerResolver, subject_of

SENTENCE_END = frozenset({".", "!", "?"})
CLOSING_MARKS = frozenset({"”", "»", '"', "’", "'", "''"})
# Punctuation that may separate a quote from its cue ("…,” she said; she said: “…”).
INTRODUCING = frozenset({",", ":", "—", "–", "-", ";"})
EDGE_PUNCT = frozenset({",", ".", ";", ":", "—", "–", "-", "(", ")"})
# How far (in tokens) from a quote its cue and speaker may be.
CONTEXT_WINDOW = 40
CUE_REACH_AFTER = 8
# Walking up the parse from a partial quote to the verb that reports it.
MAX_HEAD_STEPS = 6
# Unattributed quoted passages shorter than this are scare quotes or titles.
MIN_UNATTRIBUTED_WORDS = 4
# Pronoun subjects a clause leading into a quote may have ('She ended her speech: “…”').
PERSON_SUBJECTS = frozenset({"he", "she", "they", "we", "i"})
# A clause at least this much inside quotation marks is a quotation, not reported speech.
QUOTED_SHARE = 0.8
WORD = re.compile(r"\w+")
# Characters (marks, spaces, "and") between two quotes sharing one cue.
MAX_JOINER = 12
# "Name: words" — at most this many tokens before the colon.
NAME_COLON_TOKENS = 6
# Bounds that keep the work per cue constant on pathological input.
MAX_CLAUSE_TOKENS = 300
NESTED_REPORTS = 4
# A quote without a cue continues a speaker named at most this many paragraphs before.
CONTINUATION_PARAGRAPHS = 2
# ... or by one of the next few quotes of its paragraph (“A.” “B,” she said.).
LOOKAHEAD_QUOTES = 3
TOPIC_PREPOSITIONS = frozenset({"to", "for", "about", "on", "of"})
# Prepositions that belong with a verb's object in what is said of it.
OBJECT_PREPOSITIONS = frozenset({"as", "about", "of", "for", "on"})
# Prepositions that attach what a noun of saying is about ("criticism of", "praise for").
NOUN_TOPIC_PREPOSITIONS = frozenset({"of", "for", "about", "on"})
# The kind of news outlets: their reports of what a source said are the source's.
MEDIA_KIND = "media"
SPEAKER_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
CLAUSAL_DEPS = frozenset({"ccomp"})
COMPLEMENT_DEPS = frozenset({"dobj", "dative", "xcomp", "oprd", "prep", "acomp", "attr", "ccomp"})
VERB_POS = frozenset({"VERB", "AUX"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


@dataclass
class _Found:
    kind: str
    pieces: list[tuple[int, int]]
    cue: Token | None
    speaker_head: Token | None
    speaker: Speaker | None = None
    cue_span: Span | None = None
    # Found as a verb's object rather than a reported clause ("called the plan …").
    complement: bool = False
    # Found as "Name: words" at the start of a paragraph.
    colon: bool = False

    @property
    def start(self) -> int:
        return self.pieces[0][0]


def _any_of(values: numpy.ndarray, wanted: list[int]) -> numpy.ndarray:
    """Which of ``values`` are any of a few ``wanted``: cheaper than numpy.isin, which
    sorts both arrays."""
    found = numpy.zeros(len(values), dtype=bool)
    for value in wanted:
        found |= values == value
    return found


class _DocView:
    """Token-level facts about a doc that every rule needs, computed once."""

    def __init__(self, doc: Doc, passages: list[MarkedPassage], text: str) -> None:
        self.doc = doc
        self.text = text
        self.starts = doc.to_array("IDX").tolist()
        self.in_quote = [False] * len(doc)
        for passage in passages:
            last = passage.close if passage.close is not None else passage.end - 1
            for i in range(self.token_at(passage.open), self.token_at(last) + 1):
                self.in_quote[i] = True
        self.line_breaks = line_break_tokens(doc)
        self.paragraph: list[int] = []  # a line break's token ends its paragraph
        for paragraph, last in enumerate([*self.line_breaks, len(doc) - 1]):
            self.paragraph += [paragraph] * (last + 1 - len(self.paragraph))
        self.sentence_end = self._sentence_ends()

    def _sentence_ends(self) -> list[bool]:
        """Whether each token ends a sentence for the clause rules: a line break, a full
        stop outside quotes, or a closing mark right after a quoted sentence's stop
        (from the token arrays: the rules ask of hundreds of tokens per cue)."""
        strings = self.doc.vocab.strings
        words = self.doc.to_array("ORTH")
        in_quote = numpy.array(self.in_quote, dtype=bool)
        stop = _any_of(words, [strings[mark] for mark in SENTENCE_END])
        closing = _any_of(words, [strings[mark] for mark in CLOSING_MARKS])
        ends = stop & ~in_quote
        ends[1:] |= closing[1:] & stop[:-1] & in_quote[1:]
        ends[self.line_breaks] = True
        return ends.tolist()

    def token_at(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.starts, char) - 1)

    def tokens_between(self, start: int, end: int) -> range:
        """Indices of tokens starting inside text[start:end]."""
        return range(bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end))

    def words(self, start: int, end: int) -> int:
        return sum(1 for i in self.tokens_between(start, end) if self.doc[i].is_alpha)

    def before(self, first: int) -> list[Token]:
        """Tokens of the same sentence before token ``first``, outside other quotes."""
        tokens: list[Token] = []
        i = first - 1
        while i >= 0 and len(tokens) < CONTEXT_WINDOW:
            token = self.doc[i]
            if self.in_quote[i] or "\n" in token.text or token.text in SENTENCE_END:
                break
            if not token.is_space:  # non-breaking spaces are tokens of their own
                tokens.append(token)
            i -= 1
        tokens.reverse()
        return tokens

    def after(self, last: int) -> list[Token]:
        """Tokens of the same sentence after token ``last``, outside other quotes."""
        tokens: list[Token] = []
        i = last + 1
        while i < len(self.doc) and len(tokens) < CONTEXT_WINDOW:
            token = self.doc[i]
            if self.in_quote[i] or "\n" in token.text:
                break
            if not token.is_space:
                tokens.append(token)
            if token.text in SENTENCE_END:
                break
            i += 1
        return tokens


class QuoteFinder:
    def __init__(self, doc: Doc, lexicon: CueLexicon, cognition: bool = False) -> None:
        self.doc = doc
        self.lexicon = lexicon
        self.report_verbs = lexicon.speech_verbs | (lexicon.cognition_verbs if cognition else set())
        self.text = doc_text(doc)
        self.passages = find_quoted(self.text)
        self.passage_ends = [p.end for p in self.passages]
        self.view = _DocView(doc, self.passages, self.text)
        self.resolver = SpeakerResolver(doc, self.text, lexicon.document_nouns, self.view.in_quote)

    # -- cues ---------------------------------------------------------------

    def is_speech_cue(self, token: Token) -> bool:
        if token.pos_ not in VERB_POS:
            return False
        lemma = token.lemma_.lower()
        if lemma in self.lexicon.speech_verbs:
            return True
        particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
        return particle is not None and f"{lemma} {particle}" in self.lexicon.speech_verbs

    def is_report_cue(self, token: Token) -> bool:
        return self.is_speech_cue(token) or (
            token.pos_ == "VERB" and token.lemma_.lower() in self.report_verbs
        )

    # -- reported speech ----------------------------------------------------

    def reported_speech(self) -> list[_Found]:
        found = []
        line_breaks = set(self.view.line_breaks)
        for i in self._report_candidates():
            token = self.doc[i]
            if token.i == 0 or token.i - 1 in line_breaks:
                item = self._name_colon(token)
                if item is not None:
                    found.append(item)
            # "the proposed deal", "the alleged attack": a participle describing a noun
            # reports nothing; nor does "(when) asked whether …, he said": what was put
            # to the speaker.
            if self.view.in_quote[token.i] or token.dep_ == "amod" or _put_to(token):
                continue
            item = self._according_to(token) if token.lower_ == "according" else None
            if item is None and token.lower_ == "in" and token.dep_ == "prep":
                item = self._in_document(token)
            if item is None and (self.is_report_cue(token) or self._that_clause_cue(token)):
                item = self._reported_clause(token)
            if item is None and self._is_stance_cue(token):
                item = self._complement(token)
            if item is None and self._is_attribution_cue(token):
                item = self._reported_clause(token) or self._complement(token)
            if item is None and self._characterises(token):
                item = self._complement(token)
            if item is None and token.lemma_.lower() in self.lexicon.impression_verbs:
                item = self._impression(token)
            if (
                item is None
                and token.pos_ == "NOUN"
                and token.lemma_.lower() in self.lexicon.speech_nouns
            ):
                item = self._nominal(token)
            if item is not None:
                found.append(item)
        return found

    def _report_candidates(self) -> list[int]:
        """The tokens the tests of ``reported_speech`` can accept, in order: paragraph
        openings, verbs and nouns, 'according' and 'in', and impression verbs. Found in
        the token arrays: testing every token was the stage's costliest loop."""
        doc = self.doc
        strings = doc.vocab.strings
        lemmas = doc.to_array("LEMMA")
        known = self.lexicon.impression_lemmas
        impressions = []
        for h in numpy.unique(lemmas).tolist():
            if h not in known:
                known[h] = strings[h].lower() in self.lexicon.impression_verbs
            if known[h]:
                impressions.append(h)
        wanted = _any_of(doc.to_array("POS"), [POS_IDS[pos] for pos in VERB_POS | {"NOUN"}])
        wanted |= _any_of(doc.to_array("LOWER"), [strings["according"], strings["in"]])
        wanted |= _any_of(lemmas, impressions)
        openings = [0, *(i + 1 for i in self.view.line_breaks)]
        wanted[[i for i in openings if i < len(doc)]] = True
        return numpy.flatnonzero(wanted).tolist()

    def _name_colon(self, first: Token) -> _Found | None:
        """A paragraph opening "Name: words" (headlines, transcripts): the words are Name's."""
        doc = self.doc
        end = min(len(doc), first.i + NAME_COLON_TOKENS + 1)
        colon = next((i for i in range(first.i, end) if doc[i].text == ":"), None)
        if colon is None or colon == first.i:
            return None
        name = doc[first.i : colon]
        label = interview_label(name.text, doc[colon].text)
        if label is not None:
            speaker = self._interviewee(first.i) if label == "answer" else None
        elif any(t.pos_ in VERB_POS or "\n" in t.text for t in name) or not any(
            t.pos_ == "PROPN" for t in name
        ):
            return None
        else:
            speaker = name.root
        content: list[int] = []
        i = colon + 1
        while i < len(doc) and "\n" not in doc[i].text and len(content) < MAX_CLAUSE_TOKENS:
            content.append(i)
            i += 1
        pieces = self._pieces(content)
        if sum(self.view.words(s, e) for s, e in pieces) < MIN_UNATTRIBUTED_WORDS - 1:
            return None
        found = _Found("indirect", pieces, doc[colon], speaker, colon=True)
        found.cue_span = Span(":", doc[colon].idx, doc[colon].idx + 1)
        if label == "question":
            # The interviewer asks: the article's writer.
            found.speaker = self.resolver.author_speaker()
        return found

    def _interviewee(self, first: int) -> Token | None:
        """Who answers in an interview ("A: …"): the person its lead-in names last, before
        the run of paragraphs opening with "Q:" or "A:"."""
        doc = self.doc
        openings = [0, *(i + 1 for i in self.view.line_breaks if i + 1 < len(doc))]
        index = bisect.bisect_right(openings, first) - 1
        while index > 0 and self._interview_label(openings[index - 1]) is not None:
            index -= 1
        mention = self.resolver.person_before(doc[openings[index]].idx)
        if mention is None:
            return None
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return span.root if span is not None else None

    def _interview_label(self, first: int) -> str | None:
        """The interview label of the paragraph opening at token ``first``, or None."""
        doc = self.doc
        return (
            interview_label(doc[first].text, doc[first + 1].text) if first + 1 < len(doc) else None
        )

    def _according_to(self, token: Token) -> _Found | None:
        to = next((c for c in token.children if c.lower_ == "to"), None)
        if to is None or not any(
            ("according", "to") == words for words in self.lexicon.source_prepositions
        ):
            return None
        source = next((c for c in to.children if c.dep_ == "pobj"), None)
        clause = token.head
        if source is None or clause.i == token.i:
            return None
        excluded = set(range(token.left_edge.i, token.right_edge.i + 1))
        content = [i for i in self._subtree(clause) if i not in excluded]
        pieces = self._pieces(self._within_sentence(content, token))
        if not pieces:
            return None
        found = _Found("indirect", pieces, token, source)
        found.cue_span = Span(
            self.text[token.idx : to.idx + len(to.text)], token.idx, to.idx + len(to.text)
        )
        return found

    def _impression(self, cue: Token) -> _Found | None:
        """ "X seemed unperturbed", "X appears to …": an impression with no named holder.

        The content is the subject with what is said of it; a that-clause
        ("it seems that …") alone when there is one.
        """
        clause = next((c for c in cue.children if c.dep_ == "ccomp"), None)
        if clause is not None:
            parts = [clause]
        else:
            subject = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            complement = next(
                (c for c in cue.children if c.dep_ in ("xcomp", "acomp", "attr", "oprd")), None
            )
            if subject is None or complement is None or subject.lower_ in ("it", "there"):
                return None
            parts = [subject, complement]
        content = [i for part in parts for i in self._subtree(part)]
        pieces = self._pieces(self._within_sentence(content, cue))
        if not pieces or sum(self.view.words(s, e) for s, e in pieces) < 3:
            return None
        return _Found("indirect", pieces, cue, None)

    def _in_document(self, token: Token) -> _Found | None:
        """ "In a new poll, Trump leads …": the clause is what the document says."""
        document = next((c for c in token.children if c.dep_ == "pobj"), None)
        clause = token.head
        if (
            document is None
            or document.lemma_.lower() not in self.lexicon.document_nouns
            or clause.pos_ not in VERB_POS
            # "In a statement, X said …": the verb is the cue, the document its medium.
            or self.is_report_cue(clause)
            or self._is_stance_cue(clause)
            or self._is_attribution_cue(clause)
        ):
            return None
        excluded = set(range(token.left_edge.i, token.right_edge.i + 1))
        content = [i for i in self._subtree(clause) if i not in excluded]
        pieces = self._pieces(self._within_sentence(content, token))
        if not pieces or sum(self.view.words(s, e) for s, e in pieces) < 3:
            return None
        return _Found("indirect", pieces, token, document)

    def _reported_clause(self, cue: Token) -> _Found | None:
        clause = next((c for c in cue.children if c.dep_ in CLAUSAL_DEPS), None)
        speaker: Token | None = None
        if clause is not None:
            content = self._subtree(clause)
            if clause.i > cue.i:
                tail = self._rest_of_sentence(max(content, default=clause.i) + 1)
                # Quoted words in the tail are the speaker's, so the report runs
                # on over them; without them the tail is usually the writer's.
                if any(self.view.in_quote[i] for i in tail):
                    content += tail
        elif cue.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ == "as" for c in cue.children
        ):
            # "…, as X told Y": the reported clause is the one the as-clause modifies;
            # "…, as reported by X": X, not the clause's subject, speaks.
            excluded = set(range(cue.left_edge.i, cue.right_edge.i + 1))
            content = [i for i in self._subtree(cue.head) if i not in excluded]
            speaker = next((o for a in cue.children if a.dep_ == "agent" for o in a.children), None)
        elif (raised := _raised_object(cue)) is not None:
            # "outlets reported Hamza bin Laden to be dead": an object and its infinitive;
            # a participle on the infinitive ("…, citing sources") is the writer's.
            thing, infinitive = raised
            excluded = {
                i
                for c in infinitive.children
                if c.dep_ == "advcl" and c.i > infinitive.i
                for i in range(c.left_edge.i, c.right_edge.i + 1)
            }
            content = [
                i for i in self._subtree(thing) + self._subtree(infinitive) if i not in excluded
            ]
        elif (inverted := self._inverted_speaker(cue)) is not None:
            # "It is not for the Court to opine …, argued the government's lawyer": the
            # clause before the cue is what the speaker after it said.
            excluded = set(range(cue.left_edge.i, cue.right_edge.i + 1))
            content = [i for i in self._subtree(cue.head) if i not in excluded]
            pieces = self._pieces(self._within_sentence(content, cue))
            return _Found("indirect", pieces, cue, inverted) if pieces else None
        else:
            content = self._following_clause(cue)
        if not content or not any(self.doc[i].pos_ in VERB_POS for i in content):
            return None
        pieces = self._pieces(self._within_sentence(content, cue))
        if not pieces:
            return None
        return _Found("indirect", pieces, cue, speaker or _quoted_as(cue) or subject_of(cue))

    def _inverted_speaker(self, cue: Token) -> Token | None:
        """The speaker named after a speech verb that closes its sentence behind the
        clause it reports ("…, argued the government's lawyer, Richard Keen."), which the
        parser joins to that clause as a conjunct."""
        doc = self.doc
        if (
            cue.dep_ not in ("conj", "parataxis")
            or cue.head.i > cue.i
            or cue.i == 0
            or doc[cue.i - 1].text != ","
            or not self.is_speech_cue(cue)
            or any(c.dep_ in ("nsubj", "nsubjpass") and c.i < cue.i for c in cue.children)
        ):
            return None
        named = [
            c
            for c in cue.rights
            if c.dep_ in ("nsubj", "dobj", "attr") and c.pos_ in ("NOUN", "PROPN")
        ]
        if len(named) != 1:
            return None
        # The speaker ends the sentence: "…, told reporters about …" names an audience.
        end = named[0].right_edge.i + 1
        if end < len(doc) and not (doc[end].is_punct and doc[end].text in SENTENCE_END):
            return None
        return named[0]

    def _nominal(self, cue: Token) -> _Found | None:
        """A noun of saying with its content: "accusations that …", "his promise to …".

        Content is a that-clause or infinitive after the noun, or the object of
        a topic preposition ("criticism of the deal", "his promise of “…”").
        """
        content: list[int] = []
        for child in cue.rights:
            if child.dep_ in ("acl", "ccomp") and any(
                (c.dep_ == "mark" and c.lower_ == "that") or (c.dep_ == "aux" and c.lower_ == "to")
                for c in child.children
            ):
                content = self._subtree(child)
            elif child.dep_ == "prep" and child.lower_ in NOUN_TOPIC_PREPOSITIONS:
                objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
                if objects:
                    content = self._subtree(objects[0])
            if content:
                break
        if not content and cue.dep_ == "nsubj" and cue.head.lemma_ == "be":
            # "The government's argument was that …": the that-clause the noun is equated with.
            clause = next(
                (
                    c
                    for c in cue.head.rights
                    if c.dep_ == "ccomp"
                    and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                ),
                None,
            )
            content = self._subtree(clause) if clause is not None else []
        pieces = self._pieces(self._within_sentence(content, cue))
        if not pieces or sum(self.view.words(s, e) for s, e in pieces) < 2:
            return None
        # The owner may hang from the noun or, the parser splitting "counter-argument"
        # into subjects side by side, from a word before it.
        split_off = [t for t in cue.head.lefts if t.dep_ == cue.dep_ == "nsubj" and t.i < cue.i]
        speaker = next(
            (c for word in (cue, *split_off) for c in word.children if c.dep_ == "poss"), None
        ) or next((c for c in cue.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
        if speaker is None and cue.dep_ in ("dobj", "attr") and cue.head.pos_ in VERB_POS:
            # "X expressed concern that …", "X made a promise to …"
            speaker = subject_of(cue.head)
        return _Found("indirect", pieces, cue, speaker, complement=True)

    def _that_clause_cue(self, token: Token) -> bool:
        """Any verb whose named or pronoun subject it reports with "that" ("groused that …")."""
        if token.pos_ != "VERB" or token.lemma_.lower() in self.lexicon.non_report_verbs:
            return False
        clause = next((c for c in token.children if c.dep_ in CLAUSAL_DEPS), None)
        if clause is None or not any(
            c.dep_ == "mark" and c.lower_ == "that" for c in clause.children
        ):
            return False
        subject = subject_of(token)
        return subject is not None and (
            subject.ent_type_ in SPEAKER_ENTITIES
            or subject.pos_ in ("PRON", "PROPN")
            # "The report found that …", "A poll showed that …"
            or subject.lemma_.lower() in self.lexicon.document_nouns
        )

    def _characterises(self, token: Token) -> bool:
        """Any verb casting its object as quoted words ("heralded the deal as “a breakthrough”")."""
        if token.pos_ != "VERB" or not any(c.dep_ == "dobj" for c in token.children):
            return False
        return any(
            c.dep_ == "prep"
            and c.lower_ == "as"
            and any(self.view.in_quote[t.i] for t in c.subtree if not t.is_punct)
            for c in token.rights
        )

    def _is_attribution_cue(self, token: Token) -> bool:
        """A learned attribution verb, unless it gives an action's purpose ("met to discuss")."""
        if token.pos_ != "VERB" or token.lemma_.lower() not in self.lexicon.attribution_verbs:
            return False
        return not (
            token.dep_ in ("advcl", "acl")
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        )

    def _is_stance_cue(self, token: Token) -> bool:
        return token.pos_ == "VERB" and token.lemma_.lower() in self.lexicon.stance_verbs

    def _complement(self, cue: Token) -> _Found | None:
        """What a stance verb says of its object: "called the plan “a disaster”"."""
        complements = [c for c in cue.rights if c.dep_ in COMPLEMENT_DEPS]
        # A prepositional phrase alone is the topic only with a few prepositions
        # ("called for", "referred to", "asked about"); else it is circumstance
        # ("asked with embarrassment").
        if all(c.dep_ == "prep" for c in complements) and (
            not complements or complements[0].lower_ not in TOPIC_PREPOSITIONS
        ):
            return None
        if any(c.dep_ not in ("prep", "dative") for c in complements):
            # Beside an object, a prepositional phrase is the audience ("talked to
            # voters about …") or circumstance ("ripped X on social media"),
            # except for what the object is taken as ("cast the win as a sign").
            complements = [
                c
                for c in complements
                if c.dep_ not in ("prep", "dative") or c.lower_ in OBJECT_PREPOSITIONS
            ]
        content = [i for c in complements for i in self._subtree(c)]
        pieces = self._pieces(self._within_sentence(content, cue))
        if not pieces or sum(self.view.words(s, e) for s, e in pieces) < 2:
            return None
        return _Found("indirect", pieces, cue, subject_of(cue), complement=True)

    def _following_clause(self, cue: Token) -> list[int]:
        """A finite clause right after the cue that the parser did not attach as ccomp."""
        doc = self.doc
        i = cue.i + 1
        # Skip the addressee ("told reporters that …").
        while i < len(doc) and doc[i].head.i == cue.i and doc[i].dep_ in ("dative", "dobj"):
            if doc[i].right_edge.i + 1 < len(doc) and doc[doc[i].right_edge.i + 1].lower_ == "that":
                i = doc[i].right_edge.i + 1
                break
            return []
        start = i
        if start < len(doc) and doc[start].lower_ == "that":
            start += 1
        finite = False
        end = start
        while end < len(doc) and end - start < CONTEXT_WINDOW:
            token = doc[end]
            if token.text in SENTENCE_END or "\n" in token.text:
                break
            if end - start < 8 and token.tag_ in FINITE_TAGS and token.i != start:
                finite = True
            end += 1
        if not finite or (start < len(doc) and doc[start].pos_ in ("ADP", "PART", "VERB")):
            return []
        paragraph = self.view.paragraph[cue.i]
        return [i for i in range(start, end) if self.view.paragraph[i] == paragraph]

    def _within_sentence(self, content: list[int], cue: Token) -> list[int]:
        """Content clipped to the cue's sentence, ends of quoted sentences included.

        The parser often runs a sentence on past a quote that closes it
        (“… in the game.” Ryan recently led …); a closing mark after . ! or ?
        ends the sentence here.
        """
        doc = self.doc
        lo = cue.i
        while lo > 0 and cue.i - lo < MAX_CLAUSE_TOKENS and not self._ends_sentence(lo - 1):
            lo -= 1
        hi = cue.i
        while hi + 1 < len(doc) and hi - cue.i < MAX_CLAUSE_TOKENS and not self._ends_sentence(hi):
            hi += 1
        return [i for i in content if lo <= i <= hi]

    def _ends_sentence(self, i: int) -> bool:
        return self.view.sentence_end[i]

    def _rest_of_sentence(self, start: int) -> list[int]:
        """Tokens from ``start`` to the end of the sentence that still belong to the report.

        The parser often hangs the tail of a reported clause on the cue verb
        ("confirmed that his intention was to seek the support of Russia, …, in
        its effort to destroy Israel"); the report runs on unless a new cue
        ("…, adding that …", "according to") takes over.
        """
        doc = self.doc
        tokens: list[int] = []
        i = start
        while i < len(doc) and len(tokens) < CONTEXT_WINDOW * 4:
            token = doc[i]
            if "\n" in token.text or (token.text in SENTENCE_END and not self.view.in_quote[i]):
                break
            if not self.view.in_quote[i] and (
                self.is_report_cue(token)
                or self._is_stance_cue(token)
                or token.lower_ == "according"
            ):
                return _drop_trailing_comma(doc, tokens)
            tokens.append(i)
            i += 1
        return tokens

    def _subtree(self, head: Token) -> list[int]:
        if head.right_edge.i - head.left_edge.i > MAX_CLAUSE_TOKENS:
            return []
        paragraph = self.view.paragraph[head.i]
        cut: set[int] = set()
        for token in head.subtree:
            # A second report joined on ("… and said that …", "…, adding …") is its own;
            # other cues inside the clause are part of what is reported.
            if (
                token.i != head.i
                and token.dep_ in ("conj", "advcl")
                and not self.view.in_quote[token.i]
                and self.is_speech_cue(token)
            ):
                start = token.left_edge.i
                while start > head.left_edge.i and self.doc[start - 1].dep_ in ("cc", "punct"):
                    start -= 1
                cut.update(range(start, token.right_edge.i + 1))
            elif (
                token.dep_ == "relcl"
                and token.left_edge.i > head.left_edge.i
                and token.right_edge.i + 1 >= head.right_edge.i
                and self.doc[token.left_edge.i - 1].text == ","
                and not self.view.in_quote[token.i]
            ):
                # A trailing ", which …" adds the writer's background to what was said
                # (PolNeAR: content only what is clearly attributed).
                cut.update(range(token.left_edge.i - 1, token.right_edge.i + 1))
        return [
            t.i
            for t in head.subtree
            if t.i not in cut and self.view.paragraph[t.i] == paragraph and "\n" not in t.text
        ]

    def _pieces(self, indices: list[int]) -> list[tuple[int, int]]:
        """Contiguous runs of tokens as char spans, without edge punctuation or "that"."""
        doc = self.doc
        indices = sorted(set(indices))
        while indices and (
            doc[indices[0]].text in EDGE_PUNCT
            or doc[indices[0]].is_space
            or doc[indices[0]].dep_ == "cc"
            or (doc[indices[0]].dep_ == "mark" and doc[indices[0]].lower_ == "that")
        ):
            indices.pop(0)
        while indices and (
            doc[indices[-1]].text in EDGE_PUNCT
            or doc[indices[-1]].is_space
            or doc[indices[-1]].dep_ == "cc"
        ):
            indices.pop()
        pieces: list[tuple[int, int]] = []
        previous = -2
        for i in indices:
            token = doc[i]
            end = token.idx + len(token.text)
            if i == previous + 1:
                pieces[-1] = (pieces[-1][0], end)
            else:
                pieces.append((token.idx, end))
            previous = i
        return pieces

    # -- quoted passages ----------------------------------------------------

    def passage_tokens(self, passage: MarkedPassage) -> tuple[int, int]:
        first = self.view.token_at(passage.open)
        last = self.view.token_at(passage.close if passage.close is not None else passage.end - 1)
        return first, last

    def cue_after(self, last: int) -> Token | None:
        after = self.view.after(last)
        # “… our country.” She said Nader “…”: after a quote that ends its sentence, a
        # cue with a clause of its own reports that clause, not the quote.
        closed = last > 0 and self.doc[last - 1].text in SENTENCE_END
        within = {t.i for t in after}
        opening = next((t.i for t in after if not t.is_punct), None)
        for token in after[:CUE_REACH_AFTER]:
            if token.dep_ == "nsubj" and token.left_edge.i == opening and token.head.i in within:
                # “…,” Smith, a spokesman for the party, said: the cue is the verb the
                # speaker right after the quote is the subject of, however long the
                # apposition between them.
                token = token.head
            if self.is_speech_cue(token):
                if closed and any(c.dep_ in CLAUSAL_DEPS and c.i > token.i for c in token.children):
                    return None
                return token
        return None

    def _according_after(self, last: int) -> Token | None:
        """'"…," according to …' right after a quote."""
        after = [t for t in self.view.after(last)[:3] if not t.is_punct]
        if len(after) >= 2 and after[0].lower_ == "according" and after[1].lower_ == "to":
            return after[0]
        return None

    def cue_before(self, before: list[Token]) -> Token | None:
        if not before:
            return None
        body = before[:-1] if before[-1].text in INTRODUCING else before
        if body is not before or (body and self.is_speech_cue(body[-1])):
            for token in reversed(body):
                if self.is_speech_cue(token):
                    return token
        return None

    def colon_introduction(self, first: int) -> Token | None:
        """The cue of a sentence ending in a colon just before a quote opening a paragraph."""
        doc = self.doc
        i = first - 1
        while i >= 0 and (doc[i].is_space or "\n" in doc[i].text):
            i -= 1
        if i < 0 or doc[i].text != ":" or self.view.paragraph[i] == self.view.paragraph[first]:
            return None
        sentence = self.view.before(i)
        return next((t for t in reversed(sentence) if self.is_speech_cue(t)), None)

    def lead_in_subject(self, before: list[Token]) -> Token | None:
        """'Senator Lindsey Graham spoke on Fox News, “…”', 'Landrieu struck a similar
        tone in his concession speech: “…”': a clause without a speech verb that leads
        into a quote gives it its subject as speaker."""
        if len(before) < 3 or before[-1].text not in (",", ":"):
            return None
        inside = {t.i for t in before}
        # the first clause with its subject before the mark (the parser may hang the
        # quote's own verb above it)
        subject = next(
            (
                c
                for verb in before
                if verb.pos_ in ("VERB", "AUX") and verb.dep_ in ("ROOT", "conj", "ccomp")
                for c in verb.children
                if c.dep_ == "nsubj" and c.i in inside
            ),
            None,
        )
        if subject is None or subject.pos_ not in ("PROPN", "NOUN", "PRON"):
            return None
        if subject.pos_ == "PRON" and subject.lower_ not in PERSON_SUBJECTS:
            return None
        return subject

    def governing_cue(self, first: int, last: int) -> Token | None:
        """The speech verb a partial quote hangs from, walking up the parse."""
        doc = self.doc
        for i in range(first, last + 1):
            token = doc[i]
            if first <= token.head.i <= last and token.head.i != token.i:
                continue
            head = token.head
            for _ in range(MAX_HEAD_STEPS):
                if head.i < first or head.i > last:
                    if self.is_report_cue(head) and not self.view.in_quote[head.i]:
                        return head
                if head.head.i == head.i:
                    break
                head = head.head
        return None

    def _container(
        self, passage: MarkedPassage, reported: list[_Found], starts: list[int]
    ) -> _Found | None:
        """The reported speech a quoted passage sits in, if any (reported is in text order)."""
        index = bisect.bisect_right(starts, passage.start)
        for item in reversed(reported[max(0, index - NESTED_REPORTS) : index]):
            # Reported speech ends before a closing mark (“… of Washington.”) it is
            # later widened to take in.
            if _inside(passage, self._covering_passages(item.pieces)):
                return item
        return None

    def _passages_within(self, start: int, end: int) -> list[MarkedPassage]:
        within = []
        for index in range(bisect.bisect_left(self.passage_ends, start), len(self.passages)):
            passage = self.passages[index]
            if passage.open >= end:
                break
            within.append(passage)
        return within

    def quoted(self, reported: list[_Found]) -> list[_Found]:
        found: list[_Found] = []
        reported_starts = [r.start for r in reported]
        by_cue: dict[int, _Found] = {}
        for passage in self.passages:
            text = self.text[passage.start : passage.end]
            if not any(ch.isalnum() for ch in text):
                continue
            first, last = self.passage_tokens(passage)
            before = self.view.before(first)
            initial = next((ch for ch in text if ch.isalnum()), "")
            # "But “…”" or "Still, “…”": a connective before a quote leaves it standing alone.
            connective = len(before) <= 3 and all(
                t.dep_ in ("cc", "advmod", "intj", "punct") for t in before
            )
            standalone = (
                not before or before[-1].text in INTRODUCING or connective
            ) and not initial.islower()
            if not standalone and before and self.is_speech_cue(before[-1]):
                standalone = not initial.islower()
            container = self._container(passage, reported, reported_starts)
            if standalone:
                cue = (
                    self.cue_after(last)
                    or self.cue_before(before)
                    or (self.colon_introduction(first) if not before else None)
                    or self._according_after(last)
                )
                kind = "direct"
            else:
                cue = None
                kind = "partial"
                if container is not None:
                    cue = container.cue
                cue = cue or self.governing_cue(first, last) or self.cue_after(last)
            if cue is None and kind == "direct":
                head = self.lead_in_subject(before)
            elif container is not None and container.cue is cue:
                head = container.speaker_head
            elif cue is not None and cue.lower_ == "according":
                # '"…," according to a tweet by X': the source; inside reported speech
                # the container's speaker is already taken above
                head = _source_of_according(cue) if kind == "direct" else None
            else:
                head = subject_of(cue) if cue is not None else None
            if (
                cue is not None
                and cue.i in by_cue
                and by_cue[cue.i].kind == "direct"
                and not passage.single
            ):
                # A quote split around its cue: “A,” she said, “b.” is one quote; two
                # fragments quoted in one report (she said X “a” and “b”) are two.
                by_cue[cue.i].pieces.append((passage.start, passage.end))
                continue
            if (
                cue is None
                and not self._may_stand_unattributed(passage, kind)
                and not self._continues(found, passage, kind)
            ):
                continue
            if kind == "partial" and container is None and self._name_like(passage):
                continue
            item = _Found(kind, [(passage.start, passage.end)], cue, head)
            if cue is not None:
                by_cue[cue.i] = item
            found.append(item)
        return found

    def _continues(self, found: list[_Found], passage: MarkedPassage, kind: str) -> bool:
        """A quote, however short, after a cued quote of its paragraph (“A,” he said. “B.”)."""
        if kind != "direct" or passage.single or not found or found[-1].kind != "direct":
            return False
        previous = found[-1]
        paragraph = self.view.paragraph[self.view.token_at(passage.start)]
        return previous.cue is not None and self._paragraph_of(previous) == paragraph

    def _may_stand_unattributed(self, passage: MarkedPassage, kind: str) -> bool:
        if kind != "direct" or passage.single:
            return False
        words = self.text[passage.start : passage.end].split()
        return len(words) >= MIN_UNATTRIBUTED_WORDS and not self._name_like(passage)

    def _name_like(self, passage: MarkedPassage) -> bool:
        """A single word or a title-cased phrase: a scare quote or a title, not a quotation."""
        words = self.text[passage.start : passage.end].split()
        if len(words) < 2:
            return True
        long_words = [w for w in words if len(w) > 3 and w[0].isalpha()]
        return bool(long_words) and all(w[0].isupper() for w in long_words)

    # -- assembly -----------------------------------------------------------

    def find(self) -> list[Quote]:
        reported = _outermost(self.reported_speech(), self._relays)
        quoted = self.quoted(reported)
        # The object of a cue that introduces a direct quote is its audience
        # ("told Fox News, “…”"), not what was said.
        direct_cues = {q.cue.i for q in quoted if q.cue is not None and q.kind == "direct"}
        quoted_spans = sorted(p for q in quoted for p in q.pieces)
        reported = [
            r
            for r in reported
            if (self._not_mostly_quoted(r) or (r.colon and not _overlapping(r, quoted_spans)))
            and not (r.complement and r.cue is not None and r.cue.i in direct_cues)
        ]
        for item in reported:
            item.pieces = self._covering_passages(item.pieces)
            if any(
                _inside(p, item.pieces) for s, e in item.pieces for p in self._passages_within(s, e)
            ):
                item.kind = "mixed"
        items = sorted(quoted + reported, key=lambda f: f.start)
        self._speakers(items)
        return [self._quote(number, item) for number, item in enumerate(items, start=1)]

    def _covering_passages(self, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Widen reported-speech pieces so that no quoted passage is cut in two."""
        widened = []
        for start, end in pieces:
            for passage in self._passages_within(start, end):
                if passage.start < end and start < passage.end:
                    closing = passage.close + 1 if passage.close is not None else passage.end
                    start, end = min(start, passage.open), max(end, closing)
            widened.append((start, end))
        return widened

    def _not_mostly_quoted(self, item: _Found) -> bool:
        total = sum(self.view.words(s, e) for s, e in item.pieces)
        if total == 0:
            return False
        quoted = 0
        for s, e in item.pieces:
            for passage in self._passages_within(s, e):
                lo, hi = max(s, passage.start), min(e, passage.end)
                if lo < hi:
                    quoted += self.view.words(lo, hi)
        return quoted < QUOTED_SHARE * total

    def _speakers(self, items: list[_Found]) -> None:
        previous: _Found | None = None
        cued = [(item, self._phrase(item)) for item in items if item.cue is not None]
        for index, item in enumerate(items):
            if item.speaker is None and (item.cue is not None or item.speaker_head is not None):
                item.speaker = self.resolver.speaker(item.speaker_head)
            repeated = (
                _repeated(cued, self._phrase(item))
                if item.cue is None and item.speaker_head is None and item.kind == "direct"
                else None
            )
            if repeated is not None:
                # A pull quote: the words of a quote told elsewhere, and its speaker's.
                item.speaker = repeated.speaker or self.resolver.speaker(repeated.speaker_head)
            elif item.cue is None and item.speaker_head is None and item.kind == "direct":
                # No cue of its own: the quote continues the adjacent speaker, or shares
                # the cue of the quote it is joined to (“A” and “B,” the crowd chanted).
                if self._joined(item, items[index + 1 : index + 2]):
                    previous = None
                if (
                    previous is not None
                    and self._paragraph_of(item) - self._paragraph_of(previous)
                    > CONTINUATION_PARAGRAPHS
                ):
                    previous = None
                neighbour = previous or self._next_attributed(items, index)
                if neighbour is not None and neighbour.speaker is not None:
                    item.speaker = neighbour.speaker
            if item.speaker is None:
                item.speaker = Speaker()
            if item.cue is not None and item.cue_span is None:
                item.cue_span = Span(item.cue.text, item.cue.idx, item.cue.idx + len(item.cue.text))
            if item.speaker.text is not None or item.cue is not None:
                previous = item

    def _relays(self, outer: _Found, inner: _Found) -> bool:
        """Whether ``outer`` is a news outlet's report of what ``inner``'s speaker said
        ("Reuters reported a source said …")."""
        if outer.speaker_head is None or inner.cue is None or not self.is_speech_cue(inner.cue):
            return False
        actor = self.resolver.actors.get(self.resolver.speaker(outer.speaker_head).actor or "")
        return actor is not None and actor.kind == MEDIA_KIND

    def _joined(self, item: _Found, following: list[_Found]) -> bool:
        """Whether the next quote, a direct one with a cue, follows ``item`` in its
        paragraph with only "and", "or" or a comma between them."""
        if not following or following[0].cue is None or following[0].kind != "direct":
            return False
        between = self.text[item.pieces[-1][1] : following[0].start]
        words = WORD.findall(between)
        return words in ([], ["and"], ["or"]) and len(between) <= MAX_JOINER and "\n" not in between

    def _phrase(self, item: _Found) -> str:
        """The item's words, lower-case, space-separated and space-framed."""
        words = [w for s, e in item.pieces for w in WORD.findall(self.text[s:e].lower())]
        return " " + " ".join(words) + " "

    def _paragraph_of(self, item: _Found) -> int:
        return self.view.paragraph[self.view.token_at(item.start)]

    def _next_attributed(self, items: list[_Found], index: int) -> _Found | None:
        paragraph = self._paragraph_of(items[index])
        for later in items[index + 1 : index + 1 + LOOKAHEAD_QUOTES]:
            if self._paragraph_of(later) != paragraph:
                return None
            if later.cue is not None:
                later.speaker = later.speaker or self.resolver.speaker(later.speaker_head)
                return later
        return None

    def _quote(self, number: int, item: _Found) -> Quote:
        text = self.text
        return Quote(
            id=f"q{number}",
            kind=item.kind,
            text=" ".join(text[s:e] for s, e in item.pieces),
            spans=[(s, e) for s, e in item.pieces],
            speaker=item.speaker or Speaker(),
            cue=item.cue_span,
        )


def _repeated(cued: list[tuple[_Found, str]], phrase: str) -> _Found | None:
    """The cued quote (with its phrase) holding all the words of ``phrase`` in a row."""
    if len(phrase.split()) < MIN_UNATTRIBUTED_WORDS:
        return None
    return next((other for other, words in cued if phrase in words), None)


def _raised_object(cue: Token) -> tuple[Token, Token] | None:
    """The object and the infinitive after it of "reported X to be Y"."""
    thing = next((c for c in cue.children if c.dep_ == "dobj"), None)
    infinitive = next((c for c in cue.children if c.dep_ == "xcomp" and c.i > cue.i), None)
    # "to be", "to have": what the object is or did, not what it was told to do
    # ("told reporters to leave").
    if thing is None or infinitive is None or infinitive.lemma_ not in ("be", "have"):
        return None
    if not thing.i < infinitive.i:
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in infinitive.children):
        return None
    return thing, infinitive


def _drop_trailing_comma(doc: Doc, tokens: list[int]) -> list[int]:
    while tokens and doc[tokens[-1]].text in EDGE_PUNCT:
        tokens.pop()
    # A subject before the new cue ("…, Smith added") is not part of the report.
    while tokens and doc[tokens[-1]].dep_ in ("nsubj", "compound", "det", "amod", "poss", "case"):
        tokens.pop()
    while tokens and doc[tokens[-1]].text in EDGE_PUNCT:
        tokens.pop()
    return tokens


def _quoted_as(cue: Token) -> Token | None:
    """The speaker of a cue under a preposition: the subject of the verb above it,
    "X responded by saying …", or of the passive in "X was quoted (by Y) as saying …"."""
    preposition = cue.head
    verb = preposition.head
    if cue.dep_ != "pcomp" or preposition.pos_ != "ADP" or verb.pos_ not in VERB_POS:
        return None
    if preposition.lower_ == "as" and verb.tag_ == "VBN":
        return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return subject_of(verb)


def _put_to(token: Token) -> bool:
    """A participle without a subject of its own heading an adverbial clause ("When
    asked about …, the general said", "Asked whether …"): its words are the question
    put to the speaker, not theirs; "as reported by X" still reports."""
    return (
        token.tag_ == "VBN"
        and token.dep_ == "advcl"
        and not any(
            c.dep_ in ("nsubj", "nsubjpass") or (c.dep_ == "mark" and c.lower_ == "as")
            for c in token.children
        )
    )


def _outermost(
    reported: list[_Found], relays: Callable[[_Found, _Found], bool] = lambda outer, inner: False
) -> list[_Found]:
    """Reports whose cue is not inside another report's content.

    "X said that Y claimed Z" is X's report; Y's claim is part of what X said
    (PolNeAR annotates only the outermost attribution, guidelines p. 23).
    A noun of saying keeps its own report: in "rejected accusations that …"
    the accusations are someone else's words, named as such. A report that
    ``relays`` the one it holds ("Reuters reported a government source said …")
    gives way to it: the statement is the source's, the outlet carries it.
    """
    ordered = sorted(reported, key=lambda r: r.start)
    starts = [r.start for r in ordered]
    nested: set[int] = set()
    relaying: set[int] = set()
    relayed: set[int] = set()
    for item in reported:
        if item.cue is None or item.cue.pos_ == "NOUN":
            continue
        cue = item.cue.idx
        index = bisect.bisect_right(starts, cue)
        for other in ordered[max(0, index - NESTED_REPORTS * 2) : index]:
            if other is item or not any(s <= cue < e for s, e in other.pieces):
                continue
            nested.add(id(item))
            # The clause the outlet reports is the source's report ("reported a
            # source said …"), not a word inside it ("whom they did not name").
            if other.cue is not None and item.cue.head.i == other.cue.i and relays(other, item):
                relaying.add(id(other))
                relayed.add(id(item))
    return [
        item
        for item in reported
        if id(item) not in relaying and (id(item) not in nested or id(item) in relayed)
    ]


def _overlapping(item: _Found, spans: list[tuple[int, int]]) -> bool:
    """Whether any of item's pieces overlaps one of the sorted, disjoint spans."""
    ends = [e for _, e in spans]
    for start, end in item.pieces:
        index = bisect.bisect_right(ends, start)
        if index < len(spans) and spans[index][0] < end:
            return True
    return False


def _inside(passage: MarkedPassage, pieces: list[tuple[int, int]]) -> bool:
    return any(s <= passage.start and passage.end <= e for s, e in pieces)


def find_quotes(doc: Doc, lexicon: CueLexicon, cognition: bool = False) -> list[Quote]:
    """All quotes and reported speech in a parsed doc, in text order, ids q1, q2, …"""
    return QuoteFinder(doc, lexicon, cognition).find()


def _source_of_according(cue: Token) -> Token | None:
    """The object of 'according to'."""
    to = next((c for c in cue.children if c.lower_ == "to"), None)
    return next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
