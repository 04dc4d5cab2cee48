"""Every source to articles: files of each format, folders, ``-`` for stdin, and URLs.

A file's format comes from its suffix, checked against its first bytes (a page
saved as ``.txt`` is read as HTML, a PNG saved as ``.txt`` is refused).
"""

from __future__ import annotations

import io
import json
import sys
import zlib
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import BinaryIO

from dyad.ingest.compression import CHUNK, GunzipReader, gunzip, is_gzip
from dyad.ingest.decode import binary_kind, decode, guess_encoding
from dyad.ingest.feeds import read_feed
from dyad.ingest.fetch import Fetcher
from dyad.ingest.html import html_article
from dyad.ingest.items import BadInput, Item, Skipped, megabytes, one_line
from dyad.ingest.language import detect_language
from dyad.ingest.options import IngestOptions
from dyad.ingest.tables import (
    Located,
    article_or_skip,
    capped_lines,
    csv_records,
    json_records,
    jsonl_records,
)
from dyad.ingest.warc import read_warc
from dyad.limits import Limits, article_too_long
from dyad.model import Article, parse_date

SUFFIX_FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".rdf": "feed",
    ".xml": "feed",
    ".warc": "warc",
    ".arc": "warc",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
}
# Read as a stream, record by record: no size cap on the whole file.
STREAMED_FORMATS = {"warc", "jsonl", "csv"}
SIDECAR_SUFFIX = ".meta.json"
SNIFF_BYTES = 2048
URL_PREFIXES = ("http://", "https://")
MEDIA_FORMATS = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/rdf+xml": "feed",
    "application/xml": "feed",
    "text/xml": "feed",
    "text/plain": "text",
    "text/csv": "csv",
    "application/json": "json",
    "application/warc": "warc",
}
LANGUAGE_NAMES = {"en": "English"}


def read_sources(
    paths: Iterable[str],
    *,
    jsonl: bool = False,
    published: date | None = None,
    options: IngestOptions | None = None,
) -> Iterator[Item]:
    """Yield articles from files, folders (recursively), URLs and ``-`` (stdin), in order.

    ``jsonl`` treats stdin and files of any suffix as JSONL; ``published``
    overrides the publication date of every article read. Articles not in
    ``options.language`` are skipped.
    """
    options = options or IngestOptions()
    limits = Limits.from_env()
    reader = _Reader(options, jsonl)
    try:
        for origin, item in reader.read_all(paths):
            if isinstance(item, Article) and len(item.text) > limits.max_article_chars:
                item = Skipped(origin, article_too_long(len(item.text), limits.max_article_chars))
            if isinstance(item, Article):
                item = _in_language(origin, item, options.language)
            if published and isinstance(item, Article):
                item.published = published
            yield item
    finally:
        reader.close()


def _in_language(origin: str, article: Article, wanted: str | None) -> Item:
    # A confident detection beats metadata: feeds and sidecars often say "en" for everything.
    detected = detect_language(article.text)
    if detected:
        article.language = detected
    if wanted and article.language != wanted:
        return Skipped(origin, f"not {LANGUAGE_NAMES.get(wanted, wanted)} ({article.language})")
    return article


