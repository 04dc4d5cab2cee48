"""Store benchmark: build a large synthetic store with bulk inserts, then time the queries.

    .venv/bin/python bench/store_bench.py                       # 1,000,000 events, SQLite
    .venv/bin/python bench/store_bench.py --small               # 20,000 events (CI-sized)
    .venv/bin/python bench/store_bench.py --articles 20000 --quick
    .venv/bin/python bench/store_bench.py --db postgresql://dyad:dyad@127.0.0.1/dyad_bench
    .venv/bin/python bench/store_bench.py --reuse --pages --db /tmp/dyad_bench.db   # web pages
    .venv/bin/python bench/store_bench.py --reuse --pages --no-warm-up --db …   # apps not warmed

The data is generated, not parsed: states from the shipped country list, ten
people acting for each, armed groups and organisations; who acts on whom drawn
from a Zipf law (a few actors are in most of the news, as in GDELT); articles of
about 1,500 characters over a Zipf vocabulary with the actors' names; per
article 10 events, 20 mentions, 3 quotes and 5 time expressions, and one more
report of an event an earlier article carried (so merged events have several
sources). Rows go in through the same tables the pipeline writes; full-text
indexing is the store's own ``index_for_search``.

Targets (issue 8, 1M events / 100k articles on SQLite): dyad timeline < 50 ms,
monthly counts for one actor < 500 ms, network export for one year < 10 s,
full-text search < 100 ms. Times are the median of several runs after one
warm-up run; the first (cold) run is printed too.
"""

from __future__ import annotations

import argparse
import csv
import html
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from urllib.parse import quote

from fastapi.testclient import TestClient
from sqlalchemy import Connection, func, select, text

from dyad.export import write_csv, write_graphml, write_jsonl
from dyad.plover import event_types, scored_modes
from dyad.query import (
    Filters,
    actor_profile,
    event_counts,
    quotes_by,
    search,
    timeline,
)
from dyad.store import Store, schema
from dyad.store.counts import recount
from dyad.store.search import index_for_search
from dyad.store.store import dyad_key
from dyad.timex import period, sort_date
from dyad.web.app import create_app
from dyad.web.cache import AnswerCache
from dyad.web.pages import PAGE_SIZE as WEB_PAGE_SIZE

