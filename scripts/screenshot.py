"""The README's screenshot: the Hamas–Russia dyad page of a store holding the seed corpus.

    python scripts/screenshot.py [--shared ../shared] [--out docs/dyad-page.png]

Ingests the seed into a temporary store, serves it on a free loopback port and photographs
the page with Debian's Chromium through Playwright (no browser download).
"""

from __future__ import annotations

import argparse
import socket
import tempfile
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from dyad.service import ingest
from dyad.store import Store
from dyad.web import create_app

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "dyad-page.png")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "seed.db")
        with Store(db) as store:
            ingest([str(args.shared / "corpus" / "seed")], store)
        server, thread, url = serve(db)
        try:
            with sync_playwright() as driver:
                browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1200, "height": 860})
                page.goto(f"{url}/dyads/Hamas/Russia")
                page.wait_for_selector("li.timeline-entry")
                page.screenshot(path=str(args.out))
                browser.close()
        finally:
            server.should_exit = True
            thread.join(timeout=10)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
