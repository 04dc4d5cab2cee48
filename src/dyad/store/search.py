"""Putting articles and their quotes into the full-text index of either backend."""

from __future__ import annotations

from sqlalchemy import Connection, Select, func, literal, null, select
from sqlalchemy.dialects.postgresql import REGCONFIG

from dyad.store import schema


def index_for_search(conn: Connection, article_ids: list[str] | None = None) -> None:
    """Index the given stored articles and their quotes (all articles when None).

    Each article and each quote becomes one row of ``search_documents``; the words
    go to its ``terms`` tsvector (and their adjacent pairs to ``word_pairs``) on
    PostgreSQL, to ``search_fts`` on SQLite.
    Articles must not have been indexed before.
    """
    articles, quotes, documents = schema.articles, schema.quotes, schema.search_documents
    postgres = conn.dialect.name == "postgresql"
    language = literal(schema.SEARCH_LANGUAGE, REGCONFIG)
    article_words = func.coalesce(articles.c.title, "") + " " + articles.c.text
    article_rows = select(
        articles.c.id,
        null().label("quote_id"),
        articles.c.published,
        articles.c.source,
        *([func.to_tsvector(language, article_words).label("terms")] if postgres else []),
    )
    quote_rows = select(
        quotes.c.article_id,
        quotes.c.quote_id,
        articles.c.published,
        articles.c.source,
        *([func.to_tsvector(language, quotes.c.text).label("terms")] if postgres else []),
    ).join(articles, articles.c.id == quotes.c.article_id)
    if article_ids is not None:
        article_rows = article_rows.where(articles.c.id.in_(article_ids))
        quote_rows = quote_rows.where(quotes.c.article_id.in_(article_ids))
    columns = ["article_id", "quote_id", "published", "source"]
    if postgres:
        columns += ["terms", "word_pairs"]
        article_rows, quote_rows = _with_word_pairs(article_rows), _with_word_pairs(quote_rows)
    # SQLite: the documents after this id are the new ones, to copy into its FTS index.
    last_old = None
    if not postgres:
        last_old = conn.execute(select(func.coalesce(func.max(documents.c.id), 0))).scalar_one()
    conn.execute(documents.insert().from_select(columns, article_rows))
    conn.execute(documents.insert().from_select(columns, quote_rows))
    if last_old is not None:
        _fill_fts(conn, last_old)


def _with_word_pairs(rows: Select) -> Select:
    """``rows`` (ending in their ``terms`` tsvector) with its word pairs beside it; the
    tsvector is made once (a materialized CTE), not again for the pairs."""
    made = rows.cte().prefix_with("MATERIALIZED")
    return select(*made.c, func.dyad_word_pairs(made.c.terms))


def _fill_fts(conn: Connection, after_id: int) -> None:
    articles, quotes, documents = schema.articles, schema.quotes, schema.search_documents
    fts = schema.search_fts
    new = documents.c.id > after_id
    conn.execute(
        fts.insert().from_select(
            ["rowid", "title", "body"],
            select(documents.c.id, articles.c.title, articles.c.text)
            .join(articles, articles.c.id == documents.c.article_id)
            .where(new, documents.c.quote_id.is_(None)),
        )
    )
    conn.execute(
        fts.insert().from_select(
            ["rowid", "title", "body"],
            select(documents.c.id, null(), quotes.c.text)
            .join(
                quotes,
                (quotes.c.article_id == documents.c.article_id)
                & (quotes.c.quote_id == documents.c.quote_id),
            )
            .where(new),
        )
    )
