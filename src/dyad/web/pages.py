"""The HTML pages: search, actor, dyad, event, network and article.

Templates autoescape everything; the only markup built in Python is the
highlighted article text (``highlight``), which escapes every piece itself.
"""

from __future__ import annotations

from importlib import resources
from typing import Annotated
from urllib.parse import quote, urlencode, urlsplit

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates
from sqlalchemy import Connection, func, select

from dyad import query
from dyad.plover import quad_classes
from dyad.query.actors import actor_path, actor_refs
from dyad.store import schema
from dyad.web import api
from dyad.web.chart import by_quad, cooperation_conflict
from dyad.web.deps import CacheDep, Conn, FiltersDep
from dyad.web.highlight import highlight

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(resources.files("dyad.web").joinpath("templates")))
PAGE_SIZE = 100
SEARCH_RESULTS = 20
# Events of a dyad shown with each side's statements (the API pages through the rest).
FRAMED_EVENTS = 20
DEFAULT_MONTHS = 3
STATUSES = ("actual", "intended", "hypothetical", "claimed", "negated")


def dyad_url(first: str, second: str, **params: str | None) -> str:
    query_string = urlencode({k: v for k, v in params.items() if v})
    path = f"/dyads/{quote(first, safe='')}/{quote(second, safe='')}"
    return path + (f"?{query_string}" if query_string else "")


def article_url(article_id: str, event: str | None = None) -> str:
    path = "/articles/" + quote(article_id, safe="")
    if not event:
        return path
    return f"{path}?event={quote(event, safe='')}#ev-{quote(event, safe='')}"


def quote_url(article_id: str, quote_id: str) -> str:
    """The article page scrolled to a statement's words."""
    return "/articles/" + quote(article_id, safe="") + "#q-" + quote(quote_id, safe="")


def external_url(url: str | None) -> str | None:
    """A source URL is linked only when it is plain http(s); anything else is shown as text."""
    if url and urlsplit(url).scheme in ("http", "https"):
        return url
    return None


templates.env.globals.update(
    actor_url=actor_path,
    dyad_url=dyad_url,
    article_url=article_url,
    quote_url=quote_url,
    external_url=external_url,
    quads=quad_classes(),
    statuses=STATUSES,
)
templates.env.filters["label"] = lambda value: (value or "").replace("_", " ")


def render(request: Request, name: str, status_code: int = 200, **context) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def not_found(request: Request, message: str) -> HTMLResponse:
    return render(request, "not_found.html", status_code=404, message=message, title="Not found")


@router.get("/", response_class=HTMLResponse)
def search_page(
    request: Request,
    conn: Conn,
    cache: CacheDep,
    q: str = "",
    a: str = "",
    b: str = "",
):
    if a.strip() and b.strip():
        return RedirectResponse(dyad_url(a.strip(), b.strip()), status_code=303)
    results = None
    if q.strip():
        # One ranked search for both lists: ranking the matches of common words is the
        # slow part of a search, so it is done once.
        hits = cache.get(
            conn, ("search", q), lambda: query.search(conn, q, limit=2 * SEARCH_RESULTS)
        )
        quotes = [hit for hit in hits if hit.quote_id][:SEARCH_RESULTS]
        results = {
            "actors": query.find_actors(conn, q),
            "articles": [hit for hit in hits if not hit.quote_id][:SEARCH_RESULTS],
            "quotes": quotes,
            "speakers": actor_refs(conn, {hit.speaker for hit in quotes}),
        }
    return render(request, "search.html", q=q, results=results, title="Search")


@router.get("/actors/{actor}", response_class=HTMLResponse)
def actor_page(request: Request, conn: Conn, cache: CacheDep, filters: FiltersDep, actor: str):
    overview = cache.get(
        conn,
        ("actor", actor, filters),
        lambda: query.actor_overview(conn, actor, filters=filters),
    )
    return render(
        request,
        "actor.html",
        profile=overview,
        chart=cooperation_conflict(by_quad(overview.types_by_month)),
        title=overview.actor.name,
    )


@router.get("/dyads/{first}/{second}", response_class=HTMLResponse)
def dyad_page(
    request: Request,
    conn: Conn,
    cache: CacheDep,
    filters: FiltersDep,
    first: str,
    second: str,
    page: Annotated[int, Query(ge=1)] = 1,
):
    timeline = query.timeline(
        conn,
        first,
        second,
        filters=filters,
        limit=PAGE_SIZE,
        offset=(page - 1) * PAGE_SIZE,
        reports=api.TIMELINE_REPORTS,
    )
    counts = cache.get(
        conn,
        ("dyad counts", first, second, filters),
        lambda: query.event_counts(conn, first, second, filters=filters),
    )
    framing = query.dyad_framing(conn, first, second, filters=filters, limit=FRAMED_EVENTS)
    return render(
        request,
        "dyad.html",
        first=first,
        second=second,
        timeline=timeline,
        framing=framing,
        chart=cooperation_conflict(counts),
        filters={
            "since": filters.since,
            "until": filters.until,
            "status": filters.statuses[0] if filters.statuses else None,
        },
        page=page,
        pages=max(1, -(-timeline.total // PAGE_SIZE)),
        title=f"{timeline.first[0].name} – {timeline.second[0].name}",
    )


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, conn: Conn, event_id: int):
    event = query.event(conn, event_id)
    if event is None:
        return not_found(request, f"no event {event_id}")
    framing = query.event_framing(conn, event_id)
    return render(request, "event.html", event=event, framing=framing, title=f"{event.type} event")


@router.get("/network", response_class=HTMLResponse)
def network_page(
    request: Request,
    conn: Conn,
    since: str | None = None,
    until: str | None = None,
    quad: str | None = None,
    actor: str | None = None,
):
    if not since and not until:
        since, until = _latest_months(conn)
    window = urlencode({k: v for k, v in (("since", since), ("until", until)) if v})
    return render(
        request,
        "network.html",
        since=since or "",
        until=until or "",
        quad=quad if quad in quad_classes() else "",
        actor=actor or "",
        window=f"?{window}" if window else "",
        title="Network",
    )


def _latest_months(conn: Connection) -> tuple[str | None, str | None]:
    """The last DEFAULT_MONTHS months up to the newest dated event: a window that reads
    well and counts fast on a big store."""
    newest = conn.execute(select(func.max(schema.events.c.sort_date))).scalar_one()
    if not newest:
        return None, None
    year, month = int(newest[:4]), int(newest[5:7])
    first = year * 12 + month - DEFAULT_MONTHS
    return f"{first // 12:04d}-{first % 12 + 1:02d}", newest[:7]


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, conn: Conn, article_id: str, event: str | None = None):
    view = query.article(conn, article_id)
    if view is None:
        return not_found(request, f"no article {article_id}")
    return render(
        request,
        "article.html",
        article=view,
        body=highlight(view.text, view.annotations, selected=event),
        selected=event,
        title=view.title or f"Article {view.id[:12]}",
    )


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(request: Request):
    return render(request, "api_docs.html", title="REST API")
