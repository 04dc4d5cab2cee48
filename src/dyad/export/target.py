"""Where an export goes: never onto the store, and never a half-written file.

Every export is written to a temporary file beside its target and renamed over
it only when complete, so a full disk or a failed query leaves the target as it
was (or absent), and a reader never sees a truncated file.
"""

from __future__ import annotations

import errno
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from dyad.ingest.items import one_line
from dyad.store import Store

# Files SQLite keeps beside a database while it is in use.
SQLITE_COMPANIONS = ("", "-wal", "-shm", "-journal")


class ExportError(Exception):
    """An export that cannot be written where it was asked to go; the message is one line."""


def store_files(store: Store) -> list[Path]:
    """The files a SQLite store lives in (none for a server database)."""
    url = store.engine.url
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return []
    database = Path(url.database).expanduser()
    return [database.with_name(database.name + suffix) for suffix in SQLITE_COMPANIONS]


def check_target(out: Path, store: Store) -> None:
    """Raise ``ExportError`` unless ``out`` is a file an export may (over)write."""
    for existing in store_files(store):
        if _same_file(out, existing):
            raise ExportError(f"{out} is the store itself; export to another file")
    if out.is_dir():
        raise ExportError(f"{out} is a folder; give a file name to export to")
    if not out.parent.is_dir():
        raise ExportError(f"no folder {out.parent} to export into; create it first")


def _same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file: the same name, a symbolic or a hard link."""
    try:
        return os.path.samefile(a, b)
    except OSError:  # one does not exist (yet): compare where the names lead
        return a.resolve() == b.resolve()


@contextmanager
def written_atomically(out: Path, store: Store) -> Iterator[Path]:
    """A temporary path to write the export to; it becomes ``out`` when the block succeeds.

    Raises ``ExportError`` for a target that is the store, a folder or in no
    folder, and for a write that fails (a full disk, no permission).
    """
    check_target(out, store)
    partial = out.with_name(f".{out.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.partial")
    try:
        # Made here rather than by mkstemp, so the export gets the usual (umask) permissions.
        os.close(os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
    except OSError as error:
        raise ExportError(f"cannot write to {out.parent}: {_why(error)}") from None
    try:
        yield partial
        os.replace(partial, out)
    except OSError as error:  # pyarrow's I/O errors are OSErrors too
        raise ExportError(f"cannot write {out}: {_why(error)}; nothing was written") from None
    finally:
        partial.unlink(missing_ok=True)


def _why(error: OSError) -> str:
    if error.errno == errno.ENOSPC or "No space left" in str(error):
        return "the disk is full"
    return error.strerror or one_line(error)
