"""What a Dask cluster of separate processes costs beside dyad's work, against the process pool.

    .venv/bin/python bench/dask_overhead.py [--idle-seconds 30] [--limit 96] [--rounds 2]

Starts a ``dask scheduler`` and two ``dask worker --nthreads 1`` processes on loopback,
as on separate machines, once with Dask's default configuration and once with dyad's
(``src/dyad/data/dask/dyad.yaml``, through ``DASK_CONFIG``), and reports:

- **idle**: the CPU each cluster's processes (scheduler, nannies, workers) burn per
  second of wall clock before any work: a fixed cost, independent of the machine's load;
- **work**: the same PolNeAR train articles through a warm two-process pool and through
  each warm cluster, in turn, ``--rounds`` times (models loaded beforehand everywhere, so
  only the work is timed): wall clock, the CPU of every process taking part (this one
  included), and per task the CPU its thread used against its wall clock.

On a machine shared with others the wall-clock ratio moves with their load; the CPU
per token does not, and it is what two dedicated cores would turn into throughput.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack, contextmanager
from functools import partial
from pathlib import Path

from throughput import DEFAULT_TEXTS, read_articles  # bench/ is on the path when run

from dyad.batch import _ordered, analyze_partition, partitions
from dyad.model import Article
from dyad.nlp import DEFAULT_MODEL, cached_nlp

DYAD_DASK_CONFIG = Path(__file__).parents[1] / "src/dyad/data/dask"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pids: set[int]) -> float:
    """User plus system CPU of these processes (threads included), as /proc counts it."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # it ended
            continue
        total += int(fields[11]) + int(fields[12])
    return total / CLOCK_TICKS


def descendants(pid: int) -> set[int]:
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parents[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except OSError:
            continue
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


@contextmanager
def cluster(config: Path | None, folder: Path) -> Iterator[tuple[str, set[int]]]:
    """A scheduler and two one-thread workers as separate processes: (address, their pids)."""
    from distributed import Client

    environment = {k: v for k, v in os.environ.items() if not k.startswith("DASK_")}
    environment["PYTHONPATH"] = str(Path(__file__).parents[1] / "src")
    if config is not None:
        environment["DASK_CONFIG"] = str(config)
    scheduler_file = folder / f"scheduler-{time.monotonic_ns()}.json"
    dask = [sys.executable, "-m", "dask"]
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "env": environment}
    host = ["--host", "127.0.0.1", "--no-dashboard", "--scheduler-file", str(scheduler_file)]
    processes = [subprocess.Popen([*dask, "scheduler", "--port", "0", *host], **quiet)]
    try:
        while not scheduler_file.exists():
            time.sleep(0.2)
        worker = [*dask, "worker", "--nworkers", "1", "--nthreads", "1", *host]
        processes += [subprocess.Popen(worker, **quiet) for _ in range(2)]
        with Client(scheduler_file=str(scheduler_file), timeout="120s") as client:
            client.wait_for_workers(2, timeout=240)
            address = client.scheduler.address
        pids = {p.pid for p in processes}
        yield address, pids | {child for pid in pids for child in descendants(pid)}
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in reversed(processes):
            process.wait()


def timed_partition(articles: list[Article], number: int, model: str) -> tuple[float, float]:
    """The partition analysed as a batch does it, with its thread's CPU and wall clock."""
    started, cpu = time.perf_counter(), time.thread_time()
    analyze_partition(articles, number, model, ())
    return time.thread_time() - cpu, time.perf_counter() - started


def run(
    parts: list[list[Article]], submit: Callable, pids: set[int], model: str
) -> dict[str, float]:
    everyone = pids | {os.getpid()}
    cpu, started = cpu_seconds(everyone), time.perf_counter()
    task = partial(timed_partition, model=model)
    timings = [result for _, result in _ordered(enumerate(parts), submit, task, workers=2)]
    return {
        "wall_s": time.perf_counter() - started,
        "cpu_s": cpu_seconds(everyone) - cpu,
        "task_cpu_s": sum(cpu for cpu, _ in timings),
        "task_wall_s": sum(wall for _, wall in timings),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", type=Path, default=DEFAULT_TEXTS)
    parser.add_argument("--limit", type=int, default=96)
    parser.add_argument("--rounds", type=int, default=2, help="0: the idle figures only")
    parser.add_argument("--idle-seconds", type=float, default=30)
    parser.add_argument("--model", default=DEFAULT_MODEL)
    args = parser.parse_args()

    articles = read_articles(args.texts, args.limit)
    tokens = sum(len(a.text.split()) for a in articles)
    parts = list(partitions(articles, 16))  # dyad.batch's partition size

    from distributed import Client

    from dyad.batch.cluster import ModelPlugin

    result: dict = {"texts": len(articles), "whitespace_tokens": tokens, "idle": {}, "work": []}
    with ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        setups: dict[str, tuple[Callable, set[int]]] = {}
        if args.rounds:
            pool = stack.enter_context(ProcessPoolExecutor(2))
            list(pool.map(cached_nlp, [args.model] * 2))  # each process loads the model
            setups["pool x2"] = (pool.submit, set(pool._processes))
        for name, config in (("Dask default", None), ("Dask dyad.yaml", DYAD_DASK_CONFIG)):
            address, pids = stack.enter_context(cluster(config, folder))
            time.sleep(5)  # past start-up
            before = cpu_seconds(pids)
            time.sleep(args.idle_seconds)
            idle = (cpu_seconds(pids) - before) / args.idle_seconds
            result["idle"][name] = f"{1000 * idle:.1f} ms CPU per s"
            print(name, "idle:", result["idle"][name], file=sys.stderr, flush=True)
            if not args.rounds:
                continue
            client = stack.enter_context(Client(address, direct_to_workers=True))
            client.register_plugin(ModelPlugin(args.model, ()))
            submit = partial(client.submit, pure=False)
            setups[name] = (submit, pids)
        for round_number in range(args.rounds):
            for name, (submit, pids) in setups.items():
                measured = run(parts, submit, pids, args.model)
                result["work"].append(
                    {
                        "round": round_number + 1,
                        "setup": name,
                        "tokens_per_s": round(tokens / measured["wall_s"]),
                        "cpu_ms_per_1000_tokens": round(1e6 * measured["cpu_s"] / tokens),
                        "task_cpu_share": round(
                            measured["task_cpu_s"] / measured["task_wall_s"], 3
                        ),
                        **{k: round(v, 1) for k, v in measured.items()},
                        "load_average": round(os.getloadavg()[0], 1),
                    }
                )
                print(json.dumps(result["work"][-1]), file=sys.stderr)
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
