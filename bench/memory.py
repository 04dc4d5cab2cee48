"""Peak memory of a batch ingest as the corpus grows: it should stay flat.

    .venv/bin/python bench/memory.py --articles 2000 [--workers 1] [--json]

Articles are windows of consecutive real sentences from PolNeAR train (each
window a distinct text), streamed through ``dyad.batch.analyze_many`` into a
fresh SQLite store, exactly as ``dyad ingest`` does. Reports the peak resident
memory of the main process and of the largest worker.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from dyad.batch import BatchOptions, analyze_many
from dyad.model import Article
from dyad.store import Store

DEFAULT_TEXTS = Path(os.environ.get("DYAD_SHARED", "../shared")) / "data/polnear/train/text"


def sentences(folder: Path) -> list[str]:
    found = []
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        found += [s for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) > 5]
    return found


def articles(pool: list[str], count: int, size: int) -> Iterator[Article]:
    if count > len(pool):
        raise SystemExit(f"only {len(pool)} distinct articles can be made from these texts")
    for start in range(count):
        window = [pool[(start + k) % len(pool)] for k in range(size)]
        yield Article(text=" ".join(window), published="2016-10-01")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--sentences", type=int, default=4, help="sentences per article")
    parser.add_argument("--texts", type=Path, default=DEFAULT_TEXTS)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    pool = sentences(args.texts)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder, Store(str(Path(folder) / "m.db")) as store:
        for analysis in analyze_many(
            articles(pool, args.articles, args.sentences), BatchOptions(workers=args.workers)
        ):
            store.add(analysis)
    seconds = time.perf_counter() - started
    result = {
        "articles": args.articles,
        "sentences_per_article": args.sentences,
        "workers": args.workers,
        "seconds": round(seconds, 1),
        # ru_maxrss is in KiB on Linux.
        "peak_rss_main_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "peak_rss_worker_mib": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
    }
    print(json.dumps(result) if args.json else "  ".join(f"{k}={v}" for k, v in result.items()))


if __name__ == "__main__":
    main()
