"""The ``dyad`` command line. Each module registers its commands on ``app``."""

from dyad.cli import (  # noqa: F401  (register commands)
    actor,
    evaluation,
    framing,
    ingest,
    query,
    serve,
    store,
)
from dyad.cli.app import app


def main() -> None:
    app()
