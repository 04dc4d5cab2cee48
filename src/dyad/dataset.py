"""Analyses as a partitioned Parquet dataset: written by workers, loaded into a store later.

One file per input partition, each row one article: its id, content hash and
the analysis JSON (``analysis.schema.json``). A file is named by the run that
wrote it, the partition's number and a digest of its articles
(``part-20261207T130501123456-000042-1f0c….parquet``), so runs into one folder
never collide and load in the order they ran. Files are written under a
temporary name and renamed, so a killed run leaves only whole partitions, and a
restart skips the partitions already on disk (same number, same articles).

Each worker writes its own partitions (on a cluster, ``directory`` must be
storage every worker and the loading machine see at the same path) and sends
back only the number of articles it wrote.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from dyad.batch import BatchOptions, analyze_partition, partitions, run_partitions
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
    numbered = enumerate(partitions(articles, options.partition_size))
    first = next(numbered, None)
    if first is None:
        return
    earlier = _written_before(directory, _partition_key(*first))
    # A restart: the rest of the run keeps its name, and so its order.
    run = earlier.name.split("-")[1] if earlier else datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    todo = (
        (number, part)
        for number, part in itertools.chain([first], numbered)
        if _written_before(directory, _partition_key(number, part)) is None
    )
    task = partial(
        write_partition,
        directory=directory.absolute(),  # workers may run in another folder
        run=run,
        model=options.model,
        kb_paths=options.kb_paths,
    )
    yield from run_partitions(todo, options, task)


def write_partition(
    articles: list[Article],
    number: int,
    directory: Path,
    run: str,
    model: str,
    kb_paths: tuple[str, ...],
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
    final = directory / f"part-{run}-{_partition_key(number, articles)}.parquet"
    partial_file = final.with_suffix(".partial")
    pq.write_table(table, partial_file)
    os.replace(partial_file, final)
    return len(analyses)


class DamagedPart(ValueError):
    """A part of the dataset that cannot be read; the message names it and what to do."""


def read_dataset(directory: Path) -> Iterator[Analysis]:
    """Every analysis in the dataset, in partition order; ``DamagedPart`` on one that
    cannot be read (the parts before it have been yielded)."""
    for path in sorted(directory.glob("part-*.parquet")):
        try:
            rows = pq.read_table(path, columns=["analysis"]).column("analysis").to_pylist()
        except (pa.ArrowException, OSError) as error:
            reason = (
                str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            )
            raise DamagedPart(
                f"{path} is damaged ({reason}); delete it and write it again with"
                " `dyad ingest … --out parquet:DIR`, then run dyad load again"
            ) from None
        for row in rows:
            yield Analysis.from_dict(json.loads(row))
