"""Every setting and every command is in the README (as datasette's tests/test_docs.py checks)."""

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


def test_the_lists_are_not_empty():
    assert "DYAD_MAX_ARTICLE_CHARS" in settings() and "DYAD_SHARED" in settings()
    assert {"ingest", "load", "timeline"} <= set(commands())


@pytest.mark.parametrize("name", settings())
def test_every_setting_is_in_the_readme(name):
    assert re.search(rf"\b{name}\b", README), f"{name} is not in README.md"


@pytest.mark.parametrize("command", commands())
def test_every_command_is_in_the_readme(command):
    assert re.search(rf"\bdyad {command}\b", README), f"`dyad {command}` is not in README.md"
