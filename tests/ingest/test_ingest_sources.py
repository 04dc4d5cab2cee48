"""Ingesting real sources: HTML, feeds, WARC, CSV, URLs, bad input, duplicates.

The mixed folder is built from the hand-written pages and feeds in
``fixtures`` plus broken files made here, and every input's outcome is
checked against what a person reading the files expects.
"""

from __future__ import annotations

import gzip
import io
import json
import shutil
import sys
import threading
import time
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dyad.cli import app
from dyad.ingest import IngestOptions, Skipped, read_sources
from dyad.ingest.decode import decode
from dyad.ingest.dedup import ALREADY_STORED, Duplicate, DuplicateFinder
from dyad.ingest.items import BadInput
from dyad.ingest.language import detect_language
from dyad.model import Article
from dyad.store import Store

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLE_URL = "https://ledger.example.com/world/2024/03/05/doha-talks"
WIRE_COPY_URL = "https://northernpost.example.org/news/doha-talks-progress"
CRAWLED_URL = "https://ledger.example.com/world/2024/03/06/aid-convoy"
CRAWLED_PAGE = (FIXTURES / "article.html").read_text(encoding="utf-8")

runner = CliRunner()


def warc_record(writer: WARCWriter, url: str, body: bytes, content_type: str, status="200 OK"):
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url, "response", payload=io.BytesIO(body), http_headers=headers
    )
    record.rec_headers.replace_header("WARC-Date", "2024-03-06T12:00:00Z")
    writer.write_record(record)


def crawl_page() -> bytes:
    """A page of its own (not a copy of article.html), with no date: the capture date is used."""
    body = (
        "<p>A convoy of thirty aid trucks reached northern Gaza on Wednesday for the first time "
        "in weeks, the World Food Programme said, after the army opened a new gate in the "
        "border fence overnight.</p><p>Aid officials said the deliveries were far below what "
        "was needed and urged Israel to open more crossings and allow convoys to move safely "
        "inside the territory.</p>"
    )
    return (
        "<html><head><title>Aid convoy reaches northern Gaza</title></head><body>"
        f"<nav><a href='/'>Home</a></nav><article><h1>Aid convoy reaches northern Gaza</h1>"
        f"{body}</article><footer>(c) The Daily Ledger</footer></body></html>"
    ).encode()


def write_crawl(path: Path) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    warc_record(writer, CRAWLED_URL, crawl_page(), "text/html; charset=utf-8")
    warc_record(writer, "https://ledger.example.com/logo.jpg", b"\xff\xd8\xff" * 10, "image/jpeg")
    warc_record(
        writer, "https://ledger.example.com/old", b"<html>gone</html>", "text/html", "404 Not Found"
    )
    boilerplate = (FIXTURES / "boilerplate.html").read_bytes()
    warc_record(writer, "https://ledger.example.com/missing", boilerplate, "text/html")
    data = buffer.getvalue()
    path.write_bytes(data)
    return data


