"""The web app's request limits and write token, as ASGI middleware (settings: ``dyad.limits``)."""

from __future__ import annotations

import json

from dyad.limits import READ_METHODS, Limits


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
