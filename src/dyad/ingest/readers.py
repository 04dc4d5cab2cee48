"""Readers for plain-text files (with ``NAME.meta.json`` sidecars), JSONL and folders."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from dyad.model import Article

TEXT_SUFFIXES = {".txt", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SIDECAR_SUFFIX = ".meta.json"


@dataclass
class Skipped:
    """An input that could not become an article, and why."""

    source: str
    reason: str


Item = Article | Skipped


def read_sources(
    paths: Iterable[str], *, jsonl: bool = False, published: str | None = None
) -> Iterator[Item]:
    """Yield articles from files, folders (recursively) and ``-`` (stdin), in order.

    ``jsonl`` treats stdin and files of any suffix as JSONL; ``published``
    overrides the publication date of every article read.
    """
    for item in _read_all(paths, jsonl):
        if published and isinstance(item, Article):
            item.published = published
        yield item


def _read_all(paths: Iterable[str], jsonl: bool) -> Iterator[Item]:
    for raw in paths:
        if raw == "-":
            if jsonl:
                yield from read_jsonl_lines(sys.stdin, "<stdin>")
            else:
                yield _article_or_skip("<stdin>", sys.stdin.read(), {})
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.name.endswith(SIDECAR_SUFFIX):
                    continue
                if child.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES:
                    yield from _read_file(child, jsonl=False)
        elif path.is_file():
            yield from _read_file(path, jsonl)
        else:
            yield Skipped(raw, "no such file or folder")


def _read_file(path: Path, jsonl: bool) -> Iterator[Item]:
    try:
        data = path.read_bytes()
    except OSError as error:
        yield Skipped(str(path), f"cannot read: {error.strerror or error}")
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        yield Skipped(str(path), f"not UTF-8 text (byte {error.start})")
        return
    if jsonl or path.suffix.lower() in JSONL_SUFFIXES:
        yield from read_jsonl_lines(text.splitlines(), str(path))
        return
    try:
        meta = _sidecar(path)
    except ValueError as error:
        yield Skipped(str(path), str(error))
        return
    yield _article_or_skip(str(path), text, meta)


def _sidecar(path: Path) -> dict:
    sidecar = path.with_name(path.name[: -len(path.suffix)] + SIDECAR_SUFFIX)
    if not sidecar.exists():
        return {}
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as error:
        raise ValueError(f"bad sidecar {sidecar.name}: {error}") from error
    if not isinstance(meta, dict):
        raise ValueError(f"bad sidecar {sidecar.name}: not a JSON object")
    return meta


def _article_or_skip(source: str, text: str, meta: dict) -> Item:
    if not text.strip():
        return Skipped(source, "empty text")
    try:
        return Article.from_dict({**meta, "text": text})
    except (TypeError, ValueError) as error:
        return Skipped(source, f"bad metadata: {error}")


def read_jsonl_lines(lines: Iterable[str], name: str) -> Iterator[Item]:
    """One article per line: fields id, text, published, title, url, source, author."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            record = json.loads(line)
        except ValueError as error:
            yield Skipped(where, f"invalid JSON: {error.msg}")
            continue
        if not isinstance(record, dict):
            yield Skipped(where, "line is not a JSON object")
        elif not isinstance(record.get("text"), str):
            yield Skipped(where, "no 'text' field")
        else:
            yield _article_or_skip(where, record["text"], record)