def make_mixed_folder(root: Path) -> Path:
    folder = root / "inbox"
    shutil.copytree(FIXTURES, folder)
    sub = folder / "broken"
    sub.mkdir()
    # Windows-1252 with curly quotes and an accent: decodable once the charset is found.
    (folder / "legacy.txt").write_bytes(
        "The minister of Côte d\u2019Ivoire said on Friday that \u201call options\u201d "
        "remained open in the dispute with its neighbour over the river border, "
        "according to state television.".encode("cp1252")
    )
    (sub / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (sub / "garbage.txt").write_bytes(bytes(range(128, 256)) * 4)
    (sub / "empty.html").write_bytes(b"")
    with (sub / "huge.html").open("wb") as huge:
        huge.write(b"<html><body>")
        huge.truncate(50 * 2**20)  # 50 MB, sparse: refused before it is read
    crawl = write_crawl(folder / "crawl.warc.gz")
    (sub / "truncated.warc.gz").write_bytes(crawl[: len(crawl) * 2 // 5])
    (sub / "malformed.warc").write_bytes(
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 12\r\n\r\n"
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html>too long for its length"
        b"\r\n\r\nthis is not a record\r\n\r\n"
    )
    (sub / "notes.md").write_text("# notes to self\n", encoding="utf-8")
    (sub / ".hidden.txt").write_text("editor backup, not an input", encoding="utf-8")
    return folder


def outcomes(items) -> dict[str, str]:
    """Each input's outcome: the skip reason's kind, or the article's URL or first words."""
    result = {}
    for item in items:
        if isinstance(item, Skipped):
            key = Path(item.source).name if "://" not in item.source else item.source
            result[key] = f"skipped: {item.kind}"
        else:
            key = item.url or " ".join(item.text.split()[:3])
            result[key] = "article"
    return result


def test_a_mixed_folder_gives_every_input_its_outcome(tmp_path):
    folder = make_mixed_folder(tmp_path)
    items = list(read_sources([str(folder)]))
    got = outcomes(items)
    assert got == {
        # HTML pages
        ARTICLE_URL: "article",
        WIRE_COPY_URL: "article",  # a copy, but ingest (not reading) decides that
        "boilerplate.html": "skipped: no article text",
        "french.html": "skipped: not English",
        # CSV rows: headline/body/date/link found without a mapping
        "https://south.example.com/lithium-accord": "article",
        "articles.csv:3": "skipped: empty text",
        "https://south.example.com/ghana-budget": "article",
        # JSONL lines
        "https://east.example.com/vietnam-philippines": "article",
        "articles.jsonl:2": "skipped: no 'text' field",
        "https://reprints.example.com/vietnam-philippines": "article",
        "articles.jsonl:4": "skipped: invalid JSON",
        # feeds: full content, a summary-only entry, a German entry
        "https://lakeside.example.com/2024/04/armenia-azerbaijan-border": "article",
        "https://harbour.example.net/world/sudan-jeddah-talks": "article",
        "https://harbour.example.net/world/kenya-haiti-mission": (
            "skipped: feed entry has no full text"
        ),
        "https://harbour.example.net/world/baerbock-kiew": "skipped: not English",
        # a crawl: one article, a 404 and a boilerplate page; the image is not a page
        CRAWLED_URL: "article",
        "https://ledger.example.com/old in " + str(folder / "crawl.warc.gz"): (
            "skipped: HTTP error"
        ),
        "https://ledger.example.com/missing in " + str(folder / "crawl.warc.gz"): (
            "skipped: no article text"
        ),
        "The minister of": "article",  # legacy.txt, in Windows-1252
        "photo.txt": "skipped: binary file, not text",
        "garbage.txt": "skipped: undecodable bytes",
        "empty.html": "skipped: no article text",
        "huge.html": "skipped: too large",
        "truncated.warc.gz": "skipped: truncated gzip",
        "malformed.warc": "skipped: malformed WARC record",
        "notes.md": "skipped: unsupported file type",
    }
    legacy = next(i for i in items if isinstance(i, Article) and i.text.startswith("The minister"))
    assert "Côte d\u2019Ivoire" in legacy.text and "\u201call options\u201d" in legacy.text
    # The truncated archive still gives the page that was whole before the cut.
    assert sum(isinstance(i, Article) and i.url == CRAWLED_URL for i in items) == 2


def test_reasons_are_one_clear_line(tmp_path):
    folder = make_mixed_folder(tmp_path)
    reasons = {
        Path(i.source).name: i.reason for i in read_sources([str(folder)]) if isinstance(i, Skipped)
    }
    assert reasons["huge.html"] == "too large (50.0 MB, limit 10.0 MB)"
    assert reasons["photo.txt"] == "binary file, not text (PNG image)"
    assert reasons["french.html"] == "not English (fr)"
    assert reasons["truncated.warc.gz"] == "truncated gzip (archive cut off after 1 pages)"
    assert all("\n" not in reason and len(reason) < 200 for reason in reasons.values())


def test_html_page_metadata(tmp_path):
    [article] = read_sources([str(FIXTURES / "article.html")])
    assert (article.title, article.author, article.source, article.published) == (
        "Mediators report progress in Doha ceasefire talks",
        "Amira Haddad",
        "The Daily Ledger",
        date(2024, 3, 5),
    )
    assert article.url == ARTICLE_URL and article.language == "en"
    # Main text only: no menu, sidebar or footer, and no headline repeated as text.
    assert article.text.startswith("Qatari and Egyptian mediators said on Tuesday")
    assert article.text.endswith("before the start of Ramadan next week.")
    for boilerplate in ("Subscribe", "Most read", "All rights reserved", "Ten recipes"):
        assert boilerplate not in article.text
    assert article.text.count("\n") == 4  # one line per paragraph, as in .txt input


def test_warc_pages_take_the_capture_url_and_date(tmp_path):
    write_crawl(tmp_path / "crawl.warc.gz")
    [article, *_skipped] = read_sources([str(tmp_path / "crawl.warc.gz")])
    assert (article.url, article.published, article.title) == (
        CRAWLED_URL,
        date(2024, 3, 6),
        "Aid convoy reaches northern Gaza",
    )


def test_csv_with_an_explicit_column_mapping(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(
        "story_id,story,when,outlet\n"
        "s1,\"Peru's congress voted on Thursday to remove the interior minister after a "
        'censure motion over rising crime.",2024-02-01,Andes Daily\n',
        encoding="utf-8",
    )
    columns = {"id": "story_id", "text": "story", "published": "when", "source": "outlet"}
    [article] = read_sources([str(path)], options=IngestOptions(columns=columns))
    assert (article.id, article.published, article.source) == (
        "s1",
        date(2024, 2, 1),
        "Andes Daily",
    )
    [missing] = read_sources([str(path)], options=IngestOptions(columns={"text": "body"}))
    assert missing.reason == "no text column (looked for body)"


def test_stdin_is_sniffed(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(CRAWLED_PAGE.encode())))
    [article] = read_sources(["-"])
    assert article.url == ARTICLE_URL


def test_charsets_and_binary_files():
    assert decode("caf\xe9 \x93quoted\x94".encode("latin-1")) == "café “quoted”"
    russian = "Президент сказал, что переговоры продолжатся на следующей неделе."
    assert decode(russian.encode("cp1251")) == russian
    assert decode("hello".encode("utf-16")) == "hello"  # with its byte order mark
    assert decode('<meta charset="utf-8">caf\xc3\xa9'.encode("latin-1")).endswith("café")
    for data, kind in ((b"%PDF-1.7\n", "PDF document"), (b"PK\x03\x04zz", "ZIP archive")):
        with pytest.raises(BadInput, match=kind):
            decode(data)


def test_language_is_judged_only_on_enough_text():
    assert detect_language("Talks resumed.") is None
    assert detect_language("Die Gespräche wurden am Dienstag in Doha wieder aufgenommen.") == "de"
    text = (FIXTURES / "french.html").read_text(encoding="utf-8")
    assert detect_language(text) == "fr"


def test_near_duplicates_link_wire_copies_but_not_other_reports():
    [original] = read_sources([str(FIXTURES / "article.html")])
    [copy] = read_sources([str(FIXTURES / "wire-copy.html")])
    finder = DuplicateFinder()
    assert finder.check(original) is None
    finder.remember(original)
    verdict = finder.check(copy)
    assert isinstance(verdict, Duplicate) and verdict.first == original.hash
    assert verdict.kind == "near" and 0.8 <= verdict.similarity < 1
    # The same event told in other words is a report of its own, not a copy.
    retold = Article(
        text="Talks in Doha between Israel and Hamas moved forward this week, according to "
        "mediators from Qatar and Egypt, who met both delegations over two days along with an "
        "American envoy. A Qatari spokesman said the sides were closer to a deal than at any "
        "time in the past month but gave no details. Officials said the plan would halt the "
        "fighting for six weeks and let more aid into Gaza while hostages and prisoners are "
        "exchanged. Israel's leader has ruled out a permanent end to the war."
    )
    assert finder.check(retold) is None


def test_a_republished_column_in_polnear_is_the_only_near_duplicate(shared):
    # The New York Times ran the same column on the web (March 4, 2016) and in print
    # (March 5) under another headline, with an abstract added. The finder reports no
    # other pair among these 300 articles.
    finder = DuplicateFinder()
    found = []
    for path in sorted((shared / "data/polnear/train/text").glob("*.txt"))[:300]:
        article = Article(text=path.read_text(encoding="utf-8"), url=path.name)
        verdict = finder.check(article)
        if verdict is None:
            finder.remember(article)
        else:
            found.append((path.name, verdict.kind))
    assert found == [("nyt_2016-03-05_polls-suggest-possibility-of-dea.txt", "near")]


def test_duplicates_are_remembered_across_runs(tmp_path):
    [original] = read_sources([str(FIXTURES / "article.html")])
    [copy] = read_sources([str(FIXTURES / "wire-copy.html")])
    db = str(tmp_path / "d.db")
    with Store(db) as store:
        finder = DuplicateFinder(store)
        finder.remember(original)
        store.add(_analysis(original))
        finder.stored(original)
    with Store(db) as store:
        finder = DuplicateFinder(store)  # a new run: signatures come from the store
        assert finder.check(original) == ALREADY_STORED
        verdict = finder.check(copy)
        assert isinstance(verdict, Duplicate) and verdict.first == original.hash
        finder.link(copy, verdict)
        assert store.count("duplicates") == 1
        assert DuplicateFinder(store).check(copy) == ALREADY_STORED


def test_a_run_killed_before_signing_is_signed_by_the_next(tmp_path):
    [original] = read_sources([str(FIXTURES / "article.html")])
    [copy] = read_sources([str(FIXTURES / "wire-copy.html")])
    db = str(tmp_path / "k.db")
    with Store(db) as store:
        store.add(_analysis(original))  # killed before finder.stored()
        assert store.count("signatures") == 0
        verdict = DuplicateFinder(store).check(copy)
        assert store.count("signatures") == 1
    assert isinstance(verdict, Duplicate) and verdict.first == original.hash


def _analysis(article: Article):
    from dyad.model import Analysis

    return Analysis(article=article)


@pytest.mark.slow
def test_ingest_reports_the_mixed_folder_and_rereading_changes_nothing(tmp_path):
    folder = make_mixed_folder(tmp_path)
    db = str(tmp_path / "mixed.db")
    first = runner.invoke(app, ["ingest", str(folder), "--db", db])
    assert first.exit_code == 0, first.output
    assert report_rows(first.output) == {
        "read": "27",
        "stored": "8",
        "already stored": "0",
        # the Doha wire copy, the reprinted JSONL line, and the crawled page read again
        # from the truncated archive
        "duplicates (exact)": "2",
        "duplicates (near)": "1",
        "skipped: no article text": "3",
        "skipped: not English": "2",
        "skipped: empty text": "1",
        "skipped: no 'text' field": "1",
        "skipped: invalid JSON": "1",
        "skipped: feed entry has no full text": "1",
        "skipped: HTTP error": "1",
        "skipped: binary file, not text": "1",
        "skipped: undecodable bytes": "1",
        "skipped: too large": "1",
        "skipped: truncated gzip": "1",
        "skipped: malformed WARC record": "1",
        "skipped: unsupported file type": "1",
    }
    assert "skipped " + str(folder / "broken" / "huge.html") + ": too large" in first.output
    with Store(db) as store:
        counts = {t: store.count(t) for t in ("articles", "duplicates", "signatures", "events")}
    assert (counts["articles"], counts["signatures"], counts["duplicates"]) == (8, 8, 2)
    second = runner.invoke(app, ["ingest", str(folder), "--db", db])
    rows = report_rows(second.output)
    assert (rows["stored"], rows["already stored"]) == ("0", "11")
    assert "duplicates (exact)" not in rows and "duplicates (near)" not in rows
    with Store(db) as store:
        assert {t: store.count(t) for t in counts} == counts


def report_rows(output: str) -> dict[str, str]:
    return {
        row.split("│")[1].strip(): row.split("│")[2].strip()
        for row in output.splitlines()
        if row.count("│") == 3
    }


# --- URLs, against a server on 127.0.0.1 started here ------------------------------------

PAGES = {
    "/article": ("text/html; charset=utf-8", CRAWLED_PAGE.encode()),
    "/feed": ("application/rss+xml", (FIXTURES / "feed.rss").read_bytes()),
    "/big": ("text/html", b"<html>" + b"x" * 300_000),
}


class Handler(BaseHTTPRequestHandler):
    agents: list[str] = []

    def do_GET(self):  # noqa: N802 (the name http.server calls)
        Handler.agents.append(self.headers.get("User-Agent", ""))
        if self.path.startswith("/loop"):
            hop = int(self.path.removeprefix("/loop") or 0)
            self.send_response(302)
            self.send_header("Location", f"/loop{hop + 1}")
            self.end_headers()
            return
        if self.path == "/slow":
            time.sleep(1.5)
        if self.path == "/unsized":  # no Content-Length: the cap must hold while streaming
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(PAGES["/big"][1])
            return
        if self.path == "/world/kenya-haiti-mission":
            self.path = "/article"
        content_type, body = PAGES.get(self.path, ("text/plain", b""))
        self.send_response(200 if self.path in PAGES else 404)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # clients that give up (timeouts, size caps) are what the tests are about


@pytest.fixture
def server():
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=5)


def test_urls_are_fetched_with_limits(server):
    options = IngestOptions(max_bytes=100_000, timeout=0.5, max_redirects=3)
    items = list(
        read_sources(
            [
                f"{server}/article",
                f"{server}/missing",
                f"{server}/loop",
                f"{server}/big",
                f"{server}/unsized",
                f"{server}/slow",
            ],
            options=options,
        )
    )
    article, *skipped = items
    assert isinstance(article, Article) and article.url == ARTICLE_URL
    assert [s.reason for s in skipped] == [
        "HTTP error (404 Not Found)",
        "too many redirects (limit 3)",
        "too large (0.3 MB, limit 0.1 MB)",
        "too large (over 0.1 MB)",
        "timed out (after 0.5 s)",
    ]
    assert all(agent.startswith("dyad/") for agent in Handler.agents)


def test_feed_links_are_fetched_only_when_allowed(server, tmp_path):
    feed = (FIXTURES / "feed.rss").read_text(encoding="utf-8")
    path = tmp_path / "local.rss"
    path.write_text(feed.replace("https://harbour.example.net", server), encoding="utf-8")
    without = outcomes(read_sources([str(path)]))
    assert without[f"{server}/world/kenya-haiti-mission"] == "skipped: feed entry has no full text"
    fetched = [
        i
        for i in read_sources([str(path)], options=IngestOptions(fetch_links=True))
        if isinstance(i, Article) and i.title == "Mediators report progress in Doha ceasefire talks"
    ]
    [page] = fetched  # the linked page, with its own metadata
    assert page.source == "The Daily Ledger" and page.published == date(2024, 3, 5)


def test_gzip_of_a_single_page(tmp_path):
    data = gzip.compress(CRAWLED_PAGE.encode())
    (tmp_path / "page.html.gz").write_bytes(data)
    (tmp_path / "cut.html.gz").write_bytes(data[: len(data) // 2])
    items = outcomes(read_sources([str(tmp_path)]))
    assert items == {ARTICLE_URL: "article", "cut.html.gz": "skipped: truncated gzip"}


def test_language_filter_can_be_turned_off():
    [french] = read_sources([str(FIXTURES / "french.html")], options=IngestOptions(language=None))
    assert isinstance(french, Article) and french.language == "fr"


def test_a_reader_failure_skips_that_input_only(tmp_path, monkeypatch):
    import dyad.ingest.readers as readers

    def broken_feed(*_args):
        raise RuntimeError("parser bug")
        yield

    monkeypatch.setattr(readers, "read_feed", broken_feed)
    shutil.copy(FIXTURES / "feed.atom", tmp_path / "a.atom")
    shutil.copy(FIXTURES / "article.html", tmp_path / "b.html")
    first, second = read_sources([str(tmp_path)])
    assert first.reason == "reader failed (RuntimeError: parser bug)"
    assert second.url == ARTICLE_URL


@pytest.mark.slow
def test_extract_prints_schema_valid_json_for_a_web_page(shared):
    import jsonschema

    schema = json.loads((shared / "schema" / "analysis.schema.json").read_text(encoding="utf-8"))
    result = runner.invoke(app, ["extract", str(FIXTURES / "article.html")])
    assert result.exit_code == 0, result.output
    analysis = json.loads(result.stdout)
    jsonschema.validate(analysis, schema)
    article = analysis["article"]
    assert (article["url"], article["source"], article["published"]) == (
        ARTICLE_URL,
        "The Daily Ledger",
        "2024-03-05",
    )
    # On stdin a page is recognised as HTML, unless --jsonl says the input is JSONL.
    as_jsonl = runner.invoke(app, ["extract", "--jsonl", "-"], input=CRAWLED_PAGE)
    assert as_jsonl.exit_code == 1 and "skipped <stdin>:1: invalid JSON" in as_jsonl.output
    piped = runner.invoke(app, ["extract", "-"], input=CRAWLED_PAGE)
    assert json.loads(piped.stdout)["article"]["text"] == article["text"]


def test_column_option_is_checked():
    result = runner.invoke(app, ["extract", "x.csv", "--columns", "body=text"])
    assert result.exit_code == 2 and "--columns takes FIELD=COLUMN pairs" in result.output


def test_json_file_of_articles(tmp_path):
    text = (
        "Mongolia and China signed an agreement on Monday to build a rail crossing at the "
        "Gashuunsukhait border port, the Mongolian government said."
    )
    (tmp_path / "export.json").write_text(
        json.dumps([{"headline": "Rail deal", "body": text, "date": "2024-05-20"}, ["x"]]),
        encoding="utf-8",
    )
    article, bad = read_sources([str(tmp_path / "export.json")])
    assert (article.title, article.published, article.text) == (
        "Rail deal",
        date(2024, 5, 20),
        text,
    )
    assert (Path(bad.source).name, bad.reason) == (
        "export.json[2]",
        "list item is not a JSON object",
    )
