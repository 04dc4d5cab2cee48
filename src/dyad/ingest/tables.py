"""Article records: JSONL lines and CSV rows, with a mapping from article fields to keys."""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from dyad.ingest.items import Item, Skipped
from dyad.ingest.options import FIELD_ALIASES
from dyad.model import ARTICLE_FIELDS, Article

Located = tuple[str, Item]

HEADLINE_MAX_WORDS = 25
HEADLINE_MAX_CHARS = 200
# A sentence ending inside a line ("… it said. The …"); a lowercase word before the stop, so
# initials and titles ("Mary J. Blige", "Gov. Pence") are not taken for one. Headlines have none.
SENTENCE_BREAK = re.compile(r"\b(?!vs\.)[a-z]{2,}[.!?][\"'’”)]*\s+[A-Z\"'‘“]")


def article_or_skip(source: str, text: str, meta: Mapping[str, Any]) -> Item:
    """An article from text and metadata fields, or why not; untitled, the headline is the title."""
    if not text.strip():
        return Skipped(source, "empty text")
    if not meta.get("title"):
        meta = {**meta, "title": headline(text)}
    try:
        return Article.from_dict({**meta, "text": text})
    except (TypeError, ValueError) as error:
        return Skipped(source, f"bad metadata: {error}")


def headline(text: str) -> str | None:
    """The first line of a text when it reads as a headline: a short line of one sentence at
    most, starting with a capital, a digit or a quote, with the body on the lines after it."""
    first, _, body = text.strip().partition("\n")
    first = first.strip()
    if not body.strip() or not first or len(first) > HEADLINE_MAX_CHARS:
        return None
    words = first.split()
    if not 2 <= len(words) <= HEADLINE_MAX_WORDS or not (
        first[0].isupper() or first[0] in "0123456789\"'‘“"
    ):
        return None
    if first.endswith((":", ",", "-", "—")) or SENTENCE_BREAK.search(first):
        return None
    # Plain-text archives end headlines with "." or "; " (PolNeAR); a title has neither.
    title = first.rstrip(";").rstrip()
    if title.endswith(".") and "." not in words[-1][:-1]:
        title = title[:-1]
    return title


def map_record(record: Mapping[str, Any], columns: Mapping[str, str]) -> dict[str, Any]:
    """Article fields from a record: mapped keys first, then the usual names for each field."""
    fields = {}
    for name in ARTICLE_FIELDS:
        keys = (columns[name],) if name in columns else FIELD_ALIASES.get(name, (name,))
        value = next((record[k] for k in keys if record.get(k) not in (None, "", [])), None)
        if isinstance(value, list):  # "authors": ["A", "B"]
            value = ", ".join(str(part) for part in value)
        if value is not None:
            fields[name] = value
    return fields


def read_jsonl_lines(
    lines: Iterable[str | bytes], name: str, columns: Mapping[str, str] | None = None
) -> Iterator[Item]:
    """One article per line: fields id, text, published, title, url, source, author."""
    for _where, item in jsonl_records(lines, name, columns or {}):
        yield item


def jsonl_records(
    lines: Iterable[str | bytes], name: str, columns: Mapping[str, str]
) -> Iterator[Located]:
    for number, line in enumerate(lines, start=1):
        where = f"{name}:{number}"
        if isinstance(line, bytes):
            try:
                line = line.decode("utf-8-sig")
            except UnicodeDecodeError as error:
                yield where, Skipped(where, f"not UTF-8 text (byte {error.start})")
                continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield where, Skipped(where, f"invalid JSON: {error.msg}")
            continue
        if not isinstance(record, dict):
            yield where, Skipped(where, "line is not a JSON object")
            continue
        yield where, record_item(where, record, columns)


def json_records(text: str, name: str, columns: Mapping[str, str]) -> Iterator[Located]:
    """A JSON file holding one article (an object) or a list of them."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        yield name, Skipped(name, f"invalid JSON: {error.msg} (line {error.lineno})")
        return
    if isinstance(value, dict):
        yield name, record_item(name, value, columns)
        return
    if not isinstance(value, list):
        yield name, Skipped(name, "not an article (a JSON object) or a list of articles")
        return
    for number, record in enumerate(value, start=1):
        where = f"{name}[{number}]"
        if isinstance(record, dict):
            yield where, record_item(where, record, columns)
        else:
            yield where, Skipped(where, "list item is not a JSON object")


def record_item(where: str, record: Mapping[str, Any], columns: Mapping[str, str]) -> Item:
    fields = map_record(record, columns)
    if not isinstance(fields.get("text"), str):
        return Skipped(where, f"no '{columns.get('text', 'text')}' field")
    return article_or_skip(where, fields["text"], fields)


def csv_records(
    stream: io.TextIOBase, name: str, columns: Mapping[str, str], delimiter: str = ","
) -> Iterator[Located]:
    """One article per row; the header row names the columns."""
    csv.field_size_limit(sys.maxsize)
    reader = csv.DictReader(stream, delimiter=delimiter)
    text_key = columns.get("text")
    try:
        header = reader.fieldnames or []
        if not (
            text_key in header if text_key else any(k in header for k in FIELD_ALIASES["text"])
        ):
            wanted = text_key or " or ".join(FIELD_ALIASES["text"])
            yield name, Skipped(name, f"no text column (looked for {wanted})")
            return
        for row in reader:
            where = f"{name}:{reader.line_num}"
            fields = map_record(row, columns)
            yield where, article_or_skip(where, fields.get("text") or "", fields)
    except csv.Error as error:
        where = f"{name}:{reader.line_num}"
        yield where, Skipped(where, f"malformed CSV: {error}")
