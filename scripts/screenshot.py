"""The screenshots of the README and docs/web.md, from a store of news.

    python scripts/screenshot.py [--shared ../shared] [--db demo.db] [--check /tmp/shots]

Ingests the seed column and the first 120 Wikinews articles of ``corpus/news/dev.jsonl``
into a store (``--db`` keeps it, and reuses it when it exists), serves it on a free
loopback port and photographs every page with Debian's Chromium through Playwright (no
browser download): ``docs/dyad-page.png`` and ``docs/screenshots/*.jpg``. ``--check``
writes a PNG of each as well, for viewers that read no JPEG.
"""

from __future__ import annotations

import argparse
import itertools
import socket
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn
from playwright.sync_api import Locator, Page, sync_playwright
from sqlalchemy import select

from dyad.service import ingest
from dyad.store import Store, schema
from dyad.web import create_app

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
NEWS_ARTICLES = 120
DESKTOP = {"width": 1200, "height": 860}
PHONE = {"width": 390, "height": 844}
# A long page (an article, a dyad's hundred events) is cut here.
TALLEST = 2400
# The latest events an actor page lists.
ACTOR_PAGE_EVENTS = 10


def serve(db: str) -> tuple[uvicorn.Server, threading.Thread, str]:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    config = uvicorn.Config(create_app(db, allowed_hosts=["127.0.0.1"]), log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline:
            raise SystemExit("the server did not start in 30 s")
        time.sleep(0.1)
    return server, thread, f"http://127.0.0.1:{listener.getsockname()[1]}"


def build(db: Path, shared: Path) -> None:
    """The seed column and the first NEWS_ARTICLES lines of the Wikinews dev file."""
    news = db.parent / "news.jsonl"
    with (shared / "corpus" / "news" / "dev.jsonl").open(encoding="utf-8") as lines:
        news.write_text("".join(itertools.islice(lines, NEWS_ARTICLES)), encoding="utf-8")
    with Store(str(db)) as store:
        ingest([str(shared / "corpus" / "seed" / "moscow-hamas.txt"), str(news)], store)


def worded_actor(db: Path) -> tuple[str, int]:
    """The actor whose page shows most sides that name no actor but have the text's
    words for them (among its latest events, more events breaking ties), and its latest
    such event: the actor and event pages show those words."""
    events, evidence = schema.events, schema.evidence
    with Store(str(db)) as store, store.engine.connect() as conn:
        worded = set(
            conn.execute(
                select(evidence.c.event_id).where(evidence.c.side_words.is_not(None))
            ).scalars()
        )
        rows = conn.execute(
            select(events.c.id, events.c.source_id, events.c.target_id).order_by(
                events.c.sort_date.desc(), events.c.id.desc()
            )
        ).all()
    latest: dict[str, list[int]] = defaultdict(list)
    for row in rows:
        for actor in {row.source_id, row.target_id} - {None}:
            latest[actor].append(row.id)

    def shown(actor: str) -> tuple[int, int]:
        return sum(i in worded for i in latest[actor][:ACTOR_PAGE_EVENTS]), len(latest[actor])

    best = max(sorted(latest), key=shown)
    if not shown(best)[0]:
        raise SystemExit("no event in the store has the words of an unnamed side")
    return best, next(i for i in latest[best] if i in worded)


class Camera:
    def __init__(self, page: Page, url: str, check: Path | None) -> None:
        self.page, self.url, self.check = page, url, check

    def go(self, path: str, ready: str = "main") -> None:
        self.page.goto(self.url + path)
        self.page.wait_for_selector(ready)

    def shoot(self, out: Path, element: Locator | None = None, whole: bool = True) -> None:
        """The element, or the page (down to TALLEST with ``whole``), as ``out`` and,
        with ``--check``, as PNG."""
        kinds = [(out, "png" if out.suffix == ".png" else "jpeg")]
        if self.check and out.suffix != ".png":
            kinds.append((self.check / f"{out.stem}.png", "png"))
        for path, kind in kinds:
            options = {"path": str(path), "type": kind}
            if kind == "jpeg":
                options["quality"] = 80
            if element is not None:
                element.screenshot(**options)
                continue
            height = self.page.evaluate("document.documentElement.scrollHeight")
            if whole and height > self.page.viewport_size["height"]:
                width = self.page.viewport_size["width"]
                clip = {"x": 0, "y": 0, "width": width, "height": min(height, TALLEST)}
                self.page.screenshot(full_page=True, clip=clip, **options)
            else:
                self.page.screenshot(**options)
        print(f"wrote {out}")


def photograph(camera: Camera, event: int, actor: str, out: Path) -> None:
    page = camera.page
    camera.go("/dyads/Hamas/Russia", "li.timeline-entry")
    camera.shoot(REPO / "docs" / "dyad-page.png", whole=False)
    camera.go("/")
    camera.shoot(out / "home.jpg")
    page.locator("#home-q").press_sequentially("Rus", delay=50)
    page.locator("#home-q-suggestions a").first.wait_for()
    camera.shoot(out / "suggestions.jpg", whole=False)
    camera.go("/?q=Russia")
    camera.shoot(out / "search.jpg")
    camera.go("/dyads/Hamas/Russia?measure=intensity", "figure.chart")
    camera.shoot(out / "intensity.jpg", page.locator("#chart"))
    camera.go("/dyads/Hamas/Russia?since=2023-10-01&status=actual", "li.timeline-entry")
    camera.shoot(out / "dyad.jpg")
    camera.go(f"/actors/{actor}")
    camera.shoot(out / "actor.jpg")
    camera.go(f"/events/{event}")
    camera.shoot(out / "event.jpg")
    page.locator("a.open-article").first.click()
    page.wait_for_url("**/articles/**")
    camera.shoot(out / "article.jpg")
    camera.go("/network", "svg#network .node")
    camera.shoot(out / "network.jpg", whole=False)
    camera.go("/dyads/Hamas/Russia?since=Oct+2023")
    camera.shoot(out / "error.jpg", whole=False)
    page.set_viewport_size(PHONE)
    camera.go("/dyads/Hamas/Russia", "li.timeline-entry")
    camera.shoot(out / "phone-dyad.jpg", whole=False)


@contextmanager
def store_at(db: Path | None, shared: Path) -> Iterator[Path]:
    if db is not None:
        if not db.exists():
            build(db, shared)
        yield db
        return
    with tempfile.TemporaryDirectory() as folder:
        made = Path(folder) / "demo.db"
        build(made, shared)
        yield made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--db", type=Path, help="keep the store here (reused if it exists)")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--check", type=Path, help="also write PNGs of the JPEGs here")
    args = parser.parse_args()
    if args.check:
        args.check.mkdir(parents=True, exist_ok=True)
    with store_at(args.db, args.shared) as db:
        actor, event = worded_actor(db)
        server, thread, url = serve(str(db))
        try:
            with sync_playwright() as driver:
                browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                page = browser.new_page(viewport=DESKTOP)
                photograph(Camera(page, url, args.check), event, actor, args.out)
                browser.close()
        finally:
            server.should_exit = True
            thread.join(timeout=10)


if __name__ == "__main__":
    main()
