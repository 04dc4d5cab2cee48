"""Analysis past one process: a local process pool or a Dask cluster.

Articles are cut into partitions; each worker loads the pipeline once and
analyses whole partitions. As many partitions run as there are workers, and a
new one goes out as soon as any finishes, so no worker waits behind a slower
one; results come back in input order, with at most a few partitions per worker
out or waiting, so memory stays flat however long the input is, and whatever
consumes the results (the store) sees the same order as a single-process run —
which keeps event merging, and so the store, identical.

Whatever runs the partitions (``dyad.batch.cluster`` for Dask) runs a task
given by the caller: ``analyze_many`` gets analyses back, while ``dyad.dataset``
sends a task that writes the partition's Parquet file on the worker itself, so
only a count comes back.
"""

from __future__ import annotations

import ctypes
import itertools
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass
from functools import partial
from typing import TypeVar

from dyad.model import Analysis, Article
from dyad.nlp import DEFAULT_MODEL, cached_nlp
from dyad.pipeline import analyze_articles

DEFAULT_PARTITION = 16
WINDOW_PER_WORKER = 4
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>

Result = TypeVar("Result")
# A task takes one partition and returns what goes back to the caller; it must
# pickle (a module-level function or a functools.partial of one).
PartitionTask = Callable[[list[Article], int], Result]


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
    articles: list[Article], number: int, model: str, kb_paths: tuple[str, ...]
) -> list[Analysis]:
    """What a worker runs: the whole pipeline over one partition (a task; its number
    is not needed here, as it is to name a dataset's file)."""
    return list(analyze_articles(articles, cached_nlp(model, kb_paths)))


def partitions(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def analyze_many(articles: Iterable[Article], options: BatchOptions) -> Iterator[Analysis]:
    """Analyses of ``articles`` in input order, on as many workers as asked for."""
    numbered = enumerate(partitions(articles, options.partition_size))
    task = partial(analyze_partition, model=options.model, kb_paths=options.kb_paths)
    for _, analyses in run_partitions(numbered, options, task):
        yield from analyses


def run_partitions(
    parts: Iterable[tuple[int, list[Article]]],
    options: BatchOptions,
    task: PartitionTask[Result],
) -> Iterator[tuple[int, Result]]:
    """``task(partition, number)`` for each numbered partition, results in the order given."""
    if options.dask is None and options.local_workers == 1:
        for number, part in parts:
            yield number, task(part, number)
        return
    with ExitStack() as stack:
        submit, workers = _executor(options, stack)
        yield from _ordered(parts, submit, task, workers)


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
    from dyad.batch.cluster import connect

    return connect(options, stack)


def _ordered(
    parts: Iterable[tuple[int, list[Article]]],
    submit: Callable[..., Future],
    task: PartitionTask[Result],
    workers: int,
) -> Iterator[tuple[int, Result]]:
    """``task`` over ``parts`` on ``workers`` at a time, results in the order of ``parts``.

    One partition per worker is out, and the next goes out when any finishes, not when
    the oldest does: a Dask scheduler places a task on a worker as it is submitted, so a
    partition sent early would wait behind a slow one while another worker is idle.
    """
    window = WINDOW_PER_WORKER * workers  # partitions out or finished and waiting their turn
    # Set by every future as it finishes (after it counts as done): cleared before the
    # futures are looked at, so a finish is either seen there or wakes the wait below.
    any_finished = threading.Event()
    pending: deque[tuple[int, Future]] = deque()
    remaining = iter(parts)
    while True:
        any_finished.clear()
        running = sum(not future.done() for _, future in pending)
        while running < workers and len(pending) < window:
            if (item := next(remaining, None)) is None:
                break
            number, part = item
            future = submit(task, part, number)
            future.add_done_callback(lambda _: any_finished.set())
            pending.append((number, future))
            running += 1
        if not pending:
            return
        if pending[0][1].done():
            number, future = pending.popleft()
            yield number, future.result()
        else:  # the oldest is still running
            any_finished.wait()
