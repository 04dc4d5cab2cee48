"""Analyses as a partitioned Parquet dataset: written by workers, loaded into a store later.

One file per input partition, each row one article: its id, content hash and
the analysis JSON (``analysis.schema.json``). A file is named by the run that
wrote it, the partition's number and a digest of its articles
(``part-20261207T130501123456-000042-1f0c….parquet``), so runs into one folder
never collide and load in the order they ran. Files are written under a
temporary name and renamed, so a killed run leaves only whole partitions, and a
restart skips the partitions already on disk (same number, same articles).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from dyad.batch import BatchOptions, analyze_partitions, partitions
from dyad.model import Analysis, Article

SCHEMA = pa.schema([("article_id", pa.string()), ("hash", pa.string()), ("analysis", pa.string())])


def _partition_key(number: int, articles: list[Article]) -> str:
    """What names a partition in any run: its number and a digest of its articles."""
    digest = hashlib.sha256("\n".join(a.hash for a in articles).encode()).hexdigest()[:16]
    return f"{number:06d}-{digest}"


def _written_before(directory: Path, key: str) -> Path | None:
    """The file an earlier run wrote this partition to, if one did."""
    return next(directory.glob(f"part-*-{key}.parquet"), None)


def write_dataset(
    articles: Iterable[Article], directory: Path, options: BatchOptions
) -> Iterator[tuple[int, int]]:
    """Analyse into ``directory``; yields (partition number, articles written) as each lands."""
    directory.mkdir(parents=True, exist_ok=True)
    run = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    keys: dict[int, str] = {}

    def todo() -> Iterator[tuple[int, list[Article]]]:
        nonlocal run
        for number, part in enumerate(partitions(articles, options.partition_size)):
            keys[number] = _partition_key(number, part)
            earlier = _written_before(directory, keys[number])
            if earlier is None:
                yield number, part
            elif number == 0:  # a restart: the rest of the run keeps its name, and its order
                run = earlier.name.split("-")[1]

    for number, analyses in analyze_partitions(todo(), options):
        table = pa.table(
            {
                "article_id": [a.article.id for a in analyses],
                "hash": [a.article.hash for a in analyses],
                "analysis": [a.to_json() for a in analyses],
            },
            schema=SCHEMA,
        )
        final = directory / f"part-{run}-{keys.pop(number)}.parquet"
        partial = final.with_suffix(".partial")
        pq.write_table(table, partial)
        os.replace(partial, final)
        yield number, len(analyses)


def read_dataset(directory: Path) -> Iterator[Analysis]:
    """Every analysis in the dataset, in partition order."""
    for path in sorted(directory.glob("part-*.parquet")):
        for row in pq.read_table(path, columns=["analysis"]).column("analysis").to_pylist():
            yield Analysis.from_dict(json.loads(row))
