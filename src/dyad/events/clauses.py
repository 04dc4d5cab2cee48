"""Which clauses tell an event at all: not headings, not generic or habitual
statements ("when a citizen is arrested abroad, ..."), and questions only as
hypothetical ones."""

from __future__ import annotations

from spacy.tokens import Token

# Closed-class words of English grammar, not a lexicon of events.
GENERIC_MARKS = frozenset({"when", "whenever", "once"})
HABITUAL_ADVERBS = frozenset({"usually", "often", "routinely", "typically", "generally", "always"})
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
INDEFINITE = frozenset({"a", "an", "any", "every"})
HEADING_MAX_WORDS = 8
SENTENCE_ENDS = frozenset({".", "!", "?", '"', "”", "'", "’", ":", ";"})


def is_heading(token: Token) -> bool:
    """A short line with no verb and no closing punctuation: a section heading
    ("Blockade and Little Aid") or a byline, not a sentence."""
    doc = token.doc
    # A heading is short: look no further than its length, so that a text without
    # line breaks costs no more per event than one with them.
    reach = 2 * HEADING_MAX_WORDS
    start = token.i
    while start > 0 and not breaks_line(doc[start - 1]):
        start -= 1
        if token.i - start > reach:
            return False
    end = token.i
    while end + 1 < len(doc) and not breaks_line(doc[end]):
        end += 1
        if end - token.i > reach:
            return False
    words = [t for t in doc[start : end + 1] if not t.is_punct and not t.is_space]
    if not words or len(words) > HEADING_MAX_WORDS or doc[end].text in SENTENCE_ENDS:
        return False
    return not any(t.pos_ in ("VERB", "AUX") for t in words)


def breaks_line(token: Token) -> bool:
    """The token holds or is followed by a line break."""
    return "\n" in token.whitespace_ or "\n" in token.text


def is_generic(top: Token) -> bool:
    """A clause telling what happens in general, not an event: "when *a* British
    citizen *is* arrested abroad", "police *usually* detain protesters"."""
    present = top.tag_ in PRESENT_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in PRESENT_TAGS for c in top.children
    )
    if not present:
        return False
    if any(c.dep_ == "advmod" and c.lower_ in HABITUAL_ADVERBS for c in top.children):
        return True
    if not any(c.dep_ == "advmod" and c.lower_ in GENERIC_MARKS for c in top.children):
        return False
    # "when a citizen is arrested": about anyone; "when Russia attacks": about Russia.
    return any(
        c.dep_ in ("nsubj", "nsubjpass", "dobj")
        and any(d.dep_ == "det" and d.lower_ in INDEFINITE for d in c.children)
        for c in top.children
    )


def is_question(top: Token) -> bool:
    """The clause is asked about ("Will Russia attack Ukraine?"), not told; a clause
    inside a question is not ("As Putin kills Navalny, what are we doing?")."""
    return any(c.dep_ == "punct" and c.text == "?" for c in top.children)
