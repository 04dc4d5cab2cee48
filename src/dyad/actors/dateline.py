"""The dateline of a wire story ('WELLINGTON, New Zealand (AP) _'): where it was filed.

Read before any other pass: its place is claimed so that no pass takes it for an
actor, and its state becomes the default country of officials the article names bare.
"""

from __future__ import annotations

from dyad.actors.kb import CAPITAL, NAME, PLACE
from dyad.actors.places import place_of
from dyad.actors.state import ArticleMentions


def read_dateline(article: ArticleMentions) -> None:
    """Set the article's home state and claim the dateline's place, if it has one."""
    article.home = _dateline_state(article)
    article.dateline_end = _dateline_end(article)  # may learn the home state too
    if article.dateline_end:
        doc = article.doc
        first = next(t.i for t in doc if not t.is_space)
        article.places.append(place_of(doc[first : article.dateline_end], article.home))
        article.claimed.update(range(first, article.dateline_end))


def _dateline_state(article: ArticleMentions) -> str | None:
    """The state of a wire dateline ('WELLINGTON, New Zealand (AP) _', 'HAVANA (AP) --'):
    where the article was filed, the default country of officials it names bare."""
    doc = article.doc
    kb = article.kb
    words = [t for t in doc[:12] if not t.is_space]
    for size in (3, 2, 1):
        if len(words) <= size:
            continue
        head = words[:size]
        if not all(t.text.isupper() or not t.is_alpha for t in head):
            continue
        if words[size].text not in (",", "(", "-", "—", "–", "_"):
            continue
        text = doc[head[0].i : head[-1].i + 1].text
        for target in kb.lookup(text):
            if target.kind in (CAPITAL, PLACE):
                return target.actor
            entry = kb.entries.get(target.actor)
            if target.kind == NAME and entry is not None and entry.kind == "state":
                return entry.id
    return None


def _dateline_end(article: ArticleMentions) -> int:
    """End of a dateline place the base may lack ("O'SMACH, Cambodia (AP)"): capitals at
    the start of the text before a comma and a state's name; 0 if there is none."""
    doc = article.doc
    kb = article.kb
    i = 0
    while i < len(doc) and doc[i].is_space:
        i += 1
    end = i
    while end < len(doc) and end - i < 4 and doc[end].text.isupper() and not doc[end].is_punct:
        end += 1
    if end == i or end + 1 >= len(doc) or doc[end].text != ",":
        return 0
    after = kb.lookup(doc[end + 1].text) + kb.lookup(doc[end + 1 : end + 3].text)
    state = next(
        (t.actor for t in after if t.kind == NAME and kb.entries[t.actor].kind == "state"),
        None,
    )
    if state is None:
        return 0
    article.home = article.home or state
    return end
