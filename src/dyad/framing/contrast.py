"""Where two sides' tellings of one event differ, in words a reader can check.

The signal is the key terms each side uses (content words, stop words left out,
plural and singular taken as one): the terms both use, and those only one does.
It is shown only when both sides spoke and each has terms of its own; nothing is
inferred beyond the words.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

STOP_WORDS = resources.files("dyad") / "data" / "search" / "english.stop"
MAX_TERMS = 6
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass
class Contrast:
    shared: list[str]
    source_only: list[str]
    target_only: list[str]


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    lines = STOP_WORDS.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def key_terms(texts: Iterable[str], names: Iterable[str] = ()) -> Counter[str]:
    """Content words of ``texts``, counted, in their singular form; the words of
    ``names`` (the sides' own names) say nothing about how a side tells it."""
    stop = stop_words() | {w for name in names for w in _WORD.findall(name.casefold())}
    terms: Counter[str] = Counter()
    for text in texts:
        for word in _WORD.findall(text.casefold()):
            word = word.strip("'’-")
            if len(word) < 3 or word in stop:
                continue
            terms[_singular(word)] += 1
    return terms


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "ans")) and len(word) > 4:
        return word[:-1]
    return word


def contrast(
    source_texts: list[str], target_texts: list[str], names: Iterable[str] = ()
) -> Contrast | None:
    """The terms both sides use and each side's own, or None when it would not help."""
    if not source_texts or not target_texts:
        return None
    names = list(names)
    source, target = key_terms(source_texts, names), key_terms(target_texts, names)

    def top(terms: Iterable[str], counts: Counter[str]) -> list[str]:
        return sorted(terms, key=lambda t: (-counts[t], -len(t), t))[:MAX_TERMS]

    source_only = top(set(source) - set(target), source)
    target_only = top(set(target) - set(source), target)
    if not source_only or not target_only:
        return None
    return Contrast(
        shared=top(set(source) & set(target), source + target),
        source_only=source_only,
        target_only=target_only,
    )
