"""Capitals and seats: one that acts is its state ('Moscow hosted'), otherwise a place.

Also the places the other passes meet: a state named under a locative preposition
('in Syria'), a dateline, an entity spaCy tags as a place.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from dyad.actors.groups import member_phrase_end
from dyad.actors.kb import NAME
from dyad.actors.state import POSSESSIVE, ArticleMentions
from dyad.model import Place


def acts(article: ArticleMentions, span: Span, default: bool) -> bool:
    """Does a capital or seat act ('Moscow hosted') rather than name a place?"""
    root = span.root
    doc = article.doc
    lex = article.lex
    if _said_to_be_place(article, span):
        return False  # 'converged on Canberra, the capital city'
    if span.end < len(doc) and doc[span.end].text in POSSESSIVE:
        following = doc[span.end + 1] if span.end + 1 < len(doc) else None
        # "Washington's Institute for ...", "Rangoon's streets": places
        return following is None or not (
            following.text[:1].isupper() or following.lower_ in lex.place_parts
        )
    if span.end + 1 < len(doc) and doc[span.end].text == ",":
        after = article.kb.lookup(doc[span.end + 1].text)
        if any(t.kind == NAME and t.actor in article.kb.entries for t in after):
            return False  # a dateline or address: 'RANGOON, Burma'
    if span.start == 0 or doc[span.start - 1].is_space:
        if span.end < len(doc) and doc[span.end].text in (",", "-", "—", "–", "(", "_"):
            return False  # a dateline at the start of a paragraph: 'HAVANA (AP) --'
    if member_phrase_end(article, span.end) > span.end:
        return True  # 'the Pyongyang regime', 'Kremlin officials'
    while root.dep_ == "conj" and root.head != root:
        root = root.head
    if root.dep_ in lex.acting_dependencies:
        return True
    if root.dep_ == "pobj":
        prep = root.head.lower_
        if prep in lex.locative_prepositions or (
            prep == "of" and root.head.head.lower_ in lex.place_nouns
        ):
            return False  # 'in Tripoli', 'the Lebanese city of Tripoli'
        return prep in lex.acting_prepositions or default
    if root.dep_ == "dobj":
        return root.head.lemma_ not in lex.place_verbs
    if root.dep_ in ("compound", "amod", "nmod"):
        return default  # 'a Pentagon readout' acts; 'Moscow talks' are held there
    return default


def under_locative(article: ArticleMentions, span: Span) -> bool:
    """Is the span the object of a locative preposition ('in Syria')?"""
    root = span.root
    while root.dep_ == "conj" and root.head != root:
        root = root.head
    return root.dep_ == "pobj" and root.head.lower_ in article.lex.locative_prepositions


def named_as_place(article: ArticleMentions, span: Span) -> bool:
    """An unknown name written as a place: 'in Bhagalpur', 'the town of Kuqa',
    'Mindoro, Samar, and Nueva Ecija provinces'."""
    doc = article.doc
    lex = article.lex
    root = span.root
    while root.dep_ == "conj" and root.head != root:
        root = root.head
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        owner = root.head.head.lower_
        if owner in lex.place_nouns or owner in lex.place_parts:
            return True  # 'birthplace of Al Auja' (whatever its first word), 'residents of Maiori'
    if span[0].lower_ in lex.male_names or span[0].lower_ in lex.female_names:
        return False  # 'in prison Michael Czugaj': a person after all
    if _said_to_be_place(article, span):
        return True
    if root.dep_ == "pobj" and root.head.lower_ in lex.place_prepositions:
        return True
    if before_its_state(article, span) or any(p.text == span.text for p in article.places):
        return True  # 'Maiori, Italy', then 'the residents of Maiori'
    if span.end >= len(doc):
        return False
    following = doc[span.end].lower_
    # 'the Graubünden police', 'Kiryat Shmona residents': the place's own
    return following in lex.place_nouns or (
        following in lex.place_parts and span.root.dep_ == "compound"
    )


def before_its_state(article: ArticleMentions, span: Span) -> bool:
    """'Maiori, Italy', 'Davos, Switzerland': a name written before a comma and a state."""
    doc = article.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return False
    if span.end + 2 < len(doc) and doc[span.end + 2].text in POSSESSIVE:
        return False  # 'Tomas Brenner, Austria's chief negotiator': an apposition
    after = article.kb.lookup(doc[span.end + 1].text) + article.kb.lookup(
        doc[span.end + 1 : span.end + 3].text  # 'Christchurch, New Zealand'
    )
    return any(
        t.kind == NAME and article.kb.entries[t.actor].kind == "state"
        for t in after
        if t.actor in article.kb.entries
    )


def _said_to_be_place(article: ArticleMentions, span: Span) -> bool:
    """'captured Ouadda-Djalle, an isolated settlement', 'the first town to fall was Birao',
    'a small town called Unity': a name its apposition, its copula's subject or the place
    noun it is called by calls a place."""
    apposed = apposition_noun(article.doc, span.end)
    if apposed is not None and apposed.lower_ in article.lex.place_nouns:
        return True
    root = span.root
    if root.head.lemma_ in ("call", "name") and root.head.head.lower_ in article.lex.place_nouns:
        return True  # 'a small town called Unity'
    if root.dep_ != "attr" or root.head.lemma_ != "be":
        return False
    subject = next((c for c in root.head.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.lower_ in article.lex.place_nouns


# Words an apposition's noun phrase may run over before its noun: 'a Tokyo based newswire'.
APPOSITION_WORDS = {"ADJ", "NOUN", "PROPN", "VERB", "ADV", "PUNCT"}


def apposition_noun(doc: Doc, end: int) -> Token | None:
    """The noun of an indefinite or definite apposition after a name (', an isolated
    settlement', ', a Tokyo based newswire'), None without one."""
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in ("a", "an", "the"):
        return None
    noun = None
    for token in doc[end + 2 : end + 8]:
        if token.text in POSSESSIVE:
            return None  # 'Jones, the city's mayor': the noun owns the head
        if token.pos_ not in APPOSITION_WORDS or token.text in (",", ".", ";", ":"):
            break
        if token.pos_ == "NOUN":
            noun = token
    return noun


def add_place(article: ArticleMentions, span: Span, country: str | None) -> None:
    """A place, with a 'the' before it, and its tokens claimed unless it modifies a noun."""
    doc = article.doc
    start = span.start
    modifier = span.root.dep_ in ("compound", "amod", "nmod") and span.root.head.i >= span.end
    if start > 0 and doc[start - 1].lower_ == "the" and not modifier:
        start -= 1  # 'the Middle East', but not the 'the' of 'the Iowa caucuses'
    if modifier:  # 'the Iowa caucuses': a place, not claimed from a description
        article.places.append(place_of(span, country))
        return
    article.places.append(place_of(doc[start : span.end], country))
    article.claimed.update(range(start, span.end))


def place_of(span: Span, country: str | None) -> Place:
    return Place(span.text, span.start_char, span.end_char, country)
