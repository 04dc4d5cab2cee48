"""Reading text files with sidecars, JSONL and folders; bad input is skipped with a reason."""

from __future__ import annotations

import json
from datetime import date

import pytest

from dyad.ingest import Skipped, read_sources
from dyad.model import Article, content_hash, parse_date


def test_text_file_takes_metadata_from_its_sidecar(tmp_path):
    (tmp_path / "a.txt").write_text("Iran and Iraq signed a deal.", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(
        json.dumps({"title": "Deal", "published": "2024-02-20", "note": "ignored"})
    )
    [article] = read_sources([str(tmp_path / "a.txt")])
    assert isinstance(article, Article)
    assert (article.title, article.published) == ("Deal", date(2024, 2, 20))
    assert article.id == content_hash("Iran and Iraq signed a deal.")


def test_published_option_overrides_metadata(tmp_path):
    (tmp_path / "a.txt").write_text("Talks resumed.", encoding="utf-8")
    [article] = read_sources([str(tmp_path / "a.txt")], published=date(2020, 1, 1))
    assert article.published == date(2020, 1, 1)


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("2024-02-20", date(2024, 2, 20)),
        ("20240220", date(2024, 2, 20)),
        ("2024-02-20T23:30:00-05:00", date(2024, 2, 20)),  # the day as written, not UTC's
        ("Tue, 20 Feb 2024 10:00:00 GMT", date(2024, 2, 20)),
        ("", None),
    ],
)
def test_publication_dates_are_read_in_the_forms_sources_write(written, day):
    assert parse_date(written) == day


@pytest.mark.parametrize("written", ["last week", "2024-02-30", "2024-13-01", "202402201"])
def test_a_publication_date_that_is_no_date_skips_the_record_and_says_why(tmp_path, written):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"text": "Talks resumed.", "published": written}), encoding="utf-8")
    [skipped] = read_sources([str(path)])
    assert isinstance(skipped, Skipped)
    assert skipped.reason == f"bad metadata: not a date (YYYY-MM-DD): {written!r}"


def test_jsonl_keeps_ids_and_reports_bad_lines(tmp_path):
    lines = [
        json.dumps({"id": "x1", "text": "Talks resumed.", "published": "2024-01-02"}),
        "{not json",
        json.dumps({"id": "x2", "title": "no text"}),
        "",
        json.dumps(["a list"]),
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    items = list(read_sources([str(path)]))
    assert isinstance(items[0], Article) and items[0].id == "x1"
    assert [(i.source.rsplit(":", 1)[1], i.reason.split(":")[0]) for i in items[1:]] == [
        ("2", "invalid JSON"),
        ("3", "no 'text' field"),
        ("5", "line is not a JSON object"),
    ]


def test_folders_are_read_recursively_and_bad_files_skipped(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Protesters marched in Paris.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Talks resumed.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    # Not UTF-8, but its charset is found: Latin-1 text is read, not refused.
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 talks".encode("latin-1"))
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    items = list(read_sources([str(tmp_path), str(tmp_path / "missing.txt")]))
    articles = [i.text for i in items if isinstance(i, Article)]
    reasons = sorted(i.reason for i in items if isinstance(i, Skipped))
    assert articles == ["Talks resumed.", "Café talks", "Protesters marched in Paris."]
    assert reasons == [
        "empty text",
        "no such file or folder",
        "unsupported file type (PNG image)",
    ]
