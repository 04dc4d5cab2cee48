"""gzip that tells a truncated file from a whole one without losing what came before the cut."""

from __future__ import annotations

import io
import zlib
from typing import BinaryIO

from dyad.ingest.items import BadInput, megabytes

GZIP_MAGIC = b"\x1f\x8b"
CHUNK = 1 << 16


def is_gzip(head: bytes) -> bool:
    return head[:2] == GZIP_MAGIC


class GunzipReader(io.RawIOBase):
    """Streams a gzip file of one or many members (WARC.gz has one per record).

    Python's ``gzip`` raises on a truncated file and drops the data it had
    already inflated in that read; this reader returns everything before the
    cut and sets ``truncated``. Corrupt data raises ``zlib.error``.
    """

    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw
        self.inflater = zlib.decompressobj(wbits=31)
        self.pending = b""
        self.truncated = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self.pending:
            chunk = self.raw.read(CHUNK)
            if not chunk:
                self.truncated = not self.inflater.eof
                return 0
            self.pending = self.inflater.decompress(chunk)
            while self.inflater.eof and self.inflater.unused_data:
                rest = self.inflater.unused_data
                self.inflater = zlib.decompressobj(wbits=31)
                self.pending += self.inflater.decompress(rest)
        size = min(len(buffer), len(self.pending))
        buffer[:size] = self.pending[:size]
        self.pending = self.pending[size:]
        return size


def gunzip(data: bytes, limit: int) -> bytes:
    """The content of a gzip file of one document, refused past ``limit`` bytes."""
    inflater = zlib.decompressobj(wbits=31)
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error as error:
        raise BadInput(f"corrupt gzip ({error})") from None
    if len(out) > limit:
        raise BadInput(f"too large (over {megabytes(limit)} unpacked)")
    if not inflater.eof:
        raise BadInput("truncated gzip (file cut off)")
    return out
