"""Hostile input costs one skipped record, bounded time and bounded memory.

Found by a probe of the landed code: one bad JSONL line dropped the rest of its
file; ``[/…]`` in a file name, URL or title aborted the ingest through Rich
markup; streamed gzip took quadratic time; and a long CSV cell, JSONL line or
stdin was held whole, several times over, before being refused.
"""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
import time
import zlib

import pytest
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dyad.cli import app
from dyad.ingest import Skipped, read_sources
from dyad.ingest.compression import GunzipReader
from dyad.model import Article
from dyad.store import Store

runner = CliRunner()
TALKS = (
    "Russian Foreign Minister Sergei Lavrov met a Hamas delegation in Moscow on Tuesday "
    "to discuss a ceasefire in Gaza and the release of hostages, the ministry said. "
    "The talks came after weeks of fighting and were the third such meeting this year."
)
PROTEST = (
    "Thousands of protesters marched through central Paris on Saturday against the "
    "pension reform, and unions called for a national strike next week, police said."
)


def read(*paths) -> tuple[list[Article], list[Skipped]]:
    items = list(read_sources([str(p) for p in paths]))
    return (
        [i for i in items if isinstance(i, Article)],
        [i for i in items if isinstance(i, Skipped)],
    )


def test_one_bad_jsonl_line_is_skipped_and_the_rest_read(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"text": TALKS}),
        '{"text": "x", "count": ' + "1" * 5000 + "}",  # past Python's int conversion limit
        "[" * 5000 + "]" * 5000,  # past Python's recursion limit
        json.dumps({"text": PROTEST}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, skipped = read(path)
    assert [a.text for a in articles] == [TALKS, PROTEST]
    assert [(s.source, s.kind) for s in skipped] == [
        (f"{path}:2", "invalid JSON"),
        (f"{path}:3", "invalid JSON"),
    ]
    assert "digits" in skipped[0].reason and "nested too deep" in skipped[1].reason


def test_markup_and_control_characters_in_untrusted_text_are_printed_as_text(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "talks.txt").write_text(TALKS, encoding="utf-8")
    (folder / "[").mkdir()
    (folder / "[" / "x].txt").write_text("", encoding="utf-8")
    (folder / "red \x1b[31mALERT\x1b[0m.txt").write_text("   ", encoding="utf-8")
    records = [{"text": PROTEST, "title": "Paris march"}, {"text": PROTEST, "title": "talks [/i]"}]
    (folder / "feed.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in records), encoding="utf-8"
    )
    archive = io.BytesIO()
    page = b"<html><body><p>gone</p></body></html>"
    headers = StatusAndHeaders("404 Not Found", [("Content-Type", "text/html")], "HTTP/1.1")
    writer = WARCWriter(archive, gzip=False)
    writer.write_record(
        writer.create_warc_record(
            "http://example.org/a[/b]", "response", payload=io.BytesIO(page), http_headers=headers
        )
    )
    (folder / "crawl.warc").write_bytes(archive.getvalue())
    db = str(tmp_path / "m.db")
    result = runner.invoke(app, ["ingest", str(folder), "--db", db])
    assert result.exit_code == 0, result.output
    assert f"skipped {folder / 'red '}\\x1b[31mALERT\\x1b[0m.txt: empty text" in result.output
    assert "\x1b" not in result.output
    assert f"skipped {folder}/[/x].txt: empty text" in result.output
    assert "http://example.org/a[/b] in" in result.output
    assert "duplicate (exact) talks [/i]: copy of article" in result.output
    with Store(db) as store:
        assert store.count("articles") == 2


def bomb(size: int) -> bytes:
    """``size`` spaces, gzipped: about a thousand to one."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b" " * 2**20
    return b"".join(packer.compress(block) for _ in range(size // len(block))) + packer.flush()


def test_streamed_gzip_unpacks_in_linear_time():
    # 64 MiB from 64 KB took 23 s of CPU when each read re-sliced the pending output.
    packed = bomb(64 * 2**20)
    started = time.process_time()
    reader = GunzipReader(io.BytesIO(packed))
    buffer = bytearray(8192)
    total = 0
    while count := reader.readinto(buffer):
        total += count
    assert total == 64 * 2**20 and not reader.truncated
    assert time.process_time() - started < 5


def test_a_compression_bomb_is_refused_in_every_streamed_format(tmp_path):
    archive = io.BytesIO()
    writer = WARCWriter(archive, gzip=True)
    body = b"<html><body>" + b" " * 64 * 2**20 + b"</body></html>"
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.0")
    writer.write_record(
        writer.create_warc_record(
            "http://example.org/", "response", payload=io.BytesIO(body), http_headers=headers
        )
    )
    (tmp_path / "bomb.warc.gz").write_bytes(archive.getvalue())
    (tmp_path / "bomb.jsonl.gz").write_bytes(bomb(64 * 2**20))
    (tmp_path / "bomb.csv.gz").write_bytes(gzip.compress(b"text\n") + bomb(64 * 2**20))
    (tmp_path / "bomb.txt.gz").write_bytes(bomb(64 * 2**20))
    started = time.process_time()
    articles, skipped = read(*sorted(tmp_path.iterdir()))
    assert not articles
    assert len(skipped) == 4 and all(s.kind == "too large" for s in skipped), skipped
    assert time.process_time() - started < 5


def test_well_packed_text_of_normal_size_is_read(tmp_path):
    # A thousand copies of one line pack far better than text does, but stay under the limit.
    lines = "".join(json.dumps({"text": f"{TALKS} ({n})"}) + "\n" for n in range(1000))
    (tmp_path / "feed.jsonl.gz").write_bytes(gzip.compress(lines.encode()))
    articles, skipped = read(tmp_path / "feed.jsonl.gz")
    assert len(articles) == 1000 and not skipped


# Reads its input in a child process and prints what it read and its peak memory (MB).
# VmHWM, not getrusage's ru_maxrss: that one keeps the parent's peak across exec.
PEAK = """
import re, sys
from dyad.ingest import read_sources
kinds = [getattr(item, "reason", "article") for item in read_sources(sys.argv[1:])]
status = open("/proc/self/status").read()
print(kinds, int(re.search(r"VmHWM:\\s+(\\d+)", status)[1]) // 1024)
"""
# Python, spaCy's imports and the language detector's model: what reading anything costs.
BASELINE_MB = 250


def peak_read(*args: str, stdin: bytes | None = None) -> tuple[list[str], int]:
    done = subprocess.run(
        [sys.executable, "-c", PEAK, *args], input=stdin, capture_output=True, timeout=300
    )
    assert done.returncode == 0, done.stderr.decode()
    kinds, peak = done.stdout.decode().rsplit(" ", 1)
    return eval(kinds), int(peak)  # noqa: S307 - our own child's repr of a list of str


@pytest.mark.slow
def test_a_huge_record_is_refused_while_reading_in_bounded_memory(tmp_path):
    cell = "word " * (10 * 2**20)  # 50 MB: 1.36 GB peak when the CSV cell was held whole
    (tmp_path / "cell.csv").write_text(f'title,text\na,"{cell}"\nb,"{PROTEST}"\n', encoding="utf-8")
    (tmp_path / "line.jsonl").write_text(
        json.dumps({"text": cell}) + "\n" + json.dumps({"text": PROTEST}) + "\n",
        encoding="utf-8",
    )
    for name in ("cell.csv", "line.jsonl"):
        kinds, peak = peak_read(str(tmp_path / name))
        assert kinds == ["too large (over 10.0 MB)", "article"], name
        assert peak < BASELINE_MB + 100, (name, peak)
    # 300 MB on stdin: 3.3 GB peak for 1 GB when stdin was read whole.
    kinds, peak = peak_read("-", stdin=b"a" * 300 * 2**20)
    assert kinds == ["too large (over 10.0 MB)"]
    assert peak < BASELINE_MB + 100, peak
