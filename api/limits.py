"""Limits every request meets before any endpoint runs: body size and control characters in the URL.

A plain ASGI middleware (no BaseHTTPMiddleware: that one buffers and costs a task per request):
- a body over its path's limit is refused with 413 - at once when Content-Length says so, otherwise as soon
  as the streamed bytes pass it (a 200 MB body was accepted and parsed before);
- a path or query string holding a control character (`%00` above all: FalkorDB reads a query as a C string
  and a NUL cut it short, and the 500 that followed quoted the catalog's Cypher) is refused with 422, so no
  such value reaches a store.
Errors keep the API's one shape (api.errors.error_body). `document_limits` states the URL rule in the
OpenAPI schema (a pattern on every string parameter), so a client - or a fuzzer - knows it before asking.
"""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import unquote

from starlette.exceptions import HTTPException

from api.errors import error_body
from ingest.documents import MAX_TEXT_CHARS

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_BODY_BYTES = 1_000_000  # every endpoint but the ingest: a Cypher query and its parameters, a form
# POST /documents: up to 100 documents of MAX_TEXT_CHARS characters; JSON escapes and UTF-8 make a character
# up to 6 bytes in the worst case, a plain text ~1. 64 MB bounds the memory one request can take.
MAX_INGEST_BODY_BYTES = 64_000_000
assert MAX_INGEST_BODY_BYTES >= 4 * MAX_TEXT_CHARS, "one document at the length limit must fit in a request"
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def body_limit(path: str) -> int:
    return MAX_INGEST_BODY_BYTES if path.rstrip("/") == "/documents" else MAX_BODY_BYTES


class RequestLimits:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        query = scope.get("query_string", b"").decode("latin-1")
        if _CONTROL.search(path) or _CONTROL.search(unquote(query)):
            await _answer(send, 422, "the URL holds a control character (such as %00); ids and parameters "
                                     "are text without control characters")
            return
        limit = body_limit(path)
        declared = dict(scope.get("headers") or ()).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await _answer(send, 413, f"the request body is over {limit:,} bytes")
            return
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    # an HTTPException: FastAPI's body parsing and the endpoints let it through to the app's
                    # handler (any other exception there becomes a 400 or a 500)
                    raise HTTPException(413, f"the request body is over {limit:,} bytes")
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except HTTPException as exc:  # raised outside a route's own handling (a middleware reading the body)
            if started or exc.status_code != 413:
                raise
            await _answer(send, 413, str(exc.detail))


async def _answer(send: Send, status: int, detail: str) -> None:
    body = json.dumps(error_body(status, detail)).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


# Text without control characters: what every string in a path or query string must be.
NO_CONTROL_PATTERN = r"^[^\u0000-\u001f\u007f-\u009f]*$"


def document_limits(app: Any) -> None:
    """Add NO_CONTROL_PATTERN to every string path and query parameter of `app`'s OpenAPI schema."""
    build = app.openapi

    def openapi() -> dict:
        if app.openapi_schema is not None:
            return app.openapi_schema
        spec = build()
        for item in spec.get("paths", {}).values():
            for operation in item.values():
                for param in operation.get("parameters", []) if isinstance(operation, dict) else []:
                    if param.get("in") in ("path", "query"):
                        _no_control(param.get("schema", {}))
        app.openapi_schema = spec
        return spec

    app.openapi = openapi


def _no_control(schema: dict) -> None:
    for option in schema.get("anyOf", ()):
        _no_control(option)
    if schema.get("type") == "string" and "pattern" not in schema and "enum" not in schema:
        schema["pattern"] = NO_CONTROL_PATTERN
