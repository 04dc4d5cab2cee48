"""Titles and appositions: what they teach about a name's role, affiliation and country.

'Palestinian Authority prime minister [name]', 'the Russian foreign minister, [name]',
'[name], a Polish academic,': the people pass reads these around each name.
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Token

from dyad.actors.kb import DEMONYM, NAME, SEAT
from dyad.actors.state import (
    NATIONAL_KINDS,
    ORG_LABELS,
    POSSESSIVE,
    STATE_SECTORS,
    ArticleMentions,
    Found,
)
from dyad.model import Actor


class Apposition(NamedTuple):
    """A noun phrase beside a name that describes it, over tokens [start, end)."""

    start: int
    end: int
    role: str
    affiliation: str | None
    country: str | None


def title_before(article: ArticleMentions, start: int) -> tuple[str | None, str | None, str | None]:
    """'Palestinian Authority prime minister [name]' -> ('prime minister', 'PA', 'PSE')."""
    doc = article.doc
    lex = article.lex
    words: list[str] = []
    affiliation = country = None
    i = start - 1
    while i >= 0:
        token = doc[i]
        if token.text in POSSESSIVE:
            owner = article.mention_ending_at(i) or article.mention_ending_at(i - 1)
            if owner is not None:
                affiliation = owner.actor
            break
        lower = token.lower_
        if lower in lex.title_words and token.pos_ in ("NOUN", "ADJ", "PROPN", "VERB"):
            words.insert(0, lower)
            i -= 1
            continue
        owner = article.mention_ending_at(i)
        if owner is not None and words:
            affiliation = owner.actor
        break
    if affiliation is not None:
        holder = article.actors.get(affiliation)
        national = NATIONAL_KINDS | {"person"}  # "Yeltsin's spokesman": a Russian official
        country = holder.country if holder and holder.kind in national else None
    return role_text(article, words), affiliation, country


def apposition_before(article: ArticleMentions, start: int) -> Apposition | None:
    """'the Russian foreign minister, [name]'."""
    doc = article.doc
    lex = article.lex
    comma = start - 1
    while comma >= 0 and doc[comma].lower_ in lex.title_words:
        comma -= 1  # 'the Republican nominee, Mr. Trump'
    if comma < 2 or doc[comma].text != ",":
        return None
    words: list[str] = []
    affiliation = country = None
    role_end = comma  # the role's head: 'the mayor[ of London],'
    i = comma - 1
    while i >= 0 and comma - i < 8:
        token = doc[i]
        if token.text in POSSESSIVE and words:
            # "Al-Qaeda's leader, Osama Bin Laden": the owner is the affiliation
            owner = next(iter(article.found.covering(i - 1)), None)  # maybe widened
            if owner is None or not _role_noun(article, words[-1]):
                return None
            if article.actors[owner.actor].kind != "person":
                affiliation = owner.actor
            role = " ".join(words)
            return Apposition(i + 1, role_end, role, affiliation, country)
        if token.lower_ in lex.appositive_determiners or token.is_punct:
            break
        if token.pos_ == "ADP" and token.lower_ in ("to", "of", "for", "at", "in"):
            # 'the Syrian ambassador to Washington,': the complement is not the role;
            # 'the mayor of London,': London's country is the mayor's
            complement = article.actors.get(affiliation or "")
            keep = token.lower_ in ("of", "for") and complement is not None
            country = complement.country if keep and complement is not None else None
            words, affiliation, role_end = [], None, i
            i -= 1
            continue
        if token.pos_ not in ("NOUN", "ADJ", "PROPN"):
            return None
        if token.text[:1].isupper():
            targets = article.kb.lookup(token.text)
            owner = next(iter(article.found.covering(i)), None)
            if targets and targets[0].kind == DEMONYM:
                country = targets[0].actor
            elif owner is not None and article.actors[owner.actor].kind != "person":
                affiliation = owner.actor
            elif token.lower_ not in lex.title_words:
                words.insert(0, token.lower_)  # 'Republican': no actor, part of the role
            else:
                words.insert(0, token.lower_)
        else:
            words.insert(0, token.lower_)
        i -= 1
    if i < 0 or doc[i].lower_ not in lex.appositive_determiners or doc[i].lower_ in ("a", "an"):
        return None  # 'a spokesman, ...' begins a list more often than an apposition
    if not words or not _role_noun(article, words[-1]) or words[-1] in lex.place_nouns:
        return None  # 'in the US state of Alabama, Governor Kay Ivey': a place, not her role
    named = article.entity_at.get(role_end - 1)
    if named is not None and named.label_ in ORG_LABELS:
        return None  # 'the opposition party Movement for Democratic Change,': a name, no role
    role = " ".join(words)
    if affiliation is None and country is not None and state_role(article, role):
        affiliation = country
        article.ensure_actor(country)
    # 'his main opponent,': the pronoun is a mention of its own
    start = i if doc[i].lower_ == "the" else i + 1
    return Apposition(start, role_end, role, affiliation, country)


def apposition_after(article: ArticleMentions, end: int) -> Apposition | None:
    """', a Polish academic,' after a name."""
    doc = article.doc
    lex = article.lex
    if end + 2 >= len(doc) or doc[end].text != ",":
        return None
    first = doc[end + 1]
    words: list[str] = []
    country = affiliation = None
    i = end + 2
    if first.lower_ not in lex.appositive_determiners:
        owner = _possessive_owner(article, end + 1)
        if owner is not None:  # 'Uri Lubrani, Israel's top official for Lebanon affairs,'
            affiliation, i = owner
        elif first.is_lower and first.lower_ in lex.title_words:
            i = end + 1  # 'Ricardo Alarcon, former Cuban ambassador to the UN,'
        else:
            return None
    while i < len(doc) and i < end + 8:
        token = doc[i]
        if token.is_punct or token.pos_ in ("VERB", "AUX", "ADP", "PRON", "CCONJ"):
            break
        targets = article.kb.lookup(token.text)
        if token.text[:1].isupper() and targets:
            if targets[0].kind == DEMONYM:
                country = targets[0].actor
            else:
                affiliation = targets[0].actor
                article.ensure_actor(affiliation)
        elif token.pos_ in ("NOUN", "ADJ"):
            words.append(token.lower_)
        else:
            break
        i += 1
    head_end = i
    if words and affiliation is None and i + 1 < len(doc) and doc[i].lower_ in ("for", "of", "at"):
        # 'Scott Stanzel, spokesman for the White House,': he speaks for what follows
        employer = next(iter(article.found.starting(i + 1, i + 3)), None)
        holder = article.actors[employer.actor] if employer is not None else None
        if holder is not None and holder.kind not in ("person", "author"):
            affiliation = holder.id
            if holder.kind in NATIONAL_KINDS:
                country = country or (holder.id if holder.kind == "state" else holder.country)
    if words and i < len(doc) and doc[i].pos_ == "ADP" and doc[i].lower_ != "than":
        # 'an expert on Syria at the Wilson Center,': the phrase runs on to the comma,
        # the mention ends at its head noun
        j = i
        while j < len(doc) and j < i + 10 and doc[j].text not in (",", ".", ";"):
            j += 1
        if j < len(doc) and doc[j].text in (",", ".", ";"):
            i = j
    if not words or i >= len(doc) or doc[i].text not in (",", ".", ";", ")", "—"):
        return None
    if not _role_noun(article, words[-1]):
        return None
    role = " ".join(words)
    if affiliation is None and country is not None and state_role(article, role):
        affiliation = country
        article.ensure_actor(country)
    return Apposition(end + 1, head_end, role, affiliation, country)


def add_org_apposition(article: ArticleMentions, end: int, actor_id: str) -> None:
    """'Xinhua, the official Chinese news agency,' names Xinhua twice."""
    apposition = apposition_after(article, end)
    if apposition is not None and article.doc[apposition.start].lower_ in ("the", "a", "an"):
        found = Found(apposition.start, apposition.end, actor_id, 3)
        article.add(found, article.actors[actor_id])


def role_text(article: ArticleMentions, words: list[str]) -> str | None:
    """Title words as a role: abbreviations written out, courtesy titles dropped."""
    expand = article.lex.title_abbreviations
    kept = [expand.get(w, w) for w in words if w not in article.lex.honorifics]
    return " ".join(kept) or None


def role_sector(article: ArticleMentions, role: str | None, holder: Actor | None) -> str | None:
    """The CAMEO sector of someone with this role, working for ``holder``."""
    holder_sector = holder.sector if holder else None
    if role:
        words = role.split()
        kb = article.kb
        if role in article.lex.affiliation_roles or words[-1] in article.lex.affiliation_roles:
            return holder_sector or kb.agent_sector(role)
        return (
            holder_sector
            if holder and holder.kind == "state" and (kb.agent_sector(role) in STATE_SECTORS)
            else (kb.agent_sector(role) or holder_sector)
        )
    return holder_sector


def state_role(article: ArticleMentions, role: str) -> bool:
    """Does someone with this role act for their state ('ambassador', not 'academic')?"""
    return article.kb.agent_sector(role) in STATE_SECTORS


def _role_noun(article: ArticleMentions, word: str) -> bool:
    return (
        word in article.lex.title_words
        or word in article.lex.anaphoric_nouns
        or article.kb.agent_sector(word) is not None
    )


def _possessive_owner(article: ArticleMentions, i: int) -> tuple[str, int] | None:
    """A state or organisation named at token i with a possessive after it
    ("Israel's"): its actor id and the token after the possessive."""
    doc = article.doc
    for j in range(i + 1, min(i + 5, len(doc))):
        if doc[j].text not in POSSESSIVE:
            continue
        targets = article.kb.lookup(doc[i:j].text)
        target = next((t for t in targets if t.kind in (NAME, SEAT)), None)
        entry = article.kb.entries.get(target.actor) if target else None
        if entry is None or entry.kind == "person":
            return None
        article.ensure_actor(entry.id)
        return entry.id, j + 1
    return None


def predicate(token: Token) -> bool:
    """'He had been a prosecutor', 'ran to be a state delegate', 'resigned as the
    leader': a role said of the subject, not another person."""
    return token.dep_ in ("attr", "oprd") or (token.dep_ == "pobj" and token.head.lower_ == "as")
