"""The limits settings: defaults, environment overrides, clear errors, and a batch that
goes on past an article over the size limit."""

from __future__ import annotations

import os
import time

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from typer.testing import CliRunner

from dyad.cli import app as cli
from dyad.limits import LimitExceeded, Limits
from dyad.store import Store
from dyad.store.store import make_engine
from dyad.store.timeout import is_query_timeout, limit_query_time

SENTENCE = "Hamas officials visited Moscow in late October and met the deputy foreign minister. "


def test_defaults_are_safe():
    limits = Limits.from_env({})
    assert limits.max_article_chars == 1_000_000
    assert limits.max_request_bytes == 2**20
    assert limits.max_url_bytes == 8192
    assert limits.max_query_seconds == 10
    assert limits.write_token is None
    assert not limits.may_write("Bearer anything")


def test_environment_overrides_each_limit():
    limits = Limits.from_env(
        {
            "DYAD_MAX_ARTICLE_CHARS": "5000",
            "DYAD_MAX_REQUEST_BYTES": "100",
            "DYAD_MAX_URL_BYTES": "200",
            "DYAD_MAX_QUERY_SECONDS": "0.5",
            "DYAD_WRITE_TOKEN": "t0ken",
        }
    )
    assert limits == Limits(5000, 100, 200, 0.5, "t0ken")
    assert limits.may_write("Bearer t0ken") and limits.may_write("bearer  t0ken")
    assert not limits.may_write("Bearer t0ke") and not limits.may_write("Basic t0ken")


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("DYAD_MAX_ARTICLE_CHARS", "lots", "DYAD_MAX_ARTICLE_CHARS must be a number, not 'lots'"),
        ("DYAD_MAX_ARTICLE_CHARS", "1.5", "must be a number"),
        ("DYAD_MAX_QUERY_SECONDS", "0", "DYAD_MAX_QUERY_SECONDS must be positive"),
        ("DYAD_MAX_REQUEST_BYTES", "-1", "must be positive"),
    ],
)
def test_a_bad_setting_is_named(name, value, message):
    with pytest.raises(LimitExceeded, match=message):
        Limits.from_env({name: value})


def test_ingest_skips_an_article_over_the_limit_and_stores_the_rest(tmp_path, nlp):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "long.txt").write_text(SENTENCE * 40)
    (folder / "short.txt").write_text(SENTENCE * 3)
    db = str(tmp_path / "store.db")
    result = CliRunner().invoke(
        cli, ["ingest", str(folder), "--db", db], env={"DYAD_MAX_ARTICLE_CHARS": "2000"}
    )
    assert result.exit_code == 0, result.output
    assert "long.txt: too long (3,360 characters, limit 2,000" in result.output
    assert "skipped: too long" in result.output
    with Store(db) as store:
        assert store.count("articles") == 1


PG_URL = os.environ.get("DYAD_TEST_PG")
BACKENDS = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=pytest.mark.postgresql,  # conftest: DYAD_TEST_PG unset stops the run
    ),
]
SLOW_QUERY = {
    # A cross join SQLite must step through (10^8 rows), and a sleep on the server.
    "sqlite": "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000) "
    "SELECT count(*) FROM n AS a, n AS b",
    "postgresql": "SELECT pg_sleep(5)",
}


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_query_past_the_time_limit_is_stopped(backend, tmp_path):
    engine = make_engine(str(tmp_path / "t.db") if backend == "sqlite" else PG_URL)
    limit_query_time(engine, 0.2)
    started = time.monotonic()
    with engine.connect() as conn, pytest.raises(OperationalError) as caught:
        conn.execute(text(SLOW_QUERY[backend])).all()
    assert is_query_timeout(caught.value)
    assert time.monotonic() - started < 3
    with engine.connect() as conn:  # the next query on the same connections runs normally
        assert conn.execute(text("SELECT 1")).scalar_one() == 1
    engine.dispose()
