"""RSS and Atom feeds with feedparser: each entry becomes an article."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date

import feedparser

from dyad.ingest.decode import decode
from dyad.ingest.fetch import Fetcher
from dyad.ingest.html import fragment_text, html_article
from dyad.ingest.items import BadInput, Skipped, one_line
from dyad.ingest.options import IngestOptions
from dyad.ingest.tables import Located
from dyad.model import Article

# Entry text this long is the full article (many RSS feeds put it in <description>), not a
# teaser.
FULL_TEXT_MIN_WORDS = 80


def read_feed(
    data: bytes, origin: str, options: IngestOptions, fetcher: Fetcher | None
) -> Iterator[Located]:
    """One item per entry: its full content, else its linked page if fetching is allowed."""
    feed = feedparser.parse(data)
    if not feed.entries:
        if feed.bozo:
            yield origin, Skipped(origin, f"malformed feed ({one_line(feed.bozo_exception)})")
        else:
            yield origin, Skipped(origin, "empty feed (no entries)")
        return
    source = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, start=1):
        where = entry.get("link") or f"{origin}#{number}"
        try:
            yield where, _entry_article(entry, source, options, fetcher)
        except BadInput as error:
            yield where, Skipped(where, str(error))


def _entry_article(
    entry: dict, source: str | None, options: IngestOptions, fetcher: Fetcher | None
) -> Article:
    meta: dict[str, str | None] = {
        "title": entry.get("title"),
        "url": entry.get("link"),
        "author": entry.get("author"),
        "source": source,
    }
    published = _date(entry.get("published_parsed") or entry.get("updated_parsed"))
    content = " ".join(part.get("value", "") for part in entry.get("content", []))
    text = fragment_text(content) if content else ""
    if len(text.split()) < FULL_TEXT_MIN_WORDS and fetcher and meta["url"]:
        # Short content is often a teaser: the linked page has the article.
        try:
            download = fetcher.get(meta["url"])
            page = decode(download.content, declared=download.charset)
            return html_article(page, options, url=download.url, fallback=meta, published=published)
        except BadInput:
            if len(text.split()) < options.min_words:
                raise
    if len(text.split()) < options.min_words:
        summary = fragment_text(entry.get("summary", ""))
        if len(summary.split()) < FULL_TEXT_MIN_WORDS:
            hint = "" if fetcher else ", link fetching off"
            raise BadInput(f"feed entry has no full text (summary only{hint})")
        text = summary
    return Article(
        text=text,
        published=published,
        title=meta["title"],
        url=meta["url"],
        author=meta["author"],
        source=source,
    )


def _date(parsed: time.struct_time | None) -> date | None:
    return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday) if parsed else None
