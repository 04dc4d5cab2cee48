"""Every setting and every command is documented (as datasette's tests/test_docs.py checks):
in the README or in a page of docs/ the README links to; every module is in the README's
stage table."""

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


@pytest.mark.parametrize("module", modules())
def test_every_module_is_in_the_stage_table(module):
    assert re.search(rf"`{re.escape(module)}`", stage_table()), (
        f"`{module}` is not in the stage table of README.md (How it is built)"
    )
