"""States, groups and their members: demonym + agent noun ('Russian media' -> RUS:MED),
group + member noun ('Hamas officials' -> HAMAS), offices ('the Turkish president' ->
who held it that day).
"""

from __future__ import annotations

from spacy.tokens import Token

from dyad.actors.state import (
    PERSON_LABELS,
    POSSESSIVE,
    STATE_SECTORS,
    ArticleMentions,
    Found,
)
from dyad.model import Actor

# Determiners of a singular agent noun that make it one person the article names
# elsewhere, not a group of a country ('this Egyptian terrorist').
ONE_PERSON_DETERMINERS = {"this", "that"}


def add_actor_mention(
    article: ArticleMentions, start: int, end: int, actor_id: str, extend: bool
) -> None:
    """A group or state mention, widened over 'the' and over member nouns."""
    doc = article.doc
    entry = article.kb.entries.get(actor_id)
    if extend and entry is not None and entry.kind == "state":
        office_end = _office_end(article, end)
        first = end + (1 if doc[end].text in POSSESSIVE else 0) if end < len(doc) else end
        if office_end > end and _add_office_holder(
            article, start, office_end, actor_id, doc[first:office_end].text.lower()
        ):
            return
    if start > 0 and doc[start - 1].lower_ == "the":
        start -= 1
    if extend:
        end = member_phrase_end(article, end)
        kind_noun = kind_noun_after(article, end)
        if kind_noun is not None and entry is not None and entry.kind != "state":
            end = kind_noun[0]  # 'the ITAR-Tass news agency'
    actor = article.ensure_actor(actor_id)
    article.add(Found(start, end, actor_id, 2), actor)


def add_demonym(article: ArticleMentions, start: int, end: int, state: str) -> None:
    """'Russian media' -> RUS:MED; 'the Russian government' -> RUS; 'Iranian' -> IRN."""
    doc = article.doc
    lex = article.lex
    head = doc[end - 1].head
    if doc[end - 1].dep_ == "conj" and head.i < start:
        head = head.head  # 'Chinese and American officials': American officials
    if head.i >= end and head.pos_ in ("NOUN", "PROPN") and head.i - end < 4:
        between = doc[end : head.i + 1]
        if not any(t.ent_type_ in PERSON_LABELS for t in between) and all(
            (t.pos_ in ("NOUN", "ADJ", "PROPN") and not t.is_punct) or _hyphenated(t)
            for t in between
        ):
            phrase = between.text.lower()
            noun = head.lower_
            if _add_office_holder(article, start, head.i + 1, state, phrase):
                return
            definite = doc[start].lower_ == "the" or (start and doc[start - 1].lower_ == "the")
            if phrase == "leader" and definite:
                leader = _leader_named_before(article, state)
                if leader is not None:  # 'the Russian leader' after 'President Putin'
                    first = start if doc[start].lower_ == "the" else start - 1
                    article.add(Found(first, head.i + 1, leader, 2), article.actors[leader])
                    return
            if (
                phrase in lex.state_nouns
                or noun in lex.state_nouns
                or (noun in lex.member_nouns and article.kb.agent_sector(noun) != "REB")
            ):  # 'Syrian officials' are the state, 'Syrian rebels' fight it
                add_actor_mention(article, start, head.i + 1, state, extend=False)
                return
            sector = article.kb.agent_sector(phrase)
            if noun in lex.place_nouns or noun in lex.not_actor_name_words:
                sector = None  # 'the Lebanese city of Tripoli', 'a Ukrainian passenger jet'
            if sector is not None and head.is_lower:
                if sector in STATE_SECTORS:
                    add_actor_mention(article, start, head.i + 1, state, extend=False)
                    return
                if head.tag_ != "NN" or not (
                    any(
                        c.dep_ == "det" and c.lower_ in ONE_PERSON_DETERMINERS
                        for c in head.children
                    )
                    or (head.dep_ == "appos" and head.head.ent_type_ in PERSON_LABELS)
                ):
                    _add_group(article, start, head.i + 1, state, sector, phrase)
                    return
                # 'this Egyptian terrorist', 'Kenji Nagai, a Japanese video journalist': one
                # person of that country, not a group of it; the demonym still names the country
    actor = article.ensure_actor(state)
    article.add(Found(start, end, state, 2), actor)