FIRST_DAY = date(2015, 1, 1)
DAYS = 3652  # ten years
EVENTS_PER_ARTICLE = 10
MENTIONS_PER_ARTICLE = 20
QUOTES_PER_ARTICLE = 3
TIMES_PER_ARTICLE = 5
VOCABULARY = 30_000
SOURCES = ["wire", "daily", "herald", "tribune", "gazette", "observer", "post", "times"]
STATUSES = ["actual"] * 8 + ["intended", "claimed", "negated", "hypothetical"]
BATCH_ARTICLES = 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", default=str(Path(tempfile.gettempdir()) / "dyad_bench.db"))
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--small", action="store_true", help="2,000 articles, 20,000 events")
    parser.add_argument("--reuse", action="store_true", help="time an existing bench store")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument(
        "--quick",
        action="store_true",
        help="time only the busiest dyad's timeline pages and the busiest actor's counts",
    )
    parser.add_argument(
        "--pages",
        action="store_true",
        help="time only every page of the web app: the first request after a start (each in "
        "a process of its own), with an empty answer cache and warm",
    )
    parser.add_argument(
        "--no-warm-up",
        action="store_true",
        help="with --pages: start the app without the warm-up `dyad serve` gives it",
    )
    parser.add_argument("--first-request", metavar="PATH", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.first_request:
        print(json.dumps(first_request(args.db, args.first_request, not args.no_warm_up)))
        return
    articles = 2000 if args.small else args.articles
    if not args.reuse:
        _reset(args.db)
    store = Store(args.db)
    if not args.reuse:
        started = time.perf_counter()
        Builder(store, random.Random(args.seed)).build(articles)
        print(f"built in {time.perf_counter() - started:.0f} s", flush=True)
    bench = Bench(store, args.runs, random.Random(args.seed))
    report = bench.every_page(not args.no_warm_up) if args.pages else bench.run(args.quick)
    report["load_average"] = round(os.getloadavg()[0], 1)
    print(json.dumps(report, indent=2))
    store.close()


def first_request(db: str, path: str, warm_up: bool) -> dict:
    """The app started as `dyad serve` starts it (in this fresh process), then its
    first request: server time, this process's CPU, and the seconds the start took."""
    started = time.perf_counter()
    app = create_app(db, warm_up=warm_up)
    with TestClient(app) as client:
        startup = time.perf_counter() - started
        cpu_started = time.process_time()
        response = client.get(path)
        cpu = (time.process_time() - cpu_started) * 1000
        response.raise_for_status()
    server_ms = float(response.headers["server-timing"].split("dur=")[1])
    return {"first_ms": server_ms, "first_cpu_ms": round(cpu, 1), "startup_s": round(startup, 2)}


def _reset(db: str) -> None:
    if "://" not in db:
        for suffix in ("", "-wal", "-shm"):
            Path(db + suffix).unlink(missing_ok=True)
        return
    store = Store(db)
    with store.engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    store.close()


class Builder:
    """Synthetic actors, articles and their analyses, inserted in bulk."""

    def __init__(self, store: Store, rng: random.Random) -> None:
        self.store = store
        self.rng = rng
        self.actors = self._actors()
        weights = [1 / (rank + 1) for rank in range(len(self.actors))]
        rng.shuffle(self.actors)
        self.actor_weights = list(_cumulative(weights))
        self.words = vocabulary(SEED_VOCABULARY)
        self.word_weights = list(_cumulative([1 / (r + 1) for r in range(VOCABULARY)]))
        self.types = event_types()
        self.next_event = 1
        self.recent_events: list[tuple] = []

    def _actors(self) -> list[dict]:
        countries = resources.files("dyad").joinpath("data/kb/countries.csv")
        with countries.open(encoding="utf-8") as stream:
            # Some countries have several rows (other names); one state each.
            states = list({row["id"]: row["name"] for row in csv.DictReader(stream)}.items())
        actors = []
        self.names: set[str] = set()
        for code, name in states:
            actors.append(_actor(code, name, "state", code, "GOV", kb_id=code))
            for i in range(10):
                person = self._new_name("{} {}")
                actors.append(
                    _actor(
                        f"P:{person.upper().replace(' ', '_')}@{code}",
                        person,
                        "person",
                        code,
                        "GOV" if i < 7 else "MIL",
                        role="minister" if i < 7 else "general",
                        affiliation=code,
                    )
                )
        for i in range(150):
            code = states[i % len(states)][0]
            kind = "armed_group" if i % 3 == 0 else "organization"
            name = self._new_name("{} Front" if kind == "armed_group" else "{} {} Council")
            actors.append(_actor(f"O:{name.upper().replace(' ', '_')}", name, kind, code, "REB"))
        return actors

    def _mode(self, kind: str) -> str | None:
        """A third of the events of a type the manual scores by mode carry one: the
        counts tables keep a row per mode, as they do for real news."""
        modes = scored_modes(kind)
        return self.rng.choice(modes) if modes and self.rng.random() < 1 / 3 else None

    def _new_name(self, pattern: str) -> str:
        while True:
            name = pattern.format(*(_word(self.rng).title() for _ in range(pattern.count("{}"))))
            if name not in self.names:
                self.names.add(name)
                return name

    def build(self, articles: int) -> None:
        with self.store.engine.begin() as conn:
            _insert(conn, schema.actors, self.actors)
            _insert(
                conn,
                schema.actor_aliases,
                [
                    {"alias": a["name"].lower(), "actor_id": a["id"], "count": 1}
                    for a in self.actors
                ],
            )
        for first in range(0, articles, BATCH_ARTICLES):
            rows: dict[str, list[dict]] = {
                n: [] for n in ("articles", "mentions", "quotes", "times", "events", "evidence")
            }
            for number in range(first, min(articles, first + BATCH_ARTICLES)):
                self._article(number, rows)
            with self.store.engine.begin() as conn:
                for name, batch in rows.items():
                    _insert(conn, schema.metadata.tables[name], batch)
            if first % (10 * BATCH_ARTICLES) == 0:
                print(f"  {first + BATCH_ARTICLES} articles", file=sys.stderr, flush=True)
        with self.store.engine.begin() as conn:
            started = time.perf_counter()
            index_for_search(conn)
            print(f"  search index {time.perf_counter() - started:.0f} s", file=sys.stderr)
            # The writer keeps the monthly counts; rows inserted in bulk are counted here.
            started = time.perf_counter()
            recount(conn)
            print(f"  monthly counts {time.perf_counter() - started:.0f} s", file=sys.stderr)
            if conn.dialect.name == "postgresql":
                conn.execute(
                    text(
                        "SELECT setval(pg_get_serial_sequence('events', 'id'), max(id)) FROM events"
                    )
                )
        # Statistics for the planners; on PostgreSQL also the visibility map that lets
        # index-only scans skip the table (autovacuum would do it in time).
        with self.store.engine.connect() as conn:
            postgres = conn.dialect.name == "postgresql"
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")
            conn.execute(text("VACUUM ANALYZE" if postgres else "ANALYZE"))

    def _article(self, number: int, rows: dict[str, list[dict]]) -> None:
        rng = self.rng
        article_id = f"{number:024x}"
        published = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        cast = rng.choices(self.actors, cum_weights=self.actor_weights, k=6)
        sentences, spans = [], []
        offset = 0
        for i in range(EVENTS_PER_ARTICLE + 2):
            subject, other = cast[i % 6], cast[(i + 1) % 6]
            words = rng.choices(self.words, cum_weights=self.word_weights, k=rng.randint(12, 22))
            sentence = (
                f"{subject['name']} {' '.join(words[:8])} {other['name']} {' '.join(words[8:])}."
            )
            sentences.append(sentence)
            spans.append((offset, offset + len(sentence), subject, other))
            offset += len(sentence) + 1
        body = " ".join(sentences)
        source = rng.choice(SOURCES)
        rows["articles"].append(
            {
                "id": article_id,
                "url": f"https://{source}.example/{published}/{number}",
                "title": " ".join(rng.choices(self.words, cum_weights=self.word_weights, k=7)),
                "source": source,
                "author": None,
                "published": published.isoformat(),
                "language": "en",
                "text": body,
                "dyad_version": "bench",
                "ingested_at": "2026-11-25T00:00:00",
            }
        )
        for sentence, (start, _end, subject, other) in zip(
            sentences[: MENTIONS_PER_ARTICLE // 2], spans, strict=False
        ):
            at = start + sentence.index(other["name"], len(subject["name"]))
            for actor, begin in ((subject, start), (other, at)):
                rows["mentions"].append(
                    {
                        "article_id": article_id,
                        "start": begin,
                        "end": begin + len(actor["name"]),
                        "actor_id": actor["id"],
                        "text": actor["name"],
                    }
                )
        for q in range(QUOTES_PER_ARTICLE):
            start, end, speaker, _ = spans[EVENTS_PER_ARTICLE - 1 + q % 3]
            rows["quotes"].append(
                {
                    "article_id": article_id,
                    "quote_id": f"q{q + 1}",
                    "kind": "direct",
                    "text": body[start:end],
                    "spans": [[start, end]],
                    "cue_text": "said",
                    "cue_start": end,
                    "cue_end": end + 4,
                    "speaker_id": speaker["id"],
                    "speaker_text": speaker["name"],
                    "speaker_start": start,
                    "speaker_end": start + len(speaker["name"]),
                }
            )
        for t in range(TIMES_PER_ARTICLE):
            rows["times"].append(
                {
                    "article_id": article_id,
                    "start": spans[t][0],
                    "end": spans[t][0] + 10,
                    "text": "last month",
                    "type": "DATE",
                    "value": published.isoformat()[:7],
                    "mod": None,
                }
            )
        for e in range(EVENTS_PER_ARTICLE):
            start, end, subject, other = spans[e]
            day = published - timedelta(days=rng.randrange(30))
            value = day.isoformat() if rng.random() < 0.8 else day.isoformat()[:7]
            kind = rng.choice(self.types)
            status = rng.choice(STATUSES)
            event_id = self.next_event
            self.next_event += 1
            span = period(value)
            rows["events"].append(
                {
                    "id": event_id,
                    "type": kind,
                    "mode": self._mode(kind),
                    "status": status,
                    "source_id": subject["id"],
                    "target_id": other["id"],
                    "dyad_key": dyad_key(kind, subject["id"], other["id"]),
                    "time_value": value,
                    "time_mod": None,
                    "sort_date": sort_date(value, None, published.isoformat()),
                    "location_name": None,
                    "location_country": None,
                    "period_start": span[0].isoformat(),
                    "period_end": span[1].isoformat(),
                }
            )
            rows["evidence"].append(
                _evidence(article_id, f"e{e + 1}", event_id, status, value, body, start, end)
                | {"source_id": subject["id"], "target_id": other["id"]}
            )
            self.recent_events.append((event_id, status, value, subject["id"], other["id"]))
        # One more report of an event an earlier article carried: a merged event.
        if len(self.recent_events) > 50:
            event_id, status, value, source, target = rng.choice(self.recent_events[-5000:])
            start, end, _, _ = spans[EVENTS_PER_ARTICLE]
            rows["evidence"].append(
                _evidence(article_id, "e99", event_id, status, value, body, start, end)
                | {"source_id": source, "target_id": target}
            )
            del self.recent_events[:-5000]


def _evidence(article_id, local_id, event_id, status, value, body, start, end) -> dict:
    return {
        "article_id": article_id,
        "local_id": local_id,
        "event_id": event_id,
        "status": status,
        "mode": None,
        "others": [],
        "context": None,
        "time_text": None,
        "time_value": value,
        "time_mod": None,
        "reported_by": None,
        "quote_id": None,
        "text": body[start:end],
        "start": start,
        "end": end,
        "sentence_text": body[start:end],
        "sentence_start": start,
        "sentence_end": end,
        "location_name": None,
        "location_country": None,
    }


def _actor(id_, name, kind, country, sector, role=None, affiliation=None, kb_id=None) -> dict:
    return {
        "id": id_,
        "name": name,
        "kind": kind,
        "country": country,
        "sector": sector,
        "role": role,
        "affiliation": affiliation,
        "kb_id": kb_id,
    }


SEED_VOCABULARY = 1


def vocabulary(seed: int) -> list[str]:
    """The bench's words, most frequent first (the same for a given seed)."""
    rng = random.Random(seed)
    words: dict[str, None] = {}
    while len(words) < VOCABULARY:
        words[_word(rng)] = None
    return list(words)


def _word(rng: random.Random) -> str:
    syllables = ["ka", "ro", "mi", "ten", "sa", "dor", "vel", "an", "is", "tu", "bra", "lo", "ne"]
    return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))


