"""``dyad eval``: accuracy against gold files, as a table or JSON."""

from __future__ import annotations

import importlib
import json
import time
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from dyad.cli.app import app
from dyad.cli.common import DEFAULTS, KbOption, ModelOption, console, fail, load_model, shown
from dyad.eval import SCORERS

GoldPath = Annotated[Path | None, typer.Option(exists=True)]


@app.command("eval")
def eval_command(
    gold: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Gold files or folders: an annotated article (as gold/seed.json), dyad's "
            "actor or event gold, a PolNeAR split or a TimeML folder; the kind is recognised.",
            exists=True,
        ),
    ] = None,
    polnear: Annotated[
        Path | None,
        typer.Option(help="PolNeAR split folder (text/ and attributions/).", exists=True),
    ] = None,
    timeml: Annotated[
        Path | None, typer.Option(help="Folder of TimeML .tml files.", exists=True)
    ] = None,
    actors: Annotated[
        Path | None, typer.Option(help="dyad actor-mention gold file.", exists=True)
    ] = None,
    events: Annotated[Path | None, typer.Option(help="dyad event gold file.", exists=True)] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for machines.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List every miss.")] = False,
    model: ModelOption = DEFAULTS["model"],
    kb: KbOption = None,
) -> None:
    """Score extraction against gold annotations."""
    jobs = [(_gold_kind(path), path) for path in gold or []]
    jobs += [
        (name, path)
        for name, path in (
            ("polnear", polnear),
            ("timeml", timeml),
            ("actors", actors),
            ("events", events),
        )
        if path
    ]
    if not jobs:
        fail("give a gold file or one of --polnear, --timeml, --actors, --events")
    nlp = load_model(model, kb)
    results: dict[str, Any] = {}
    for name, path in jobs:
        try:
            scorer = importlib.import_module(SCORERS[name])
        except ModuleNotFoundError:
            fail(f"the {name} scorer is not available in this version of dyad")
        started = time.perf_counter()
        scores = scorer.evaluate(path, nlp)
        scores["seconds"] = round(time.perf_counter() - started, 2)
        results[f"{name}:{path}"] = scores
    if as_json:
        print(json.dumps(results, indent=2, ensure_ascii=False))
        return
    for title, scores in results.items():
        _print_scores(title, scores, verbose)


def _gold_kind(path: Path) -> str:
    """Which scorer a gold file or folder is for, from its contents."""
    if path.is_dir():
        if (path / "attributions").is_dir():
            return "polnear"
        if any(path.rglob("*.tml")):
            return "timeml"
        fail(f"{path} is neither a PolNeAR split (attributions/) nor a folder of .tml files")
    try:
        keys = set(json.loads(path.read_text(encoding="utf-8")))
    except (ValueError, UnicodeDecodeError, TypeError):
        fail(f"{path} is not a JSON gold file")
    for kind, marker in (("seed", "doc"), ("actors", "documents"), ("events", "items")):
        if marker in keys:
            return kind
    fail(f"{path}: unknown gold format (expected the keys of gold/seed.json, or dyad's own)")


def _print_scores(title: str, scores: dict[str, Any], verbose: bool) -> None:
    table = Table(title=shown(title), show_header=True)
    table.add_column("measure")
    table.add_column("value", justify="right")
    misses: list[str] = []
    for key, value in _flatten(scores):
        if isinstance(value, list):
            # Lists are the details behind the figures (misses, errors): shown with --verbose.
            misses.extend(f"{key}: {m}" for m in value)
        else:
            table.add_row(shown(key), f"{value:.3f}" if isinstance(value, float) else str(value))
    console.print(table)
    if verbose:
        for miss in misses:
            console.print(f"  [yellow]miss[/] {shown(miss)}", highlight=False)


def _flatten(scores: dict[str, Any], prefix: str = ""):
    for key, value in scores.items():
        if isinstance(value, dict):
            yield from _flatten(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value
