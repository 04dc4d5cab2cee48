"""Exact and near-duplicate articles: a copy is linked to the first copy, not analysed again.

Exact copies share the content hash. Near copies (a wire story run by several
outlets with a new headline, a trimmed ending, a house style) are found with
MinHash over word shingles and an LSH index, as in web-scale deduplication
(Broder 1997). The store keeps every stored article's signature, so copies
are found across runs too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

import numpy as np
from datasketch import MinHash, MinHashLSH

from dyad.model import Article

# Three-word shingles tolerate small edits; a pair of articles sharing 80% of them is one
# text, while two reports of the same event written apart share far fewer.
SHINGLE_WORDS = 3
NEAR_DUPLICATE_THRESHOLD = 0.8
# Below this, a few common phrases would make unrelated short texts look alike.
MIN_WORDS = 50
# Fixed so that signatures stored by one run compare with the next one's.
NUM_PERM = 128
SEED = 1
SCHEME = "affine32"
WORD = re.compile(r"\w+")


class DuplicateMemory(Protocol):
    """What the finder needs from a store (``dyad.store.Store`` provides it)."""

    def has_article(self, article_hash: str) -> bool: ...

    def known_copy(self, content_hash: str, url: str | None) -> str | None: ...

    def add_duplicate(
        self, article_id: str, copy: Article, kind: str, similarity: float
    ) -> bool: ...

    def signatures(self) -> Iterator[tuple[str, bytes]]: ...

    def articles_without_signature(self) -> Iterator[tuple[str, str]]: ...

    def add_signature(self, article_id: str, signature: bytes) -> None: ...


@dataclass(frozen=True)
class Duplicate:
    """An article that copies ``first`` (an article id)."""

    first: str
    kind: str  # exact | near
    similarity: float


ALREADY_STORED = "already stored"


def signature(text: str) -> MinHash | None:
    """MinHash of the text's word shingles; None when the text is too short to compare."""
    words = WORD.findall(text.casefold())
    if len(words) < MIN_WORDS:
        return None
    shingles = {
        " ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8")
        for i in range(len(words) - SHINGLE_WORDS + 1)
    }
    minhash = _minhash()
    minhash.update_batch(shingles)
    return minhash


def _minhash(hashvalues: np.ndarray | None = None) -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, hashvalues=hashvalues)


def _to_bytes(minhash: MinHash | None) -> bytes:
    # An empty signature marks a text too short to compare, so it is not signed again.
    return minhash.hashvalues.tobytes() if minhash is not None else b""


def _from_bytes(data: bytes) -> MinHash:
    return _minhash(np.frombuffer(data, dtype=_minhash().hashvalues.dtype).copy())


class DuplicateFinder:
    """Decides, article by article, whether it is new, already stored, or a copy.

    ``remember`` the articles that will be stored and call ``stored`` once they
    are: links from copies wait for their first copy to be in the store.
    """

    def __init__(self, memory: DuplicateMemory | None = None) -> None:
        self.memory = memory
        self.index = MinHashLSH(threshold=NEAR_DUPLICATE_THRESHOLD, num_perm=NUM_PERM)
        self.signatures: dict[str, MinHash] = {}
        self.first_urls: dict[str, str | None] = {}  # first copies seen in this run
        self.waiting: set[str] = set()  # first copies not yet in the store
        self.pending_links: dict[str, list[tuple[Article, Duplicate]]] = {}
        self._last_signed: tuple[str, MinHash | None] | None = None
        self._loaded = memory is None
        if memory is not None:
            self._backfill(memory)

    def check(self, article: Article) -> Duplicate | str | None:
        """A ``Duplicate``, ``ALREADY_STORED``, or None for a new article."""
        key = article.hash
        if key in self.first_urls:
            return Duplicate(key, "exact", 1.0)
        if self.memory is not None:
            if self.memory.known_copy(key, article.url):
                return ALREADY_STORED
            if self.memory.has_article(key):
                return Duplicate(key, "exact", 1.0)
        minhash = self._signature(article)
        if minhash is None:
            return None
        self._load()
        best = max(
            ((self.signatures[k].jaccard(minhash), k) for k in self.index.query(minhash)),
            default=None,
        )
        if best and best[0] >= NEAR_DUPLICATE_THRESHOLD:
            return Duplicate(best[1], "near", round(best[0], 3))
        return None

    def remember(self, article: Article) -> None:
        """Count a new article as a first copy from now on (it is about to be stored)."""
        key = article.hash
        self.first_urls[key] = article.url
        self.waiting.add(key)
        minhash = self._signature(article)
        if minhash is not None:
            self._load()
            self._index(key, minhash)

    def link(self, copy: Article, duplicate: Duplicate) -> None:
        """Record that ``copy`` copies a first copy, now or once that one is stored."""
        if duplicate.kind == "exact" and self.first_urls.get(duplicate.first, "") == copy.url:
            return  # the same input read twice: nothing new to record
        if duplicate.first in self.waiting:
            self.pending_links.setdefault(duplicate.first, []).append((copy, duplicate))
        elif self.memory is not None:
            self.memory.add_duplicate(duplicate.first, copy, duplicate.kind, duplicate.similarity)

    def stored(self, article: Article) -> None:
        """The article is in the store: keep its signature and the links waiting for it."""
        key = article.hash
        self.waiting.discard(key)
        if self.memory is None:
            return
        self.memory.add_signature(key, _to_bytes(self.signatures.get(key)))
        for copy, duplicate in self.pending_links.pop(key, []):
            self.memory.add_duplicate(key, copy, duplicate.kind, duplicate.similarity)

    def _signature(self, article: Article) -> MinHash | None:
        # check() and then remember() see the same article: sign it once.
        if self._last_signed is None or self._last_signed[0] != article.hash:
            self._last_signed = (article.hash, signature(article.text))
        return self._last_signed[1]

    def _index(self, key: str, minhash: MinHash) -> None:
        if key not in self.signatures:
            self.signatures[key] = minhash
            self.index.insert(key, minhash)

    def _backfill(self, memory: DuplicateMemory) -> None:
        """Sign stored articles that have no signature: a run killed between the two writes."""
        for key, text in memory.articles_without_signature():
            memory.add_signature(key, _to_bytes(signature(text)))

    def _load(self) -> None:
        """Index the stored articles' signatures, the first time a text needs comparing."""
        if self._loaded or self.memory is None:
            return
        self._loaded = True
        for key, data in self.memory.signatures():
            if data:
                self._index(key, _from_bytes(data))
