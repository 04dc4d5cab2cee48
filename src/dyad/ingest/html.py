"""Web pages to articles: main text and metadata with trafilatura."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import date
from typing import Any

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.settings import Document

from dyad.ingest.items import BadInput
from dyad.ingest.options import IngestOptions
from dyad.model import Article, parse_date

# trafilatura logs every unparsable page at ERROR; dyad reports them as skipped inputs instead.
for _name in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

# Reader comments, tables and images are not the article's own prose. Precision over
# recall: a menu or teaser line taken for text becomes a false event downstream.
EXTRACTION: dict[str, Any] = {
    "favor_precision": True,
    "include_comments": False,
    "include_tables": False,
    "include_images": False,
    "with_metadata": True,
    "date_extraction_params": {"original_date": True, "extensive_search": False},
}


# trafilatura's own parser keeps libxml2's depth limit, and text nested deeper than 256
# elements silently disappears; this one lifts it.
PARSER = lxml.html.HTMLParser(
    collect_ids=False,
    default_doctype=False,  # type: ignore[call-arg]  # lxml-stubs 0.5 lacks this argument
    encoding="utf-8",
    remove_comments=True,
    remove_pis=True,
    huge_tree=True,
)


def html_article(
    html: str,
    options: IngestOptions,
    *,
    url: str | None = None,
    fallback: Mapping[str, str | None] | None = None,
    published: date | None = None,
) -> Article:
    """The article on a web page; ``fallback`` and ``published`` fill metadata the page
    does not give.

    Raises ``BadInput`` when the page has no article text.
    """
    page = trafilatura.bare_extraction(
        _parsed(html), url=url, fast=not options.html_fallbacks, **EXTRACTION
    )
    # A Document, as asked (without as_dict), or None when nothing is found.
    if not isinstance(page, Document) or not page.text or not page.text.strip():
        raise BadInput("no article text (empty or boilerplate-only page)")
    text = _without_headline(page.text, page.title)
    words = len(text.split())
    if words < options.min_words:
        raise BadInput(f"no article text (only {words} words)")
    fallback = fallback or {}
    return Article(
        text=text,
        title=page.title or fallback.get("title"),
        url=page.url or url or fallback.get("url"),
        source=page.sitename or fallback.get("source") or page.hostname,
        author=page.author or fallback.get("author"),
        published=parse_date(page.date) or published,
    )


def _parsed(html: str) -> lxml.html.HtmlElement | str:
    try:
        return lxml.html.fromstring(html.encode("utf-8", "surrogatepass"), parser=PARSER)
    except (etree.ParserError, ValueError):
        return html  # empty or unparsable here: trafilatura's own repairs may still help


def _without_headline(text: str, title: str | None) -> str:
    """The body without the headline trafilatura keeps as its first line (it is the title)."""
    first, _, rest = text.strip().partition("\n")
    if title and rest and first.strip() == title.strip():
        return rest.strip()
    return text.strip()


def fragment_text(html: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content), one paragraph a line."""
    page = f"<html><body><article>{html}</article></body></html>"
    text = trafilatura.extract(page, include_comments=False, include_tables=False)
    return (text or trafilatura.html2txt(page) or "").strip()
