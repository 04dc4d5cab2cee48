"""Quotes by speaker: who said what, newest first, with the article it came from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, Row, Select, func, select

from dyad.query.actors import ActorRef, actor_refs, resolve_actor
from dyad.query.connect import Database, connect
from dyad.query.events import HEADLINE_CHARS, headline
from dyad.query.filters import NO_FILTERS, Filters
from dyad.store import schema

# A speaker with up to this many quotes has them sorted; past it, articles are read
# newest first, ARTICLE_BATCH at first and twice as many each time after, until enough
# of its quotes turn up: one quoted in every third article is found in the first batch
# (without reading and decoding hundreds of others' quotes), a rarer one in a few more.
SORT_QUOTES_UP_TO = 2000
ARTICLE_BATCH = 50


@dataclass
class QuoteHit:
    article_id: str
    quote_id: str
    kind: str
    text: str
    speaker: str | None
    speaker_name: str | None
    speaker_text: str | None
    cue: str | None
    title: str | None
    url: str | None
    source: str | None
    published: date | None


@dataclass
class QuoteItem:
    """A quote as the actor and article pages show it."""

    article_id: str
    quote_id: str
    kind: str
    text: str
    speaker: ActorRef | None
    speaker_text: str | None
    cue: str | None
    title: str | None
    headline: str | None  # the title, or the text's first line where it reads as one
    published: date | None


def quotes_by(
    db: Database,
    speaker: str,
    *,
    include_affiliates: bool = True,
    filters: Filters = NO_FILTERS,
    limit: int | None = 50,
    offset: int = 0,
) -> list[QuoteHit]:
    """What an actor (and, with ``include_affiliates``, those who speak for it) said,
    newest first."""
    with connect(db) as conn:
        ids = resolve_actor(conn, speaker, include_affiliates)
        return speaker_quotes(conn, ids, filters=filters, limit=limit, offset=offset)


def speaker_quotes(
    conn: Connection,
    ids: set[str],
    *,
    filters: Filters = NO_FILTERS,
    limit: int | None = 50,
    offset: int = 0,
) -> list[QuoteHit]:
    quotes, articles = schema.quotes, schema.articles
    if limit is not None:
        # A page: a speaker quoted in thousands of articles is not sorted whole for it.
        _count, rows = _newest(conn, ids, _hit_select(), filters, offset + limit)
        return [_hit(row) for row in rows[offset:]]
    query = filters.articles(
        _hit_select()
        .where(quotes.c.speaker_id.in_(ids))
        .order_by(articles.c.published.desc(), quotes.c.article_id, quotes.c.quote_id)
        .offset(offset or None)
    )
    return [_hit(row) for row in conn.execute(query)]


def recent_quotes(
    conn: Connection, ids: set[str], *, filters: Filters = NO_FILTERS, limit: int = 10
) -> tuple[int, list[QuoteItem]]:
    """How many quotes the actors have, and their newest ones."""
    count, rows = _newest(conn, ids, quote_select(), filters, limit)
    return count, quote_items(conn, rows)


def recent_hits(
    conn: Connection, ids: set[str], *, filters: Filters = NO_FILTERS, limit: int = 10
) -> tuple[int, list[QuoteHit]]:
    """``recent_quotes`` as ``speaker_quotes`` gives them (for the API)."""
    count, rows = _newest(conn, ids, _hit_select(), filters, limit)
    return count, [_hit(row) for row in rows]


def _newest(
    conn: Connection, ids: set[str], query: Select, filters: Filters, limit: int
) -> tuple[int, list[Row]]:
    """How many quotes the actors have, and ``query``'s rows of the newest ``limit``.

    A speaker with few quotes has them sorted by date; one quoted in thousands of
    articles is found by reading articles newest first until enough turn up.
    """
    quotes, articles = schema.quotes, schema.articles
    by_speaker = quotes.c.speaker_id.in_(ids)
    if filters.since or filters.until or filters.sources:
        count_query = filters.articles(
            select(func.count())
            .select_from(quotes.join(articles, articles.c.id == quotes.c.article_id))
            .where(by_speaker)
        )
    else:
        count_query = select(func.count()).select_from(quotes).where(by_speaker)
    count = conn.execute(count_query).scalar_one()
    if count <= SORT_QUOTES_UP_TO:
        sorted_rows = conn.execute(
            filters.articles(query.where(by_speaker))
            .order_by(articles.c.published.desc(), articles.c.id, quotes.c.quote_id)
            .limit(limit)
        ).all()
        return count, list(sorted_rows)
    rows: list[Row] = []
    article_ids = conn.execute(
        # Ordered by date alone, the date index is read backwards and nothing is sorted.
        filters.articles(select(articles.c.id))
        .order_by(articles.c.published.desc())
        .execution_options(stream_results=True)
    )
    newest_first, size = article_ids.scalars(), ARTICLE_BATCH
    while len(rows) < limit and (batch := newest_first.fetchmany(size)):
        rows += _quotes_in(conn, query, ids, list(batch))
        size *= 2
    article_ids.close()
    rows = _newest_first(conn, rows)
    if limit and len(rows) >= limit:
        # The page's last day may have articles not read yet: all of its are, and ties
        # sorted as the query above sorts them (by article id), so pages do not overlap.
        last_day = rows[limit - 1].published
        on_last_day = conn.execute(
            filters.articles(select(articles.c.id)).where(articles.c.published == last_day)
        ).scalars()
        rows = [row for row in rows if row.published != last_day]
        rows = _newest_first(conn, rows + _quotes_in(conn, query, ids, list(on_last_day)))
    return count, rows[:limit]


def _newest_first(conn: Connection, rows: list[Row]) -> list[Row]:
    """Rows in the order of the sorted query: newest article first (undated ones where
    the database puts them: last in SQLite, first in PostgreSQL), then by article id
    and quote id."""
    rows = sorted(rows, key=lambda r: (r.article_id, r.quote_id))
    dated = sorted((r for r in rows if r.published), key=lambda r: r.published, reverse=True)
    undated = [r for r in rows if r.published is None]
    return undated + dated if conn.dialect.name == "postgresql" else dated + undated


def _quotes_in(conn: Connection, query: Select, ids: set[str], article_ids: list[str]) -> list[Row]:
    """``query``'s rows of quotes by ``ids`` in these articles."""
    # By article (the primary key), not by speaker: that index would list all its quotes.
    found = conn.execute(query.where(schema.quotes.c.article_id.in_(article_ids)))
    return [row for row in found if row.speaker_id in ids]


