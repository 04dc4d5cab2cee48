"""The Typer application every ``dyad`` command registers on."""

import typer

app = typer.Typer(
    name="dyad",
    help="Sourced, structured political event data from news and commentary.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)
