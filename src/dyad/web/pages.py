"""The HTML pages: search, actor, dyad, event, network and article.

Templates autoescape everything; the only markup built in Python is the
highlighted article text (``highlight``), which escapes every piece itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from functools import partial
from importlib import resources
from typing import Annotated, Any, Literal
from urllib.parse import quote, urlencode, urlsplit

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates
from sqlalchemy import Connection

from dyad import query
from dyad.codes import countries, country_name, sector_name
from dyad.plover import event_types, quad_classes
from dyad.query import Filters
from dyad.query.actors import actor_path, actor_refs
from dyad.query.intensity import articles_by_month, monthly_intensity
from dyad.timex import display
from dyad.web import api
from dyad.web.chart import (
    Chart,
    IntensityChart,
    by_quad,
    cooperation_conflict,
    net_intensity,
    signed,
)
from dyad.web.deps import STATUSES, CacheDep, Conn, FiltersDep
from dyad.web.highlight import highlight
from dyad.web.worldmap import WorldMap, world_map

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(resources.files("dyad.web").joinpath("templates")))
PAGE_SIZE = 100
SEARCH_RESULTS = 10
HOME_ROWS = 10
# Above this many events, a view asked for with no dates shows the latest months only:
# counting a whole big store takes seconds.
WHOLE_STORE_EVENTS = 50_000
# Events of a dyad shown with each side's statements (the API pages through the rest).
FRAMED_EVENTS = 20
DEFAULT_MONTHS = 3
# Event ids are 64-bit integers in the database; a longer number names no event.
MAX_ID_DIGITS = 18
# The query parameters every filter form holds: kept in links, downloads and error pages.
FILTER_FIELDS = ("since", "until", "type", "quad", "status", "source", "country")
# What the actor and dyad charts draw: counts by quad class, or the net intensity line.
Measure = Literal["counts", "intensity", "per-article"]
MEASURES = {
    "counts": "Counts",
    "intensity": "Net intensity",
    "per-article": "Net intensity per article",
}
MeasureDep = Annotated[Measure, Query(description="What the chart draws.")]


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


def with_params(path: str, params: Mapping[str, object], **changes: object) -> str:
    """``path`` with the request's query parameters, some changed (None drops one)."""
    kept = [(k, v) for k, v in _items(params) if k not in changes]
    kept += [(k, str(v)) for k, v in changes.items() if v not in (None, "")]
    return path + (f"?{urlencode(kept)}" if kept else "")


def filter_params(params: Mapping[str, object], **extra: str | None) -> str:
    """The filters of a request (``extra`` added or replacing) as a query string."""
    kept = [(k, v) for k, v in _items(params) if k in FILTER_FIELDS and k not in extra]
    kept += [(k, v) for k, v in extra.items() if v]
    return f"?{urlencode(kept)}" if kept else ""


def _items(params: Mapping[str, object]) -> list[tuple[str, str]]:
    # Starlette's QueryParams keep repeated keys; a plain dict has one value each.
    if hasattr(params, "multi_items"):
        return [(k, v) for k, v in params.multi_items() if v]
    return [(k, str(v)) for k, v in params.items() if v]


def actor_label(actor) -> str:
    """An actor's name as pages show it; an article's author is a byline, not an actor."""
    return f"{actor.name} (the article's author)" if actor.kind == "author" else actor.name


def country_label(code: str | None) -> str:
    name = country_name(code)
    return f"{code} — {name}" if name else code or ""


def sector_label(code: str | None) -> str:
    name = sector_name(code)
    return f"{code} — {name}" if name else code or ""


templates.env.globals.update(
    actor_url=actor_path,
    dyad_url=dyad_url,
    article_url=article_url,
    quote_url=quote_url,
    external_url=external_url,
    with_params=with_params,
    filter_params=filter_params,
    quads=quad_classes(),
    event_types=event_types(),
    statuses=STATUSES,
    countries=countries(),
    measures=MEASURES,
)
templates.env.filters.update(
    label=lambda value: (value or "").replace("_", " "),
    timex=display,
    country=country_label,
    sector=sector_label,
    actor_label=actor_label,
    signed=signed,
)