class _Reader:
    def __init__(self, options: IngestOptions, jsonl: bool) -> None:
        self.options = options
        self.jsonl = jsonl
        self._fetcher: Fetcher | None = None

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(self.options)
        return self._fetcher

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()

    def read_all(self, paths: Iterable[str]) -> Iterator[Located]:
        for raw in paths:
            if raw == "-":
                yield from _guarded("<stdin>", self.read_stdin())
            elif raw.startswith(URL_PREFIXES):
                yield from _guarded(raw, self.read_url(raw))
            else:
                path = Path(raw)
                if path.is_dir():
                    yield from self.read_folder(path)
                elif path.is_file():
                    yield from _guarded(raw, self.read_file(path, explicit=True))
                else:
                    yield raw, Skipped(raw, "no such file or folder")

    def read_folder(self, folder: Path) -> Iterator[Located]:
        for child in sorted(p for p in folder.rglob("*") if p.is_file()):
            hidden = any(part.startswith(".") for part in child.relative_to(folder).parts)
            if hidden or child.name.endswith(SIDECAR_SUFFIX) or self.is_metadata_table(child):
                continue
            yield from _guarded(str(child), self.read_file(child, explicit=False))

    def read_stdin(self) -> Iterator[Located]:
        """Records are streamed as from a file; a single document is read up to the size limit."""
        origin, limit = "<stdin>", self.options.max_bytes
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:  # a text stream put in its place (tests, embedding programs)
            stream = io.BytesIO(sys.stdin.read().encode("utf-8"))
        if not hasattr(stream, "peek"):
            stream = io.BufferedReader(stream)
        head = stream.peek(SNIFF_BYTES)[:SNIFF_BYTES]
        fmt = "jsonl" if self.jsonl else _sniff(head) or "text"
        if fmt in STREAMED_FORMATS:
            yield from self.read_stream(stream, origin, fmt, gzipped=is_gzip(head))
            return
        data = stream.read(limit + 1)
        if len(data) > limit:
            yield origin, Skipped(origin, f"too large (over {megabytes(limit)})")
            return
        yield from self.read_bytes(data, origin, fmt, meta={})

    def read_url(self, url: str) -> Iterator[Located]:
        try:
            download = self.fetcher.get(url)
        except BadInput as error:
            yield url, Skipped(url, str(error))
            return
        fmt = MEDIA_FORMATS.get(download.content_type) or _sniff(download.content[:SNIFF_BYTES])
        if fmt is None:
            reason = f"unsupported content type ({download.content_type or 'none given'})"
            yield url, Skipped(url, reason)
            return
        meta = {"url": download.url}
        yield from self.read_bytes(download.content, url, fmt, meta, charset=download.charset)

    def read_file(self, path: Path, *, explicit: bool) -> Iterator[Located]:
        origin = str(path)
        try:
            with path.open("rb") as stream:
                head = stream.read(SNIFF_BYTES)
                stream.seek(0)
                fmt = self.file_format(path, head, explicit)
                if fmt in STREAMED_FORMATS:
                    kind = binary_kind(head) if fmt != "warc" and not is_gzip(head) else None
                    if kind:
                        raise BadInput(f"binary file, not text ({kind})")
                    yield from self.read_stream(stream, origin, fmt, gzipped=is_gzip(head))
                    return
                size, limit = path.stat().st_size, self.options.max_bytes
                if size > limit:
                    raise BadInput(f"too large ({megabytes(size)}, limit {megabytes(limit)})")
                data = stream.read()
        except BadInput as error:
            yield origin, Skipped(origin, str(error))
            return
        except OSError as error:
            yield origin, Skipped(origin, f"cannot read: {error.strerror or error}")
            return
        try:
            if is_gzip(head):
                data = gunzip(data, self.options.max_bytes)
                if fmt == "text":
                    fmt = _sniff(data[:SNIFF_BYTES]) or "text"
            meta = _sidecar(path) if fmt == "text" else {}
        except BadInput as error:
            yield origin, Skipped(origin, str(error))
            return
        items = self.read_bytes(data, origin, fmt, meta)
        table = self.options.metadata if fmt in ("text", "html") else None
        row = table.lookup(path) if table else None
        yield from _with_metadata(items, row) if row else items

    def is_metadata_table(self, path: Path) -> bool:
        return self.options.metadata is not None and self.options.metadata.is_table(path)

    def file_format(self, path: Path, head: bytes, explicit: bool) -> str:
        if self.jsonl and explicit:
            return "jsonl"
        suffixes = [s.lower() for s in path.suffixes]
        if suffixes[-1:] == [".gz"]:
            suffixes.pop()
        by_suffix = SUFFIX_FORMATS.get(suffixes[-1]) if suffixes else None
        if is_gzip(head) and by_suffix not in STREAMED_FORMATS:
            # Compressed single documents are small enough to sniff after unpacking.
            return by_suffix or "text"
        sniffed = _sniff(head)
        if by_suffix in ("text", None) and sniffed in ("html", "feed", "warc"):
            return sniffed
        if by_suffix:
            return by_suffix
        if explicit:
            return "text"
        kind = binary_kind(head)
        raise BadInput(f"unsupported file type ({kind or (path.suffix or 'no suffix')})")

    def read_stream(
        self, stream: BinaryIO, origin: str, fmt: str, *, gzipped: bool
    ) -> Iterator[Located]:
        if fmt == "warc":
            yield from read_warc(stream, origin, self.options, gzipped=gzipped)
            return
        limit = self.options.max_bytes
        unpacker = GunzipReader(stream, limit) if gzipped else None
        if unpacker is not None:
            stream = io.BufferedReader(unpacker, CHUNK)
        try:
            if fmt == "jsonl":
                lines = capped_lines(stream, limit)
                yield from jsonl_records(lines, origin, self.options.columns, limit)
            else:
                text = io.TextIOWrapper(stream, encoding=guess_encoding(_peek(stream)), newline="")
                delimiter = "\t" if origin.lower().removesuffix(".gz").endswith(".tsv") else ","
                yield from csv_records(text, origin, self.options.columns, delimiter, limit)
        except BadInput as error:  # a compression bomb
            yield origin, Skipped(origin, str(error))
        except zlib.error as error:
            yield origin, Skipped(origin, f"corrupt gzip ({error})")
        except UnicodeDecodeError as error:
            yield origin, Skipped(origin, f"undecodable bytes ({error.reason})")
        if unpacker is not None and unpacker.truncated:
            yield origin, Skipped(origin, "truncated gzip (file cut off)")

    def read_bytes(
        self, data: bytes, origin: str, fmt: str, meta: dict, charset: str | None = None
    ) -> Iterator[Located]:
        if fmt in STREAMED_FORMATS:
            yield from self.read_stream(
                io.BufferedReader(io.BytesIO(data)), origin, fmt, gzipped=is_gzip(data)
            )
            return
        if fmt == "feed":
            fetcher = self.fetcher if self.options.fetch_links else None
            yield from read_feed(data, origin, self.options, fetcher)
            return
        try:
            text = decode(data, declared=charset)
            if fmt == "json":
                yield from json_records(text, origin, self.options.columns)
                return
            if fmt == "html":
                article = html_article(text, self.options, url=meta.get("url"), fallback=meta)
                yield origin, article
                return
        except BadInput as error:
            yield origin, Skipped(origin, str(error))
            return
        yield origin, article_or_skip(origin, text, meta)


