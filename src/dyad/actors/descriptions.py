"""Definite descriptions that refer back: 'the group', 'the report' -> the nearest fitting
actor; 'the president' -> the nearest person with that role; 'the government of X' and
'the administration' -> a state.
"""

from __future__ import annotations

from spacy.tokens import Token

from dyad.actors.antecedents import antecedent
from dyad.actors.state import PLACE_LABELS, ArticleMentions, Found


def add_descriptions(article: ArticleMentions) -> None:
    """'the group', 'the report' -> the nearest fitting actor; 'the president' -> the
    nearest person with that role; 'the government of X' -> X's state."""
    doc = article.doc
    lex = article.lex
    nouns = lex.role_nouns | set(lex.anaphoric_nouns) | lex.government_nouns
    for token in article.tokens_of(nouns):
        if token.i in article.claimed or token.pos_ not in ("NOUN", "PROPN"):
            continue
        role = token.lower_ if token.lower_ in lex.role_nouns else None
        if token.pos_ == "PROPN" and role is None and token.lower_ not in lex.government_nouns:
            continue  # only a title or 'the Government' is written with capitals
        kinds = lex.anaphoric_nouns.get(token.lower_)
        if token.lower_ in lex.government_nouns and (
            _government_of(article, token) or _same_government(article, token)
        ):
            continue
        if kinds is None and role is None:
            continue
        det = next((c for c in token.children if c.dep_ == "det"), None)
        if det is None or det.lower_ != "the" or det.i > token.i:
            continue
        if any(
            c.dep_ in ("prep", "compound", "poss", "nmod") and c.i < token.i
            for c in token.children
            if c.dep_ != "amod"
            and c.ent_type_ not in PLACE_LABELS
            and c.lower_ not in lex.title_words
        ):
            continue
        end = token.i + 1
        if end < len(doc) and doc[end].lower_ == "of":
            # 'the former secretary of State': a role of two words and 'of'
            if role is None or end + 1 >= len(doc) or doc[end + 1].pos_ == "DET":
                continue
            role = f"{role} of {doc[end + 1].lower_}"
            end += 2
        if any(
            doc[i].text[:1].isupper()
            and doc[i].ent_type_ not in PLACE_LABELS + ("NORP",)
            and doc[i].lower_ not in lex.title_words  # 'the Prime Minister'
            for i in range(det.i + 1, token.i)
        ):
            continue  # 'the Vermont senator' is a description; 'the Carnegie report' is not
        title = doc[det.i + 1 : token.i + 1].text.lower()
        if end == token.i + 1 and role is not None and title in lex.role_nouns | lex.leader_roles:
            role = title  # 'the Prime Minister': the whole title, not 'minister'
        if kinds is not None:
            # 'the group' is the group last named, not the topic of the paragraph
            actor_id = antecedent(article, token, set(kinds), quoted_ok=True, salience=False)
            if actor_id is not None and not _of_its_sector(article, token, actor_id):
                continue
        else:
            if token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN":
                continue  # 'the admiral Harris': a title
            actor_id = antecedent(article, token, {"person"}, quoted_ok=True, role=role)
        if actor_id is not None:
            article.add(Found(det.i, end, actor_id, 1), article.actors[actor_id])


def _of_its_sector(article: ArticleMentions, token: Token, actor_id: str) -> bool:
    """'the court' is a court, not the spy agency named before it: a noun that tells a
    sector ('court', 'police', 'ministry') refers back to an actor of that sector or
    with the noun in its name."""
    sector = article.lex.organisation_name_words.get(token.lower_, (None, None))[1]
    actor = article.actors[actor_id]
    return sector is None or actor.sector == sector or token.lower_ in actor.name.lower()


def _same_government(article: ArticleMentions, token: Token) -> bool:
    """'the administration' after 'the Obama administration': the same state."""
    doc = article.doc
    det = token.i - 1
    if det < 0 or doc[det].lower_ != "the" or token.i in article.claimed:
        return False
    for found in sorted(article.found, key=lambda f: f.start, reverse=True):
        if found.end > token.i or doc[found.end - 1].lower_ != token.lower_:
            continue
        actor = article.actors[found.actor]
        if actor.kind == "state":
            article.add(Found(det, token.i + 1, actor.id, 1), actor)
            return True
    return False


def _government_of(article: ArticleMentions, token: Token) -> bool:
    """'the government of President Bashar al-Assad' -> SYR."""
    doc = article.doc
    det = next((c for c in token.children if c.dep_ == "det"), None)
    if det is None or det.lower_ != "the" or token.i + 2 >= len(doc):
        return False
    if doc[token.i + 1].lower_ == "in":  # 'the regime in Damascus'
        place = next((p for p in article.places if p.start == doc[token.i + 2].idx), None)
        holder = article.ensure_actor(place.country) if place and place.country else None
        if holder is not None and holder.kind == "state":
            article.add(Found(det.i, token.i + 1, holder.id, 2), holder)
            return True
        return False
    if doc[token.i + 1].lower_ != "of":
        return False
    owner = next(iter(article.found.starting(token.i + 2, token.i + 5)), None)
    if owner is None:
        return False
    actor = article.actors[owner.actor]
    state = actor.id if actor.kind == "state" else actor.affiliation or actor.country
    holder = article.actors.get(state) if state else None
    if holder is not None and holder.kind == "state":
        article.add(Found(det.i, token.i + 1, holder.id, 2), holder)
    return True