def compile_templates() -> None:
    """Compile every template now (Jinja compiles one on first use: a third of a second
    for the actor page's, paid by the first request that shows it)."""
    for name in templates.env.list_templates():
        templates.env.get_template(name)


def render(request: Request, name: str, status_code: int = 200, **context) -> HTMLResponse:
    context.setdefault("params", request.query_params)
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def not_found(request: Request, message: str) -> HTMLResponse:
    return render(request, "not_found.html", status_code=404, message=message, title="Not found")


def bad_input(request: Request, message: str, field: str | None = None) -> HTMLResponse:
    """The page asked for, as a form again with what was wrong and what to type."""
    return render(
        request,
        "bad_input.html",
        status_code=422,
        message=message,
        field=field,
        form_action=request.url.path,
        filters=_form_values(request.query_params, field),
        title="Check the form",
    )


def _form_values(params: Mapping[str, str], bad: str | None = None) -> dict[str, str]:
    """The filter form's fields as the request gave them, leaving out the one that was wrong."""
    return {k: params.get(k, "") for k in FILTER_FIELDS if k != bad}


def filter_values(filters: Filters) -> dict[str, str]:
    """What the filter form shows: dates as the days they start and end on, for date inputs."""
    chosen = {
        "type": filters.types,
        "quad": filters.quads,
        "status": filters.statuses,
        "source": filters.sources,
        "country": filters.countries,
    }
    # A form field holds one value; a shared URL may hold more, and all of them apply.
    return {
        "since": filters.first_day or "",
        "until": filters.last_day or "",
        **{name: values[0] if values else "" for name, values in chosen.items()},
    }


@router.get("/", response_class=HTMLResponse)
def home_page(
    request: Request,
    conn: Conn,
    cache: CacheDep,
    filters: FiltersDep,
    q: str = "",
    a: str = "",
    b: str = "",
    actors_page: Annotated[int, Query(ge=1, le=1000)] = 1,
    articles_page: Annotated[int, Query(ge=1, le=1000)] = 1,
    quotes_page: Annotated[int, Query(ge=1, le=1000)] = 1,
):
    if a.strip() and b.strip():
        return RedirectResponse(dyad_url(a.strip(), b.strip()), status_code=303)
    if not q.strip():
        summary = _summary(conn, cache)
        filters = _default_window(request, summary, filters)
        busiest = cache.get(
            conn, ("busiest", filters), lambda: query.busiest(conn, filters=filters)
        )
        return render(
            request,
            "home.html",
            summary=summary,
            filters=filter_values(filters),
            top_actors=busiest.actors,
            top_dyads=busiest.dyads,
            latest=query.latest_events(conn, filters=filters, limit=HOME_ROWS),
            worldmap=world_map(busiest.countries),
            title="dyad",
        )
    pages = {"actors": actors_page, "articles": articles_page, "quotes": quotes_page}
    # Each kind is searched, counted and paged on its own: quotes never crowd out articles.
    sections: dict[str, dict[str, Any]] = {}
    for kind in ("articles", "quotes"):
        offset = (pages[kind] - 1) * SEARCH_RESULTS
        sections[kind] = {
            "total": cache.get(
                conn,
                ("search count", q, kind, filters),
                partial(query.count_matches, conn, q, kind=kind, filters=filters),
            ),
            "hits": query.search(
                conn, q, kind=kind, filters=filters, limit=SEARCH_RESULTS, offset=offset
            ),
        }
    sections["actors"] = {
        "hits": query.actors_with_counts(
            conn,
            q,
            filters=filters,
            limit=SEARCH_RESULTS + 1,
            offset=(actors_page - 1) * SEARCH_RESULTS,
        )
    }
    speakers = {hit.speaker for hit in sections["quotes"]["hits"]}
    return render(
        request,
        "search.html",
        q=q,
        sections=sections,
        pages=pages,
        page_size=SEARCH_RESULTS,
        count_limit=query.COUNT_LIMIT,
        speakers=actor_refs(conn, speakers),
        filters=filter_values(filters),
        sources=_sources(conn, cache),
        title=f"Search: {q}",
    )


