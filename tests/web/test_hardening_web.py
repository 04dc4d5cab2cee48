"""The web app past the edges a probe tried: extreme dates and integers, HEAD, errors,
caching and download names. Each answer is a clear 2xx or 4xx, never a bare 500."""

from __future__ import annotations

import tempfile
from urllib.parse import unquote

import pytest
from fastapi.testclient import TestClient
from query_corpus import CORPUS

from dyad import query
from dyad.store import Store
from dyad.web import api, create_app
from dyad.web.app import SECURITY_HEADERS


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("web") / "web.db")
    with Store(db) as store:
        for analysis in CORPUS:
            store.add(analysis)
    with TestClient(create_app(db), raise_server_exceptions=False) as client:
        yield client


@pytest.mark.parametrize("until", ["9999", "9999-12", "9999-12-31", "999", "99"])
@pytest.mark.parametrize(
    "path",
    [
        "/api/counts",
        "/api/network",
        "/api/dyads/RUS/HAMAS/timeline",
        "/api/export/all.csv",
        "/api/export/all.jsonl",
        "/network",
        "/dyads/RUS/HAMAS",
    ],
)
def test_dates_up_to_the_last_day_a_date_holds_are_answered(client, path, until):
    response = client.get(path, params={"since": "2023", "until": until})
    assert response.status_code == 200, response.text


@pytest.mark.parametrize(
    "path",
    [
        "/api/dyads/RUS/HAMAS/timeline?offset=1e20",
        "/api/dyads/RUS/HAMAS/timeline?offset=100000000000000000000",
        "/dyads/RUS/HAMAS?page=922337203685477580",
        "/api/events/1e20",
        "/api/events/100000000000000000000",
        "/api/export/x.graphml?min_weight=100000000000000000000",
    ],
)
def test_integers_past_what_the_database_holds_are_422_with_a_reason(client, path):
    response = client.get(path)
    assert response.status_code == 422, response.text
    if not path.startswith("/api/"):  # a page that says what is wrong
        assert "input should be less than or equal to" in response.text
        return
    [problem] = response.json()["detail"]
    assert problem["msg"].startswith(("Input should be", "Input should be a valid integer"))


def test_an_event_page_past_the_largest_id_is_not_found(client):
    response = client.get("/events/100000000000000000000")
    assert response.status_code == 404 and "whole numbers" in response.text


def test_the_largest_integers_the_database_holds_are_answered(client):
    assert client.get("/api/events/9223372036854775807").status_code == 404
    timeline = client.get("/api/dyads/RUS/HAMAS/timeline?offset=9223372036854775807")
    assert timeline.status_code == 200 and timeline.json()["events"] == []


@pytest.mark.parametrize(
    "path", ["/", "/api/counts", "/api/events/1", "/dyads/RUS/HAMAS", "/static/dyad.css"]
)
def test_head_answers_as_get_without_a_body(client, path):
    get, head = client.get(path), client.head(path)
    assert head.status_code == get.status_code == 200
    assert head.content == b""
    for name in ("content-type", "content-security-policy", "cache-control"):
        assert head.headers[name] == get.headers[name]
    assert head.headers["content-length"] == str(len(get.content))


def test_a_server_error_carries_the_security_headers(client, monkeypatch):
    def broken(*_args, **_kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(query, "event_counts", broken)
    response = client.get("/api/counts")
    assert response.status_code == 500 and "a bug" not in response.text
    for name, value in SECURITY_HEADERS.items():
        assert response.headers[name] == value
    assert response.headers["cache-control"] == "no-store"


def test_answers_are_not_cached_but_static_files_are(client):
    for path in ("/", "/api/counts", "/dyads/RUS/HAMAS", "/api/export/x.csv", "/nowhere"):
        assert client.get(path).headers["cache-control"] == "no-store", path
    assert client.get("/static/dyad.css").headers["cache-control"].startswith("public, max-age=")


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
@pytest.mark.parametrize(
    ("name", "plain"),
    [('say "no"', "say _no_"), ("Москва; 2024", "______; 2024"), ("a\\b", "a_b")],
)
def test_download_names_are_encoded_per_rfc_6266(client, fmt, name, plain):
    response = client.get(f"/api/export/{name}.{fmt}")
    assert response.status_code == 200
    disposition = response.headers["content-disposition"]
    # A quoted ASCII name that no quote or backslash can end early, then the exact name.
    assert disposition.startswith(f"attachment; filename=\"{plain}.{fmt}\"; filename*=UTF-8''")
    assert unquote(disposition.split("filename*=UTF-8''")[1]) == f"{name}.{fmt}"
    assert disposition.count('"') == 2


def test_a_plain_download_name_is_left_plain(client):
    disposition = client.get("/api/export/events.csv").headers["content-disposition"]
    assert disposition == 'attachment; filename="events.csv"'


@pytest.mark.parametrize("fmt", ["jsonl", "parquet", "graphml"])
def test_a_failed_export_leaves_no_temporary_folder(client, monkeypatch, tmp_path, fmt):
    def broken(*_args, **_kwargs):
        raise RuntimeError("a bug")

    for writer in ("write_jsonl", "write_parquet", "write_graphml"):
        monkeypatch.setattr(api, writer, broken)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    assert client.get(f"/api/export/x.{fmt}").status_code == 500
    assert list(tmp_path.iterdir()) == []
    monkeypatch.undo()
    assert client.get(f"/api/export/x.{fmt}").status_code == 200
