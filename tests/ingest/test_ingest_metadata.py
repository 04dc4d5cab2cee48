"""Metadata tables (``--meta``): title, date, source, author and URL of text files by file name;
and the headline fallback for untitled text."""

from __future__ import annotations

import json
import shutil
from datetime import date

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from dyad.cli import app
from dyad.ingest import IngestOptions, Skipped, read_sources
from dyad.ingest.items import BadInput
from dyad.ingest.metadata import MetadataTable
from dyad.ingest.tables import headline
from dyad.model import Article
from dyad.store import Store

runner = CliRunner()

BODY = (
    "The foreign ministers of Iran and Russia met in Moscow on Tuesday to discuss the war. "
    "They agreed to keep talking, a spokesman for the ministry told reporters afterwards."
)


def write_folder(tmp_path, sidecar: dict | None = None):
    folder = tmp_path / "texts"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(BODY, encoding="utf-8")
    (folder / "sub" / "b.txt").write_text(BODY.replace("Tuesday", "Friday"), encoding="utf-8")
    (folder / "c.txt").write_text(BODY.replace("Moscow", "Tehran"), encoding="utf-8")
    if sidecar:
        (folder / "a.meta.json").write_text(json.dumps(sidecar), encoding="utf-8")
    return folder


def test_a_tsv_table_gives_each_file_its_row_by_name_with_or_without_suffix(tmp_path):
    folder = write_folder(tmp_path)
    # Inside the folder it describes: it must not be read as an input.
    table_path = folder / "metadata.tsv"
    table_path.write_text(
        "filename\tpublisher\tpublication_date\tauthor\ttitle\turl\n"
        "a\tThe Wire\t2016-09-12\tNone\tMinisters meet\thttps://example.org/a\n"
        "b.txt\tThe Post\t2016-10-01\tJo Smith\tTalks go on\t\n",
        encoding="utf-8",
    )
    table = MetadataTable(table_path)
    items = list(read_sources([str(folder)], options=IngestOptions(metadata=table)))
    assert len(items) == 3 and all(isinstance(item, Article) for item in items)
    by_file = {item.title: item for item in items}
    a, b = by_file["Ministers meet"], by_file["Talks go on"]
    assert (a.published, a.source, a.url) == (
        date(2016, 9, 12),
        "The Wire",
        "https://example.org/a",
    )
    assert a.author is None  # "None" in a cell is an empty cell
    assert (b.published, b.source, b.author, b.url) == (
        date(2016, 10, 1),
        "The Post",
        "Jo Smith",
        None,
    )
    assert table.unmatched == [str(folder / "c.txt")]


def test_a_csv_table_with_mapped_columns_and_a_path_key(tmp_path):
    folder = write_folder(tmp_path)
    table_path = tmp_path / "meta.csv"
    table_path.write_text(
        "doc,headline,day\nsub/b,Talks go on,2016-10-01\nb,Not this one,2001-01-01\n",
        encoding="utf-8",
    )
    columns = {"file": "doc", "title": "headline", "published": "day"}
    [b] = read_sources(
        [str(folder / "sub" / "b.txt")],
        options=IngestOptions(metadata=MetadataTable(table_path, columns)),
    )
    # The key naming more of the path wins over the bare name.
    assert (b.title, b.published) == ("Talks go on", date(2016, 10, 1))


def test_a_jsonl_table_beats_the_sidecar(tmp_path):
    folder = write_folder(tmp_path, sidecar={"title": "Sidecar title", "source": "Sidecar"})
    table_path = tmp_path / "meta.jsonl"
    table_path.write_text(
        json.dumps({"file": "a.txt", "title": "Table title", "published": "2016-09-12"}) + "\n",
        encoding="utf-8",
    )
    [a] = read_sources(
        [str(folder / "a.txt")], options=IngestOptions(metadata=MetadataTable(table_path))
    )
    assert (a.title, a.published, a.source) == ("Table title", date(2016, 9, 12), "Sidecar")


