"""Article records: JSONL lines and CSV rows, with a mapping from article fields to keys."""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, BinaryIO

from dyad.ingest.items import Item, Skipped, megabytes, one_line
from dyad.ingest.options import FIELD_ALIASES, MAX_RECORD_BYTES
from dyad.model import ARTICLE_FIELDS, Article

Located = tuple[str, Item]
CHUNK = 1 << 16

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


class RecordTooLarge(Exception):
    """A CSV record past the size limit; it was read past, never held whole."""


def capped_lines(stream: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """The lines of a stream; ``None`` for a line over ``limit`` bytes, which is skipped
    piece by piece, so memory stays within the limit however long the line is."""
    while line := stream.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            while (piece := stream.readline(CHUNK)) and not piece.endswith(b"\n"):
                pass
            yield None
        else:
            yield line


class CappedRecords:
    """The lines of a text stream for ``csv``, at most ``limit`` characters per record.

    A record over the limit raises ``RecordTooLarge`` from the reader and the rest
    of its line is skipped; the reader then goes on with the next line.
    ``new_record`` starts the count again.
    """

    def __init__(self, stream: io.TextIOBase, limit: int) -> None:
        self.stream = stream
        self.limit = limit
        self.size = 0
        self.line = 0  # the number of the last line read

    def new_record(self) -> None:
        self.size = 0

    def __iter__(self) -> CappedRecords:
        return self

    def __next__(self) -> str:
        line = self.stream.readline(self.limit - self.size + 1)
        if not line:
            raise StopIteration
        self.line += 1
        self.size += len(line)
        if self.size > self.limit:
            while line and not line.endswith(("\n", "\r")):  # the rest of the line, in pieces
                line = self.stream.readline(CHUNK)
            raise RecordTooLarge
        return line


def too_large(limit: int) -> str:
    return f"too large (over {megabytes(limit)})"


def read_jsonl_lines(
    lines: Iterable[str | bytes], name: str, columns: Mapping[str, str] | None = None
) -> Iterator[Item]:
    """One article per line: fields id, text, published, title, url, source, author."""
    for _where, item in jsonl_records(lines, name, columns or {}):
        yield item


def jsonl_records(
    lines: Iterable[str | bytes | None],
    name: str,
    columns: Mapping[str, str],
    limit: int = MAX_RECORD_BYTES,
) -> Iterator[Located]:
    """One record per line; ``None`` stands for a line over ``limit`` (see ``capped_lines``)."""
    for number, line in enumerate(lines, start=1):
        where = f"{name}:{number}"
        if line is None:
            yield where, Skipped(where, too_large(limit))
            continue
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
        except (ValueError, RecursionError) as error:
            yield where, Skipped(where, f"invalid JSON: {_json_error(error)}")
            continue
        if not isinstance(record, dict):
            yield where, Skipped(where, "line is not a JSON object")
            continue
        yield where, record_item(where, record, columns)


def json_records(text: str, name: str, columns: Mapping[str, str]) -> Iterator[Located]:
    """A JSON file holding one article (an object) or a list of them."""
    try:
        value = json.loads(text)
    except (ValueError, RecursionError) as error:
        yield name, Skipped(name, f"invalid JSON: {_json_error(error)}")
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


def _json_error(error: ValueError | RecursionError) -> str:
    """Why JSON did not parse: a syntax error with its place, or a value Python refuses."""
    if isinstance(error, json.JSONDecodeError):
        return f"{error.msg} (line {error.lineno} column {error.colno})"
    if isinstance(error, RecursionError):
        return "nested too deep"
    # An integer of more digits than Python converts; the advice after ";" is for programmers.
    return one_line(error).split(";")[0]


def record_item(where: str, record: Mapping[str, Any], columns: Mapping[str, str]) -> Item:
    fields = map_record(record, columns)
    if not isinstance(fields.get("text"), str):
        return Skipped(where, f"no '{columns.get('text', 'text')}' field")
    return article_or_skip(where, fields["text"], fields)


def csv_records(
    stream: io.TextIOBase,
    name: str,
    columns: Mapping[str, str],
    delimiter: str = ",",
    limit: int = MAX_RECORD_BYTES,
) -> Iterator[Located]:
    """One article per row; the header row names the columns.

    A row over ``limit`` characters or one the parser rejects is skipped, and
    reading goes on with the next line.
    """
    csv.field_size_limit(sys.maxsize)  # the record limit below bounds fields too
    lines = CappedRecords(stream, limit)
    reader = csv.DictReader(lines, delimiter=delimiter)
    text_key = columns.get("text")
    try:
        header = reader.fieldnames or []
    except (csv.Error, RecordTooLarge) as error:
        yield name, Skipped(name, _csv_error(error, limit))
        return
    if not (text_key in header if text_key else any(k in header for k in FIELD_ALIASES["text"])):
        wanted = text_key or " or ".join(FIELD_ALIASES["text"])
        yield name, Skipped(name, f"no text column (looked for {wanted})")
        return
    while True:
        lines.new_record()
        try:
            row = next(reader)
        except StopIteration:
            return
        except (csv.Error, RecordTooLarge) as error:
            where = f"{name}:{lines.line}"
            yield where, Skipped(where, _csv_error(error, limit))
            continue
        where = f"{name}:{lines.line}"
        fields = map_record(row, columns)
        yield where, article_or_skip(where, fields.get("text") or "", fields)


def _csv_error(error: Exception, limit: int) -> str:
    return too_large(limit) if isinstance(error, RecordTooLarge) else f"malformed CSV: {error}"
