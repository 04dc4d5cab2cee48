"""The web app in a real browser: the seed article through the pipeline into a store,
`dyad serve` on localhost, Debian's Chromium driven by Playwright.

What the pages must show is what ``gold/seed.json`` says of the Hamas–Russia
dyad. Screenshots of each step are kept under ``artifacts/web/``.
"""

from __future__ import annotations

import csv
import itertools
import re
from pathlib import Path

import pytest
from served import CHROMIUM, CHROMIUM_ARGS, serve

from dyad.plover import intensity
from dyad.store import Store
from dyad.timex import period, sort_date

playwright_api = pytest.importorskip("playwright.sync_api")

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "web"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server(tmp_path_factory, seed_analysis):
    """`dyad serve` over a store holding the seed's analysis."""
    db = str(tmp_path_factory.mktemp("browser") / "seed.db")
    with Store(db) as store:
        store.add(seed_analysis)
    yield from (served.url for served in serve(db))


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
    page.wait_for_selector("svg#network .node")
    names = page.locator("svg#network .node text").all_text_contents()
    assert "Hamas" in names
    assert page.locator("svg#network line.edge").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "5-network.png"), full_page=True)
    # Around one actor: only its edges; an actor the store does not know is said so.
    page.goto(f"{server}/network?since=2023&until=2024&actor=Russia")
    page.wait_for_selector("svg#network .node")
    around = page.locator("svg#network .node").evaluate_all("ns => ns.map(n => n.dataset.actor)")
    assert "RUS" in around and "UKR" in around and "ISR" not in around
    page.goto(f"{server}/network?actor=Atlantis")
    playwright_api.expect(page.locator("#network-status")).to_contain_text("Atlantis")
    errors.clear()  # the failed request for Atlantis is logged as an error, rightly
    page.goto(f"{server}/network?since=2023&until=2024")
    page.wait_for_selector("svg#network .node")
    # Clicking a node opens that actor.
    page.locator("svg#network .node[data-actor='HAMAS'] circle").click()
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
    framed = page.locator("section.framed-event[data-type='CONSULT'][data-time='2024-01']")
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


AXE = Path(__file__).resolve().parent / "assets" / "axe-core" / "axe.min.js"
SERIOUS = {"serious", "critical"}
PHONE = {"width": 390, "height": 844}


def serious_violations(page) -> list[str]:
    """axe-core's serious and critical findings on the page as it is now.

    The script is evaluated through the DevTools protocol, which the page's
    Content-Security-Policy does not govern; the page's own scripts still are.
    """
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in SERIOUS
    ]


def _visible_event_ids(page) -> list[int]:
    ids = page.locator("li.timeline-entry").evaluate_all("es => es.map(e => e.id)")
    return [int(i.removeprefix("event-")) for i in ids]


