"""Every setting and every command is documented (as datasette's tests/test_docs.py checks):
in the README or in a page of docs/ the README links to."""

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
PAGES = sorted((REPO / "docs").glob("*.md"))
DOCS = "\n".join([README, *(page.read_text(encoding="utf-8") for page in PAGES)])
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
    assert {page.name for page in PAGES} >= {"usage.md", "accuracy.md", "reliability.md"}


@pytest.mark.parametrize("page", [page.name for page in PAGES])
def test_every_docs_page_is_linked_from_the_readme(page):
    assert f"](docs/{page}" in README, f"docs/{page} is not linked from README.md"


def test_the_readme_is_short():
    assert len(README.splitlines()) <= 160, "README.md is for newcomers: move detail to docs/"


@pytest.mark.parametrize("name", settings())
def test_every_setting_is_documented(name):
    assert re.search(rf"\b{name}\b", DOCS), f"{name} is in neither README.md nor docs/"


@pytest.mark.parametrize("command", commands())
def test_every_command_is_documented(command):
    assert re.search(rf"\bdyad {command}\b", DOCS), (
        f"`dyad {command}` is in neither README nor docs/"
    )
