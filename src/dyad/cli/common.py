"""Options and helpers shared by the commands.

An option that more than one command takes is declared once here, so it reads
the same in every ``--help`` (sqlite-utils does the same with decorators).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from spacy.language import Language

from dyad.export import ExportError
from dyad.limits import MAX_INTEGER
from dyad.model import parse_date
from dyad.nlp import DEFAULT_MODEL, ModelNotFound, cached_nlp
from dyad.query import Filters, UnknownActor
from dyad.store import DEFAULT_DB, Store

# C0 and C1 control characters (ANSI escapes start with one); the second keeps tabs and line breaks.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
CONTROLS_BUT_LINES = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

console = Console()
errors = Console(stderr=True, soft_wrap=True)  # one error, one line: easy to grep

DbOption = Annotated[
    str, typer.Option("--db", help="SQLite file or database URL (postgresql://…).")
]
ModelOption = Annotated[
    str, typer.Option("--model", help="spaCy model to parse with (any installed model).")
]
KbOption = Annotated[
    list[Path] | None,
    typer.Option("--kb", help="Extra actors and aliases (YAML); may be repeated.", exists=True),
]
PublishedOption = Annotated[
    str | None,
    typer.Option("--published", help="Publication date (YYYY-MM-DD) for every article read."),
]
JsonlOption = Annotated[
    bool, typer.Option("--jsonl", help="Read JSONL (one article per line) and write JSONL.")
]

SinceOption = Annotated[
    str | None, typer.Option(help="From this date on (2023, 2023-10 or 2023-10-07).")
]
UntilOption = Annotated[str | None, typer.Option(help="Up to the end of this date.")]
SourceOption = Annotated[
    list[str] | None, typer.Option("--source", help="Only this news source (repeatable).")
]
StatusOption = Annotated[
    list[str] | None,
    typer.Option(
        "--status", help="Only events with this status: actual, intended, … (repeatable)."
    ),
]
LimitOption = Annotated[
    int, typer.Option(min=1, max=MAX_INTEGER, help="At most this many results.")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
ActorArgument = Annotated[str, typer.Argument(help="Actor id, name or alias (e.g. RUS, Kremlin).")]
AffiliatesOption = Annotated[
    bool,
    typer.Option(
        "--affiliates/--no-affiliates",
        help="Count those who act for the actor (its ministers, spokesmen) as the actor.",
    ),
]

DEFAULTS = {"db": DEFAULT_DB, "model": DEFAULT_MODEL}


def load_model(model: str, kb: list[Path] | None = None) -> Language:
    try:
        return cached_nlp(model, tuple(str(p) for p in kb or ()))
    except ModelNotFound as error:
        fail(str(error))


def shown(text: object, *, lines: bool = False) -> str:
    """Untrusted text (file names, URLs, titles, reasons) made safe to print with Rich.

    Its ``[`` would otherwise be read as markup (a stray ``[/x]`` aborts the
    print), and control characters such as ANSI escapes would reach the terminal:
    they are shown as ``\\x1b``. ``lines``: keep line breaks (article sentences).
    """
    controls = CONTROLS_BUT_LINES if lines else CONTROL_CHARACTERS
    return escape(controls.sub(lambda m: f"\\x{ord(m[0]):02x}", str(text)))


def fail(message: str, code: int = 2) -> NoReturn:
    errors.print(f"[bold red]error:[/] {shown(message)}", highlight=False)
    raise typer.Exit(code)


def check_date(value: str | None, option: str = "--published") -> date | None:
    """The day an option names, or a one-line error: all of the value must be ISO 8601
    (``parse_date`` alone, lenient with what sources write, takes 2016-10-01xyz)."""
    if value is None:
        return None
    try:
        datetime.fromisoformat(value)
        return parse_date(value)
    except ValueError:
        fail(f"{option} must be a date like 2024-02-20, not {value!r}")


def query_filters(
    since: str | None,
    until: str | None,
    source: list[str] | None = None,
    status: list[str] | None = None,
) -> Filters:
    """The filters of a query command's options; a date that is not one is a clear error."""
    filters = Filters(since, until, tuple(source or ()), tuple(status or ()))
    try:
        filters.first_day, filters.last_day  # noqa: B018  (checks the dates)
    except ValueError as error:
        fail(str(error))
    return filters


@contextmanager
def export_errors() -> Iterator[None]:
    """An export that cannot be written (onto the store, a full disk) is a one-line error."""
    try:
        yield
    except ExportError as error:
        fail(str(error))


@contextmanager
def open_store(db: str) -> Iterator[Store]:
    """The store for one command; an unknown actor or a bad date is a clear error."""
    store = Store(db)
    try:
        yield store
    except UnknownActor as error:
        fail(f"{error}; ingest articles that mention it first")
    except ValueError as error:  # a date that is not one
        fail(str(error))
    finally:
        store.close()