@router.get("/suggest", response_class=HTMLResponse)
def suggest(request: Request, conn: Conn, q: str = ""):
    """Actor names starting with or holding ``q``, with their event counts, as a list the
    search box shows under itself."""
    found = query.actors_with_counts(conn, q, limit=8) if len(q.strip()) >= 2 else []
    return render(request, "_suggestions.html", found=found)


@router.get("/actors/{actor}", response_class=HTMLResponse)
def actor_page(
    request: Request,
    conn: Conn,
    cache: CacheDep,
    filters: FiltersDep,
    actor: str,
    measure: MeasureDep = "counts",
):
    overview = cache.get(
        conn,
        ("actor", actor, filters),
        lambda: query.actor_overview(conn, actor, filters=filters),
    )
    chart: Chart | IntensityChart
    if measure == "counts":
        charted = _charted(filters)
        counts = (
            by_quad(overview.types_by_month)
            if charted == filters
            else cache.get(
                conn,
                ("actor counts", actor, charted),
                lambda: query.event_counts(conn, actor, filters=charted),
            )
        )
        chart, shown = cooperation_conflict(counts), _total(counts)
    else:
        # The overview resolved the name: the line reads the same actor by its id.
        chart = _intensity(conn, cache, filters, measure, overview.actor.id)
        shown = chart.events
    return render(
        request,
        "actor.html",
        profile=overview,
        chart=chart,
        measure=measure,
        not_charted=overview.events - shown,
        worldmap=_map(conn, cache, filters, actor),
        filters=filter_values(filters),
        sources=_sources(conn, cache),
        downloads=filter_params(request.query_params, actor=overview.actor.id),
        title=actor_label(overview.actor),
    )


def _intensity(
    conn: Connection,
    cache,
    filters: Filters,
    measure: Measure,
    actor: str,
    counterpart: str | None = None,
) -> IntensityChart:
    """The net intensity line of the page's events (all statuses it keeps: actual
    events are drawn apart from the others), per article if asked."""
    by_month = cache.get(
        conn,
        ("intensity", actor, counterpart, filters),
        lambda: monthly_intensity(conn, actor, counterpart, filters=filters),
    )
    articles = None
    if measure == "per-article":
        articles = cache.get(
            conn, ("articles by month", filters), lambda: articles_by_month(conn, filters=filters)
        )
    return net_intensity(by_month, articles)


def _charted(filters: Filters) -> Filters:
    """What a chart counts: actual events, unless the user chose statuses. An intended or
    claimed event is not a thing that happened."""
    return filters if filters.statuses else replace(filters, statuses=("actual",))


def _total(counts: Mapping[str, Mapping[str, int]]) -> int:
    return sum(sum(by_kind.values()) for by_kind in counts.values())


def _map(
    conn: Connection,
    cache,
    filters: Filters,
    actor: str | None = None,
    counterpart: str | None = None,
) -> WorldMap:
    counts = cache.get(
        conn,
        ("countries", filters, actor, counterpart),
        lambda: query.events_by_country(
            conn, filters=filters, actor=actor, counterpart=counterpart
        ),
    )
    return world_map(counts)


def _default_window(request: Request, summary: query.StoreSummary, filters: Filters) -> Filters:
    """The whole store, or on a big one the latest DEFAULT_MONTHS months that have events,
    when the request names no dates at all (dates cleared in the form are whole-store)."""
    asked = "since" in request.query_params or "until" in request.query_params
    if asked or summary.events <= WHOLE_STORE_EVENTS or not summary.last_date:
        return filters
    year, month = int(summary.last_date[:4]), int(summary.last_date[5:7])
    first = year * 12 + month - DEFAULT_MONTHS
    since = f"{first // 12:04d}-{first % 12 + 1:02d}"
    return replace(filters, since=since, until=summary.last_date[:7])