def _hit_select() -> Select:
    """Quotes with their speaker's name and their article's title, address and date."""
    quotes, articles, actors = schema.quotes, schema.articles, schema.actors
    return (
        select(
            quotes,
            actors.c.name.label("speaker_name"),
            articles.c.title,
            articles.c.url,
            articles.c.source,
            articles.c.published,
        )
        .join(articles, articles.c.id == quotes.c.article_id)
        .outerjoin(actors, actors.c.id == quotes.c.speaker_id)
    )


def _hit(row: Row) -> QuoteHit:
    return QuoteHit(
        article_id=row.article_id,
        quote_id=row.quote_id,
        kind=row.kind,
        text=row.text,
        speaker=row.speaker_id,
        speaker_name=row.speaker_name,
        speaker_text=row.speaker_text,
        cue=row.cue_text,
        title=row.title,
        url=row.url,
        source=row.source,
        published=row.published,
    )


def quote_items(conn: Connection, rows) -> list[QuoteItem]:
    """Rows of ``quote_select`` as items with their speakers named."""
    refs = actor_refs(conn, {row.speaker_id for row in rows})
    return [
        QuoteItem(
            article_id=row.article_id,
            quote_id=row.quote_id,
            kind=row.kind,
            text=row.text,
            speaker=refs.get(row.speaker_id),
            speaker_text=row.speaker_text,
            cue=row.cue_text,
            title=row.title,
            headline=row.title or headline(row.opening),
            published=row.published,
        )
        for row in rows
    ]


def quote_select() -> Select:
    """Quotes with the title, opening and date of their article."""
    quotes, articles = schema.quotes, schema.articles
    opening = func.substr(articles.c.text, 1, HEADLINE_CHARS + 2).label("opening")
    return select(quotes, articles.c.title, opening, articles.c.published).join(
        articles, articles.c.id == quotes.c.article_id
    )
