"""Analyses as a partitioned Parquet dataset: written by workers, loaded into a store later.

One file per input partition (``part-000042.parquet``), each row one article:
its id, content hash and the analysis JSON (``analysis.schema.json``). Files are
written under a temporary name and renamed, so a killed run leaves only whole
partitions, and a restart skips the partitions already on disk.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from dyad.batch import BatchOptions, analyze_partitions, partitions
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
    for number, analyses in analyze_partitions(todo, options):
        table = pa.table(
            {
                "article_id": [a.article.id for a in analyses],
                "hash": [a.article.hash for a in analyses],
                "analysis": [a.to_json() for a in analyses],
            },
            schema=SCHEMA,
        )
        final = partition_path(directory, number)
        partial = final.with_suffix(".partial")
        pq.write_table(table, partial)
        os.replace(partial, final)
        yield number, len(analyses)


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
