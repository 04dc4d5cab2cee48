"""Which actor mentioned earlier a description or a pronoun refers back to."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Token

from dyad.actors.state import AUTHOR_ID, ArticleMentions, Found
from dyad.model import Actor

SENTENCE_WINDOW = 3


def antecedent(
    article: ArticleMentions,
    token: Token,
    kinds: set[str],
    quoted_ok: bool,
    window: int = SENTENCE_WINDOW,
    plural: bool = False,
    role: str | None = None,
    salience: bool = True,
    gender: str | None = None,
) -> str | None:
    """A fitting actor mentioned earlier: in the same sentence the nearest one, in
    earlier sentences (with ``salience``) a subject before others, else the first.
    With a ``role``: someone holding it now before someone who once held it."""
    found = _search(article, token, kinds, quoted_ok, window, plural, role, salience, gender)
    if found is None and role is not None:
        found = _holder_named_later(article, token, kinds, role)
    if found is None and role is not None:
        found = _search(
            article, token, kinds, quoted_ok, window, plural, role, salience, gender, history=True
        )
    return found


def _holder_named_later(
    article: ArticleMentions, token: Token, kinds: set[str], role: str
) -> str | None:
    """'The Prime Minister's speech ...' before 'Kevin Rudd' is named: the one actor of
    the article holding the role now, wherever it is named."""
    holders = {
        found.actor
        for found in article.found.starting(token.i + 1, len(article.doc))
        if article.actors[found.actor].kind in kinds
        and _had_role(article, article.actors[found.actor], role, history=False)
    }
    return holders.pop() if len(holders) == 1 else None


def is_subject(article: ArticleMentions, found: Found) -> bool:
    root = article.doc[found.start : found.end].root
    return root.dep_ in ("nsubj", "nsubjpass")


def _search(
    article: ArticleMentions,
    token: Token,
    kinds: set[str],
    quoted_ok: bool,
    window: int,
    plural: bool,
    role: str | None,
    salience: bool,
    gender: str | None,
    history: bool = False,
) -> str | None:
    doc = article.doc
    starts = article.sentence_starts
    here = bisect_right(starts, token.i) - 1
    by_sentence: dict[int, list[Found]] = {}
    # only mentions that can end before the token and start within the window
    first = starts[here - window] if here >= window else 0
    for found in article.found.starting(first, token.i + article.found.reach + 1):
        if found.end > token.i:
            continue
        sentence = bisect_right(starts, found.start) - 1
        if sentence < here - window:
            continue
        actor = article.actors[found.actor]
        if actor.kind not in kinds or actor.id == AUTHOR_ID or actor.id in article.not_antecedents:
            continue
        if role is not None and not _had_role(article, actor, role, history):
            continue
        if gender is not None and article.gender.get(actor.id, gender) != gender:
            continue
        if not quoted_ok and article.in_quote(article.token_offsets[0][found.start]):
            continue
        if plural and not _plural(article, found, actor):
            continue
        by_sentence.setdefault(sentence, []).append(found)
    for sentence in range(here, here - window - 1, -1):
        candidates = sorted(by_sentence.get(sentence, []), key=lambda f: f.start)
        if not candidates:
            continue
        if sentence < here and salience:
            subjects = [f for f in candidates if is_subject(article, f)]
            return (subjects or candidates)[0].actor
        # 'X, a loyalist of Y, said at his headquarters': he or she is the subject of
        # a clause the pronoun sits in when the nearer name is inside that subject
        nearest = candidates[-1]
        if gender is not None:
            inner = doc[nearest.start : nearest.end].root
            ancestors = set(token.ancestors)
            for found in candidates[:-1]:
                root = doc[found.start : found.end].root
                if (
                    is_subject(article, found)
                    and root.head in ancestors
                    and root in inner.ancestors
                ):
                    return found.actor
        return nearest.actor
    return None


def _had_role(article: ArticleMentions, actor: Actor, role: str, history: bool) -> bool:
    """Does the role word fit what the actor is, or (``history``, KB people) ever was?"""
    if history:
        if role in (actor.role or "") or any(role in t for t in article.titles.get(actor.id, ())):
            return True
    elif any(
        role in title and not title.startswith("former ")
        for title in (actor.role or "", *article.titles.get(actor.id, ()))
    ):
        return True  # 'the Prime Minister' is the one in office before a former one
    if not history:
        return False
    entry = article.kb.entries.get(actor.kb_id or "")
    return entry is not None and any(role in r.title.lower() for r in entry.roles)


def _plural(article: ArticleMentions, found: Found, actor: Actor) -> bool:
    last = article.doc[found.end - 1]
    return last.tag_ in ("NNS", "NNPS") or actor.kind in ("group", "armed_group", "party")
