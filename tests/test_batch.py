"""Process pools, a Dask LocalCluster and a Dask cluster of separate processes give
exactly the single-process results."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack
from datetime import date
from pathlib import Path

import pytest
from helpers import dump, ingest

from dyad.batch import BatchOptions, analyze_many
from dyad.dataset import read_dataset, write_dataset
from dyad.model import Article

TEXTS = [
    "Iran's foreign minister met his Russian counterpart in Moscow on Tuesday.",
    '"We will not negotiate under fire," the Israeli prime minister said on Sunday.',
    "Protesters marched through Paris last weekend to denounce the pension reform.",
    "The United Nations sent food aid to Sudan in March, officials said.",
    "China accused the United States of interfering in its internal affairs.",
    "Turkish troops shelled Kurdish positions in northern Syria overnight.",
    "The European Union imposed new sanctions on Belarus on Friday.",
]


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    return [Article(text=t, published=date(2024, 3, 8)) for t in TEXTS]


@pytest.fixture(scope="module")
def expected(articles) -> list[str]:
    return [a.to_json() for a in analyze_many(articles, BatchOptions(workers=1))]


def test_a_free_worker_takes_the_next_partition_while_the_oldest_still_runs():
    """Results still come in input order; partition 0 finishes only once the last one ran,
    which it never would if new partitions went out only as the oldest came back."""
    import threading
    from concurrent.futures import ThreadPoolExecutor

    from dyad.batch import _ordered

    last_ran = threading.Event()

    def task(part: list[int], number: int) -> int:
        if number == 0:
            assert last_ran.wait(timeout=60), "the other worker never got the later partitions"
        if number == 5:
            last_ran.set()
        return part[0]

    parts = [(number, [10 * number]) for number in range(6)]
    with ThreadPoolExecutor(2) as pool:
        results = list(_ordered(parts, pool.submit, task, workers=2))
    assert results == [(number, 10 * number) for number in range(6)]


@pytest.mark.slow
def test_two_processes_give_the_same_analyses_in_order(articles, expected):
    options = BatchOptions(workers=2, partition_size=2)
    assert [a.to_json() for a in analyze_many(articles, options)] == expected


@pytest.mark.slow
def test_dask_local_cluster_gives_the_same_analyses_in_order(articles, expected):
    options = BatchOptions(dask="local:2", partition_size=3)
    assert [a.to_json() for a in analyze_many(articles, options)] == expected


def test_parquet_dataset_round_trip_and_restart(articles, expected, tmp_path):
    options = BatchOptions(workers=1, partition_size=3)
    written = list(write_dataset(articles, tmp_path, options))
    assert written == [(0, 3), (1, 3), (2, 1)]
    # One whole file per partition (written by the worker), no partial file left.
    assert [p.name.split("-")[2] for p in sorted(tmp_path.iterdir())] == [
        "000000",
        "000001",
        "000002",
    ]
    assert [a.to_json() for a in read_dataset(tmp_path)] == expected
    # A restart after losing one partition redoes only that partition.
    sorted(tmp_path.glob("part-*.parquet"))[1].unlink()
    assert list(write_dataset(articles, tmp_path, options)) == [(1, 3)]
    assert len(list(tmp_path.glob("part-*.parquet"))) == 3
    assert [a.to_json() for a in read_dataset(tmp_path)] == expected


def test_a_second_run_into_the_same_folder_loses_nothing(articles, expected, tmp_path):
    """Part numbers restart at 0 in every run: the first run's parts must not hide the second's."""
    options = BatchOptions(workers=1, partition_size=3)
    assert list(write_dataset(articles[:4], tmp_path, options)) == [(0, 3), (1, 1)]
    assert list(write_dataset(articles[4:], tmp_path, options)) == [(0, 3)]
    assert [a.to_json() for a in read_dataset(tmp_path)] == expected


def test_load_brings_a_dataset_into_the_store_once(articles, tmp_path):
    from typer.testing import CliRunner

    from dyad.cli import app
    from dyad.store import Store

    list(write_dataset(articles, tmp_path / "ds", BatchOptions(workers=1, partition_size=4)))
    db = str(tmp_path / "loaded.db")
    runner = CliRunner()
    first = runner.invoke(app, ["load", str(tmp_path / "ds"), "--db", db])
    assert first.exit_code == 0, first.output
    assert f"{len(articles)} articles stored, 0 already" in first.output
    again = runner.invoke(app, ["load", str(tmp_path / "ds"), "--db", db])
    assert f"0 articles stored, {len(articles)} already" in again.output
    with Store(db) as store:
        assert store.count("articles") == len(articles)
    empty = runner.invoke(app, ["load", str(tmp_path), "--db", db])
    assert empty.exit_code == 2 and "holds no dataset" in empty.output


@pytest.mark.slow
@pytest.mark.parametrize("how", [["--workers", "1"], ["--workers", "2"], ["--dask", "local:2"]])
def test_ingest_gives_the_same_store_on_any_number_of_workers(articles, tmp_path, how):
    from typer.testing import CliRunner

    from dyad.cli import app

    folder = tmp_path / "in"
    folder.mkdir()
    for number, article in enumerate(articles):
        (folder / f"{number:02d}.txt").write_text(article.text, encoding="utf-8")
    runner = CliRunner()
    reference, db = str(tmp_path / "reference.db"), str(tmp_path / "other.db")
    args = ["ingest", str(folder), "--published", "2024-03-08"]
    assert runner.invoke(app, [*args, "--db", reference, "--workers", "1"]).exit_code == 0
    result = runner.invoke(app, [*args, "--db", db, *how])
    assert result.exit_code == 0, result.output
    assert dump(db) == dump(reference)


def test_ingest_to_a_parquet_dataset_then_load(articles, tmp_path):
    from typer.testing import CliRunner

    from dyad.cli import app

    folder = tmp_path / "in"
    folder.mkdir()
    for number, article in enumerate(articles):
        (folder / f"{number:02d}.txt").write_text(article.text, encoding="utf-8")
    runner = CliRunner()
    args = ["ingest", str(folder), "--published", "2024-03-08", "--workers", "1"]
    direct, loaded = str(tmp_path / "direct.db"), str(tmp_path / "loaded.db")
    assert runner.invoke(app, [*args, "--db", direct]).exit_code == 0
    written = runner.invoke(app, [*args, "--db", loaded, "--out", f"parquet:{tmp_path / 'ds'}"])
    assert written.exit_code == 0, written.output
    assert "written" in written.output
    assert runner.invoke(app, ["load", str(tmp_path / "ds"), "--db", loaded]).exit_code == 0
    assert dump(loaded) == dump(direct)
    bad = runner.invoke(app, [*args, "--out", "csv:x"])
    assert bad.exit_code == 2 and "--out takes parquet:DIR" in bad.output


def children_of(pid: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended while we looked
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


@pytest.mark.slow
def test_pool_workers_end_when_the_ingest_is_killed(articles, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for number, article in enumerate(articles * 8):
        (folder / f"{number:03d}.txt").write_text(f"{article.text} ({number})", encoding="utf-8")
    process = ingest(folder, str(tmp_path / "k.db"), "--workers", "2")
    deadline = time.monotonic() + 120
    while len(workers := children_of(process.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(workers) >= 2, "the ingest never started its workers"
    process.send_signal(signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 20
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    alive = [pid for pid in workers if Path(f"/proc/{pid}").exists()]
    for pid in alive:  # leave no orphans behind even when the test fails
        os.kill(pid, signal.SIGKILL)
    assert not alive


def write_texts(articles: list[Article], folder: Path, copies: int) -> Path:
    """``copies`` distinct variants of each article (the same text would be deduplicated)."""
    folder.mkdir()
    for copy in range(copies):
        for number, article in enumerate(articles):
            text = f"{article.text} ({copy})"
            (folder / f"{copy}-{number:02d}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def dask_cluster(tmp_path) -> Iterator[str]:
    """A ``dask scheduler`` and two ``dask worker`` processes on loopback, as on three machines.

    The workers run in their own folder, so nothing they do can lean on the test's.
    """
    from distributed import Client

    scheduler_file = tmp_path / "scheduler.json"
    elsewhere = tmp_path / "worker-home"
    elsewhere.mkdir()
    dask = [sys.executable, "-m", "dask"]
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "cwd": elsewhere}
    src = Path(__file__).parents[1] / "src"
    # As the README says to start them: with dyad's Dask settings.
    environment = {**os.environ, "PYTHONPATH": str(src), "DASK_CONFIG": str(src / "dyad/data/dask")}
    processes = [
        subprocess.Popen(
            [
                *dask,
                "scheduler",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--no-dashboard",
                "--scheduler-file",
                str(scheduler_file),
            ],
            env=environment,
            **quiet,
        )
    ]
    try:
        deadline = time.monotonic() + 120
        while not scheduler_file.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        for _ in range(2):
            processes.append(
                subprocess.Popen(
                    [
                        *dask,
                        "worker",
                        "--scheduler-file",
                        str(scheduler_file),
                        "--host",
                        "127.0.0.1",
                        "--nworkers",
                        "1",
                        "--nthreads",
                        "1",
                        "--no-dashboard",
                    ],
                    env=environment,
                    **quiet,
                )
            )
        with Client(scheduler_file=str(scheduler_file), timeout="120s") as client:
            client.wait_for_workers(2, timeout=240)
            address = client.scheduler.address
        yield address
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in reversed(processes):
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


def worker_settings(client) -> list[tuple[str, bool]]:
    """Each worker's event-loop check period and whether it profiles, as its Dask config says
    (``dask.config.get`` runs there: a function of this module would not unpickle there)."""
    import dask

    ticks = client.run(dask.config.get, "distributed.admin.tick.interval")
    profiles = client.run(dask.config.get, "distributed.worker.profile.enabled")
    return [(ticks[worker], profiles[worker]) for worker in sorted(ticks)]


@pytest.mark.slow
def test_a_local_cluster_runs_with_dyads_dask_settings():
    from distributed import default_client

    from dyad.batch.cluster import connect

    with ExitStack() as stack:
        connect(BatchOptions(dask="local:2"), stack)
        assert worker_settings(default_client()) == [("1s", False)] * 2


@pytest.mark.slow
def test_a_dask_cluster_of_separate_processes_gives_the_same_store(
    articles, tmp_path, dask_cluster
):
    from distributed import Client
    from typer.testing import CliRunner

    from dyad.cli import app

    with Client(dask_cluster) as client:
        assert worker_settings(client) == [("1s", False)] * 2
    folder = write_texts(articles, tmp_path / "in", copies=3)  # partitions for both workers
    runner = CliRunner()
    args = ["ingest", str(folder), "--published", "2024-03-08"]
    reference, direct, loaded = (str(tmp_path / f"{name}.db") for name in ("1", "d", "l"))
    assert runner.invoke(app, [*args, "--db", reference, "--workers", "1"]).exit_code == 0

    result = runner.invoke(app, [*args, "--db", direct, "--dask", dask_cluster])
    assert result.exit_code == 0, result.output
    assert dump(direct) == dump(reference)

    # The workers write the dataset's files themselves; the client only loads them.
    dataset = tmp_path / "dataset"
    out = ["--out", f"parquet:{dataset}"]
    written = runner.invoke(app, [*args, "--db", loaded, "--dask", dask_cluster, *out])
    assert written.exit_code == 0, written.output
    assert len(list(dataset.glob("part-*.parquet"))) == 2  # 21 articles, partitions of 16
    assert runner.invoke(app, ["load", str(dataset), "--db", loaded]).exit_code == 0
    assert dump(loaded) == dump(reference)
