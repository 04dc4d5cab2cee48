"""How many HTML pages per second ingest reads, without NLP.

Pages are real news texts (PolNeAR train, from the shared data folder) laid
out the way news sites serve them: a head with metadata and scripts, a long
menu, the article, a sidebar of links and a footer — about 100 KB each, the
size of a typical news page. The timed work is what ``dyad ingest`` does
before the NLP stage: read each file, find its charset, extract main text
and metadata (trafilatura), detect the language, and check it for exact and
near-duplicates (MinHash). Storing is not included.

    .venv/bin/python bench/ingest_bench.py [--pages 300] [--page-kb 100]
"""

from __future__ import annotations

import argparse
import html
import json
import os
import tempfile
import time
from pathlib import Path

from dyad.ingest import IngestOptions, Skipped, read_sources
from dyad.ingest.dedup import DuplicateFinder

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("DYAD_SHARED", REPO.parent / "shared"))
TEXTS = SHARED / "data" / "polnear" / "train" / "text"

SECTIONS = "World US Politics Business Tech Science Health Sport Culture Opinion Video".split()


def page(text: str, number: int, kilobytes: int) -> str:
    """A news page around ``text``, padded with site chrome to about ``kilobytes`` KB."""
    title, _, body = text.strip().partition("\n")
    paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in body.split("\n") if p.strip())
    menu = "".join(
        f'<li class="menu-item"><a href="/{s.lower()}/{i}"><span>{s} topic {i}</span></a></li>'
        for s in SECTIONS
        for i in range(30)
    )
    related = "".join(
        f'<div class="card"><a href="/story/{number}-{i}"><img src="/img/{i}.jpg" alt="">'
        f"<h3>Related headline number {i} about {s}</h3></a>"
        f"<p class='teaser'>A short teaser for another story in {s}.</p></div>"
        for i, s in enumerate(SECTIONS * 3)
    )
    links = "".join(f'<li><a href="/page/{i}">Footer link {i}</a></li>' for i in range(150))
    state = json.dumps(
        {"page": number, "ads": [{"slot": i, "size": [300, 250]} for i in range(40)]}
    )
    head = (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)} | Bench Daily</title>"
        f"<meta property='og:site_name' content='Bench Daily'>"
        f"<meta name='author' content='Staff Writer'>"
        f"<meta property='article:published_time' content='2016-0{1 + number % 9}-1{number % 10}'>"
        f"<link rel='canonical' href='https://bench.example.com/story/{number}'>"
        f"<script>window.__STATE__ = {state};</script>"
        "<style>body{font-family:serif} .nav li{display:inline}</style></head>"
    )
    chrome = (
        f"<body><header><nav class='nav'><ul>{menu}</ul></nav></header>"
        f"<main><article><h1>{html.escape(title)}</h1>"
        f"<div class='byline'>By Staff Writer</div>{paragraphs}</article>"
        f"<aside><h3>Most read</h3>{related}</aside></main>"
        f"<footer><ul>{links}</ul><p>© Bench Daily. All rights reserved.</p>"
        "<p><a href='/privacy'>Privacy</a> <a href='/terms'>Terms</a></p></footer>"
    )
    document = head + chrome
    padding = max(0, kilobytes * 1024 - len(document.encode()) - 40)
    # Tracking and ad scripts make up most of a real page's bytes.
    script = f"<script>var tracking = '{'x' * padding}';</script>"
    return document + script + "</body></html>"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--page-kb", type=int, default=100)
    parser.add_argument(
        "--html-fallbacks", action="store_true", help="also run trafilatura's fallback extractors"
    )
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(TEXTS.glob("*.txt"))[: args.pages]]
    with tempfile.TemporaryDirectory() as folder:
        for number, text in enumerate(texts):
            Path(folder, f"page{number:04d}.html").write_text(
                page(text, number, args.page_kb), encoding="utf-8"
            )
        total_mb = sum(f.stat().st_size for f in Path(folder).iterdir()) / 2**20
        options = IngestOptions(html_fallbacks=args.html_fallbacks)
        # Load libraries and models first, as a long run would have.
        list(read_sources([str(next(Path(folder).iterdir()))], options=options))

        started, cpu_started = time.perf_counter(), time.process_time()
        items = list(read_sources([folder], options=options))
        read_seconds = time.perf_counter() - started
        read_cpu = time.process_time() - cpu_started

        finder = DuplicateFinder()
        started, cpu_started = time.perf_counter(), time.process_time()
        verdicts = []
        for item in items:
            if not isinstance(item, Skipped):
                verdict = finder.check(item)
                if verdict is None:
                    finder.remember(item)
                verdicts.append(verdict)
        dedup_seconds = time.perf_counter() - started
        dedup_cpu = time.process_time() - cpu_started

    articles = sum(not isinstance(i, Skipped) for i in items)
    skipped = [i.reason for i in items if isinstance(i, Skipped)]
    pages = len(texts)
    print(f"{pages} pages, {total_mb:.1f} MB ({total_mb * 1024 / pages:.0f} KB a page)")
    print(f"articles {articles}, skipped {len(skipped)} {sorted(set(skipped))}")
    print(f"duplicates found {sum(v is not None for v in verdicts)}")
    # Wall time depends on what else the machine runs; CPU time is this process's own work.
    print(f"{'':26s}{'wall s':>8s}{'pages/s':>9s}{'cpu s':>8s}{'pages/s':>9s}")
    for name, wall, cpu in (
        ("read, extract, language", read_seconds, read_cpu),
        ("duplicate check", dedup_seconds, dedup_cpu),
        ("ingest without NLP", read_seconds + dedup_seconds, read_cpu + dedup_cpu),
    ):
        print(f"{name:26s}{wall:8.2f}{pages / wall:9.1f}{cpu:8.2f}{pages / cpu:9.1f}")
    print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
