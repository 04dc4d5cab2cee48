"""Which time expression governs a token: the link from events to ``doc._.times``.

A time expression governs a word when the parse attaches it to that word or to
a word on the way up to the head of the word's clause: "consultations ... in
January" (the time hangs off the clause's verb), "the October 7 attacks" (off
the noun itself). The search stops at the clause head, so a time in a
reporting clause ("X said on Friday that ...") does not leak into the
reported clause; callers decide whether to fall back to a reporting time or
to the publication date.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyad.model import TimeExpr

if TYPE_CHECKING:  # only for annotations: the ground floor does not load spaCy
    from spacy.tokens import Doc, Span, Token

# Dependency labels that start a new clause: the climb from a token stops at
# the first verb carrying one of them.
CLAUSE_DEPS = frozenset(
    {"ROOT", "ccomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj", "csubjpass"}
)
CLAUSE_HEAD_POS = frozenset({"VERB", "AUX"})
# Prepositions whose object happens at the same time as the clause ("during the
# talks on Friday"), unlike "after the October 7 attacks".
CONCURRENT_PREPOSITIONS = frozenset({"during", "at", "amid", "amidst", "throughout", "on"})


def time_for(
    doc: Doc, token: Token, attachments: dict[int, list[TimeExpr]] | None = None
) -> TimeExpr | None:
    """The time expression in ``doc._.times`` that governs ``token``'s clause, or None.

    Climbs the dependency tree from ``token`` to the head of its clause; at each
    word on the way, times attached to that word qualify (directly, or as the
    object of a preposition attached to it), then times on the noun of a
    "during"-like phrase of that word. The first word with a qualifying time
    wins; among several, the nearest to ``token``. For the time a report was
    made, ask for the reporting verb ("said", "informed") instead.
    Pure: reads ``doc._.times`` and the parse, changes nothing. Without a
    dependency parse only times attached to ``token`` itself can be found.
    ``attachments``: what ``time_attachments(doc)`` gives, for a caller asking of
    many tokens of one doc.
    """
    times = doc._.times if doc.has_extension("times") else None
    if not times:
        return None
    by_word = attachments if attachments is not None else time_attachments(doc)
    node = token
    for _ in range(len(doc)):  # bounded: a malformed parse must not loop forever
        found = by_word.get(node.i) or _through_concurrent_phrase(node, by_word)
        if found:
            return min(found, key=lambda time: _distance(doc, time, token))
        if _is_clause_head(node) or node.head.i == node.i:
            return None
        node = node.head
    return None


def time_attachments(doc: Doc) -> dict[int, list[TimeExpr]]:
    """Each word that times in ``doc._.times`` are attached to -> those times."""
    times = doc._.times if doc.has_extension("times") else None
    by_word: dict[int, list[TimeExpr]] = {}
    for time in times or []:
        word = attachment(doc, time)
        if word is not None:
            by_word.setdefault(word.i, []).append(time)
    return by_word


def _through_concurrent_phrase(node: Token, by_word: dict[int, list[TimeExpr]]) -> list[TimeExpr]:
    """Times on the noun of a "during"-like phrase of ``node``: "During an interview this
    past weekend, X told reporters" dates the telling."""
    found: list[TimeExpr] = []
    for child in node.children:
        if child.dep_ == "prep" and child.lower_ in CONCURRENT_PREPOSITIONS:
            for noun in child.children:
                if noun.dep_ == "pobj":
                    found.extend(by_word.get(noun.i, ()))
    return found


def attachment(doc: Doc, time: TimeExpr) -> Token | None:
    """The word a time expression modifies: the head of its span, skipping a preposition."""
    span = doc.char_span(time.start, time.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    root = span.root
    head = root.head
    if head.i == root.i or _inside(head, span):
        return root
    if head.dep_ in ("prep", "agent") and head.head.i != head.i:
        return head.head
    return head


def _is_clause_head(token: Token) -> bool:
    return token.pos_ in CLAUSE_HEAD_POS and token.dep_ in CLAUSE_DEPS


def _inside(token: Token, span: Span) -> bool:
    return span.start <= token.i < span.end


def _distance(doc: Doc, time: TimeExpr, token: Token) -> int:
    if time.end <= token.idx:
        return token.idx - time.end
    return max(0, time.start - (token.idx + len(token)))
