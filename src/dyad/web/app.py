"""The web app: REST API under /api, HTML pages elsewhere, static files dyad ships itself."""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources

import swagger_ui_bundle
from fastapi import FastAPI, Request
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import OperationalError
from starlette.middleware.trustedhost import TrustedHostMiddleware

from dyad.export import ExportError
from dyad.limits import Limits
from dyad.query import UnknownActor
from dyad.store import Store, is_query_timeout
from dyad.web.cache import AnswerCache
from dyad.web.deps import BadInput
from dyad.web.guard import RequestGuard

# Article text is untrusted: scripts and styles come only from dyad itself, never inline.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ]
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}

# Answers change with every ingest, so pages and API answers are fetched afresh; the
# static files dyad ships change only with dyad itself.
NO_STORE = "no-store"
STATIC_CACHE = "public, max-age=3600"
STATIC_PREFIXES = ("/static/", "/vendor/")

log = logging.getLogger("dyad.web")

DESCRIPTION = """\
Sourced political event data from the dyad store: dyad timelines, actor profiles,
quotes, the actor network and articles with everything found in them. Every event
carries the sentences and articles that report it.
"""


def create_app(
    db: str,
    allowed_hosts: list[str] | None = None,
    limits: Limits | None = None,
    *,
    warm_up: bool = False,
) -> FastAPI:
    """The app over one store (a SQLite file or a database URL).

    With ``allowed_hosts``, requests naming any other host are refused: a web page
    elsewhere cannot then reach a server on 127.0.0.1 by rebinding its own name
    to that address. ``limits``: request and query limits (default: from the environment).
    ``warm_up``: before it takes requests, the app compiles its templates and asks
    itself for a sample of its pages (``dyad.web.warmup``), so that the first visitor
    does not wait for that; ``dyad serve`` does.
    """
    limits = limits or Limits.from_env()
    from dyad.version import __version__
    from dyad.web import api, pages, warmup

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.store = Store(db, read_only=True, query_seconds=limits.max_query_seconds)
        app.state.cache = AnswerCache()
        if warm_up:
            host = next((h for h in allowed_hosts or () if "*" not in h), "127.0.0.1")
            seconds = await warmup.warm_up(app, host)
            log.info("warmed up in %.1f s", seconds)
        yield
        app.state.store.close()

    app = FastAPI(
        lifespan=lifespan,
        title="dyad",
        version=__version__,
        description=DESCRIPTION,
        # The default docs page loads Swagger UI from a CDN; dyad serves its own copy.
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.include_router(api.router)
    app.include_router(pages.router)
    static = resources.files("dyad.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.mount(
        "/vendor/swagger-ui",
        StaticFiles(directory=swagger_ui_bundle.swagger_ui_path),
        name="swagger-ui",
    )

    app.add_middleware(RequestGuard, limits=limits)
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)

    @app.middleware("http")
    async def headers(request: Request, call_next):
        started = time.perf_counter()
        response = await call_next(request)
        elapsed = (time.perf_counter() - started) * 1000
        response.headers["Server-Timing"] = f"app;dur={elapsed:.1f}"
        response.headers.update(SECURITY_HEADERS)
        if "cache-control" not in response.headers:
            cacheable = request.url.path.startswith(STATIC_PREFIXES) and response.status_code < 400
            response.headers["Cache-Control"] = STATIC_CACHE if cacheable else NO_STORE
        return response

    @app.exception_handler(Exception)
    async def server_error(request: Request, error: Exception):
        # Sent by Starlette's outermost middleware, past the one that adds the headers;
        # the error itself is still raised afterwards, for the server's log.
        headers = {**SECURITY_HEADERS, "Cache-Control": NO_STORE}
        return PlainTextResponse("Internal Server Error", status_code=500, headers=headers)

    @app.exception_handler(ExportError)
    async def export_failed(request: Request, error: ExportError):
        return JSONResponse({"detail": str(error)}, status_code=503)

    @app.exception_handler(UnknownActor)
    async def unknown_actor(request: Request, error: UnknownActor):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": str(error)}, status_code=404)
        return pages.not_found(request, str(error))

    @app.exception_handler(BadInput)
    async def bad_input(request: Request, error: BadInput):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": str(error)}, status_code=422)
        return pages.bad_input(request, str(error), error.field)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError):
        if request.url.path.startswith("/api/"):
            return await request_validation_exception_handler(request, error)
        first = error.errors()[0]
        field = str(first["loc"][-1])
        return pages.bad_input(request, f"{field}: {first['msg'].lower()}", field)

    @app.exception_handler(OperationalError)
    async def query_too_costly(request: Request, error: OperationalError):
        if not is_query_timeout(error):
            raise error
        message = (
            f"the query took over {limits.max_query_seconds:g} s (DYAD_MAX_QUERY_SECONDS) "
            "and was stopped; narrow it with a time window, an actor or a smaller limit"
        )
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": message}, status_code=503)
        return PlainTextResponse(message, status_code=503)

    app.add_middleware(HeadAsGet)  # outermost: everything within sees a GET
    return app


class HeadAsGet:
    """ASGI middleware that answers HEAD as GET without the body (RFC 9110 asks it of
    every GET resource; FastAPI routes declared with ``get`` would answer 405)."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body"):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)
