"""Every ingest setting in one place, with defaults that suit news."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dyad.version import __version__

if TYPE_CHECKING:  # the table's module reads records with dyad.ingest.tables, which needs this one
    from dyad.ingest.metadata import MetadataTable

USER_AGENT = f"dyad/{__version__} (news event coder; python-httpx)"

# Common names for article fields in CSV headers and JSON records, tried when no mapping is given.
FIELD_ALIASES: Mapping[str, tuple[str, ...]] = {
    "id": ("id", "article_id", "doc_id"),
    "text": ("text", "body", "content", "article", "full_text"),
    "published": (
        "published",
        "date",
        "publish_date",
        "publication_date",
        "pubdate",
        "published_at",
    ),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "source": ("source", "publisher", "site", "outlet"),
    "author": ("author", "byline", "authors"),
    "language": ("language", "lang"),
}


# Largest single document: a file, a WARC record, a download, a JSONL line or a CSV row.
MAX_RECORD_BYTES = 10 * 2**20


@dataclass(frozen=True)
class IngestOptions:
    """How sources are read. The defaults suit English news read from local files."""

    # Keep only articles in this language (ISO 639-1); None keeps every language.
    language: str | None = "en"
    # Article field -> column (CSV) or key (JSONL); unmapped fields fall back to FIELD_ALIASES.
    columns: Mapping[str, str] = field(default_factory=dict)
    # Title, date, source, author and URL of text and HTML files, by file name (--meta).
    metadata: MetadataTable | None = None
    # Fetch the page an RSS/Atom entry links to when the feed has only a summary or teaser.
    fetch_links: bool = False
    # Largest single document (file, WARC record, download, JSONL line, CSV row) read;
    # larger ones are skipped.
    max_bytes: int = MAX_RECORD_BYTES
    # Also run trafilatura's fallback extractors (readability, jusText) and keep the better
    # text: a little more recall on pages of unusual layout, at about half the speed.
    html_fallbacks: bool = False
    # Pages whose main text is shorter are navigation, paywalls or error pages.
    min_words: int = 25
    timeout: float = 15.0
    max_redirects: int = 5
    user_agent: str = USER_AGENT
