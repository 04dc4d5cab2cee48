"""Downloading pages and feeds with httpx: timeouts, a size cap, a redirect limit."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from dyad.ingest.items import BadInput, megabytes, one_line
from dyad.ingest.options import IngestOptions


@dataclass
class Download:
    url: str  # after redirects
    content: bytes
    content_type: str  # media type without parameters, e.g. "text/html"
    charset: str | None


class Fetcher:
    """One HTTP client for a whole run, so connections are reused."""

    def __init__(self, options: IngestOptions) -> None:
        self.options = options
        self.client = httpx.Client(
            timeout=options.timeout,
            follow_redirects=True,
            max_redirects=options.max_redirects,
            headers={"User-Agent": options.user_agent},
        )

    def close(self) -> None:
        self.client.close()

    def get(self, url: str) -> Download:
        """The body at ``url``; raises ``BadInput`` with the reason it could not be had."""
        limit = self.options.max_bytes
        try:
            with self.client.stream("GET", url) as response:
                if response.status_code >= 400:
                    raise BadInput(f"HTTP error ({response.status_code} {response.reason_phrase})")
                declared = int(response.headers.get("content-length") or 0)
                if declared > limit:
                    raise BadInput(f"too large ({megabytes(declared)}, limit {megabytes(limit)})")
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > limit:
                        raise BadInput(f"too large (over {megabytes(limit)})")
                    chunks.append(chunk)
                media_type = response.headers.get("content-type", "").split(";")[0]
                return Download(
                    url=str(response.url),
                    content=b"".join(chunks),
                    content_type=media_type.strip().lower(),
                    charset=response.charset_encoding,
                )
        except httpx.TooManyRedirects:
            raise BadInput(f"too many redirects (limit {self.options.max_redirects})") from None
        except httpx.TimeoutException:
            raise BadInput(f"timed out (after {self.options.timeout:g} s)") from None
        except httpx.HTTPError as error:
            raise BadInput(f"download failed ({type(error).__name__}: {one_line(error)})") from None
