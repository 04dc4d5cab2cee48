"""Peak memory of a batch ingest as the corpus grows: it should stay flat.

    .venv/bin/python bench/memory.py --articles 2000 [--workers 1] [--json]

Articles are windows of consecutive real sentences from PolNeAR train (each
window a distinct text), streamed through ``dyad.batch.analyze_many`` into a
fresh SQLite store, exactly as ``dyad ingest`` does. Reports the peak resident
memory of the main process and of the largest worker, and the main process's
resident memory at ten checkpoints along the way.

``--at 2000,20000,200000`` takes the checkpoints at those counts instead.
With ``--trace``, tracemalloc follows the main process's Python heap: the
report adds the heap at each checkpoint and, between each checkpoint and the
next, the ten source lines whose allocations grew most — memory that
grows in RSS but not there is held outside Python: ``sqlite_mib`` is what SQLite
itself has allocated (its page cache, at most ``cache_size`` per connection).
"""

from __future__ import annotations

import argparse
import copy
import ctypes
import itertools
import json
import os
import re
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from dyad.batch import BatchOptions, analyze_many
from dyad.model import Analysis, Article
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
        yield Article(text=" ".join(window), published=date(2016, 10, 1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--sentences", type=int, default=4, help="sentences per article")
    parser.add_argument("--texts", type=Path, default=DEFAULT_TEXTS)
    parser.add_argument("--trace", action="store_true", help="follow the Python heap too")
    parser.add_argument(
        "--store-only",
        type=int,
        metavar="K",
        help="analyse K articles once and store them again and again, each time as a new "
        "article (its text made unique): the main process's side alone, at a scale the "
        "model could not reach in the time",
    )
    parser.add_argument(
        "--at",
        type=lambda text: [int(n) for n in text.split(",")],
        help="checkpoints at these article counts, comma-separated (default: every tenth)",
    )
    parser.add_argument(
        "--sqlite-heap-mib",
        type=int,
        help="cap what SQLite may allocate in this process (sqlite3_soft_heap_limit64): if "
        "its page cache is the growth, the RSS levels off that much lower and sooner",
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if args.sqlite_heap_mib:
        sqlite_library().sqlite3_soft_heap_limit64(args.sqlite_heap_mib * 2**20)

    pool = sentences(args.texts)
    if args.trace:
        tracemalloc.start(1)  # only the allocating line is reported; deeper stacks cost time
    every = max(1, args.articles // 10)
    at = set(args.at or range(every, args.articles + 1, every))
    checkpoints, snapshots = [], []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder, Store(str(Path(folder) / "m.db")) as store:
        batch = analyze_many(
            articles(pool, args.store_only or args.articles, args.sentences),
            BatchOptions(workers=args.workers),
        )
        if args.store_only:
            batch = recycled(list(batch), args.articles)
        for count, analysis in enumerate(batch, 1):
            store.add(analysis)
            if count in at:
                checkpoint = {
                    "articles": count,
                    "rss_mib": current_rss_mib(),
                    "store_mib": round(size_of(Path(store.db)) / 2**20, 1),
                    "sqlite_mib": round(sqlite_memory_used() / 2**20, 1),
                }
                if args.trace:
                    checkpoint["python_heap_mib"] = round(
                        tracemalloc.get_traced_memory()[0] / 2**20, 1
                    )
                    snapshots.append(tracemalloc.take_snapshot())
                checkpoints.append(checkpoint)
                print(json.dumps(checkpoint), file=sys.stderr, flush=True)  # a long run's progress
    seconds = time.perf_counter() - started
    result = {
        "articles": args.articles,
        "sentences_per_article": args.sentences,
        "workers": args.workers,
        "store_only": args.store_only,
        "sqlite_heap_mib": args.sqlite_heap_mib,
        "seconds": round(seconds, 1),
        # ru_maxrss is in KiB on Linux.
        "peak_rss_main_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "peak_rss_worker_mib": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
        "load_average": round(os.getloadavg()[0], 1),
        "checkpoints": checkpoints,
    }
    counts = [checkpoint["articles"] for checkpoint in checkpoints]
    for (start, before), (end, after) in itertools.pairwise(zip(counts, snapshots, strict=False)):
        growth = after.compare_to(before, "lineno")[:10]
        result[f"heap_growth_top_{start}_to_{end}"] = [
            f"{stat.size_diff / 1024:+.0f} KiB {stat.traceback[0]}" for stat in growth
        ]
    print(
        json.dumps(result, indent=1)
        if args.json
        else "\n".join(f"{k}={v}" for k, v in result.items())
    )


def recycled(analyses: list[Analysis], count: int) -> Iterator[Analysis]:
    """``count`` analyses made of these: each a copy whose text ends in its own number
    (spans still point at the same characters), so each is stored as a new article."""
    for number in range(count):
        analysis = copy.copy(analyses[number % len(analyses)])
        article = copy.copy(analysis.article)
        article.text = f"{article.text} [{number}]"
        article.id = article.hash
        analysis.article = article
        yield analysis


def size_of(db: Path) -> int:
    """The SQLite store's bytes, its write-ahead log included."""
    return sum(p.stat().st_size for p in (db, Path(f"{db}-wal")) if p.exists())


def sqlite_library() -> ctypes.CDLL:
    """The SQLite library Python's sqlite3 module is linked to."""
    import _sqlite3

    library = ctypes.CDLL(_sqlite3.__file__)
    library.sqlite3_memory_used.restype = ctypes.c_int64
    library.sqlite3_soft_heap_limit64.restype = ctypes.c_int64
    library.sqlite3_soft_heap_limit64.argtypes = [ctypes.c_int64]
    return library


def sqlite_memory_used() -> int:
    """Bytes SQLite holds in this process (its page caches above all)."""
    return sqlite_library().sqlite3_memory_used()


def current_rss_mib() -> float:
    with open("/proc/self/statm") as statm:
        return round(int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20, 1)


if __name__ == "__main__":
    main()
