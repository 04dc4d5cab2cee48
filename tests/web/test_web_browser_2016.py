"""The network of the 2016 US election articles in a real browser: PolNeAR dev articles
ingested by `dyad ingest` with their metadata table, then `/network` around Trump with no
dates given — the whole store, not a default window that holds none of its events."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from urllib.request import urlopen

import pytest
from served import CHROMIUM, CHROMIUM_ARGS, serve

playwright_api = pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.slow

# Enough articles naming both candidates for a network around one of them.
ARTICLES = 8


@pytest.fixture(scope="module")
def election_server(tmp_path_factory, shared):
    polnear = shared / "data" / "polnear"
    with (polnear / "metadata.tsv").open(encoding="utf-8") as table:
        rows = [r for r in csv.DictReader(table, delimiter="\t") if r["compartment"] == "dev"]
    both = [r for r in rows if int(r["trump_count"]) >= 3 and int(r["clinton_count"]) >= 3]
    assert len(both) >= ARTICLES, "PolNeAR dev holds articles naming both candidates"
    folder = tmp_path_factory.mktemp("polnear2016")
    texts = folder / "text"
    texts.mkdir()
    for row in both[:ARTICLES]:
        shutil.copy(polnear / "dev" / "text" / f"{row['filename']}.txt", texts)
    db = str(folder / "election.db")
    command = [sys.executable, "-m", "dyad", "ingest", str(texts), "--meta"]
    command += [str(polnear / "metadata.tsv"), "--db", db]
    subprocess.run(command, check=True, capture_output=True, timeout=600)
    yield from serve(db)


def test_network_around_trump_covers_the_2016_articles(election_server):
    with urlopen(f"{election_server.url}/api/network?actor=Trump") as answer:
        expected = json.load(answer)
    assert expected["edges"], "the store links Trump to other actors"
    with playwright_api.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{election_server.url}/network?actor=Trump")
        page.wait_for_selector("svg#network .node")
        # No dates given: the form stays empty instead of refilling a window of other years.
        assert page.locator("input[name=since]").input_value() == ""
        drawn = page.locator("svg#network line.edge").evaluate_all(
            "ls => ls.map(l => [l.dataset.source, l.dataset.target])"
        )
        assert sorted(map(tuple, drawn)) == sorted(
            (e["source"], e["target"]) for e in expected["edges"]
        )
        # Each edge's weight is written on it, not only in hover text.
        weights = page.locator("svg#network text.weight").all_text_contents()
        assert sorted(map(int, weights)) == sorted(e["weight"] for e in expected["edges"])
        around = {n["id"] for n in expected["nodes"]}
        assert len(around) >= 3, "Trump and at least two counterparts"
        browser.close()


def test_searching_a_candidate_finds_every_article_that_names_them(election_server):
    # Each of the articles names both candidates three times or more; quotes that
    # name them too must not crowd the articles out.
    for name in ("Clinton", "Trump"):
        url = f"{election_server.url}/api/search?q={name}&kind=articles&limit=50"
        with urlopen(url) as answer:
            hits = json.load(answer)
        assert len({hit["article_id"] for hit in hits}) == ARTICLES
        with urlopen(f"{election_server.url}/?q={name}") as answer:
            page = answer.read().decode()
        assert "No article has these words" not in page
