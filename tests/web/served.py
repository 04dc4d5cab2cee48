"""The web app served on a free loopback port for browser tests, and Debian's Chromium."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import uvicorn

from dyad.web import create_app

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@dataclass
class Served:
    url: str
    db: str


def serve(db: str) -> Iterator[Served]:
    """`dyad serve` over the store ``db``, on a free local port, until the generator ends."""
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
    yield Served(f"http://127.0.0.1:{port}", db)
    running.should_exit = True
    thread.join(timeout=10)
    listener.close()