def test_analyst_walk_from_home_to_the_words_in_the_article(server, page, errors, seed_gold):
    """Home → actor suggestion → dyad → filter by type and date → CSV of exactly the
    filtered timeline → event → its words in the article."""
    wanted = _dyad_events(seed_gold, "HAMAS", "RUS")
    request = next(e for e in wanted if e["type"] == "REQUEST")
    page.goto(f"{server}/")
    figures = page.locator(".figures").inner_text()
    assert "articles" in figures and "events" in figures
    page.screenshot(path=str(ARTIFACTS / "7-home.png"), full_page=True)

    page.locator("#home-q").press_sequentially("Hama")
    suggestion = page.locator("#home-q-suggestions li", has_text="Hamas").first
    suggestion.wait_for()
    assert re.search(r"\d+ events?", suggestion.inner_text())
    page.screenshot(path=str(ARTIFACTS / "8-suggestions.png"))
    suggestion.locator("a").click()
    page.wait_for_url("**/actors/HAMAS")

    counterpart = page.locator(".counterparts tr", has=page.locator("a[href='/actors/RUS']"))
    counterpart.locator("a.dyad-link").click()
    page.wait_for_url("**/dyads/HAMAS/RUS")
    everything = _visible_event_ids(page)

    # The request's month, from the gold time, as the date range.
    first_day, last_day = period(sort_date(request["time"], request.get("time_mod"))[:7])
    page.select_option("form.filters select[name=type]", "REQUEST")
    page.fill("form.filters input[name=since]", first_day.isoformat())
    page.fill("form.filters input[name=until]", last_day.isoformat())
    page.click("form.filters button")
    page.wait_for_url("**type=REQUEST**")
    filtered = _visible_event_ids(page)
    assert filtered and set(filtered) < set(everything)
    for summary in page.locator("li.timeline-entry summary").all_text_contents():
        assert "REQUEST" in summary
    assert page.locator("input[name=since]").input_value() == first_day.isoformat()
    page.screenshot(path=str(ARTIFACTS / "9-dyad-filtered.png"), full_page=True)

    with page.expect_download() as download:
        page.click(".downloads a:text('CSV')")
    with open(download.value.path(), encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert [int(row["event_id"]) for row in rows] == filtered
    assert {row["event_type"] for row in rows} == {"REQUEST"}

    entry = page.locator("li.timeline-entry").first
    entry.locator("summary").click()
    entry.locator(".permalink a").click()
    page.wait_for_url("**/events/**")
    evidence = _words(page.locator("ul.evidence mark").first.inner_text())
    page.screenshot(path=str(ARTIFACTS / "10-event.png"), full_page=True)
    page.locator("ul.evidence a.open-article").first.click()
    page.wait_for_url("**/articles/**")
    selected = page.locator(".article-text .hl-evidence.selected")
    assert selected.first.is_visible()
    assert evidence in _words(" ".join(selected.all_text_contents()))
    assert errors == []


def _pages(server: str, page) -> list[str]:
    """One URL of every kind of page, found by following the store's own links."""
    page.goto(f"{server}/dyads/Hamas/Russia")
    event = _visible_event_ids(page)[0]
    page.goto(f"{server}/events/{event}")
    article = page.locator("ul.evidence a.open-article").first.get_attribute("href")
    return [
        "/",
        "/?q=Moscow",
        "/actors/HAMAS",
        "/dyads/Hamas/Russia?expand=1",
        f"/events/{event}",
        article,
        "/network",
        "/dyads/Hamas/Russia?since=Oct+2023",
        "/dyads/Hamas/Russia?measure=intensity",
        "/actors/HAMAS?measure=per-article",
        "/events/abc",
        "/actors/Atlantis",
        "/api/docs",
    ]


def test_every_page_passes_axe_core(server, page, errors):
    failures = {}
    for path in _pages(server, page):
        page.goto(server + path)
        if path.startswith("/network"):
            page.wait_for_selector("svg#network .node")
        if path == "/api/docs":
            page.wait_for_selector(".swagger-ui .opblock")
        found = serious_violations(page)
        if found:
            failures[path] = found
    assert failures == {}


def test_no_page_scrolls_sideways_on_a_phone(server, page, errors, tmp_path):
    paths = _pages(server, page)
    original = page.viewport_size
    page.set_viewport_size(PHONE)
    try:
        wide = {}
        for path in paths:
            page.goto(server + path)
            if path.startswith("/network"):
                page.wait_for_selector("svg#network .node")
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > PHONE["width"]:
                wide[path] = width
        page.goto(f"{server}/dyads/Hamas/Russia")
        page.screenshot(path=str(ARTIFACTS / "11-dyad-phone.png"), full_page=True)
        assert wide == {}
    finally:
        page.set_viewport_size(original)


def test_network_nodes_are_reached_from_the_keyboard(server, page, errors):
    page.goto(f"{server}/network")
    page.wait_for_selector("svg#network .node")
    # The whole store by default: the seed's events are there without a date range.
    assert page.locator("svg#network .node").count() >= 2
    weights = page.locator("svg#network text.weight").all_text_contents()
    assert weights and all(w.isdigit() for w in weights)
    # Each edge's colour is its net intensity per event, as the API gives it.
    for edge in page.request.get(f"{server}/api/network").json()["edges"]:
        mean = edge["intensity"] / edge["weight"]
        colour = "cooperation" if mean >= 1 else "conflict" if mean <= -1 else "mixed"
        line = page.locator(
            f"svg#network line.edge[data-source='{edge['source']}'][data-target='{edge['target']}']"
        )
        assert line.get_attribute("class") == f"edge {colour}", edge
    page.locator("svg#network .node").first.focus()
    focused = page.evaluate("document.activeElement.dataset.actor")
    assert focused
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/actors/{focused}")
    assert errors == []


def test_clicking_a_country_on_the_map_filters_the_view(server, page, errors):
    page.goto(f"{server}/dyads/Hamas/Russia")
    everything = _visible_event_ids(page)
    countries = page.locator("figure.map a")
    assert countries.count() >= 1
    label = countries.first.get_attribute("aria-label")
    countries.first.locator("path").click()
    page.wait_for_url("**country=**")
    code = page.url.split("country=")[1][:3]
    assert label.startswith(code)
    assert page.locator(f"figure.map a[aria-label^='{code}'] path.chosen").count() == 1
    assert set(_visible_event_ids(page)) <= set(everything)
    assert page.locator("select[name=country]").input_value() == code
    page.screenshot(path=str(ARTIFACTS / "12-dyad-map-filtered.png"), full_page=True)
    assert errors == []


def _tab_to(page, text: str, presses: int = 80) -> None:
    """Press Tab until the focused element reads ``text``, as a keyboard user would."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == text:
            return
    raise AssertionError(f"Tab never reached {text!r}")


def _intensity_numbers(page) -> dict[str, list[str]]:
    rows = page.locator("table.intensity-numbers tbody tr")
    return {
        row.get_attribute("data-month"): row.locator("td").all_text_contents() for row in rows.all()
    }


def test_the_chart_switches_to_net_intensity_from_the_keyboard(server, page, errors):
    """Counts → net intensity with Tab and Enter; each month's sum is the PLOVER score of
    the dyad's actual events (read here one by one from the API), drawn beside its point
    and in the table; the page's filters narrow the line and keep it."""
    timeline = page.request.get(f"{server}/api/dyads/Hamas/Russia/timeline?limit=100").json()
    assert not timeline.get("next"), "one page holds the seed dyad"
    expected: dict[str, float] = {}
    for event in timeline["events"]:
        if event["status"] == "actual" and event["sort_date"]:
            month = event["sort_date"][:7]
            score = intensity(event["type"], event["mode"])
            expected[month] = expected.get(month, 0.0) + score
    assert expected, "the seed's dyad has dated actual events"

    page.goto(f"{server}/dyads/Hamas/Russia")
    assert page.locator("figure.chart rect.bar").count() >= 1
    _tab_to(page, "Net intensity")
    page.keyboard.press("Enter")
    page.wait_for_url("**measure=intensity**")
    figure = page.locator("figure.chart.intensity")
    assert figure.locator("path.line.actual").count() == 1
    assert figure.locator("rect.bar").count() == 0
    page.locator("details.chart-numbers summary").first.click()
    numbers = _intensity_numbers(page)
    got = {month: float(cells[1]) for month, cells in numbers.items() if int(cells[0])}
    assert got == pytest.approx(expected)
    # Readable without hovering: each month's number is drawn beside its point.
    drawn = {
        label.get_attribute("data-month"): float(label.text_content())
        for label in figure.locator("text.value.actual").all()
        if label.is_visible()
    }
    assert drawn == pytest.approx(expected)
    page.screenshot(path=str(ARTIFACTS / "13-dyad-intensity.png"), full_page=True)

    # The filter form keeps the chart's choice, and the line follows the filters.
    last = max(expected)
    page.select_option("form.filters select[name=status]", "actual")
    page.fill("form.filters input[name=until]", period(last)[1].isoformat())
    page.fill("form.filters input[name=since]", period(last)[0].isoformat())
    page.click("form.filters button")
    page.wait_for_url("**status=actual**")
    assert "measure=intensity" in page.url
    assert figure.locator("path.line.unconfirmed").count() == 0
    assert list(_intensity_numbers(page)) == [last]

    _tab_to(page, "Counts")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "measure=" not in url)
    assert page.locator("figure.chart rect.bar").count() >= 1
    assert errors == []


