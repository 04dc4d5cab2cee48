"""The limits settings: defaults, environment overrides, clear errors, and a batch that
goes on past an article over the size limit."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from dyad.cli import app as cli
from dyad.limits import LimitExceeded, Limits
from dyad.store import Store

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
