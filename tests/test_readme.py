"""The README's quick start, block by block, as a new user runs it after ``make demo``."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")

pytestmark = pytest.mark.slow


def quick_start_blocks() -> list[str]:
    section = README.split("\n## Quick start\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)```", section, re.S)


def demo_commands() -> list[str]:
    """The dyad commands of the Makefile's demo target, its variables at their defaults."""
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\ndemo:", 1)[1].split("\n\n", 1)[0]
    defaults = {"$(BIN)/": "", "$(SHARED)": "../shared", "$(DEMO_DB)": "demo.db"}
    commands = []
    for line in recipe.splitlines()[1:]:
        if line.startswith("\t$(BIN)/dyad "):
            for variable, value in defaults.items():
                line = line.replace(variable, value)
            commands.append(line.strip())
    return commands


@pytest.fixture(scope="module")
def after_demo(tmp_path_factory, shared) -> Path:
    """A folder beside ``shared`` holding what ``make demo`` leaves: demo.db and an activate
    script putting a ``dyad`` on the PATH (this interpreter's, as the venv's would be)."""
    root = tmp_path_factory.mktemp("newcomer")
    (root / "shared").symlink_to(shared)
    repo = root / "dyad"
    (repo / ".venv" / "bin").mkdir(parents=True)
    dyad = repo / ".venv" / "bin" / "dyad"
    dyad.write_text(f'#!/bin/sh\nexec {sys.executable} -m dyad "$@"\n', encoding="utf-8")
    dyad.chmod(0o755)
    (repo / ".venv" / "bin" / "activate").write_text(
        f'PATH="{dyad.parent}:$PATH"\n', encoding="utf-8"
    )
    for command in demo_commands():
        run(". .venv/bin/activate\n" + command, repo)
    return repo


def run(block: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", block], cwd=cwd, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, f"this README block failed:\n{block}\n{done.stderr[-2000:]}"
    return done


def test_the_demo_and_the_quick_start_are_there():
    assert demo_commands()[0].startswith("dyad ingest ../shared/corpus/seed --db demo.db")
    assert len(quick_start_blocks()) >= 2


@pytest.mark.parametrize("number", range(len(quick_start_blocks())))
def test_every_quick_start_block_runs(after_demo, number):
    """Each block in the shell the blocks before it left: what they sourced still holds."""
    blocks = quick_start_blocks()
    block = blocks[number]
    sourced = [line for b in blocks[:number] for line in b.splitlines() if line.startswith(". ")]
    done = run("\n".join([*sourced, block]), after_demo)
    assert done.stdout.strip(), "the block printed nothing"
    # What the block writes, it writes: every `--out FILE` and `> FILE` is there, not empty.
    for written in re.findall(r"(?:--out|>)\s+(\S+)", block):
        assert (after_demo / written).stat().st_size > 0, f"{written} is empty"
