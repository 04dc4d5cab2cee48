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

This module holds only the settings. Each is enforced where it belongs: the
article length by ingest and ``dyad.pipeline``, the query time by the store
(``Store(db, query_seconds=…)``), the request limits and the write token by
the web app's ``dyad.web.guard.RequestGuard``.
"""

from __future__ import annotations

import hmac
import os
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

ENV_PREFIX = "DYAD_"
# The largest integer SQLite and PostgreSQL (bigint) hold: ids, offsets and
# counts past it are refused as input rather than failing in the database.
MAX_INTEGER = 2**63 - 1
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
        changes: dict[str, Any] = {}
        for item in fields(cls):
            raw = environ.get(ENV_PREFIX + item.name.upper())
            if raw is None or raw == "":
                continue
            kind: type = type(getattr(cls, item.name)) if item.name != "write_token" else str
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
