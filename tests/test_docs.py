"""Every setting, every command and every module of the package is in the README (as
datasette's tests/test_docs.py checks)."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest
import typer

from dyad.cli import app
from dyad.limits import ENV_PREFIX, Limits

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")
# A DYAD_* name read from the environment by name, in the code or in the tests.
READ_BY_NAME = re.compile(r"""(?:environ(?:\.get)?\(?\[?|getenv\()\s*["'](DYAD_[A-Z0-9_]+)["']""")


def settings() -> list[str]:
    names = {ENV_PREFIX + item.name.upper() for item in fields(Limits)}
    for folder in ("src", "tests"):
        for path in (REPO / folder).rglob("*.py"):
            names.update(READ_BY_NAME.findall(path.read_text(encoding="utf-8")))
    return sorted(names)


def commands() -> list[str]:
    return sorted(typer.main.get_command(app).commands)


def modules() -> list[str]:
    """The stage packages and the modules beside them: ``dyad.ingest``, ``dyad.pipeline``…"""
    package = REPO / "src" / "dyad"
    names = [p.parent.name for p in package.glob("*/__init__.py")]
    names += [p.stem for p in package.glob("*.py") if not p.stem.startswith("__")]
    return sorted(f"dyad.{name}" for name in names)


def stage_table() -> str:
    """The rows of the stage table in "How it is built"."""
    built = README.split("## How it is built", 1)[1].split("\n## ", 1)[0]
    return "\n".join(line for line in built.splitlines() if line.startswith("| "))


def test_the_lists_are_not_empty():
    assert "DYAD_MAX_ARTICLE_CHARS" in settings() and "DYAD_SHARED" in settings()
    assert {"ingest", "load", "timeline"} <= set(commands())
    assert {"dyad.ingest", "dyad.web", "dyad.service", "dyad.model"} <= set(modules())
    assert stage_table().count("\n") > 10


@pytest.mark.parametrize("name", settings())
def test_every_setting_is_in_the_readme(name):
    assert re.search(rf"\b{name}\b", README), f"{name} is not in README.md"


@pytest.mark.parametrize("command", commands())
def test_every_command_is_in_the_readme(command):
    assert re.search(rf"\bdyad {command}\b", README), f"`dyad {command}` is not in README.md"


@pytest.mark.parametrize("module", modules())
def test_every_module_is_in_the_stage_table(module):
    assert re.search(rf"`{re.escape(module)}`", stage_table()), (
        f"`{module}` is not in the stage table of README.md (How it is built)"
    )
