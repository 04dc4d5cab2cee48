"""Partitions on a Dask cluster: a local one (``local:N``) or a scheduler's address.

Imported only when ``--dask`` is given: importing ``distributed`` takes seconds.
A worker plugin loads the pipeline on every worker as it joins, before any
task (and on workers that join later); results are fetched from the workers
directly rather than relayed through the scheduler. A local cluster runs with
dyad's Dask settings (``dyad/data/dask/dyad.yaml``), which fit long pure-Python
tasks; a remote cluster's workers read the same file from their Dask config folder.
"""

from __future__ import annotations

from concurrent.futures import Future
from contextlib import ExitStack
from importlib.resources import files
from typing import TYPE_CHECKING, Any

import dask
import yaml
from distributed import Client, LocalCluster, WorkerPlugin

from dyad.nlp import cached_nlp

if TYPE_CHECKING:
    from collections.abc import Callable

    from dyad.batch import BatchOptions


SETTINGS_FILE = files("dyad") / "data/dask/dyad.yaml"


def dyad_dask_settings() -> dict[str, Any]:
    """dyad.yaml as dotted keys: ``dask.config.set`` replaces a whole subtree given as a dict."""

    def flatten(tree: dict[str, Any], prefix: str = "") -> dict[str, Any]:
        flat: dict[str, Any] = {}
        for key, value in tree.items():
            if isinstance(value, dict):
                flat |= flatten(value, f"{prefix}{key}.")
            else:
                flat[f"{prefix}{key}"] = value
        return flat

    return flatten(yaml.safe_load(SETTINGS_FILE.read_text(encoding="utf-8")))


class ModelPlugin(WorkerPlugin):
    """Loads dyad's pipeline once per worker; tasks then find it in ``cached_nlp``."""

    name = "dyad-model"

    def __init__(self, model: str, kb_paths: tuple[str, ...]) -> None:
        self.model = model
        self.kb_paths = kb_paths

    def setup(self, worker: Any) -> None:
        cached_nlp(self.model, self.kb_paths)


def connect(options: BatchOptions, stack: ExitStack) -> tuple[Callable[..., Future], int]:
    """A ``submit`` onto the cluster ``options.dask`` names, and how many tasks it runs at once."""
    assert options.dask is not None
    if options.dask.startswith("local:"):
        count = int(options.dask.split(":", 1)[1] or options.local_workers)
        with dask.config.set(dyad_dask_settings()):
            cluster = stack.enter_context(
                LocalCluster(
                    n_workers=count,
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address=None,
                )
            )
        client = stack.enter_context(Client(cluster, direct_to_workers=True))
    else:
        client = stack.enter_context(Client(options.dask, direct_to_workers=True))
    client.register_plugin(ModelPlugin(options.model, options.kb_paths))
    # One partition per worker thread runs at a time (workers are meant to have one each).
    threads = sum(w["nthreads"] for w in client.scheduler_info()["workers"].values())

    def submit(function, *args):
        # pure=False: identical partitions (re-sent after a restart) are still computed.
        return client.submit(function, *args, pure=False)

    return submit, max(1, threads)
