"""dyad's layers (README, "How it is built"): no module imports one above it.

A small AST check instead of import-linter: every ``import`` in ``src/dyad``,
function-level ones included, must point to a lower layer or into the
importer's own package. Only the ground floor's modules may import each other,
and they import nothing heavy.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "dyad"

# Lowest first. Units in one layer do not import each other (but for the ground floor).
LAYERS = [
    # The ground floor: dataclasses, tables and settings every layer shares.
    {
        "dyad.version",
        "dyad.model",
        "dyad.plover",
        "dyad.timex",
        "dyad.limits",
        "dyad.extensions",
        "dyad.clause_time",
        "dyad.quotation_marks",
        "dyad.interviews",
        "dyad.codes",
    },
    # Stages and the store: each stands on the ground floor alone.
    {
        "dyad.ingest",
        "dyad.actors",
        "dyad.times",
        "dyad.quotes",
        "dyad.events",
        "dyad.framing",
        "dyad.paragraphs",
        "dyad.store",
    },
    {"dyad.nlp", "dyad.query"},
    {"dyad.pipeline", "dyad.export"},
    {"dyad.batch", "dyad.eval", "dyad.web"},
    {"dyad.dataset"},
    # The library calls of the main use case (read, dedup, analyse, store).
    {"dyad.service"},
    {"dyad.cli"},
    # The front doors: ``python -m dyad``, and ``dyad`` itself, which imports only
    # the ground floor eagerly and the pipeline when ``dyad.analyze`` is first used.
    {"dyad.__main__", "dyad"},
]
GROUND = LAYERS[0]
LIGHT_THIRD_PARTY = {"yaml"}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_module(name: str) -> bool:
    relative = Path(*name.split(".")[1:])
    return (PACKAGE / relative).is_dir() or (PACKAGE / relative).with_suffix(".py").exists()


def unit(name: str) -> str:
    """The layered unit a module belongs to: its top-level module or package under dyad."""
    return ".".join(name.split(".")[:2])


def layer(name: str) -> int:
    for rank, units in enumerate(LAYERS):
        if unit(name) in units:
            return rank
    raise AssertionError(f"{name} is in no layer: add it to LAYERS and to the README")


def imports(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, module) for every import of a dyad module in ``tree``."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                found.append((node.lineno, submodule if is_module(submodule) else node.module))
    return [(line, name) for line, name in found if name.split(".")[0] == "dyad"]


def eager_imports(tree: ast.Module) -> list[tuple[int, str]]:
    """Top-level modules imported when ``tree`` is imported (not in functions or TYPE_CHECKING)."""
    found = []
    for node in tree.body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


SOURCES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_is_in_a_layer():
    for path in SOURCES:
        layer(module_name(path))


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: module_name(path))
def test_no_import_runs_upward(path):
    importer = module_name(path)
    wrong = []
    for line, imported in imports(ast.parse(path.read_text())):
        if unit(imported) == unit(importer):
            continue
        both_ground = unit(imported) in GROUND and unit(importer) in GROUND
        if layer(imported) >= layer(importer) and not both_ground:
            wrong.append(f"{path.name}:{line} imports {imported}")
    assert not wrong, f"{importer} (layer {layer(importer)}) reaches up or sideways: {wrong}"


@pytest.mark.parametrize(
    "path",
    [path for path in SOURCES if unit(module_name(path)) in GROUND | {"dyad"}],
    ids=lambda path: module_name(path),
)
def test_the_ground_floor_imports_nothing_heavy(path):
    for line, imported in eager_imports(ast.parse(path.read_text())):
        top = imported.split(".")[0]
        if top == "dyad":
            assert unit(imported) in GROUND, f"{path.name}:{line} imports {imported}"
        else:
            allowed = top in sys.stdlib_module_names or top in LIGHT_THIRD_PARTY
            assert allowed, f"{path.name}:{line} imports {imported}"


def run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_store_web_and_version_do_not_load_spacy():
    code = (
        "import sys, dyad.store, dyad.web, dyad.ingest, dyad.query, dyad.export\n"
        "from dyad import __version__, Analysis, Article\n"
        "before = 'spacy' in sys.modules\n"
        "from dyad import analyze  # lazy: loads the pipeline, and spaCy with it\n"
        "print(before, callable(analyze), 'spacy' in sys.modules)\n"
    )
    assert run(code) == "False True True"


def test_the_pipeline_order_satisfies_every_factory():
    """Factories come from the spacy_factories entry points: dyad.nlp imports no stage."""
    code = (
        "import json, sys\n"
        "from dyad.nlp import DYAD_COMPONENTS, load_nlp\n"
        "nlp = load_nlp()\n"
        "meta = {name: nlp.get_pipe_meta(name) for name in DYAD_COMPONENTS}\n"
        "print(json.dumps({\n"
        "    'problems': nlp.analyze_pipes(pretty=False)['problems'],\n"
        "    'requires': {name: m.requires for name, m in meta.items()},\n"
        "    'assigns': {name: m.assigns for name, m in meta.items()},\n"
        "}))\n"
    )
    report = json.loads(run(code))
    assert all(not missing for missing in report["problems"].values()), report["problems"]
    assert all(report["requires"].values()) and all(report["assigns"].values())
    assert report["assigns"]["dyad_quotes"][0] == "doc._.quotes"
    assert "doc._.quotes" in report["requires"]["dyad_events"]
