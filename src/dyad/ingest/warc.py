"""Web archives (WARC, WARC.gz) with warcio: each captured HTML page becomes an article."""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from datetime import date
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException

from dyad.ingest.compression import CHUNK, GunzipReader
from dyad.ingest.decode import decode
from dyad.ingest.html import html_article
from dyad.ingest.items import BadInput, Skipped, megabytes, one_line
from dyad.ingest.options import IngestOptions
from dyad.ingest.tables import Located
from dyad.model import parse_date

HTML_TYPES = {"text/html", "application/xhtml+xml"}
# Blank lines a writer may leave after the last record.
MAX_TRAILER = 4


def read_warc(
    stream: BinaryIO, origin: str, options: IngestOptions, *, gzipped: bool
) -> Iterator[Located]:
    """Articles from the HTML responses in an archive; other records are not articles.

    The archive is read until its end or its first broken record: a truncated
    or malformed record is reported and nothing of it is yielded.
    """
    # warcio's own gzip reader stops silently at a cut; this one says so.
    unpacker = GunzipReader(stream, options.max_bytes) if gzipped else None
    if unpacker is not None:
        stream = io.BufferedReader(unpacker, CHUNK)
    pages = 0
    broken = None  # why reading stopped before the end, if it did
    records = 0
    archive = ArchiveIterator(stream, arc2warc=True)
    try:
        for record in archive:
            records += 1
            status = _page_status(record)
            if status is None:  # not an HTML page (an image, a request, a redirect, metadata)
                if not _read_to_end(record):
                    broken = f"truncated WARC record (the archive ends inside record {records})"
                    break
                continue
            pages += 1
            uri = record.rec_headers.get_header("WARC-Target-URI") or f"{origin}#{pages}"
            where = f"{uri} in {origin}"
            payload = record.content_stream().read(options.max_bytes + 1)
            if len(payload) > options.max_bytes:
                yield where, Skipped(where, f"too large (over {megabytes(options.max_bytes)})")
                continue
            if not _read_to_end(record):
                broken = f"truncated WARC record (the archive ends inside page {pages})"
                break
            if status != "200":
                yield where, Skipped(where, f"HTTP error ({status})")
                continue
            try:
                charset = _charset(record.http_headers.get_header("Content-Type"))
                html = decode(payload, declared=charset)
                captured = _capture_date(record.rec_headers.get_header("WARC-Date"))
                article = html_article(html, options, url=uri, published=captured)
            except BadInput as error:
                yield where, Skipped(where, str(error))
                continue
            yield where, article
        else:
            # warcio ends quietly when the file stops inside a record's headers
            # (which a pipe cannot tell: it has no end to seek to).
            seekable = unpacker is None and stream.seekable()
            if seekable and stream.seek(0, io.SEEK_END) - archive.offset > MAX_TRAILER:
                broken = f"truncated WARC record (the archive ends inside record {records + 1})"
    except zlib.error as error:
        broken = f"corrupt gzip (after {pages} pages: {error})"
    except BadInput as error:  # a compression bomb
        broken = f"{error} (after {pages} pages)"
    except (ArchiveLoadFailed, StatusAndHeadersParserException) as error:
        broken = f"malformed WARC record (after {pages} pages: {one_line(error)})"
    except Exception as error:  # noqa: BLE001 - warcio trips over bad headers in many ways
        detail = f"unparsable record headers, {type(error).__name__}"
        broken = f"malformed WARC record (after {pages} pages: {detail})"
    if unpacker is not None and unpacker.truncated:
        # A cut file breaks the record it cuts: the cut is the reason to give.
        broken = f"truncated gzip (archive cut off after {pages} pages)"
    if broken:
        yield origin, Skipped(origin, broken)


def _page_status(record) -> str | None:
    """The HTTP status of a captured HTML page; None for every other kind of record."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    media_type = (record.http_headers.get_header("Content-Type") or "").split(";")[0]
    status = record.http_headers.get_statuscode()
    if media_type.strip().lower() not in HTML_TYPES or status.startswith("3"):
        return None  # a redirect points to a page; it is not one
    return status


def _read_to_end(record) -> bool:
    """Consume the record; False if the archive ended before the length its header gives."""
    while record.raw_stream.read(CHUNK):
        pass
    return not getattr(record.raw_stream, "limit", 0)


def _charset(content_type: str | None) -> str | None:
    for param in (content_type or "").split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip("\"'") or None
    return None


def _capture_date(header: str | None) -> date | None:
    """The day a page was captured, its date when the page gives none (a broken header: none)."""
    try:
        return parse_date(header)
    except ValueError:
        return None
