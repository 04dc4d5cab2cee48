"""The ``dyad`` command line. Each module registers its commands on ``app``."""

from dyad.cli import actor, evaluation, ingest, query, serve, store  # noqa: F401  (register commands)
from dyad.cli.app import app


def main() -> None:
    app()
