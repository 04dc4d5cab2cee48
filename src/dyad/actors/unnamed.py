"""People an article describes but does not name: 'a spokesman for the US State
Department', 'One MP told the BBC', 'The Secretary General of the main opposition party
in Zimbabwe'. Each becomes a person actor of its own, with the affiliation and country the
phrase gives (else the article's country, as for the people the base lacks), so that the
quote such a person speaks, and a 'he' after it, have someone to point at.
"""

from __future__ import annotations

from spacy.tokens import Token

from dyad.actors.kb import DEMONYM, ascii_id
from dyad.actors.roles import predicate, role_sector
from dyad.actors.state import NATIONAL_KINDS, PERSON_LABELS, ArticleMentions, Found
from dyad.model import Actor

# Words that open the noun phrase of one unnamed person ('the' only when the
# descriptions pass found no one it refers back to).
DETERMINERS = {"a", "an", "one", "another", "the"}
# Modals that make an indefinite subject anyone at all ('a federal official can be removed').
GENERIC_MODALS = {"can", "may", "might", "must", "should"}
# How far after 'of'/'for' the organisation a person works for may start.
COMPLEMENT_REACH = 4
# How far a title's complement may run before the comma and the name it is the title of.
TITLE_PHRASE_REACH = 12


def add_unnamed_people(article: ArticleMentions) -> None:
    doc = article.doc
    lex = article.lex
    nouns = lex.role_nouns | lex.unnamed_person_nouns
    for token in article.tokens_of(nouns):
        if (
            token.i in article.claimed
            or token.pos_ not in ("NOUN", "PROPN")
            or token.tag_ in ("NNS", "NNPS")
            or token.dep_ in ("compound", "amod")  # 'an official impeachment inquiry'
            or article.in_quote(token.idx)
        ):
            continue
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if following is not None and (
            following.lower_ in nouns or (following.pos_ == "PROPN" and following.is_title)
        ):
            continue  # part of a longer title, or a title before a name
        first = _phrase_start(article, token)
        if first is None:
            continue
        # 'the Democratic nominee' may be someone named elsewhere: it speaks for itself,
        # but a later 'she' is not taken from it
        vague = doc[first].lower_ == "the" and (
            following is None
            or following.lower_ not in ("of", "for")
            or any(t.lower_ == "former" for t in doc[first : token.i])
            or (token.i + 2 < len(doc) and doc[token.i + 2].lower_ in lex.title_words)
        )  # nor is 'the former secretary of State'
        if (
            _apposed_to_person(article, first, token)
            or predicate(token)
            or _not_yet_chosen(article, token, first)
        ):
            continue  # 'Gabrielle Giffords, a former Arizona congresswoman who ...'
        holder, country = _holder_before(article, first, token)
        end = token.i + 1
        if holder is None and following is not None and following.lower_ in ("of", "for", "at"):
            employer = min(
                article.found.starting(end + 1, end + 1 + COMPLEMENT_REACH),
                key=lambda f: f.start,
                default=None,
            )
            if employer is not None and article.actors[employer.actor].kind != "author":
                holder = article.actors[employer.actor]
                end = employer.end
        if holder is None and country is None:
            country = _state_in_complement(article, token)
        if _named_after(article, _comma_after(article, end)):
            continue  # 'A member of the Tunisian Parliament, Samir Dilou said'
        actor = _unnamed(article, token, first, end, holder, country)
        article.actors.setdefault(actor.id, actor)
        # 'a German government source': the state keeps its own mention
        start = max([first, *(f.end for f in article.found.overlapping(first, token.i))])
        article.add(Found(start, token.i + 1, actor.id, 1), article.actors[actor.id])
        if vague:
            article.not_antecedents.add(actor.id)


def _phrase_start(article: ArticleMentions, token: Token) -> int | None:
    """The first token of 'a spokesman', 'One MP', 'the German government source'."""
    doc = article.doc
    first = token.i
    while first > 0 and first - 1 >= token.left_edge.i:
        before = doc[first - 1]
        if before.lower_ in DETERMINERS or before.pos_ in ("ADJ", "NOUN", "PROPN", "NUM"):
            first -= 1
            if before.lower_ in DETERMINERS:
                break
            continue
        return None  # a possessive or a name: 'Trump's spokesman' speaks for Trump
    if doc[first].lower_ not in DETERMINERS:
        return None
    if any(
        article.actors[f.actor].kind == "person" for f in article.found.overlapping(first, token.i)
    ):
        return None
    return first


def _holder_before(
    article: ArticleMentions, first: int, token: Token
) -> tuple[Actor | None, str | None]:
    """The state or organisation ('a German government source', 'the EU envoy') or the
    country ('an Iranian official') named inside the phrase."""
    holder = country = None
    for i in range(first, token.i):
        found = next(iter(article.found.covering(i)), None)
        if found is not None:
            holder = article.actors[found.actor]
            continue
        demonym = next(
            (t for t in article.kb.lookup(article.doc[i].text) if t.kind == DEMONYM), None
        )
        if demonym is not None:
            country = demonym.actor
    return holder, country


