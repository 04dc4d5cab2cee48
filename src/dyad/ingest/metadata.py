"""A metadata table (CSV, TSV or JSONL) giving files of text or HTML their title, date, source,
author and URL, matched by file name (``dyad ingest FOLDER --meta metadata.tsv``)."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path, PurePosixPath
from typing import Any

from dyad.ingest.decode import decode
from dyad.ingest.items import BadInput
from dyad.ingest.tables import map_record

# Where a table names the file a row describes, when --columns gives no file=COLUMN.
FILE_ALIASES = ("file", "filename", "file_name", "path")
# What tables written from pandas, R or SQL put in an empty cell (PolNeAR's authors: "None").
EMPTY_CELLS = {"none", "null", "nan", "na", "n/a"}


class MetadataTable:
    """Rows of article metadata keyed by file name, with or without its suffix.

    A key may hold folders too (``dev/text/a.txt``): a file matches the key that names the
    most of its path. Raises ``BadInput`` with a one-line reason for a table it cannot use.
    """

    def __init__(self, path: Path, columns: Mapping[str, str] | None = None) -> None:
        self.path = path
        self.unmatched: list[str] = []  # files read that have no row
        self._rows: dict[str, dict[str, Any]] = {}
        columns = dict(columns or {})
        file_key = columns.pop("file", None)
        for where, record in _records(path):
            key = _file_key(record, file_key)
            if key is None:
                wanted = file_key or ", ".join(FILE_ALIASES)
                raise BadInput(f"{where}: no file name (looked for {wanted}; see --columns file=…)")
            name = PurePosixPath(key.replace("\\", "/").removeprefix("./")).as_posix()
            if name in self._rows:
                raise BadInput(f"{where}: {name} has a row already")
            fields = map_record(record, columns)
            fields.pop("text", None)
            self._rows[name] = {
                field: value
                for field, value in fields.items()
                if str(value).strip().lower() not in EMPTY_CELLS
            }
        if not self._rows:
            raise BadInput(f"{path}: no rows")

    def lookup(self, file: Path) -> dict[str, Any] | None:
        """The row of a file read, or None (and the file is remembered as unmatched)."""
        for key in _keys(file):
            if key in self._rows:
                return self._rows[key]
        self.unmatched.append(str(file))
        return None

    def is_table(self, file: Path) -> bool:
        """Whether a file read is the table itself (in the folder it describes)."""
        return file.resolve() == self.path.resolve()


def _records(path: Path) -> Iterator[tuple[str, Mapping[str, Any]]]:
    try:
        text = decode(path.read_bytes())
    except OSError as error:
        raise BadInput(f"cannot read {path}: {error.strerror or error}") from error
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                yield f"{path}:{number}", _json_object(line, f"{path}:{number}")
        return
    if suffix not in (".csv", ".tsv"):
        raise BadInput(f"{path}: a metadata table is .csv, .tsv or .jsonl, not {suffix or 'none'}")
    csv.field_size_limit(sys.maxsize)
    reader = csv.DictReader(io.StringIO(text), delimiter="\t" if suffix == ".tsv" else ",")
    try:
        for row in reader:
            yield f"{path}:{reader.line_num}", row
    except csv.Error as error:
        raise BadInput(f"{path}:{reader.line_num}: malformed CSV: {error}") from error


def _json_object(line: str, where: str) -> Mapping[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise BadInput(f"{where}: invalid JSON: {error.msg}") from error
    if not isinstance(record, dict):
        raise BadInput(f"{where}: line is not a JSON object")
    return record


def _file_key(record: Mapping[str, Any], column: str | None) -> str | None:
    for key in (column,) if column else FILE_ALIASES:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _keys(file: Path) -> Iterator[str]:
    """The keys a file may have, its longest path first; each with and without its suffix."""
    parts = file.parts
    for start in range(len(parts)):
        tail = PurePosixPath(*parts[start:])
        if tail.is_absolute() or ".." in tail.parts:
            continue
        yield tail.as_posix()
        name = tail.name.removesuffix(".gz")
        if "." in name:
            yield tail.with_name(name.rsplit(".", 1)[0]).as_posix()
