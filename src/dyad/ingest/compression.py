"""gzip that tells a truncated file from a whole one without losing what came before the cut."""

from __future__ import annotations

import io
import zlib
from typing import BinaryIO

from dyad.ingest.items import BadInput, megabytes

GZIP_MAGIC = b"\x1f\x8b"
CHUNK = 1 << 16
# Unpacked to packed size past which a large stream is taken for a compression bomb.
MAX_RATIO = 100


def is_gzip(head: bytes) -> bool:
    return head[:2] == GZIP_MAGIC


class GunzipReader(io.RawIOBase):
    """Streams a gzip file of one or many members (WARC.gz has one per record).

    Python's ``gzip`` raises on a truncated file and drops the data it had
    already inflated in that read; this reader returns everything before the
    cut and sets ``truncated``. Corrupt data raises ``zlib.error``.

    Each read inflates no more than it returns, so time and memory stay linear
    however well the data compresses. Past ``limit`` unpacked bytes, data that
    unpacks to over ``MAX_RATIO`` times its packed size is a compression bomb,
    not text: ``BadInput`` is raised. (Text packs about 3 to 10 to 1; a bomb of
    one repeated byte a thousand to one.)
    """

    def __init__(self, raw: BinaryIO, limit: int | None = None) -> None:
        self.raw = raw
        self.limit = limit
        self.inflater = zlib.decompressobj(wbits=31)
        self.packed = 0
        self.unpacked = 0
        self.truncated = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while True:
            if self.inflater.eof:  # the next member, if any, starts after this one
                source = self.inflater.unused_data or self._read_raw()
                if not source:
                    return 0
                self.inflater = zlib.decompressobj(wbits=31)
            else:
                source = self.inflater.unconsumed_tail or self._read_raw()
                if not source:
                    self.truncated = True
                    return 0
            out = self.inflater.decompress(source, len(buffer))
            if out:
                self._count(len(out))
                buffer[: len(out)] = out
                return len(out)

    def _read_raw(self) -> bytes:
        chunk = self.raw.read(CHUNK)
        self.packed += len(chunk)
        return chunk

    def _count(self, size: int) -> None:
        self.unpacked += size
        limit = self.limit
        if limit is not None and self.unpacked > limit and self.unpacked > MAX_RATIO * self.packed:
            raise BadInput(
                f"too large (over {megabytes(limit)} unpacked, at over {MAX_RATIO} times "
                "its packed size: a compression bomb)"
            )


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