def test_search_results_download_as_counted(server, page, errors):
    page.goto(f"{server}/?q=Russia")
    for kind in ("articles", "quotes"):
        section = page.locator(f"section.result-{kind}")
        counted = int(section.locator("h2 .count").inner_text().replace(",", ""))
        assert counted >= 1, f"the seed has {kind} that name Russia"
        with page.expect_download() as download:
            section.locator(".downloads a:text('CSV')").click()
        with open(download.value.path(), encoding="utf-8", newline="") as stream:
            rows = list(csv.DictReader(stream))
        assert len(rows) == counted
        shown = section.locator("li a[href^='/articles/']").first.get_attribute("href")
        assert rows[0]["article_id"] in shown
    assert errors == []


NETWORK_LABEL_OVERLAPS = """() => {
  const shown = [...document.querySelectorAll('svg#network .node text')]
    .filter(t => getComputedStyle(t).visibility !== 'hidden')
    .map(t => t.getBoundingClientRect());
  let overlaps = 0;
  shown.forEach((p, i) => shown.slice(i + 1).forEach(q => {
    const across = p.left < q.right - 1 && q.left < p.right - 1;
    if (across && p.top < q.bottom - 1 && q.top < p.bottom - 1) overlaps += 1;
  }));
  return [shown.length, overlaps];
}"""


def test_network_labels_do_not_overlap(server, page, errors):
    page.goto(f"{server}/network")
    page.wait_for_selector("svg#network .node")
    shown, overlaps = page.evaluate(NETWORK_LABEL_OVERLAPS)
    assert shown >= 2 and overlaps == 0
    # A name with no free place is not drawn over another: it shows on focus.
    for crowded in page.locator("svg#network .node.crowded").all():
        crowded.focus()
        assert crowded.locator("text").is_visible()
    assert errors == []
