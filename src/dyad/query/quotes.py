"""Quotes by speaker: who said what, newest first, with the article it came from."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, select

from dyad.query.actors import resolve_actor
from dyad.query.filters import NO_FILTERS, Filters
from dyad.store import Store, schema


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
    published: str | None


def quotes_by(
    store: Store,
    speaker: str,
    *,
    include_affiliates: bool = True,
    filters: Filters = NO_FILTERS,
    limit: int | None = 50,
) -> list[QuoteHit]:
    """What an actor (and, with ``include_affiliates``, those who speak for it) said."""
    with store.engine.connect() as conn:
        ids = resolve_actor(conn, speaker, include_affiliates)
        return speaker_quotes(conn, ids, filters, limit)


def speaker_quotes(
    conn: Connection, ids: set[str], filters: Filters, limit: int | None
) -> list[QuoteHit]:
    quotes, articles, actors = schema.quotes, schema.articles, schema.actors
    query = filters.articles(
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
        .where(quotes.c.speaker_id.in_(ids))
        .order_by(articles.c.published.desc(), quotes.c.article_id, quotes.c.quote_id)
        .limit(limit)
    )
    return [
        QuoteHit(
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
        for row in conn.execute(query)
    ]
