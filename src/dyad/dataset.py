"""Analyses as a partitioned Parquet dataset: written by workers, loaded into a store later.

One file per input partition (``part-000042.parquet``), each row one article:
its id, content hash and the analysis JSON (``analysis.schema.json``). Files are
written under a temporary name and renamed, so a killed run leaves only whole
partitions, and a restart skips the partitions already on disk. Each worker
writes its own partitions (on a cluster, ``directory`` must be storage every
worker and the loading machine see at the same path) and sends back only the
number of articles it wrote.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from dyad.batch import BatchOptions, analyze_partition, partitions, run_partitions
from dyad.model import Analysis, Article

SCHEMA = pa.schema([("article_id", pa.string()), ("hash", pa.string()), ("analysis", pa.string())])


def partition_path(directory: Path, number: int) -> Path:
    return directory / f"part-{number:06d}.parquet"


def write_dataset(
    articles: Iterable[Article], directory: Path, options: BatchOptions
) -> Iterator[tuple[int, int]]:
    """Analyse into ``directory``; yields (partition number, articles written) as each lands."""
    directory.mkdir(parents=True, exist_ok=True)
    todo = (
        (number, part)
        for number, part in enumerate(partitions(articles, options.partition_size))
        if not partition_path(directory, number).exists()
    )
    task = partial(
        write_partition,
        directory=directory.absolute(),  # workers may run in another folder
        model=options.model,
        kb_paths=options.kb_paths,
    )
    yield from run_partitions(todo, options, task)


def write_partition(
    articles: list[Article], number: int, directory: Path, model: str, kb_paths: tuple[str, ...]
) -> int:
    """What a worker runs: analyse one partition and write its file; returns its size."""
    analyses = analyze_partition(articles, number, model, kb_paths)
    table = pa.table(
        {
            "article_id": [a.article.id for a in analyses],
            "hash": [a.article.hash for a in analyses],
            "analysis": [a.to_json() for a in analyses],
        },
        schema=SCHEMA,
    )
    final = partition_path(directory, number)
    partial_file = final.with_suffix(".partial")
    pq.write_table(table, partial_file)
    os.replace(partial_file, final)
    return len(analyses)


def read_dataset(directory: Path) -> Iterator[Analysis]:
    """Every analysis in the dataset, in partition order."""
    for path in sorted(directory.glob("part-*.parquet")):
        for row in pq.read_table(path, columns=["analysis"]).column("analysis").to_pylist():
            yield Analysis.from_dict(json.loads(row))