def _state_in_complement(article: ArticleMentions, token: Token) -> str | None:
    """'The Secretary General of the main opposition party in Zimbabwe': the state its
    complement names, as an actor or as a place."""
    for child in token.rights:
        if child.dep_ != "prep":
            continue
        for inner in child.subtree:
            found = next(iter(article.found.covering(inner.i)), None)
            if found is not None and article.actors[found.actor].kind == "state":
                return found.actor
            place = next(
                (p for p in article.places if p.start <= inner.idx < p.end and p.country), None
            )
            if place is not None:
                return place.country
    return None


def _not_yet_chosen(article: ArticleMentions, token: Token, first: int) -> bool:
    """'the next Surgeon General would need to ...', 'the party will vote for a new
    leader', 'appointing an independent prosecutor': whoever will hold the role, no one
    the article can point at (a new leader who acts as the subject is one); 'for a
    candidate to win', 'a federal official can be removed': anyone who would."""
    doc = token.doc
    words = {t.lower_ for t in doc[first : token.i]}
    if words & {"next", "future"}:
        return True
    indefinite = doc[first].lower_ in ("a", "an")
    head = token.head
    if indefinite and first > 0 and doc[first - 1].lower_ == "for":
        if token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            return True  # 'For a candidate to win', however spaCy attaches the 'for'
    if indefinite and token.dep_ == "dobj" and head.lemma_ in article.lex.choosing_verbs:
        return True
    subject = token
    while subject.dep_ == "conj" and subject.head != subject:
        subject = subject.head  # 'only the Speaker or an MP ... can be recorded'
    if indefinite and subject.dep_ in ("nsubj", "nsubjpass"):
        if any(c.lower_ in GENERIC_MODALS for c in subject.head.children):
            return True
    # 'to impeach an official, who can then be removed'
    if indefinite and any(
        c.dep_ == "relcl" and any(m.lower_ in GENERIC_MODALS for m in c.children)
        for c in token.children
    ):
        return True
    return "new" in words and token.dep_ not in ("nsubj", "nsubjpass")


def _apposed_to_person(article: ArticleMentions, first: int, token: Token) -> bool:
    """Does the phrase stand right after a person's name and a comma, or in apposition to
    one ('Kenji Nagai, 50, a Japanese video journalist')?"""
    if token.dep_ == "appos" and any(
        article.actors[f.actor].kind == "person" for f in article.found.covering(token.head.i)
    ):
        return True
    if first < 2 or article.doc[first - 1].text != ",":
        return False
    before = article.mention_ending_at(first - 2)
    return before is not None and article.actors[before.actor].kind == "person"


def _comma_after(article: ArticleMentions, end: int) -> int:
    """The comma closing the phrase ('the secretary of the Treasury, Jacob J. Lew', 'the
    Director of News and Current Affairs for TV3, Mark Jennings', 'The secretary general of
    CEI (Italian Episcopal Conference), Nunzio Galantino'), or ``end`` when none follows
    within reach; a bracketed aside is read over."""
    doc = article.doc
    i = end
    while i < min(len(doc), end + TITLE_PHRASE_REACH):
        if doc[i].text == ",":
            return i
        if doc[i].text == "(":
            close = next((t.i for t in doc[i : i + 8] if t.text == ")"), None)
            if close is None:
                break
            i = close + 1
            continue
        if doc[i].pos_ in ("VERB", "AUX") or (doc[i].is_punct and doc[i].text not in "-–"):
            break
        i += 1
    return end


def _named_after(article: ArticleMentions, end: int) -> bool:
    """Is the phrase followed by ', Name' (an apposition the people pass reads)?"""
    doc = article.doc
    if end + 1 >= len(doc) or doc[end].text != ",":
        return False
    return doc[end + 1].ent_type_ in PERSON_LABELS or any(
        article.actors[f.actor].kind == "person" for f in article.found.starting(end + 1, end + 2)
    )


def _unnamed(
    article: ArticleMentions,
    token: Token,
    first: int,
    end: int,
    holder: Actor | None,
    country: str | None,
) -> Actor:
    """One unnamed person: named by the phrase, of the holder's country when the holder
    is national, else of the demonym's or the article's (not an international body's)."""
    doc = article.doc
    words = [t for t in doc[first : token.i + 1] if t.lower_ not in DETERMINERS]
    role = " ".join(
        t.lower_ for t in words if not t.ent_type_ or t.lower_ in article.lex.title_words
    )
    if holder is not None:
        if holder.kind == "state":
            country = holder.id
        elif holder.kind in NATIONAL_KINDS | {"person"}:
            country = country or holder.country
        else:
            country = country or None
    else:
        country = country or article.country
    name = doc[words[0].i : end].text if words else token.text
    key = holder.id if holder is not None else country or ""
    return Actor(
        id=f"P:{ascii_id(role or token.lower_)}@{key}#unnamed",
        name=name,
        kind="person",
        country=country,
        sector=role_sector(article, role or token.lower_, holder),
        role=role or token.lower_,
        affiliation=holder.id if holder is not None else None,
    )
