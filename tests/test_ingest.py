"""Reading text files with sidecars, JSONL and folders; bad input is skipped with a reason."""

from __future__ import annotations

import json

from dyad.ingest import Skipped, read_sources
from dyad.model import Article, content_hash


def test_text_file_takes_metadata_from_its_sidecar(tmp_path):
    (tmp_path / "a.txt").write_text("Iran and Iraq signed a deal.", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(
        json.dumps({"title": "Deal", "published": "2024-02-20", "note": "ignored"})
    )
    [article] = read_sources([str(tmp_path / "a.txt")])
    assert isinstance(article, Article)
    assert (article.title, article.published) == ("Deal", "2024-02-20")
    assert article.id == content_hash("Iran and Iraq signed a deal.")


def test_published_option_overrides_metadata(tmp_path):
    (tmp_path / "a.txt").write_text("Talks resumed.", encoding="utf-8")
    [article] = read_sources([str(tmp_path / "a.txt")], published="2020-01-01")
    assert article.published == "2020-01-01"


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
