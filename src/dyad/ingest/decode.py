"""Bytes to text: binary files are refused, the charset is found rather than assumed."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from dyad.ingest.items import BadInput

# Leading bytes of formats that are sometimes saved under a text suffix.
MAGIC_NUMBERS = (
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or Office document)"),
    (b"\x1f\x8b", "gzip data"),
    (b"\x7fELF", "executable"),
    (b"\xd0\xcf\x11\xe0", "Office document"),
    (b"RIFF", "RIFF media"),
    (b"\x00\x00\x00", "binary data"),
)
BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters other than tab, newline, form feed and carriage return.
CONTROL_BYTES = bytes(set(range(32)) - {9, 10, 12, 13})
SNIFF_BYTES = 8192
MAX_CONTROL_SHARE = 0.05
MAX_ACCENTED_SHARE = 0.3
DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?\s*([\w.:-]+)""", re.IGNORECASE)


def binary_kind(data: bytes) -> str | None:
    """What a byte string is when it is not text (e.g. "PNG image"), else None."""
    for magic, kind in MAGIC_NUMBERS:
        if data.startswith(magic):
            return kind
    head = data[:SNIFF_BYTES]
    if any(head.startswith(bom) for bom, _ in BOMS):
        return None
    if b"\x00" in head:
        return "binary data"
    if head and sum(head.count(b) for b in CONTROL_BYTES) / len(head) > MAX_CONTROL_SHARE:
        return "binary data"
    return None


def decode(data: bytes, declared: str | None = None) -> str:
    """Text from bytes: BOM, then UTF-8, then the declared charset, then detection.

    Bytes that are valid UTF-8 are UTF-8 whatever a page declares: mislabelled
    pages are common, accidental UTF-8 validity is not.

    Raises ``BadInput`` for binary data and bytes no charset explains.
    """
    kind = binary_kind(data)
    if kind:
        raise BadInput(f"binary file, not text ({kind})")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    candidates = ["utf-8"]
    if declared:
        candidates.append(declared)
    match = DECLARED_CHARSET.search(data[:SNIFF_BYTES])
    if match:
        candidates.append(match.group(1).decode("ascii", errors="ignore"))
    for encoding in candidates:
        try:
            return data.decode(_codec(encoding))
        except (LookupError, UnicodeDecodeError):
            continue
    legacy = _legacy_encoding(data[: 1 << 20])
    if legacy is None:
        raise BadInput("undecodable bytes (no charset fits)")
    return data.decode(legacy, errors="replace")


def _legacy_encoding(sample: bytes) -> str | None:
    """The 8-bit encoding of non-UTF-8 text.

    Windows-1252 first: it is what Western text that is not UTF-8 nearly
    always is, and statistical detection misreads short samples of it. Other
    scripts read as Windows-1252 turn almost every letter into an accented
    one, which tells them apart.
    """
    try:
        text = sample.decode("cp1252")
    except UnicodeDecodeError:
        text = ""
    letters = [c for c in text if c.isalpha()]
    if letters and sum(not c.isascii() for c in letters) / len(letters) < MAX_ACCENTED_SHARE:
        return "cp1252"
    best = from_bytes(sample).best()
    return best.encoding if best is not None else None


def _codec(name: str) -> str:
    # Pages labelled Latin-1 are in practice Windows-1252 (as the WHATWG encoding spec says).
    name = name.strip().lower()
    return "cp1252" if name in {"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"} else name


def guess_encoding(sample: bytes) -> str:
    """The encoding of a stream from its first bytes: UTF-8 unless they are not."""
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8-sig"
    except UnicodeDecodeError:
        return _legacy_encoding(sample) or "utf-8"
