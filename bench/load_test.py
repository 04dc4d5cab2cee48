"""Load test of `dyad serve`: mixed page and API requests from a local generator.

    .venv/bin/python bench/load_test.py --db dyad.db                  # 60 s, 8 clients
    .venv/bin/python bench/load_test.py --db dyad.db --duration 10    # a quick look
    .venv/bin/python bench/load_test.py --url http://127.0.0.1:8000 --db dyad.db

Starts `python -m dyad serve` on a free loopback port (unless ``--url`` names a
running server), then keeps ``--clients`` connections busy for ``--duration``
seconds with requests drawn at random from a mix built from the store itself:
search, actor, dyad, event, network and article pages and their API twins, and a
static file. Every request is expected to succeed (2xx); any other status or a
failed connection is an error. Prints requests/s, errors and latency
percentiles, overall and per kind; ``--json FILE`` keeps them.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from urllib.parse import quote

import httpx


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def request_mix(db: str, seed: int) -> list[tuple[str, str]]:
    """(kind, path) pairs drawn from what the store holds, most-reported actors first."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        actors = [
            row[0]
            for row in conn.execute(
                "SELECT source_id, count(*) AS n FROM events WHERE source_id IS NOT NULL "
                "GROUP BY source_id ORDER BY n DESC LIMIT 20"
            )
        ]
        pairs = conn.execute(
            "SELECT source_id, target_id, count(*) AS n FROM events WHERE source_id IS NOT NULL "
            "AND target_id IS NOT NULL GROUP BY source_id, target_id ORDER BY n DESC LIMIT 20"
        ).fetchall()
        articles = [row[0] for row in conn.execute("SELECT id FROM articles LIMIT 50")]
        events = [row[0] for row in conn.execute("SELECT id FROM events LIMIT 200")]
        titles = [row[0] or "" for row in conn.execute("SELECT title FROM articles LIMIT 50")]
    if not (actors and pairs and articles and events):
        raise SystemExit(f"{db} has too little in it to load-test; ingest some articles first")
    words = [w for t in titles for w in t.split() if len(w) > 4 and w.isalpha()] or ["Moscow"]
    rng = random.Random(seed)

    def q(value: str) -> str:
        return quote(value, safe="")

    mix = []
    for _ in range(400):
        actor, (first, second, _n) = rng.choice(actors), rng.choice(pairs)
        article, event, word = rng.choice(articles), rng.choice(events), rng.choice(words)
        mix += [
            ("search page", f"/?q={q(word)}"),
            ("search api", f"/api/search?q={q(word)}"),
            ("actor page", f"/actors/{q(actor)}"),
            ("actor api", f"/api/actors/{q(actor)}"),
            ("dyad page", f"/dyads/{q(first)}/{q(second)}"),
            ("timeline api", f"/api/dyads/{q(first)}/{q(second)}/timeline"),
            ("counts api", f"/api/dyads/{q(first)}/{q(second)}/counts"),
            ("article page", f"/articles/{q(article)}"),
            ("article api", f"/api/articles/{q(article)}"),
            ("event page", f"/events/{event}"),
            ("event api", f"/api/events/{event}"),
            ("network page", "/network"),
            ("network api", "/api/network?since=2000"),
            ("static", "/static/dyad.css"),
        ]
    rng.shuffle(mix)
    return mix


async def client_loop(
    client: httpx.AsyncClient,
    mix: list[tuple[str, str]],
    start: int,
    stop_at: float,
    results: dict[str, list[float]],
    errors: list[str],
) -> None:
    index = start
    while time.monotonic() < stop_at:
        kind, path = mix[index % len(mix)]
        index += 1
        began = time.perf_counter()
        try:
            response = await client.get(path)
            ok = 200 <= response.status_code < 300
            problem = f"{response.status_code} {path}"
        except httpx.HTTPError as error:
            ok, problem = False, f"{type(error).__name__} {path}"
        elapsed = time.perf_counter() - began
        results[kind].append(elapsed)
        if not ok:
            errors.append(problem)


async def run(url: str, mix, clients: int, duration: float):
    results: dict[str, list[float]] = defaultdict(list)
    errors: list[str] = []
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=30) as client:
        began = time.monotonic()
        stop_at = began + duration
        step = len(mix) // clients
        await asyncio.gather(
            *(client_loop(client, mix, i * step, stop_at, results, errors) for i in range(clients))
        )
        wall = time.monotonic() - began
    return results, errors, wall


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def summary(values: list[float]) -> dict[str, float]:
    return {
        "requests": len(values),
        "p50_ms": round(percentile(values, 0.50) * 1000, 1),
        "p90_ms": round(percentile(values, 0.90) * 1000, 1),
        "p99_ms": round(percentile(values, 0.99) * 1000, 1),
        "max_ms": round(max(values) * 1000, 1),
        "mean_ms": round(statistics.fmean(values) * 1000, 1),
    }


def wait_until_up(url: str, server: subprocess.Popen | None, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server is not None and server.poll() is not None:
            raise SystemExit(f"dyad serve exited with {server.returncode}")
        try:
            if httpx.get(url + "/static/dyad.css", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"no server answered at {url}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="SQLite store to serve and draw requests from")
    parser.add_argument("--url", help="a running server (default: start dyad serve)")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of load")
    parser.add_argument("--clients", type=int, default=8, help="concurrent connections")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", help="write the figures to this file")
    args = parser.parse_args()

    mix = request_mix(args.db, args.seed)
    server = None
    url = args.url
    if url is None:
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        command = [sys.executable, "-m", "dyad", "serve", "--db", args.db, "--port", str(port)]
        server = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    try:
        wait_until_up(url, server)
        # One pass over every kind first: the timed run measures a warm server.
        asyncio.run(run(url, mix[:50], 1, 0.01))
        results, errors, wall = asyncio.run(run(url, mix, args.clients, args.duration))
    finally:
        if server is not None:
            server.terminate()
            server.wait(30)

    every = [v for values in results.values() for v in values]
    figures = {
        "duration_s": round(wall, 1),
        "clients": args.clients,
        "requests_per_s": round(len(every) / wall, 1),
        "errors": len(errors),
        **summary(every),
        "by_kind": {kind: summary(values) for kind, values in sorted(results.items())},
        "first_errors": errors[:10],
    }
    print(
        f"{figures['requests']} requests in {wall:.1f} s from {args.clients} clients: "
        f"{figures['requests_per_s']} req/s, {len(errors)} errors, "
        f"p50 {figures['p50_ms']} ms, p99 {figures['p99_ms']} ms, max {figures['max_ms']} ms"
    )
    print(f"{'kind':<14}{'n':>7}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}")
    for kind, item in figures["by_kind"].items():
        print(
            f"{kind:<14}{item['requests']:>7}{item['p50_ms']:>9}{item['p99_ms']:>9}"
            f"{item['max_ms']:>9}"
        )
    for problem in errors[:10]:
        print("error:", problem)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump(figures, out, indent=2)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