def _sources(conn: Connection, cache) -> list[tuple[str, int]]:
    """The filter form's news sources: not the whole summary, which counts every event."""
    return cache.get(conn, ("sources",), lambda: query.news_sources(conn))


def _summary(conn: Connection, cache) -> query.StoreSummary:
    return cache.get(conn, ("summary",), lambda: query.store_summary(conn))


@router.get("/dyads/{first}/{second}", response_class=HTMLResponse)
def dyad_page(
    request: Request,
    conn: Conn,
    cache: CacheDep,
    filters: FiltersDep,
    first: str,
    second: str,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    after: str | None = None,
    expand: bool = False,
    measure: MeasureDep = "counts",
):
    # "Later" links carry the cursor of the page before (``after``): a page deep in a
    # busy dyad costs what the first does. Other links name the page by its number.
    try:
        timeline = cache.get(
            conn,
            ("timeline", first, second, filters, PAGE_SIZE, page, after),
            lambda: query.timeline(
                conn,
                first,
                second,
                filters=filters,
                limit=PAGE_SIZE,
                offset=0 if after else (page - 1) * PAGE_SIZE,
                after=after,
                reports=api.TIMELINE_REPORTS,
            ),
        )
    except query.BadCursor as error:
        return bad_input(request, f"{error}: follow the page links", "after")
    chart: Chart | IntensityChart
    if measure == "counts":
        charted = _charted(filters)
        counts = cache.get(
            conn,
            ("dyad counts", first, second, charted),
            lambda: query.event_counts(conn, first, second, filters=charted),
        )
        chart, not_charted = cooperation_conflict(counts), timeline.total - _total(counts)
    else:
        chart = _intensity(conn, cache, filters, measure, first, second)
        not_charted = timeline.total - chart.events
    framing = cache.get(
        conn,
        ("framing", first, second, filters),
        lambda: query.dyad_framing(conn, first, second, filters=filters, limit=FRAMED_EVENTS),
    )
    return render(
        request,
        "dyad.html",
        first=first,
        second=second,
        timeline=timeline,
        framing=framing,
        chart=chart,
        measure=measure,
        not_charted=not_charted,
        worldmap=_map(conn, cache, filters, first, second),
        filters=filter_values(filters),
        sources=_sources(conn, cache),
        downloads=filter_params(request.query_params, actor=first, counterpart=second),
        expand=expand,
        page=page,
        pages=max(1, -(-timeline.total // PAGE_SIZE)),
        first_number=(page - 1) * PAGE_SIZE + 1,
        title=f"{timeline.first[0].name} – {timeline.second[0].name}",
    )


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, conn: Conn, event_id: str):
    # Read here rather than typed, so that /events/abc is a page that says what to type.
    if not (event_id.isascii() and event_id.isdigit() and len(event_id) <= MAX_ID_DIGITS):
        return not_found(
            request, f"no event {event_id!r}: event ids are whole numbers, as in /events/12"
        )
    event = query.event(conn, int(event_id))
    if event is None:
        return not_found(request, f"no event {event_id}")
    framing = query.event_framing(conn, int(event_id))
    return render(request, "event.html", event=event, framing=framing, title=f"{event.type} event")


@router.get("/network", response_class=HTMLResponse)
def network_page(
    request: Request, conn: Conn, cache: CacheDep, filters: FiltersDep, actor: str | None = None
):
    summary = _summary(conn, cache)
    shown = _default_window(request, summary, filters)
    window = {"since": shown.since, "until": shown.until}
    return render(
        request,
        "network.html",
        filters=filter_values(shown),
        sources=summary.sources,
        actor=actor or "",
        # The page's filters with the dates it shows: the drawing and downloads alike.
        downloads=filter_params(request.query_params, actor=actor, **window),
        title="Network",
    )


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
        title=view.headline or f"Article {view.id[:12]}",
    )


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(request: Request):
    return render(request, "api_docs.html", title="REST API")
