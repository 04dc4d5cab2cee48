"""Limits on what one input or one request may cost, in one settings object.

dyad reads untrusted text and serves untrusted requests; each limit here has a
default that keeps one bad input from stalling a batch or a server, and an
environment variable to change it::

    DYAD_MAX_ARTICLE_CHARS   longest article analysed (characters)       1,000,000
    DYAD_MAX_REQUEST_BYTES   largest request body the web app reads      1 MiB
    DYAD_MAX_URL_BYTES       longest request URL (path and query)        8 KiB
    DYAD_MAX_QUERY_SECONDS   longest a web request's database query runs  10 s
    DYAD_WRITE_TOKEN         token a request that writes must carry       none: no writes

Hitting a limit gives an error that names it: a skipped article ("too long
(…, limit …)"), HTTP 413/414 for requests, HTTP 503 for a query cut short.
"""

from __future__ import annotations

import hmac
import json
import os
import sqlite3
import time
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace

from sqlalchemy import Engine, event

ENV_PREFIX = "DYAD_"
# Methods that only read; anything else changes state and needs the write token.
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class LimitExceeded(ValueError):
    """An input or a request went past one of the ``Limits``; the message says which."""


class QueryTooCostly(LimitExceeded):
    pass


@dataclass(frozen=True)
class Limits:
    # spaCy's own default ``max_length``: parsing takes about 1 GB of memory per
    # million characters, and no news article comes near it.
    max_article_chars: int = 1_000_000
    max_request_bytes: int = 2**20
    max_url_bytes: int = 8 * 2**10
    max_query_seconds: float = 10.0
    write_token: str | None = None

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Limits:
        """The defaults, overridden by ``DYAD_<NAME>`` environment variables."""
        environ = os.environ if environ is None else environ
        changes = {}
        for item in fields(cls):
            raw = environ.get(ENV_PREFIX + item.name.upper())
            if raw is None or raw == "":
                continue
            kind = type(getattr(cls, item.name)) if item.name != "write_token" else str
            try:
                value = kind(raw)
            except ValueError as error:
                name = ENV_PREFIX + item.name.upper()
                raise LimitExceeded(f"{name} must be a number, not {raw!r}") from error
            if kind is not str and value <= 0:
                raise LimitExceeded(f"{ENV_PREFIX + item.name.upper()} must be positive")
            changes[item.name] = value
        return replace(cls(), **changes)

    def check_article(self, text: str) -> None:
        """Raise ``LimitExceeded`` for an article too long to analyse."""
        if len(text) > self.max_article_chars:
            raise LimitExceeded(article_too_long(len(text), self.max_article_chars))

    def may_write(self, authorization: str | None) -> bool:
        """Whether a request's ``Authorization`` header carries the write token."""
        if not self.write_token or not authorization:
            return False
        scheme, _, token = authorization.partition(" ")
        return scheme.lower() == "bearer" and hmac.compare_digest(
            token.strip().encode(), self.write_token.encode()
        )


def article_too_long(length: int, limit: int) -> str:
    return f"too long ({length:,} characters, limit {limit:,}; see DYAD_MAX_ARTICLE_CHARS)"


def limit_query_time(engine: Engine, seconds: float) -> None:
    """Cut short any statement on ``engine`` that runs longer than ``seconds``.

    SQLite: a progress handler checks the clock every thousand VM steps and
    interrupts the statement (fetching its rows included). PostgreSQL: the
    server's own ``statement_timeout``. Either way the caller gets an
    ``OperationalError`` that ``is_query_timeout`` recognises.
    """
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "before_cursor_execute")
        def _deadline(conn, _cursor, _statement, _parameters, _context, _executemany):
            dbapi = conn.connection.dbapi_connection
            deadline = time.monotonic() + seconds
            dbapi.set_progress_handler(lambda: time.monotonic() > deadline, 1000)

    elif engine.dialect.name == "postgresql":

        @event.listens_for(engine, "connect")
        def _timeout(dbapi_connection, _record):
            with dbapi_connection.cursor() as cursor:
                cursor.execute(f"SET statement_timeout = {max(1, int(seconds * 1000))}")
            dbapi_connection.commit()  # a SET inside a rolled-back transaction would not last


def is_query_timeout(error: BaseException) -> bool:
    original = getattr(error, "orig", error)
    if isinstance(original, sqlite3.OperationalError):
        return "interrupted" in str(original)
    return type(original).__name__ == "QueryCanceled"


class RequestGuard:
    """ASGI middleware that enforces the request limits and the write token.

    Long URLs get 414 and large bodies 413 before the app sees them (a body
    without a declared length is read up to the limit, then replayed to the
    app). Any method but GET, HEAD and OPTIONS changes something, so it needs
    ``Authorization: Bearer <DYAD_WRITE_TOKEN>``: 401 without one, 403 with a
    wrong one, and refused outright when the server has no token set.
    """

    def __init__(self, app, limits: Limits) -> None:
        self.app = app
        self.limits = limits

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limits = self.limits
        url_bytes = len(scope.get("raw_path") or scope["path"].encode()) + len(
            scope.get("query_string", b"")
        )
        if url_bytes > limits.max_url_bytes:
            message = (
                f"URL too long ({url_bytes:,} bytes, limit {limits.max_url_bytes:,}; "
                "DYAD_MAX_URL_BYTES)"
            )
            await _refuse(send, 414, message)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        if scope["method"] not in READ_METHODS:
            authorization = headers.get("authorization")
            if not limits.may_write(authorization):
                status = 403 if authorization else 401
                why = "is not set on this server" if not limits.write_token else "is required"
                message = f"writing needs the write token (DYAD_WRITE_TOKEN), which {why}"
                await _refuse(send, status, message)
                return
        declared = headers.get("content-length")
        if declared is not None and (
            not declared.isdigit() or int(declared) > limits.max_request_bytes
        ):
            await _refuse(send, 413, _too_large(declared, limits.max_request_bytes))
            return
        if declared is None and "transfer-encoding" not in headers:
            await self.app(scope, receive, send)
            return
        body = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break
            size += len(message.get("body", b""))
            if size > limits.max_request_bytes:
                await _refuse(send, 413, _too_large(f"over {size}", limits.max_request_bytes))
                return
            body.append(message.get("body", b""))
            if not message.get("more_body"):
                break
        replayed = False

        async def replay():
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": b"".join(body), "more_body": False}

        await self.app(scope, replay, send)


def _too_large(size: str, limit: int) -> str:
    return f"request body too large ({size} bytes, limit {limit:,}; DYAD_MAX_REQUEST_BYTES)"


async def _refuse(send, status: int, message: str) -> None:
    body = json.dumps({"detail": message}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