def _cumulative(weights: list[float]):
    total = 0.0
    for weight in weights:
        total += weight
        yield total


def _insert(conn: Connection, table, rows: list[dict]) -> None:
    """Bulk insert: COPY on PostgreSQL, executemany on SQLite."""
    if not rows:
        return
    if conn.dialect.name != "postgresql":
        conn.execute(table.insert(), rows)
        return
    columns = list(rows[0])
    json_columns = {c.name for c in table.columns if c.type.__class__.__name__ == "JSON"}
    cursor = conn.connection.driver_connection.cursor()
    quoted = ", ".join(f'"{c}"' for c in columns)
    with cursor.copy(f"COPY {table.name} ({quoted}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(
                [
                    json.dumps(row[c]) if c in json_columns and row[c] is not None else row[c]
                    for c in columns
                ]
            )


class Bench:
    def __init__(self, store: Store, runs: int, rng: random.Random) -> None:
        self.store = store
        self.runs = runs
        self.rng = rng

    def timed(self, call) -> dict:
        """Wall clock, and this process's CPU time: on a shared machine the second is
        the steadier figure (on SQLite it holds the queries; PostgreSQL's own work is
        not in it)."""
        started = time.perf_counter()
        result = call()
        cold = time.perf_counter() - started
        times, cpu_times = [], []
        for _ in range(self.runs):
            started, cpu_started = time.perf_counter(), time.process_time()
            call()
            times.append(time.perf_counter() - started)
            cpu_times.append(time.process_time() - cpu_started)
        return {
            "cold_ms": round(cold * 1000, 1),
            "median_ms": round(statistics.median(times) * 1000, 1),
            "median_cpu_ms": round(statistics.median(cpu_times) * 1000, 1),
            "result_size": _size(result),
        }

    def run(self, quick: bool = False) -> dict:
        store = self.store
        events = schema.events
        with store.engine.connect() as conn:
            totals = {t: store.count(t) for t in ("articles", "events", "evidence", "quotes")}
            by_actor = conn.execute(
                select(events.c.source_id, func.count().label("n"))
                .group_by(events.c.source_id)
                .order_by(func.count().desc())
            ).all()
            top_pair = conn.execute(
                select(events.c.source_id, events.c.target_id)
                .group_by(events.c.source_id, events.c.target_id)
                .order_by(func.count().desc())
                .limit(1)
            ).one()
            sample_ids = [self.rng.randrange(1, totals["events"]) for _ in range(20)]
            pairs = conn.execute(
                select(events.c.source_id, events.c.target_id).where(events.c.id.in_(sample_ids))
            ).all()
            years = conn.execute(select(func.max(events.c.sort_date))).scalar_one()[:4]
        report: dict = {"backend": store.engine.dialect.name, "rows": totals}
        report["size"] = self.size(totals["events"])
        dyads = [
            self.timed(lambda a=a, b=b: timeline(store, a, b, include_affiliates=False))
            for a, b in pairs
        ]
        report["timeline_sampled_dyads"] = _summarise(dyads)
        with_affiliates = [self.timed(lambda a=a, b=b: timeline(store, a, b)) for a, b in pairs[:8]]
        report["timeline_sampled_dyads_with_affiliates"] = _summarise(with_affiliates)
        report["timeline_busiest_dyad"] = self.timed(
            lambda: timeline(
                store, top_pair.source_id, top_pair.target_id, include_affiliates=False
            )
        )
        report["timeline_busiest_dyad_keyset_pages"] = self.pages(
            top_pair.source_id, top_pair.target_id
        )
        busiest = by_actor[0].source_id
        report["monthly_counts_busiest_actor"] = self.timed(
            lambda: event_counts(store, busiest, include_affiliates=False)
        ) | {"actor": busiest, "events_as_source": by_actor[0].n}
        report["actor_profile_busiest"] = self.timed(lambda: actor_profile(store, busiest))
        report["web_busiest_actor"] = self.web(busiest)
        report["search"] = self.searches(years)
        if quick:
            return report
        median_actor = by_actor[len(by_actor) // 2].source_id
        report["monthly_counts_busiest_actor_with_affiliates"] = self.timed(
            lambda: event_counts(store, busiest)
        )
        report["monthly_counts_median_actor"] = self.timed(
            lambda: event_counts(store, median_actor, include_affiliates=False)
        )
        report["quotes_by_busiest"] = self.timed(lambda: quotes_by(store, busiest))
        year = str(int(years) - 1)
        with tempfile.TemporaryDirectory() as folder:
            out = Path(folder) / "net.graphml"
            report["network_export_one_year_graphml"] = self.timed(
                lambda: write_graphml(store, out, Filters(since=year, until=year))
            ) | {"file_mb": round(out.stat().st_size / 1e6, 1)}
            june = Filters(since=f"{year}-06", until=f"{year}-06")
            report["csv_export_one_month"] = self.timed(
                lambda: write_csv(store, Path(folder) / "june.csv", june)
            )
            report["jsonl_export_one_month"] = self.timed(
                lambda: write_jsonl(store, Path(folder) / "june.jsonl", june)
            )
        return report

    def searches(self, last_year: str) -> dict:
        """Each query alone, then the usual one with a date range, a source, and both."""
        store, words = self.store, vocabulary(SEED_VOCABULARY)
        found = {
            f"{query!r}": self.timed(lambda q=query: search(store, q))
            for query in self._query_words()
        }
        year = str(int(last_year) - 1)
        filtered = {
            f"since {year}": Filters(since=year),
            f"{year}-06": Filters(since=f"{year}-06", until=f"{year}-06"),
            "source 'wire'": Filters(sources=("wire",)),
            f"source 'wire', {year}": Filters(since=year, until=year, sources=("wire",)),
        }
        for query in (words[100], f'"{words[3]} {words[5]}"'):
            for name, filters in filtered.items():
                found[f"{query!r}, {name}"] = self.timed(
                    lambda q=query, f=filters: search(store, q, filters=f)
                )
        return found

    def web(self, actor: str) -> dict:
        """Server time of the actor's page and its profile through the web app, each
        asked with an empty answer cache: what a first visit costs."""
        app = create_app(self.store.db)

        with TestClient(app) as client:

            def first_visit(path: str) -> None:
                app.state.cache = AnswerCache()
                client.get(path).raise_for_status()

            path = quote(actor, safe="")
            return {
                "actor_page": self.timed(lambda: first_visit(f"/actors/{path}")),
                "actor_page_intensity": self.timed(
                    lambda: first_visit(f"/actors/{path}?measure=intensity")
                ),
                "profile_api": self.timed(lambda: first_visit(f"/api/actors/{path}/profile")),
            }

    def every_page(self, warm_up: bool = True) -> dict:
        """Server time (the app's Server-Timing) of each page for the busiest actor and
        dyad: the first request after the app starts (``first_ms``: a new process for
        each page, the app started as `dyad serve` starts it, ``warm_up`` or not), the
        median with an empty answer cache (``cold_ms``, and this process's CPU: on SQLite
        the app's and the queries') and with the cache kept (``warm_ms``)."""
        events, articles = schema.events, schema.articles
        with self.store.engine.connect() as conn:
            count = func.count().label("n")
            actor = conn.execute(
                select(events.c.source_id).group_by(events.c.source_id).order_by(count.desc())
            ).first()[0]
            pair = conn.execute(
                select(events.c.source_id, events.c.target_id)
                .where(events.c.source_id != events.c.target_id)  # a dyad of two actors
                .group_by(events.c.source_id, events.c.target_id)
                .order_by(count.desc())
                .limit(1)
            ).one()
            event_id = conn.execute(select(func.max(events.c.id))).scalar_one()
            article = conn.execute(select(func.max(articles.c.id))).scalar_one()
        first, second = (quote(side, safe="") for side in pair)
        # The dyad page's last page as its "later" link asks for it (the cursor of the
        # page before), and by its number (as "earlier" links ask).
        last_page, cursor = 1, None
        while following := timeline(
            self.store, *pair, limit=WEB_PAGE_SIZE, after=cursor, reports=0
        ).next:
            last_page, cursor = last_page + 1, following
        name = quote(actor, safe="")
        word = vocabulary(SEED_VOCABULARY)[100]
        paths = {
            "home": "/",
            "search": f"/?q={word}",
            "suggest": f"/suggest?q={name[:3]}",
            "busiest actor": f"/actors/{name}",
            "busiest actor, intensity": f"/actors/{name}?measure=intensity",
            "busiest actor, per article": f"/actors/{name}?measure=per-article",
            "busiest dyad": f"/dyads/{first}/{second}",
            "busiest dyad, intensity": f"/dyads/{first}/{second}?measure=intensity",
            "busiest dyad, last page": f"/dyads/{first}/{second}?page={last_page}"
            + (f"&after={quote(cursor, safe='')}" if cursor else ""),
            "busiest dyad, last page by number": f"/dyads/{first}/{second}?page={last_page}",
            "busiest actor's quotes": f"/api/actors/{name}/quotes",
            "busiest dyad's framing": f"/api/dyads/{first}/{second}/framing",
            "event's framing": f"/api/events/{event_id}/framing",
            "event": f"/events/{event_id}",
            "article": f"/articles/{article}",
            "network page": "/network",
        }
        app = create_app(self.store.db)
        report: dict = {"actor": actor, "dyad": list(pair), "warm_up": warm_up}
        with TestClient(app) as client:

            def server_ms(path: str, empty_cache: bool) -> tuple[float, float]:
                if empty_cache:
                    app.state.cache = AnswerCache()
                cpu_started = time.process_time()
                response = client.get(path)
                cpu = (time.process_time() - cpu_started) * 1000
                response.raise_for_status()
                return float(response.headers["server-timing"].split("dur=")[1]), cpu

            # The drawing's data, as the page asks for it (its window of the store).
            drawn = re.search(r'data-source="([^"]+)"', client.get("/network").text)
            paths["network data"] = html.unescape(drawn[1]) if drawn else "/api/network"
            report["network data path"] = paths["network data"]
            for label, path in paths.items():
                first = self.fresh_process(path, warm_up)
                server_ms(path, True)  # as before: the timed runs below follow a first one
                cold = [server_ms(path, True) for _ in range(self.runs)]
                warm = [server_ms(path, False)[0] for _ in range(self.runs)]
                report[label] = {
                    **first,
                    "cold_ms": round(statistics.median(ms for ms, _ in cold), 1),
                    "cold_cpu_ms": round(statistics.median(cpu for _, cpu in cold), 1),
                    "warm_ms": round(statistics.median(warm), 1),
                }
                print(label, report[label], file=sys.stderr, flush=True)
        return report

    def fresh_process(self, path: str, warm_up: bool) -> dict:
        """``first_request`` in a process of its own: nothing this one has read counts."""
        command = [sys.executable, __file__, "--db", self.store.db, "--first-request", path]
        done = subprocess.run(
            command + ([] if warm_up else ["--no-warm-up"]),
            capture_output=True,
            text=True,
            check=True,
        )
        return json.loads(done.stdout)

    def pages(self, first: str, second: str, size: int = 100) -> dict:
        """Every page of a dyad's timeline, each asked for with the previous page's cursor
        (as the web and API page), beside the same last page asked for by offset."""
        cursors: list[str | None] = [None]
        while (
            page := timeline(
                self.store, first, second, include_affiliates=False, limit=size, after=cursors[-1]
            )
        ).next:
            cursors.append(page.next)
        sample = cursors if len(cursors) <= 20 else [*cursors[:5], *cursors[-15:]]
        timings = [
            self.timed(
                lambda c=c: timeline(
                    self.store, first, second, include_affiliates=False, limit=size, after=c
                )
            )
            for c in sample
        ]
        last_by_offset = self.timed(
            lambda: timeline(
                self.store,
                first,
                second,
                include_affiliates=False,
                limit=size,
                offset=(len(cursors) - 1) * size,
            )
        )
        return {
            "pages": len(cursors),
            "page_size": size,
            "pages_timed": len(sample),
            "median_ms": statistics.median(t["median_ms"] for t in timings),
            "max_ms": max(t["median_ms"] for t in timings),
            "median_cpu_ms": statistics.median(t["median_cpu_ms"] for t in timings),
            "max_cpu_ms": max(t["median_cpu_ms"] for t in timings),
            "last_page_by_offset_ms": last_by_offset["median_ms"],
            "last_page_by_offset_cpu_ms": last_by_offset["median_cpu_ms"],
        }

    def _query_words(self) -> list[str]:
        """Words by rank in the Zipf vocabulary: rank 0 is in nearly every article."""
        words = vocabulary(SEED_VOCABULARY)
        with self.store.engine.connect() as conn:
            name = conn.execute(
                select(schema.actors.c.name).where(schema.actors.c.kind == "state").limit(1)
            ).scalar_one()
        return [
            words[0],
            words[10],
            words[100],
            words[1000],
            words[10000],
            f"{name} {words[100]}",
            f'"{words[3]} {words[5]}"',
            f"{words[1000]} -{words[10]}",
        ]

    def size(self, events: int) -> dict:
        db = self.store.db
        if "://" not in db:
            total = sum(os.path.getsize(db + s) for s in ("", "-wal") if os.path.exists(db + s))
        else:
            with self.store.engine.connect() as conn:
                total = conn.execute(text("SELECT pg_database_size(current_database())")).scalar()
        return {"bytes": total, "mb": round(total / 1e6), "bytes_per_event": round(total / events)}


def _size(result) -> int | None:
    if isinstance(result, int):  # rows written by an export
        return result
    if hasattr(result, "number_of_edges"):
        return result.number_of_edges()
    if isinstance(getattr(result, "events", None), list):  # a timeline page
        return len(result.events)
    if hasattr(result, "__len__"):
        return len(result)
    return None


def _summarise(runs: list[dict]) -> dict:
    medians = sorted(r["median_ms"] for r in runs)
    return {
        "dyads": len(runs),
        "median_ms": statistics.median(medians),
        "max_ms": medians[-1],
        "events_median": statistics.median(r["result_size"] for r in runs),
        "events_max": max(r["result_size"] for r in runs),
    }


if __name__ == "__main__":
    main()
