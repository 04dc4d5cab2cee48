"""Coverage-guided fuzzing of the ingesters with atheris (libFuzzer for Python).

Run on its own for longer: ``python tests/ingest/test_fuzz_atheris.py -runs=100000``
(or ``-max_total_time=600``); libFuzzer writes any crashing input to a
``crash-*`` file that reproduces it. The test below runs a bounded campaign.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

SUFFIXES = (".txt", ".html", ".jsonl", ".csv", ".tsv", ".warc", ".xml", ".rss", ".txt.gz", "")
RUNS = 5000


def fuzz_one(data: bytes, folder: Path) -> None:
    """Read ``data`` as a file whose suffix its first byte picks; fail on anything unforeseen."""
    from dyad.ingest import IngestOptions, Skipped, read_sources

    if not data:
        return
    path = folder / f"input{SUFFIXES[data[0] % len(SUFFIXES)]}"
    path.write_bytes(data[1:])
    for item in read_sources([str(path)], options=IngestOptions(language=None)):
        if isinstance(item, Skipped):
            assert not item.reason.startswith("reader failed"), item.reason
        else:
            assert item.text.strip(), "an article without text"


def main() -> None:
    import atheris

    with atheris.instrument_imports(include=["dyad.ingest"]):
        import dyad.ingest  # noqa: F401

    folder = Path(tempfile.mkdtemp(prefix="dyad-atheris-"))
    atheris.Setup(sys.argv, lambda data: fuzz_one(data, folder))
    atheris.Fuzz()


@pytest.mark.slow
def test_atheris_campaign_finds_no_crash(tmp_path):
    pytest.importorskip("atheris")
    seeds = tmp_path / "corpus"
    seeds.mkdir()
    # Starting points in each format, so mutations begin from near-valid documents.
    for number, seed in enumerate(
        [
            b"\x01<html><body><p>"
            + b"Hamas officials visited Moscow. " * 10
            + b"</p></body></html>",
            b"\x02" + b'{"text": "Hamas officials visited Moscow.", "title": "t"}\n' * 3,
            b'\x03text,title\n"Hamas officials visited Moscow.",t\n',
            b"\x05WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 10\r\n\r\nHTTP/1.1 2",
            b"\x06<?xml version='1.0'?><rss><channel><item><title>a</title></item></channel></rss>",
            b"\x00Hamas officials visited Moscow in late October.\n",
        ]
    ):
        (seeds / f"seed{number}").write_bytes(seed)
    result = subprocess.run(
        [
            sys.executable,
            __file__,
            f"-runs={RUNS}",
            "-max_len=4096",
            "-timeout=30",
            f"-artifact_prefix={tmp_path}/",
            str(seeds),
        ],
        capture_output=True,
        text=True,
        timeout=900,
    )
    report = result.stderr[-3000:]
    print(report)
    assert result.returncode == 0, report
    assert f"Done {RUNS} runs" in result.stderr, report


if __name__ == "__main__":
    main()
