"""Pronouns: 'I' and 'we' outside quotes are the author; 'he', 'she', 'it', 'they' the
fitting actor mentioned before (or, for 'In her statement, Hillary Clinton ...', after)."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Token

from dyad.actors import statements
from dyad.actors.antecedents import antecedent, is_subject
from dyad.actors.state import AUTHOR_ID, ArticleMentions, Found
from dyad.model import Actor

NON_PERSON = {"state", "government", "igo", "ngo", "armed_group", "party", "organization", "media"}


def add_pronouns(article: ArticleMentions) -> None:
    lex = article.lex
    groups = lex.pronouns
    for token in article.tokens_of(frozenset().union(*groups.values())):
        lower = token.lower_
        if token.pos_ != "PRON" or token.i in article.claimed:
            continue
        inside = article.in_quote(token.idx)
        if lower in groups["author"]:
            if not inside and (lower != "i" or token.text == "I"):
                signatory = statements.signatory(article, token)
                if signatory is not None:
                    article.add(
                        Found(token.i, token.i + 1, signatory, 1), article.actors[signatory]
                    )
                else:
                    article.add(Found(token.i, token.i + 1, AUTHOR_ID, 1), _author(article))
            continue
        if inside:
            if lower in groups["person"]:
                actor_id = _third_party_in_quote(article, token, groups)
                if actor_id is not None:
                    article.add(Found(token.i, token.i + 1, actor_id, 1), article.actors[actor_id])
            continue
        if lower in groups["person"]:
            gender = "f" if lower in groups["female"] else "m"
            actor_id = _cataphor(article, token, gender) or antecedent(
                article, token, {"person"}, quoted_ok=False, gender=gender
            )
        elif lower == "it" and (thing := _thing_before(article, token)) is not None:
            # "A report is published by Human Rights Watch. It claims …": the report,
            # which speaks for whoever wrote it, not the last state named.
            actor_id = _author_of(article, thing)
        elif lower == "it" and token.dep_ == "nsubj" and token.head.lemma_ in lex.it_verbs:
            actor_id = antecedent(
                article, token, NON_PERSON, quoted_ok=False, window=1, salience=False
            )
        elif lower == "it" and token.dep_ in ("nsubj", "nsubjpass"):
            actor_id = _reporter_of(article, token) or _subject_before(article, token)
        elif lower in ("its", "itself"):
            actor_id = antecedent(article, token, NON_PERSON, quoted_ok=False, window=1)
        elif lower in ("their", "theirs", "themselves") or (
            lower == "they" and token.head.lemma_ != "be"
        ):
            actor_id = antecedent(
                article, token, NON_PERSON | {"group"}, quoted_ok=False, window=1, plural=True
            )
        else:
            continue
        if actor_id is not None:
            article.add(Found(token.i, token.i + 1, actor_id, 1), article.actors[actor_id])


def _third_party_in_quote(
    article: ArticleMentions, token: Token, groups: dict[str, frozenset[str]]
) -> str | None:
    """'"He thought there was no difference," Obama said of Nader': inside a quote a
    'he' is someone talked about, the nearest fitting person named before it, not the
    one speaking in its sentence."""
    gender = "f" if token.lower_ in groups["female"] else "m"
    sentence = token.sent
    speakers = {
        f.actor
        for f in article.found.starting(sentence.start, sentence.end)
        if not article.in_quote(article.doc[f.start].idx) and is_subject(article, f)
    }
    added = speakers - article.not_antecedents
    article.not_antecedents |= added
    try:
        return antecedent(article, token, {"person"}, quoted_ok=True, salience=False, gender=gender)
    finally:
        article.not_antecedents -= added


def _subject_before(article: ArticleMentions, token: Token) -> str | None:
    """'The airline was Iran's first in private hands. It has Iran's largest fleet':
    'it' opening a clause of its own is the organisation or state last a subject."""
    head = token.head
    if (
        head.lemma_ == "be"
        or any(c.dep_ in ("ccomp", "xcomp", "csubj") for c in head.children)
        or (token.dep_ == "nsubjpass" and head.lemma_ in article.lex.impersonal_passives)
    ):
        return None  # 'It is clear that ...', 'it seems to ...', 'It is widely known'
    actor_id = antecedent(article, token, NON_PERSON, quoted_ok=False, window=1)
    if actor_id is None:
        return None
    starts = article.sentence_starts
    here = bisect_right(starts, token.i) - 1
    nearby = article.found.starting(starts[max(0, here - 1)], token.i)
    subject = any(f.actor == actor_id and is_subject(article, f) for f in nearby)
    return actor_id if subject else None


def _thing_before(article: ArticleMentions, token: Token) -> Token | None:
    """The subject of the sentence before, when 'it' opens a sentence and that subject
    is a thing no actor was found in ("A report is published …. It claims …")."""
    doc = article.doc
    sentence = token.sent
    if token.dep_ not in ("nsubj", "nsubjpass") or token.head.i != sentence.root.i:
        return None
    if sentence.start == 0 or any(
        t.dep_ in ("nsubj", "nsubjpass") for t in doc[sentence.start : token.i]
    ):
        return None
    root = doc[sentence.start - 1].sent.root
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.tag_ != "NN" or article.found.covering(subject.i):
        return None
    if any(article.found.covering(t.i) for t in subject.subtree if t.i < subject.i):
        return None  # "the Hamas statement": the modifier names whose it is, and the
        # pronoun may well be that actor
    return subject


def _author_of(article: ArticleMentions, thing: Token) -> str | None:
    """Who a thing is by, when its sentence says so: "is published *by* Human Rights
    Watch" (a report speaks for its author)."""
    verb = thing.head
    agent = (
        next((c for c in verb.children if c.dep_ == "agent"), None)
        if thing.dep_ == "nsubjpass"
        else None
    )
    words = [c for c in agent.children if c.dep_ == "pobj"] if agent is not None else []
    for word in words:
        found = next(iter(article.found.covering(word.i)), None)
        if found is not None and article.actors[found.actor].kind in NON_PERSON:
            return found.actor
    return None


def _reporter_of(article: ArticleMentions, token: Token) -> str | None:
    """'The Security Council has said it will not lift ...': 'it' in what a state or
    organisation says of itself is that actor."""
    clause = token.head
    if clause.dep_ != "ccomp" or clause.head.lemma_ not in article.lex.it_verbs:
        return None
    subject = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    found = next(iter(article.found.covering(subject.i)), None) if subject is not None else None
    if found is None or article.actors[found.actor].kind not in NON_PERSON:
        return None
    return found.actor


def _cataphor(article: ArticleMentions, token: Token, gender: str) -> str | None:
    """'In her statement, Hillary Clinton defended ...': the subject that follows."""
    doc = article.doc
    if token.lower_ not in ("his", "her", "their", "its") or article.in_quote(token.idx):
        return None
    sentence = token.sent if doc.has_annotation("SENT_START") else None
    if sentence is None or token.i > sentence.root.i:
        return None
    if not any(a.dep_ in ("prep", "advcl") for a in token.ancestors):
        return None
    for found in article.found.starting(token.i + 1, sentence.root.i):
        if is_subject(article, found):
            actor = article.actors[found.actor]
            if actor.kind == "person" and article.gender.get(actor.id, gender) == gender:
                return found.actor
    return None


def _author(article: ArticleMentions) -> Actor:
    return Actor(
        id=AUTHOR_ID,
        name=article.doc._.author or "(article author)",
        kind="author",
        sector="MED",
    )
