"""Shared fixtures: the data folder beside the repo, one loaded pipeline, the seed analysis,
and a fresh database on each backend."""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path

import pytest
import sqlalchemy

from dyad.model import Analysis, Article
from dyad.nlp import cached_nlp
from dyad.pipeline import analyze_articles
from dyad.store.store import database_url

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("DYAD_SHARED", REPO.parent / "shared")).resolve()


@pytest.hookimpl(trylast=True)  # after -k and -m have deselected
def pytest_collection_modifyitems(config, items):
    """PostgreSQL cases stop the run when DYAD_TEST_PG is unset: a backend is never left out
    quietly. DYAD_TEST_PG=skip leaves it out on purpose (make test-fast)."""
    cases = [item for item in items if item.get_closest_marker("postgresql")]
    setting = os.environ.get("DYAD_TEST_PG")
    if not cases or (setting and setting != "skip"):
        return
    if setting is None:
        pytest.exit(
            f"DYAD_TEST_PG is unset but {len(cases)} tests need PostgreSQL: run make test (it"
            " sets PostgreSQL up), set DYAD_TEST_PG=postgresql://…, or DYAD_TEST_PG=skip to leave"
            " it out",
            returncode=4,
        )
    for item in cases:
        item.add_marker(pytest.mark.skip(reason="DYAD_TEST_PG=skip leaves PostgreSQL out"))


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


PG_URL = os.environ.get("DYAD_TEST_PG")
BACKENDS = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=pytest.mark.postgresql,  # DYAD_TEST_PG unset stops the run (above)
    ),
]


@pytest.fixture(params=BACKENDS)
def db(request, tmp_path):
    """A fresh, empty database: a SQLite file, or a PostgreSQL schema of its own."""
    if request.param == "sqlite":
        yield str(tmp_path / "test.db")
        return
    name = f"dyad_test_{uuid.uuid4().hex[:12]}"
    admin = sqlalchemy.create_engine(database_url(PG_URL))
    with admin.begin() as conn:
        conn.execute(sqlalchemy.text(f'CREATE SCHEMA "{name}"'))
    separator = "&" if "?" in PG_URL else "?"
    yield f"{PG_URL}{separator}options=-csearch_path%3D{name}"
    with admin.begin() as conn:
        conn.execute(sqlalchemy.text(f'DROP SCHEMA "{name}" CASCADE'))
    admin.dispose()
