"""The Typer application every ``dyad`` command registers on."""

from typing import Annotated

import typer

from dyad.version import __version__

app = typer.Typer(
    name="dyad",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
)


def _print_version(wanted: bool) -> None:
    if wanted:
        typer.echo(f"dyad {__version__}")
        raise typer.Exit()


@app.callback()
def options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Print the version."
        ),
    ] = False,
) -> None:
    """Sourced, structured political event data from news and commentary."""