def test_a_table_date_that_is_no_date_skips_its_file_and_says_why(tmp_path):
    folder = write_folder(tmp_path)
    table_path = tmp_path / "meta.csv"
    table_path.write_text("file,published\na.txt,next week\n", encoding="utf-8")
    [skipped] = read_sources(
        [str(folder / "a.txt")], options=IngestOptions(metadata=MetadataTable(table_path))
    )
    assert isinstance(skipped, Skipped)
    assert skipped.reason == "bad metadata: not a date (YYYY-MM-DD): 'next week'"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("m.tsv", "title\tdate\nA\t2016-01-01\n", "no file name (looked for file, filename"),
        ("m.csv", "file,title\na.txt,One\n./a.txt,Two\n", "m.csv:3: a.txt has a row already"),
        ("m.csv", "file,title\n", "no rows"),
        ("m.jsonl", '{"file": "a"}\n[1]\n', "m.jsonl:2: line is not a JSON object"),
        ("m.xlsx", "file,title\n", "a metadata table is .csv, .tsv or .jsonl, not .xlsx"),
    ],
)
def test_a_table_it_cannot_use_is_a_one_line_error(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(BadInput, match="^.*" + reason.replace("(", r"\(").replace(".", r"\.")):
        MetadataTable(path)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # PolNeAR's plain-text articles: the headline, a stop after it, a blank line, the body.
        (
            "Stealth Over Health: Clinton Was Headed to ER.\n\nThe New York Post reports that …",
            "Stealth Over Health: Clinton Was Headed to ER",
        ),
        # Initials and abbreviations are no sentence break.
        (
            "Mary J. Blige sings to Hillary Clinton.\n\nLOS ANGELES …",
            "Mary J. Blige sings to Hillary Clinton",
        ),
        (
            "Removed from N.Y. debate site by police.\n\nHEMPSTEAD …",
            "Removed from N.Y. debate site by police",
        ),
        (
            "Ready for Trump vs. Clinton?; \nHis tricks won't work.\n\nBody.",
            "Ready for Trump vs. Clinton?",
        ),
        # A first paragraph of prose is no headline, nor two sentences, nor a lone line.
        (" ".join(["The minister said the talks would go on for weeks."] * 4) + "\nMore.", None),
        ("Game over. Will he come down off the pique?\n\nAfter Tuesday night …", None),
        ("convention notebook.\n\nAnother first.", None),
        ("Only a single line of text here", None),
        ("Sources said:\n\nThe ministers met.", None),
    ],
)
def test_headline_fallback(text, title):
    assert headline(text) == title


def test_an_untitled_text_file_takes_its_headline(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("Ministers Meet in Moscow.\n\n" + BODY, encoding="utf-8")
    [article] = read_sources([str(path)])
    assert article.title == "Ministers Meet in Moscow"
    assert article.text.startswith("Ministers Meet")  # the text itself is kept whole


@pytest.mark.slow
def test_polnear_files_with_their_metadata_table_give_a_dated_titled_timeline(shared, tmp_path):
    """Three PolNeAR dev articles naming Trump and Clinton, as a folder of .txt files."""
    folder = tmp_path / "polnear"
    folder.mkdir()
    names = [
        "breitbart_2016-09-21_only-percent-of-hillary-clinton-",
        "huff-post_2016-09-27_hillary-clinton-goes-after-donal",
    ]
    for name in names:
        shutil.copy(shared / "data/polnear/dev/text" / f"{name}.txt", folder)
    table = shared / "data/polnear/metadata.tsv"
    db = str(tmp_path / "p.db")
    result = runner.invoke(
        app, ["ingest", str(folder), "--meta", str(table), "--db", db, "--workers", "1"]
    )
    assert result.exit_code == 0, result.output
    rows = {
        line.split("\t")[1]: line.split("\t")
        for line in table.read_text(encoding="utf-8").splitlines()[1:]
    }
    with Store(db) as store, store.engine.connect() as conn:
        stored = conn.execute(text("SELECT title, published, source FROM articles")).all()
        dates = conn.execute(text("SELECT sort_date FROM events")).scalars().all()
    assert sorted(stored) == sorted((rows[n][7], rows[n][5], rows[n][4]) for n in names)
    assert dates and all(d and d.startswith("2016-09") for d in dates)
    timeline = runner.invoke(app, ["timeline", "Trump", "Clinton", "--db", db])
    assert timeline.exit_code == 0, timeline.output
    assert "2016-09" in timeline.output and "undated" not in timeline.output


def test_a_missing_table_stops_the_ingest_before_anything_is_read(tmp_path):
    db = tmp_path / "x.db"
    result = runner.invoke(
        app, ["ingest", str(tmp_path), "--meta", str(tmp_path / "nope.tsv"), "--db", str(db)]
    )
    assert result.exit_code == 2
    assert "--meta: cannot read" in result.output and "nope.tsv" in result.output
    assert not db.exists()
