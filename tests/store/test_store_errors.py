"""Every way a --db can be wrong or fail gives one line saying what to do, and exit != 0
(issue 20, "unclear errors", the store's side; issue 19, a missing store).

Read-only files and folders and a full disk are made with mounts (a read-only bind
mount, a tiny tmpfs), since root writes through file permissions; they need root,
as CI runs.
"""

from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest
from test_store_writers import dataset
from typer.testing import CliRunner

import dyad.store.database
from dyad.cli import app
from dyad.store import Store

runner = CliRunner()
AS_ROOT = pytest.mark.skipif(
    os.geteuid() != 0, reason="read-only and full-disk mounts need root (CI runs as root)"
)


def one_line_error(*args: str, expect: str) -> str:
    """Run ``dyad ARGS``: it must fail with exactly one line on stderr containing ``expect``."""
    result = runner.invoke(app, list(args))
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.exit_code != 0, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert expect in lines[0], lines[0]
    print(lines[0])  # pytest -s shows every message (the README's table quotes them)
    return lines[0]


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> Path:
    """A small dyad store and a dataset of the same articles, made once."""
    folder = tmp_path_factory.mktemp("made")
    parts = dataset(folder / "parts", range(6))
    result = runner.invoke(app, ["load", str(parts), "--db", str(folder / "store.db")])
    assert result.exit_code == 0, result.output
    return folder


def copy_of_store(made: Path, target: Path) -> Path:
    with sqlite3.connect(made / "store.db") as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(made / "store.db", target)
    return target


@contextmanager
def mounted(*command: str, target: Path):
    subprocess.run(["mount", *command, str(target)], check=True)
    try:
        yield
    finally:
        subprocess.run(["umount", str(target)], check=True)


@contextmanager
def read_only(path: Path):
    """``path`` (a file or a folder) read-only, for root too."""
    with mounted("--bind", str(path), target=path):
        subprocess.run(["mount", "-o", "remount,ro,bind", str(path)], check=True)
        yield


def test_a_query_on_a_missing_store_says_how_to_make_one_and_creates_nothing(tmp_path):
    missing = tmp_path / "none.db"
    for command in (["timeline", "Hamas", "Russia"], ["counts"], ["export", "csv", "--out", "x"]):
        one_line_error(*command, "--db", str(missing), expect="dyad ingest")
    one_line_error("serve", "--db", str(missing), expect="no store at")
    assert not missing.exists()


def test_the_store_can_come_from_dyad_db(made, monkeypatch, tmp_path):
    monkeypatch.setenv("DYAD_DB", str(tmp_path / "elsewhere.db"))
    one_line_error("counts", expect=f"no store at {tmp_path / 'elsewhere.db'}")
    monkeypatch.setenv("DYAD_DB", str(made / "store.db"))
    assert runner.invoke(app, ["counts"]).exit_code == 0


def test_dyad_actor_takes_db_too(made, tmp_path):
    result = runner.invoke(app, ["actor", "Russia", "--db", str(made / "store.db")])
    assert result.exit_code == 0, result.output
    assert "store.db: RUS (Russia), 6 events, 0 quotes" in result.stdout
    one_line_error("actor", "Russia", "--db", str(tmp_path / "none.db"), expect="no store at")


def test_a_folder_a_missing_folder_and_an_empty_db(tmp_path):
    one_line_error("counts", "--db", str(tmp_path), expect="is a folder")
    one_line_error("migrate", "--db", str(tmp_path / "no" / "x.db"), expect="does not exist")
    one_line_error("counts", "--db", "", expect="--db is empty")