def _hyphenated(token: Token) -> bool:
    """A hyphen inside a word, or the word after it: 'state-run' of 'Iranian state-run
    television'."""
    doc = token.doc
    if token.text == "-":
        return not token.whitespace_ and token.i > 0 and not doc[token.i - 1].whitespace_
    return token.i > 0 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_


def member_phrase_end(article: ArticleMentions, end: int) -> int:
    """'Hamas’s representatives', 'the Kremlin’s functionaries', 'Hamas officials'."""
    doc = article.doc
    i = end
    if i < len(doc) and doc[i].text in POSSESSIVE:
        i += 1
    while i < len(doc) and i < end + 3 and (doc[i].pos_ == "ADJ" and doc[i].is_lower):
        i += 1
    if i >= len(doc):
        return end
    word = doc[i]
    two = f"{word.lower_} {doc[i + 1].lower_}" if i + 1 < len(doc) else ""
    if two in article.lex.member_nouns:
        last = i + 1
    elif word.lower_ in article.lex.member_nouns and word.pos_ in ("NOUN", "PROPN"):
        last = i
    else:
        return end
    after = doc[last + 1] if last + 1 < len(doc) else None
    if after is not None and after.ent_type_ in PERSON_LABELS:
        return end  # 'Hamas spokesman Osama Hamdan': a title, the name is the mention
    return last + 1


def kind_noun_after(article: ArticleMentions, end: int) -> tuple[int, str, str] | None:
    """'[ITAR-Tass] news agency', '[Maariv] newspaper': a common noun after a name that
    says what kind of organisation it names -> (end of the noun, kind, sector)."""
    doc = article.doc
    nouns = article.lex.organisation_kind_nouns
    for size in (2, 1):
        if end + size > len(doc):
            continue
        words = doc[end : end + size]
        key = " ".join(t.lower_ for t in words)
        if key in nouns and words[-1].pos_ == "NOUN" and words[-1].is_lower:
            return end + size, *nouns[key]
    return None


def kind_noun_before(article: ArticleMentions, start: int) -> tuple[str, str] | None:
    """'the German newspaper [Bild]': the common noun before a name that says what kind
    of organisation it names -> (kind, sector)."""
    if start == 0:
        return None
    noun = article.doc[start - 1]
    if noun.pos_ != "NOUN" or not noun.is_lower:
        return None
    kind = article.lex.organisation_kind_nouns.get(noun.lower_)
    return (kind[0], kind[1]) if kind else None


def _add_office_holder(
    article: ArticleMentions, start: int, end: int, state: str, phrase: str
) -> bool:
    """'the Turkish president', 'Russia's foreign minister' -> who held it that day."""
    doc = article.doc
    if end < len(doc) and (doc[end].ent_type_ in PERSON_LABELS or doc[end].pos_ == "PROPN"):
        return False  # a title before a name: the name is the mention
    holder = article.kb.office_holder(state, phrase, article.date)
    if holder is None:
        return False
    if start > 0 and doc[start - 1].lower_ == "the":
        start -= 1
    article.add(Found(start, end, holder, 2), article.ensure_actor(holder))
    return True


def _office_end(article: ArticleMentions, end: int) -> int:
    """End of a lower-case title right after a state's name ('US vice president')."""
    doc = article.doc
    i = end + (1 if end < len(doc) and doc[end].text in POSSESSIVE else 0)
    j = i
    while (
        j < len(doc) and j < i + 4 and doc[j].is_lower and doc[j].lower_ in article.lex.title_words
    ):
        j += 1
    return j if j > i else end


def _leader_named_before(article: ArticleMentions, state: str) -> str | None:
    """The head of state or government of ``state`` named last before this point."""
    for found in reversed(article.found):
        actor = article.actors[found.actor]
        if (
            actor.kind == "person"
            and actor.country == state
            and (actor.role or "").lower() in article.lex.leader_roles
        ):
            return actor.id
    return None


def _add_group(
    article: ArticleMentions, start: int, end: int, state: str, sector: str, phrase: str
) -> None:
    """A state's people of one sector ('Russian media' -> RUS:MED)."""
    demonym = article.kb.demonym_of.get(state, state)
    noun = phrase.split()[-1]
    actor = Actor(
        id=f"{state}:{sector}",
        name=f"{demonym} {noun}",
        kind="media" if sector == "MED" else "group",
        country=state,
        sector=sector,
    )
    if start > 0 and article.doc[start - 1].lower_ == "the":
        start -= 1
    article.add(Found(start, end, actor.id, 2), actor)
