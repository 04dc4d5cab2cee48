"""Exports go where asked or nowhere: never onto the store, never a truncated file.

``dyad export FORMAT --out X.db --db X.db`` once overwrote the store it was
reading (all five formats), and a full disk left a cut-off file in place of the
old one. Every case runs the real command and checks the one-line error, the
exit code, and that the store and any earlier file are untouched.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest
from query_corpus import CORPUS
from typer.testing import CliRunner

from dyad.cli import app
from dyad.export import FORMATS
from dyad.store import Store

runner = CliRunner()


@pytest.fixture
def store_file(tmp_path):
    db = tmp_path / "store.db"
    with Store(str(db)) as store:
        for analysis in CORPUS:
            assert store.add(analysis)
    return db


def articles_in(db) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]


def error_line(result) -> str:
    """The whole of a failed command's output, which must be one line."""
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    return lines[0]


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_export_onto_the_store_is_refused_and_the_store_kept(fmt, store_file, tmp_path):
    before = store_file.read_bytes()
    (tmp_path / "symlink.db").symlink_to(store_file)
    os.link(store_file, tmp_path / "hardlink.db")
    for target in ("store.db", "symlink.db", "hardlink.db", "store.db-wal", "store.db-shm"):
        result = runner.invoke(
            app, ["export", fmt, "--out", str(tmp_path / target), "--db", str(store_file)]
        )
        assert result.exit_code == 2, (target, result.output)
        assert "is the store itself" in error_line(result)
    assert store_file.read_bytes() == before
    assert articles_in(store_file) == len(CORPUS)


def test_network_out_onto_the_store_is_refused(store_file, tmp_path):
    (tmp_path / "store.graphml").symlink_to(store_file)
    result = runner.invoke(
        app, ["network", "--out", str(tmp_path / "store.graphml"), "--db", str(store_file)]
    )
    assert result.exit_code == 2 and "is the store itself" in error_line(result)
    assert articles_in(store_file) == len(CORPUS)


@pytest.mark.parametrize(
    ("target", "message"),
    [("missing/out.csv", "no folder"), ("folder", "is a folder")],
)
def test_an_export_to_a_missing_folder_or_a_folder_is_one_line(target, message, store_file):
    (store_file.parent / "folder").mkdir()
    out = store_file.parent / target
    result = runner.invoke(app, ["export", "csv", "--out", str(out), "--db", str(store_file)])
    assert result.exit_code == 2 and message in error_line(result)
    assert not list(store_file.parent.glob("**/.*.partial"))


# The export in a child process whose files may not grow past 1 KB: the write fails as
# on a full disk (EFBIG instead of ENOSPC), after part of the file is written.
SMALL_DISK = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))
from dyad.cli import app
sys.argv = ["dyad", *sys.argv[1:]]
app()
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_write_that_fails_midway_leaves_the_earlier_file_whole(fmt, store_file, tmp_path):
    out = tmp_path / f"events.{fmt}"
    out.write_text("the export of last week\n", encoding="utf-8")
    command = [sys.executable, "-c", SMALL_DISK, "export", fmt, "--out", str(out)]
    # An open connection keeps the store's -wal and -shm files, which the child cannot make.
    with sqlite3.connect(store_file) as reader:
        reader.execute("SELECT count(*) FROM articles").fetchone()
        done = subprocess.run(
            [*command, "--db", str(store_file)], capture_output=True, text=True, timeout=120
        )
    assert done.returncode == 2, done.stderr
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("error: cannot write") and "nothing was written" in line
    assert out.read_text(encoding="utf-8") == "the export of last week\n"
    assert not list(tmp_path.glob(".*.partial"))
