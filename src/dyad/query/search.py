"""Full-text search over articles and quotes: FTS5 on SQLite, tsvector on PostgreSQL.

Queries use web-search syntax on both: words must all appear (stemmed),
``"a phrase"`` must appear as written, ``-word`` must not appear, ``or``
between words means either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from itertools import pairwise
from typing import Literal

from sqlalchemy import (
    ColumnElement,
    Connection,
    Integer,
    Select,
    Subquery,
    func,
    literal,
    select,
)
from sqlalchemy.dialects.postgresql import ARRAY, REGCONFIG

from dyad.query.connect import Database, connect
from dyad.query.events import headline
from dyad.query.filters import NO_FILTERS, Filters
from dyad.store import schema

Kind = Literal["all", "articles", "quotes"]
SNIPPET_CHARS = 200
# How many of the newest matches are ranked when a query matches more.
RANK_WINDOW = 2_000
# Counts of matches stop here: "10,000 or more" says enough, and counting on costs time.
COUNT_LIMIT = 10_000
_TOKEN = re.compile(r'(-?)"([^"]*)"|(\S+)')


@dataclass
class SearchHit:
    article_id: str
    quote_id: str | None
    title: str | None
    headline: str | None  # the title, or the text's first line where it reads as one
    url: str | None
    source: str | None
    published: date | None
    speaker: str | None
    snippet: str
    # The words the text used for the speaker ("a spokesman"), where no actor was named.
    speaker_text: str | None = None


def search(
    db: Database,
    query: str,
    *,
    kind: Kind = "all",
    filters: Filters = NO_FILTERS,
    limit: int = 20,
    offset: int = 0,
) -> list[SearchHit]:
    """Best matches first (BM25 on SQLite, ts_rank on PostgreSQL).

    A query that matches more than RANK_WINDOW documents (a word in most
    articles) is ranked over the RANK_WINDOW most recently stored of them.
    """
    if not [w for w in _words(query) if not _stop_word(w)]:
        return []
    documents, articles, quotes = schema.search_documents, schema.articles, schema.quotes
    with connect(db) as conn:
        # Ranking every match of a word found in most articles costs seconds; the
        # newest RANK_WINDOW matches are ranked instead (fewer matches: all of them).
        window = _matching(conn, query, kind, filters, ranked=True, most=RANK_WINDOW)
        # First the best ids, reading no text; then the text of those few.
        best = select(window.c.id, window.c.score).order_by(window.c.score, window.c.id)
        page = conn.execute(best.limit(limit).offset(offset or None))
        order = {row.id: rank for rank, row in enumerate(page)}
        if not order:
            return []
        rows = conn.execute(
            select(
                documents.c.id,
                documents.c.article_id,
                documents.c.quote_id,
                articles.c.title,
                articles.c.url,
                articles.c.source,
                articles.c.published,
                articles.c.text.label("article_text"),
                quotes.c.text.label("quote_text"),
                quotes.c.speaker_id,
                quotes.c.speaker_text,
            )
            .join(articles, articles.c.id == documents.c.article_id)
            .outerjoin(
                quotes,
                (quotes.c.article_id == documents.c.article_id)
                & (quotes.c.quote_id == documents.c.quote_id),
            )
            .where(documents.c.id.in_(list(order)))
        ).all()
    pattern = _highlight_pattern(query)
    return [
        SearchHit(
            article_id=row.article_id,
            quote_id=row.quote_id,
            title=row.title,
            headline=row.title or headline(row.article_text),
            url=row.url,
            source=row.source,
            published=row.published,
            speaker=row.speaker_id,
            snippet=snippet(row.quote_text or row.article_text, pattern),
            speaker_text=row.speaker_text,
        )
        for row in sorted(rows, key=lambda r: order[r.id])
    ]


def count_matches(
    db: Database,
    query: str,
    *,
    kind: Kind = "all",
    filters: Filters = NO_FILTERS,
    most: int = COUNT_LIMIT,
) -> int:
    """How many documents ``search`` would page through, counted up to ``most``."""
    if not [w for w in _words(query) if not _stop_word(w)]:
        return 0
    with connect(db) as conn:
        found = _matching(conn, query, kind, filters, most=most)
        return conn.execute(select(func.count()).select_from(found)).scalar_one()


def _matching(
    conn: Connection,
    query: str,
    kind: Kind,
    filters: Filters,
    *,
    ranked: bool = False,
    most: int,
) -> Subquery:
    """Ids of up to ``most`` matching documents of the wanted kind, dates and source;
    ``ranked``: the newest of them, each with a ``score`` (lower is better).

    The kind, dates and source are the document's own columns: PostgreSQL checks
    them on the rows its GIN index found (or finds the rows by their composite
    indexes and checks the words there, whichever its planner sees as fewer);
    SQLite joins the FTS5 matches to the documents by rowid.
    """
    documents = schema.search_documents
    postgres = conn.dialect.name == "postgresql"
    pairs = None
    if postgres:
        language = literal(schema.SEARCH_LANGUAGE, REGCONFIG)
        tsquery = func.websearch_to_tsquery(language, query)
        found = select(documents.c.id)
        if (pairs := _word_pairs(_required_phrases(query))) is not None:
            # The index of word pairs finds the documents holding the phrases' pairs;
            # the tsvector check then reads only theirs.
            found = found.where(documents.c.word_pairs.op("@>")(pairs))
        if pairs is None or not ranked:
            found = found.where(documents.c.terms.op("@@")(tsquery))
        newest = documents.c.id
    else:
        fts = schema.search_fts
        matched = fts.c.search_fts.op("MATCH")(fts5_query(query))
        score = [fts.c.rank.label("score")] if ranked else []
        found = select(fts.c.rowid.label("id"), *score).where(matched)
        newest = fts.c.rowid
        if kind != "all" or filters.since or filters.until or filters.sources:
            found = found.join(documents, documents.c.id == fts.c.rowid)
    if kind == "articles":
        found = found.where(documents.c.quote_id.is_(None))
    elif kind == "quotes":
        found = found.where(documents.c.quote_id.is_not(None))
    if filters.since or filters.until or filters.sources:
        found = filters.articles(found, documents)
    if postgres and pairs is not None and ranked:
        return _newest_confirmed(found, tsquery, most)
    window = (found.order_by(newest.desc()) if ranked else found).limit(most).subquery()
    if not (postgres and ranked):
        return window
    # ts_rank reads the whole tsvector: only the window's documents are ranked.
    return (
        select(documents.c.id, (-func.ts_rank(documents.c.terms, tsquery)).label("score"))
        .where(documents.c.id.in_(select(window.c.id)))
        .subquery()
    )


def _newest_confirmed(candidates: Select, tsquery: ColumnElement, most: int) -> Subquery:
    """The newest ``most`` of the documents the word pairs found that the tsvector
    confirms, ranked: the candidates sorted newest first, then confirmed in that order
    until ``most`` are found. A stored tsvector is large (read from TOAST storage): a
    phrase of two common words has thousands of candidates, and confirming them all
    before taking the newest read each of them; now only about ``most`` are read."""
    documents = schema.search_documents
    # OFFSET 0 keeps the check out of the sorted subquery (PostgreSQL would push it in).
    newest = (
        candidates.add_columns(documents.c.terms)
        .order_by(documents.c.id.desc())
        .offset(0)
        .subquery()
    )
    return (
        select(newest.c.id, (-func.ts_rank(newest.c.terms, tsquery)).label("score"))
        .where(newest.c.terms.op("@@")(tsquery))
        .order_by(newest.c.id.desc())
        .limit(most)
        .subquery()
    )


def _required_phrases(query: str) -> list[str]:
    """The quoted phrases every match must hold: not excluded, not one side of an "or"."""
    tokens = _TOKEN.findall(query)
    either = {
        i + offset
        for i, (_, _, word) in enumerate(tokens)
        if word.lower() == "or"
        for offset in (-1, 1)
    }
    return [
        phrase
        for i, (negated, phrase, _) in enumerate(tokens)
        if phrase and not negated and i not in either
    ]


def _word_pairs(phrases: list[str]) -> ColumnElement | None:
    """The hashed adjacent word pairs of the phrases, as ``word_pairs`` holds them: an
    expression PostgreSQL works out once as it plans the query (immutable functions of
    constants), not a round trip of its own. None when no phrase has two words side by
    side that are not stop words (the tsvector would give no pair)."""
    language = literal(schema.SEARCH_LANGUAGE, REGCONFIG)
    pairs = None
    for phrase in phrases:
        words = _words(phrase)
        if not any(not (_stop_word(a) or _stop_word(b)) for a, b in pairwise(words)):
            continue
        # Each phrase apart: one text would pair the end of one with the next's start.
        own = func.dyad_word_pairs(func.to_tsvector(language, phrase), type_=ARRAY(Integer))
        pairs = own if pairs is None else func.array_cat(pairs, own, type_=ARRAY(Integer))
    return pairs


def fts5_query(query: str) -> str:
    """The user's web-search query in FTS5 syntax; every word quoted so that
    punctuation ("al-Aqsa", "U.S.") is never read as an operator."""
    wanted: list[str] = []
    unwanted: list[str] = []
    either = False
    for negated, phrase, word in _TOKEN.findall(query):
        if word.lower() == "or" and wanted:
            either = True
            continue
        if word.startswith("-") and len(word) > 1:
            negated, word = "-", word[1:]
        # As on PostgreSQL, "the" or "of" alone says nothing (and matches every article).
        words = _words(phrase) if phrase else [w for w in _words(word) if not _stop_word(w)]
        text = " ".join(words)
        if not text:
            continue
        term = f'"{text}"'
        if negated:
            unwanted.append(term)
        elif either:
            wanted[-1] = f"({wanted[-1]} OR {term})"
            either = False
        else:
            wanted.append(term)
    if not wanted:
        return '""'
    expression = " AND ".join(wanted)
    for term in unwanted:
        expression = f"({expression}) NOT {term}"
    return expression


@cache
def stop_words() -> frozenset[str]:
    path = resources.files("dyad").joinpath("data/search/english.stop")
    lines = path.read_text("utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def _stop_word(word: str) -> bool:
    return word.lower() in stop_words()


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def _highlight_pattern(query: str) -> re.Pattern[str] | None:
    # Stems are not known here; the first five letters of each word find its forms.
    stems = {re.escape(w[:5].lower()) for w in _words(query) if w.lower() != "or"}
    return re.compile(r"\b(" + "|".join(sorted(stems)) + r")", re.IGNORECASE) if stems else None


def snippet(text: str, pattern: re.Pattern[str] | None) -> str:
    """About SNIPPET_CHARS of ``text`` around the first word of the query found in it."""
    found = pattern.search(text) if pattern else None
    start = max(0, (found.start() if found else 0) - SNIPPET_CHARS // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 20 else start
    piece = " ".join(text[start : start + SNIPPET_CHARS].split())
    return ("…" if start else "") + piece + ("…" if start + SNIPPET_CHARS < len(text) else "")