def test_a_text_file_or_another_applications_database_is_left_alone(tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("not a database\n" * 20)
    one_line_error("migrate", "--db", str(text), expect="not a SQLite database")
    assert text.read_text() == "not a database\n" * 20
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    before = other.read_bytes()
    for command in (["migrate"], ["counts"]):
        one_line_error(*command, "--db", str(other), expect="another application's SQLite")
    assert other.read_bytes() == before  # no tables added, not switched to WAL
    assert not Path(f"{other}-wal").exists()
    one_line_error("counts", "--db", "sqlite:////etc/passwd", expect="not a SQLite database")
    assert not Path("/etc/passwd-wal").exists()


def test_a_truncated_or_corrupted_store_is_refused(made, tmp_path):
    cut = copy_of_store(made, tmp_path / "cut.db")
    with cut.open("r+b") as file:
        file.truncate(cut.stat().st_size // 2)
    one_line_error("counts", "--db", str(cut), expect="damaged (cut short")
    broken = copy_of_store(made, tmp_path / "broken.db")
    data = bytearray(broken.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for page in range(1, len(data) // page_size):  # every page's header but the first
        data[page * page_size : page * page_size + 8] = b"\xff" * 8
    broken.write_bytes(bytes(data))
    one_line_error("counts", "--db", str(broken), expect="is damaged")


def test_an_older_store_asks_for_dyad_migrate(made, tmp_path):
    old = copy_of_store(made, tmp_path / "old.db")
    with sqlite3.connect(old) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0005'")
    one_line_error("counts", "--db", str(old), expect="run `dyad migrate --db")
    one_line_error("load", str(made / "parts"), "--db", str(old), expect="dyad migrate")
    with sqlite3.connect(old) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    one_line_error("counts", "--db", str(old), expect="newer dyad")


def test_urls_dyad_cannot_use():
    one_line_error("counts", "--db", "mysql://u@localhost/db", expect="not mysql://")
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    closed = f"postgresql://dyad:secret@127.0.0.1:{port}/dyad"
    line = one_line_error("counts", "--db", closed, expect="cannot connect to postgresql")
    assert "secret" not in line


def test_a_write_lock_held_elsewhere_too_long(made, tmp_path, monkeypatch):
    busy = copy_of_store(made, tmp_path / "busy.db")
    monkeypatch.setattr(dyad.store.database, "LOCK_WAIT_SECONDS", 1)
    holder = sqlite3.connect(busy, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        one_line_error("load", str(made / "parts"), "--db", str(busy), expect="is locked")
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_damaged_parquet_part(made, tmp_path):
    parts = tmp_path / "parts"
    shutil.copytree(made / "parts", parts)
    part = next(parts.glob("part-*.parquet"))
    part.write_bytes(part.read_bytes()[: part.stat().st_size // 2])
    db = str(tmp_path / "s.db")
    one_line_error("load", str(parts), "--db", db, expect=f"{part.name} is damaged")


@AS_ROOT
def test_a_read_only_store_file_or_folder_fails_before_any_analysis(made, tmp_path, shared):
    folder = tmp_path / "ro"
    folder.mkdir()
    store = copy_of_store(made, folder / "s.db")
    seed = str(shared / "corpus" / "seed")
    # --model names no model: reaching the analysis would fail on it, not on the store.
    with read_only(store):
        one_line_error("ingest", seed, "--db", str(store), "--model", "xx", expect="read-only")
    with read_only(folder):
        one_line_error("ingest", seed, "--db", str(store), "--model", "xx", expect="read-only")
        new = str(folder / "new.db")
        one_line_error("load", str(made / "parts"), "--db", new, expect="writable")


@AS_ROOT
def test_a_full_disk(made, tmp_path):
    disk = tmp_path / "disk"
    disk.mkdir()
    with mounted("-t", "tmpfs", "-o", "size=512k", "tmpfs", target=disk):
        db = str(disk / "s.db")
        parts = dataset(tmp_path / "many", range(100, 1100))
        one_line_error("load", str(parts), "--db", db, expect="is full")
        # What was stored before the disk filled is whole and readable.
        with Store(db, read_only=True) as store:
            assert store.count("articles") == store.count("search_documents")
