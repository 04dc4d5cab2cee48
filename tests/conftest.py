"""Shared fixtures: the data folder beside the repo, one loaded pipeline, the seed analysis."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from dyad.model import Analysis, Article
from dyad.nlp import cached_nlp
from dyad.pipeline import analyze_articles

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("DYAD_SHARED", REPO.parent / "shared")).resolve()


@pytest.fixture(scope="session")
def shared() -> Path:
    assert SHARED.is_dir(), f"the shared data folder is missing: {SHARED}"
    return SHARED


@pytest.fixture(scope="session")
def nlp():
    return cached_nlp()


@pytest.fixture(scope="session")
def seed_gold(shared: Path) -> dict:
    return json.loads((shared / "gold" / "seed.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_article(shared: Path) -> Article:
    folder = shared / "corpus" / "seed"
    meta = json.loads((folder / "moscow-hamas.meta.json").read_text(encoding="utf-8"))
    text = (folder / "moscow-hamas.txt").read_text(encoding="utf-8")
    return Article.from_dict({**meta, "text": text})


@pytest.fixture(scope="session")
def seed_analysis(nlp, seed_article: Article) -> Analysis:
    return next(analyze_articles([seed_article], nlp))
