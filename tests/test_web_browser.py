"""The web app in a real browser: the seed article through the pipeline into a store,
`dyad serve` on localhost, Debian's Chromium driven by Playwright.

What the pages must show is what ``gold/seed.json`` says of the Hamas–Russia
dyad. Screenshots of each step are kept under ``artifacts/web/``.
"""

from __future__ import annotations

import itertools
import re
import socket
import threading
from pathlib import Path

import pytest
import uvicorn

from dyad.store import Store
from dyad.timex import sort_date
from dyad.web import create_app

playwright_api = pytest.importorskip("playwright.sync_api")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts" / "web"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server(tmp_path_factory, seed_analysis):
    """`dyad serve` over a store holding the seed's analysis, on a free local port."""
    db = str(tmp_path_factory.mktemp("browser") / "seed.db")
    with Store(db) as store:
        store.add(seed_analysis)
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    config = uvicorn.Config(create_app(db, allowed_hosts=["127.0.0.1"]), log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    for _ in range(100):
        if running.started:
            break
        threading.Event().wait(0.1)
    assert running.started, "the server did not start"
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)
    listener.close()


@pytest.fixture(scope="module")
def errors() -> list[str]:
    """Console errors and uncaught exceptions of every page (a script the CSP blocked, too)."""
    return []


@pytest.fixture(autouse=True)
def _each_test_sees_its_own_errors(errors):
    errors.clear()


@pytest.fixture(scope="module")
def page(server, errors):
    assert CHROMIUM.exists(), "install Debian's chromium (apt-get install chromium)"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with playwright_api.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        yield page
        browser.close()


def _words(text: str) -> str:
    return " ".join(text.split())


def _dyad_events(gold: dict, first: str, second: str) -> list[dict]:
    pair = {first, second}
    return [e for e in gold["events"] if e["core"] and {e["source"], e["target"]} == pair]


def test_hamas_russia_timeline_evidence_and_article_view(server, page, errors, seed_gold):
    wanted = _dyad_events(seed_gold, "HAMAS", "RUS")
    assert len(wanted) >= 4, "the gold file lists the dyad's core events"
    page.goto(f"{server}/")
    page.fill("input[name=a]", "Hamas")
    page.fill("input[name=b]", "Russia")
    page.click("form.dyad-form button")
    page.wait_for_url("**/dyads/Hamas/Russia")
    entries = page.locator("li.timeline-entry")
    assert entries.count() >= 1
    page.screenshot(path=str(ARTIFACTS / "1-dyad-timeline.png"), full_page=True)

    # Every core event of the gold timeline is on the page: its type, its status, and a
    # report whose evidence holds the gold evidence words.
    positions = {}
    for event in wanted:
        found = None
        for index in range(entries.count()):
            entry = entries.nth(index)
            summary = entry.locator("summary").inner_text()
            evidence = [_words(t) for t in entry.locator("blockquote").all_text_contents()]
            if (
                event["type"] in summary
                and event["status"] in summary
                and any(_words(event["evidence"]) in text for text in evidence)
            ):
                found = index
                break
        assert found is not None, f"gold event {event['id']} is not on the timeline"
        positions[event["id"]] = found
    # Oldest first: of two events gold dates to different months, the earlier comes first
    # (October's visit and request, January's talks, February's offer).
    month = {e["id"]: sort_date(e["time"], e.get("time_mod"))[:7] for e in wanted if e.get("time")}
    for earlier, later in itertools.permutations(month, 2):
        if month[earlier] < month[later]:
            assert positions[earlier] < positions[later], (earlier, later)

    # Open the request for Russia's support and follow its evidence to the article.
    request = next(e for e in wanted if e["type"] == "REQUEST")
    entry = entries.nth(positions[request["id"]])
    assert not entry.locator("blockquote").first.is_visible()
    entry.locator("summary").click()
    assert entry.locator("mark").first.is_visible()
    page.screenshot(path=str(ARTIFACTS / "2-dyad-event-open.png"), full_page=True)
    link = next(
        item.locator("a.open-article")
        for item in entry.locator("li.evidence-item").all()
        if _words(request["evidence"]) in _words(item.locator("blockquote").inner_text())
    )
    link.click()
    page.wait_for_url("**/articles/**")
    selected = page.locator(".article-text .hl-evidence.selected")
    assert selected.count() >= 1
    assert _words(request["evidence"]) in _words(" ".join(selected.all_text_contents()))
    assert selected.first.is_visible()
    page.screenshot(path=str(ARTIFACTS / "3-article-evidence.png"), full_page=True)

    # From the evidence to the event it reports, with all its reports.
    page.locator(".article-text .hl-evidence.selected ~ a.marker-evidence").first.click()
    page.wait_for_url("**/events/**")
    assert request["type"] in page.locator("h1").inner_text()
    assert any(
        _words(request["evidence"]) in _words(text)
        for text in page.locator("ul.evidence blockquote").all_text_contents()
    )
    page.go_back()
    # The article view also marks the quotes and links their speakers.
    assert page.locator(".article-text .hl-quote").count() >= len(seed_gold["quotes"]) // 2
    assert page.locator(".article-text .hl-mention a[href='/actors/HAMAS']").count() >= 1
    assert errors == []