def _with_metadata(items: Iterator[Located], row: dict) -> Iterator[Located]:
    """The articles with the fields of their metadata-table row, which beat the file's own."""
    for origin, item in items:
        if isinstance(item, Article):
            try:
                for name, value in row.items():
                    typed = parse_date(str(value)) if name == "published" else str(value)
                    setattr(item, name, typed)
            except ValueError as error:
                item = Skipped(origin, f"bad metadata: {error}")
        yield origin, item


def _guarded(origin: str, items: Iterator[Located]) -> Iterator[Located]:
    """The items of one input; a reader's unforeseen failure skips that input, not the batch."""
    try:
        yield from items
    except Exception as error:  # noqa: BLE001 - parsers of broken files fail in many ways
        yield origin, Skipped(origin, f"reader failed ({type(error).__name__}: {one_line(error)})")


def _sniff(head: bytes) -> str | None:
    """The format of a document from its first bytes, when they tell."""
    if head.startswith(b"WARC/"):
        return "warc"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype html", b"<html")):
        return "html"
    if start.startswith(b"<?xml") or start.startswith((b"<rss", b"<feed", b"<rdf")):
        if any(tag in start for tag in (b"<rss", b"<feed", b"<rdf:rdf")):
            return "feed"
        return "html" if b"<html" in start else None
    return None


def _peek(stream: BinaryIO) -> bytes:
    return stream.peek(1 << 16) if hasattr(stream, "peek") else b""


def _sidecar(path: Path) -> dict:
    sidecar = path.with_name(path.name[: -len(path.suffix)] + SIDECAR_SUFFIX)
    if not sidecar.exists():
        return {}
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as error:
        raise BadInput(f"bad sidecar ({sidecar.name}: {error})") from error
    if not isinstance(meta, dict):
        raise BadInput(f"bad sidecar ({sidecar.name}: not a JSON object)")
    return meta
