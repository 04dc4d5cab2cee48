"""Statements appended to a story: their 'I' is who signs or issues them, not the
journalist. 'Below is the statement from the Conservative website, on the results:'
followed by paragraphs in the first person, or such paragraphs ended by a signature line
('— Alan Johnson, Home Secretary'). In an interview's answers ('A: I will stay'), the
'I' is the person its lead-in names last.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Token

from dyad.actors.state import ArticleMentions, Found
from dyad.interviews import interview_label

# How many paragraphs in the first person a statement may run before or after its 'I'.
STATEMENT_PARAGRAPHS = 6
# Longest signature line, in tokens.
SIGNATURE_TOKENS = 12
# A letter's closing line before its signature ('Yours sincerely,').
VALEDICTIONS = frozenset({"sincerely", "yours", "regards", "respectfully", "best", "kind"})
VALEDICTION_TOKENS = 3
# Words of a paragraph that announces the text after it ('The following is …', 'Below is …').
ANNOUNCING_WORDS = frozenset({"following", "below"})
SPEAKING_KINDS = {"person", "organization", "party", "government", "igo", "ngo", "armed_group"}


def signatory(article: ArticleMentions, token: Token) -> str | None:
    """Who the first-person ``token`` outside quotes stands for, when it sits in a
    statement introduced by a colon or closed by a signature; None otherwise."""
    starts = article.paragraph_starts
    here = _paragraph_of(starts, token.i)
    label = _interview_label(article, starts, here)
    if label is not None:
        return _interviewee(article, starts, here) if label == "answer" else None
    first = here
    while (
        first > 0
        and here - first < STATEMENT_PARAGRAPHS
        and first - 1 in article.first_person_paragraphs
    ):
        first -= 1
    last = here
    while (
        last + 1 < len(starts)
        and last - here < STATEMENT_PARAGRAPHS
        and last + 1 in article.first_person_paragraphs
    ):
        last += 1
    signed = _signature(article, starts, last + 1)
    introduced = _introducer(article, starts, first, token.i) or _announcer(article, starts, first)
    if signed and introduced:  # two statements in a row: the nearer edge tells
        return signed if last + 1 - here < here - first + 1 else introduced
    return signed or introduced


def _interview_label(
    article: ArticleMentions, starts: tuple[int, ...], paragraph: int
) -> str | None:
    """The label of a paragraph opening with an interview's "Q:" or "A:", or None."""
    first = starts[paragraph]
    doc = article.doc
    return interview_label(doc[first].text, doc[first + 1].text) if first + 1 < len(doc) else None


def _interviewee(article: ArticleMentions, starts: tuple[int, ...], paragraph: int) -> str | None:
    """The person named last before the run of "Q:"/"A:" paragraphs holding ``paragraph``."""
    while paragraph > 0 and _interview_label(article, starts, paragraph - 1) is not None:
        paragraph -= 1
    people = [
        f
        for f in article.found.starting(0, starts[paragraph])
        if article.actors[f.actor].kind == "person"
        and not article.in_quote(article.doc[f.start].idx)
    ]
    return people[-1].actor if people else None


def _paragraph_of(starts: tuple[int, ...], i: int) -> int:
    return bisect_right(starts, i) - 1


def _tokens(article: ArticleMentions, starts: tuple[int, ...], paragraph: int) -> list[Token]:
    end = starts[paragraph + 1] if paragraph + 1 < len(starts) else len(article.doc)
    return [t for t in article.doc[starts[paragraph] : end] if not t.is_space]


def _introducer(
    article: ArticleMentions, starts: tuple[int, ...], first: int, before: int
) -> str | None:
    """The speaker of the sentence ending in the colon that opens the statement: in the
    paragraph before its first one, or earlier in that first paragraph."""
    doc = article.doc
    end = starts[first + 1] if first + 1 < len(starts) else len(doc)
    # The colons, from the word index: making a Token of every word of the paragraphs
    # cost more than the rest of the test.
    colons = [i for i in article.word_index.get(doc.vocab.strings[":"], ()) if i < end]
    candidates = [i for i in colons if i >= starts[first]]
    if first > 0:
        last = starts[first] - 1  # the previous paragraph's last word other than spaces
        while last >= starts[first - 1] and doc[last].is_space:
            last -= 1
        if last >= starts[first - 1] and last in colons:  # the colon must close its paragraph
            candidates = [last, *candidates]
    offsets = article.token_offsets[0]
    opening = [i for i in candidates if i < before and not article.in_quote(offsets[i])]
    if not opening:
        return None
    colon = doc[opening[-1]]
    sentence = colon.sent
    if any(
        t.lower_ in article.lex.pronouns["author"] and t.pos_ == "PRON"
        for t in doc[sentence.start : colon.i]
    ):
        return None  # 'Here is what I mean:' is the writer's own introduction
    speakers = [
        f
        for f in article.found.starting(sentence.start, colon.i)
        if article.actors[f.actor].kind in SPEAKING_KINDS
    ]
    subjects = [f for f in speakers if article.doc[f.start : f.end].root.dep_ == "nsubj"]
    people = [f for f in speakers if article.actors[f.actor].kind == "person"]
    # 'a quote from Labour leader Gordon Brown': the person before his organisation
    chosen = subjects or people[-1:] or speakers[-1:]
    return chosen[0].actor if chosen else None


def _announcer(article: ArticleMentions, starts: tuple[int, ...], first: int) -> str | None:
    """'The following is an interview with Sparrow, conducted via email.': a paragraph
    right before the statement that announces what follows, and whose it is."""
    if first == 0:
        return None
    tokens = _tokens(article, starts, first - 1)
    words = {t.lower_ for t in tokens}
    if not words & ANNOUNCING_WORDS or not words & article.lex.announced_nouns:
        return None
    speakers = [
        f
        for f in article.found.starting(starts[first - 1], starts[first])
        if article.actors[f.actor].kind in SPEAKING_KINDS
        and not article.in_quote(article.doc[f.start].idx)
    ]
    people = [f for f in speakers if article.actors[f.actor].kind == "person"]
    chosen = people[-1:] or speakers[-1:]
    return chosen[0].actor if chosen else None


def _signature(article: ArticleMentions, starts: tuple[int, ...], paragraph: int) -> str | None:
    """'— Alan Johnson, Home Secretary' right after the statement, or after its closing
    ('Sincerely,' 'Yours faithfully,')."""
    if paragraph >= len(starts):
        return None
    tokens = [t for t in _tokens(article, starts, paragraph) if not t.is_punct]
    if tokens and len(tokens) <= VALEDICTION_TOKENS and tokens[0].lower_ in VALEDICTIONS:
        paragraph += 1
        if paragraph >= len(starts):
            return None
        tokens = [t for t in _tokens(article, starts, paragraph) if not t.is_punct]
    if not tokens or len(tokens) > SIGNATURE_TOKENS:
        return None
    found: Found | None = next(iter(article.found.starting(tokens[0].i, tokens[0].i + 1)), None)
    if found is None or article.actors[found.actor].kind != "person":
        return None
    return found.actor
