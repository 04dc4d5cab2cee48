"""Analysis past one process: a local process pool or a Dask cluster.

Articles are cut into partitions; each worker loads the pipeline once and
analyses whole partitions. At most ``in_flight`` partitions are out at a time
and results come back in input order, so memory stays flat however long the
input is, and whatever consumes the results (the store) sees the same order as
a single-process run — which keeps event merging, and so the store, identical.
"""

from __future__ import annotations

import ctypes
import itertools
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass

from dyad.model import Analysis, Article
from dyad.nlp import DEFAULT_MODEL, cached_nlp
from dyad.pipeline import analyze_articles

DEFAULT_PARTITION = 16
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


@dataclass(frozen=True)
class BatchOptions:
    model: str = DEFAULT_MODEL
    kb_paths: tuple[str, ...] = ()
    workers: int = 0  # 0: every local core
    dask: str | None = None  # "tcp://host:8786" or "local:N"
    partition_size: int = DEFAULT_PARTITION

    @property
    def local_workers(self) -> int:
        return self.workers or os.cpu_count() or 1


def analyze_partition(
    articles: list[Article], model: str, kb_paths: tuple[str, ...]
) -> list[Analysis]:
    """What a worker runs: the whole pipeline over one partition."""
    return list(analyze_articles(articles, cached_nlp(model, kb_paths)))


def partitions(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def analyze_many(articles: Iterable[Article], options: BatchOptions) -> Iterator[Analysis]:
    """Analyses of ``articles`` in input order, on as many workers as asked for."""
    numbered = enumerate(partitions(articles, options.partition_size))
    for _, analyses in analyze_partitions(numbered, options):
        yield from analyses


def analyze_partitions(
    parts: Iterable[tuple[int, list[Article]]], options: BatchOptions
) -> Iterator[tuple[int, list[Analysis]]]:
    """Numbered partitions in, numbered results out, in the order given."""
    if options.dask is None and options.local_workers == 1:
        for number, part in parts:
            yield number, analyze_partition(part, options.model, options.kb_paths)
        return
    with ExitStack() as stack:
        submit, workers = _executor(options, stack)
        yield from _ordered(parts, options, submit, in_flight=2 * workers)


def _end_with_parent(parent: int) -> None:
    """Make a pool worker end when the process that started it dies.

    A SIGKILLed ingest cannot stop its workers, and they would wait for work
    forever (each holding a loaded model); Linux can signal them instead.
    """
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os._exit(1)


def _executor(options: BatchOptions, stack: ExitStack) -> tuple[Callable[..., Future], int]:
    if options.dask is None:
        pool = stack.enter_context(
            ProcessPoolExecutor(
                options.local_workers, initializer=_end_with_parent, initargs=(os.getpid(),)
            )
        )
        return pool.submit, options.local_workers
    from dask.distributed import Client, LocalCluster

    if options.dask.startswith("local:"):
        count = int(options.dask.split(":", 1)[1] or options.local_workers)
        cluster = stack.enter_context(
            LocalCluster(
                n_workers=count,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
            )
        )
        client = stack.enter_context(Client(cluster))
    else:
        client = stack.enter_context(Client(options.dask))
    workers = max(1, len(client.scheduler_info()["workers"]))

    def submit(function, *args):
        # pure=False: identical partitions (re-sent after a restart) are still computed.
        return client.submit(function, *args, pure=False)

    return submit, workers


def _ordered(
    parts: Iterable[tuple[int, list[Article]]],
    options: BatchOptions,
    submit: Callable[..., Future],
    in_flight: int,
) -> Iterator[tuple[int, list[Analysis]]]:
    pending: deque[tuple[int, Future]] = deque()
    for number, part in parts:
        pending.append((number, submit(analyze_partition, part, options.model, options.kb_paths)))
        if len(pending) >= in_flight:
            done_number, future = pending.popleft()
            yield done_number, future.result()
    while pending:
        done_number, future = pending.popleft()
        yield done_number, future.result()
