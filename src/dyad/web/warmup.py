"""Warming the app up before it answers anyone: the first request after a start would
otherwise pay for compiling the templates and the SQL statements, reading the data files,
opening connections and a full garbage collection — on a 1M-event store the busiest
actor's page took 650 ms as an app's first request against 135 ms for the next ones.

The warm-up asks for one page of each kind about the store's least busy actor (its
first event, that event's article, its dyad with the other side) and for the home page
and network of the store's first month — little to read, and not the latest months or
the busiest actors the default views show; then the answers it computed are dropped.
"""

from __future__ import annotations

import gc
import logging
import time
from contextlib import ExitStack
from urllib.parse import quote, urlencode

import httpx
from fastapi import FastAPI
from sqlalchemy import Connection, Engine, func, select
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool

from dyad.query.actors import actor_path
from dyad.store import schema
from dyad.web.cache import AnswerCache
from dyad.web.pages import article_url, compile_templates, dyad_url

log = logging.getLogger("dyad.web")


async def warm_up(app: FastAPI, host: str = "127.0.0.1") -> float:
    """Compile the templates, open the store's connections, ask the app itself for a
    sample of its pages and set what all that made aside from the garbage collector;
    returns the seconds it took. A page that fails is logged and skipped: a warm-up
    never stops the app from starting."""
    started = time.perf_counter()
    engine = app.state.store.engine
    compile_templates()
    try:
        await run_in_threadpool(open_connections, engine)
        paths = await run_in_threadpool(_sample, engine)
    except SQLAlchemyError as error:
        log.warning("warm-up: the store could not be read (%s)", error)
        paths = []
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url=f"http://{host}") as client:
        for path in paths:
            response = await client.get(path)
            if response.status_code >= 500:
                log.warning("warm-up: %s answered %s", path, response.status_code)
    app.state.cache = AnswerCache()  # nothing the warm-up computed is served
    # What the start made (modules, compiled templates and statements) lives as long as
    # the app: left to the collector, a full collection over it fell on the first
    # request (on PostgreSQL half of its CPU: 250 ms against 113).
    gc.collect()
    gc.freeze()
    return time.perf_counter() - started


def open_connections(engine: Engine) -> None:
    """On PostgreSQL, open as many connections as the pool keeps, so that concurrent
    first requests find them open (each takes a round trip and authentication). A SQLite
    connection costs nothing to open, and the pool hands out the one returned longest
    ago: opened ahead, they would take turns, each with its own page cache."""
    if engine.dialect.name != "postgresql":
        return
    size = getattr(engine.pool, "size", lambda: 1)()
    with ExitStack() as stack:
        for _ in range(size):
            stack.enter_context(engine.connect())


def _sample(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        return sample_paths(conn)


def sample_paths(conn: Connection) -> list[str]:
    """One page of each kind, about small parts of the store."""
    events, evidence = schema.events, schema.evidence
    first_day = conn.execute(select(func.min(events.c.sort_date))).scalar()
    window = urlencode({"since": first_day[:7], "until": first_day[:7]}) if first_day else ""
    paths = [f"/?{window}", f"/network?{window}", f"/api/network?{window}"]
    actor = conn.execute(
        select(schema.actor_totals.c.actor_id)
        .order_by(schema.actor_totals.c.events, schema.actor_totals.c.actor_id)
        .limit(1)
    ).scalar()
    if actor is None:
        return paths
    event = None
    for side in (events.c.source_id, events.c.target_id):
        event = conn.execute(
            select(events.c.id, events.c.source_id, events.c.target_id)
            .where(side == actor)
            .limit(1)
        ).first()
        if event:
            break
    name = conn.execute(select(schema.actors.c.name).where(schema.actors.c.id == actor)).scalar()
    page, api = actor_path(actor), "/api/actors/" + quote(actor, safe="")
    paths += [
        f"/?{urlencode({'q': name or actor})}",
        f"/suggest?{urlencode({'q': (name or actor)[:3]})}",
        page,
        f"{page}?measure=intensity",
        f"{page}?measure=per-article",
        f"{api}/profile",
        f"{api}/quotes",
    ]
    if event is None:
        return paths
    paths += [f"/events/{event.id}", f"/api/events/{event.id}/framing"]
    if event.source_id and event.target_id and event.source_id != event.target_id:
        pair = (event.source_id, event.target_id)
        paths += [
            dyad_url(*pair),
            dyad_url(*pair, measure="intensity"),
            "/api/dyads/" + "/".join(quote(side, safe="") for side in pair) + "/framing",
        ]
    article = conn.execute(
        select(evidence.c.article_id).where(evidence.c.event_id == event.id).limit(1)
    ).scalar()
    if article:
        paths.append(article_url(article))
    return paths