def test_actor_and_network_pages_draw(server, page, errors):
    page.goto(f"{server}/actors/HAMAS")
    assert page.locator("h1").inner_text() == "Hamas"
    assert page.locator(".counterparts a[href='/actors/RUS']").count() == 1
    assert page.locator("figure.chart rect.bar").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "4-actor.png"), full_page=True)

    page.goto(f"{server}/network?since=2023&until=2024")
    page.wait_for_selector("svg#network g.node")
    names = page.locator("svg#network g.node text").all_text_contents()
    assert "Hamas" in names
    assert page.locator("svg#network line.edge").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "5-network.png"), full_page=True)
    # Around one actor: only its edges; an actor the store does not know is said so.
    page.goto(f"{server}/network?since=2023&until=2024&actor=Russia")
    page.wait_for_selector("svg#network g.node")
    around = page.locator("svg#network g.node").evaluate_all("ns => ns.map(n => n.dataset.actor)")
    assert "RUS" in around and "UKR" in around and "ISR" not in around
    page.goto(f"{server}/network?actor=Atlantis")
    playwright_api.expect(page.locator("#network-status")).to_contain_text("Atlantis")
    errors.clear()  # the failed request for Atlantis is logged as an error, rightly
    page.goto(f"{server}/network?since=2023&until=2024")
    page.wait_for_selector("svg#network g.node")
    # Clicking a node opens that actor.
    page.locator("svg#network g.node[data-actor='HAMAS'] circle").click()
    page.wait_for_url("**/actors/HAMAS")
    assert errors == []


def test_api_docs_run_offline_under_the_content_security_policy(server, page, errors):
    page.goto(f"{server}/api/docs")
    page.wait_for_selector(".swagger-ui .opblock")
    paths = page.locator(".swagger-ui .opblock-summary-path").all_text_contents()
    assert any("/api/dyads/{first}/{second}/timeline" in path for path in paths)
    page.screenshot(path=str(ARTIFACTS / "6-api-docs.png"), full_page=True)
    assert errors == []


def test_each_side_tells_the_january_consultations(server, page, errors, seed_gold):
    """From the Hamas–Russia dyad page to the January 2024 consultations: each side's
    statements (gold ``framing``) in its own column, each linking to its words."""
    january = next(
        e for e in seed_gold["events"] if e["type"] == "CONSULT" and e["time"] == "2024-01"
    )
    quotes = {q["id"]: q for q in seed_gold["quotes"]}
    links = [link for link in seed_gold["framing"] if link["event"] == january["id"]]
    assert {link["side"] for link in links} == {"HAMAS", "RUS"}, "the gold has both sides"

    page.goto(f"{server}/dyads/Hamas/Russia")
    framed = (
        page.locator("section.framed-event").filter(has_text="2024-01").filter(has_text="CONSULT")
    )
    assert framed.count() == 1
    framed.scroll_into_view_if_needed()
    framed.screenshot(path=str(ARTIFACTS / "7-framing-side-by-side.png"))
    framed.locator("a.event-link").click()
    page.wait_for_url("**/events/**")
    assert "CONSULT" in page.locator("h1").inner_text()
    view = page.locator(".framing")

    for link in links:
        column = view.locator(f".framing-side:has(h4 a[href='/actors/{link['side']}'])")
        assert column.count() == 1, f"no column for {link['side']}"
        statements = column.locator(".statement")
        wanted = _plain(quotes[link["quote"]]["text"])
        found = [
            s for s in statements.all() if wanted in _plain(s.locator("blockquote").inner_text())
        ]
        assert found, f"{link['quote']} is not in the {link['side']} column"
        words = _plain(found[0].locator("blockquote").inner_text())
        href = found[0].locator("a.statement-link").get_attribute("href")
        page.goto(f"{server}{href}")
        anchor = href.rsplit("#", 1)[1]
        # The words after the anchor the link points to are the statement's.
        following = page.evaluate(
            """([id, size]) => {
                let node = document.getElementById(id).nextSibling, text = "";
                while (node && text.length < size) {
                    text += node.textContent;
                    node = node.nextSibling;
                }
                return text;
            }""",
            [anchor, len(words) + 40],
        )
        assert _plain(following).startswith(words[:60]), (link["quote"], following[:80])
        assert page.locator(f"#{anchor} + .hl-quote").first.is_visible()
        page.go_back()
    assert errors == []


def _plain(text: str) -> str:
    """The words of a text, lower case, without quotation marks or punctuation."""
    return " ".join(re.findall(r"\w+", text.casefold()))
