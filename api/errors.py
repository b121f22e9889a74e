"""JSON errors, one shape everywhere: `{"detail": str, "error": code, "status": int}`.

`detail` is always a human-readable string (the web UI shows it verbatim); 422 answers also carry the
pydantic `errors` list so a client can point at the bad field.
"""

from __future__ import annotations

import logging
import re

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from graph.store import QueryError, QueryTimeout, ReadOnlyViolation, StoreError
from queries import CatalogError, ParamError
from queries.answers import NotFound

log = logging.getLogger(__name__)

CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    422: "invalid_parameter",
    500: "internal_error",
    503: "unavailable",
    504: "timeout",
}


class ApiError(Exception):
    """An error with an HTTP status and a message for the caller."""

    def __init__(self, status: int, detail: str, headers: dict[str, str] | None = None,
                 errors: list[dict] | None = None) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.headers = headers
        self.errors = errors  # pydantic-style details of a 422


def not_found(kind: str, id_: str) -> ApiError:
    return ApiError(404, f"no {kind} with id {id_!r}")


def invalid(detail: str) -> ApiError:
    return ApiError(422, detail)


def error_body(status: int, detail: str, **extra: object) -> dict:
    return {"detail": detail, "error": CODES.get(status, "error"), "status": status, **extra}


def _validation_message(errors: list[dict]) -> str:
    parts = []
    for err in errors:
        loc = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body"))
        parts.append(f"{loc or 'request'}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def http_error(exc: Exception, name: str = "the query") -> ApiError:
    """A failure of the query layer (an unknown id, a bad parameter, the store) -> the HTTP error to answer.
    `name`: the catalog query or answer that failed, for the message."""
    label = repr(name) if name != "the query" else name
    if isinstance(exc, NotFound):
        return ApiError(404, str(exc))
    if isinstance(exc, ParamError):
        return ApiError(422, str(exc))
    if isinstance(exc, CatalogError):
        return ApiError(500, f"query catalog: {exc}")
    if isinstance(exc, ReadOnlyViolation):
        return ApiError(403, f"query {label} tried to write: {exc}")
    if isinstance(exc, QueryTimeout):
        return ApiError(504, f"query {label} timed out")
    if isinstance(exc, QueryError):
        # The store's own message may quote the query (FalkorDB's errCtx): it goes to the log, not the client.
        log.warning("catalog query %s failed: %s", name, exc)
        return ApiError(500, f"query {label} failed (the details are in the server log)")
    if isinstance(exc, StoreError):
        return ApiError(503, f"the graph store is unavailable: {exc}")
    raise TypeError(f"not a query-layer failure: {exc!r}") from exc


def install_error_handlers(app: FastAPI) -> None:
    # Routers hand the query layer's failures up unchanged (they parse and delegate); they are answered here.
    @app.exception_handler(NotFound)
    @app.exception_handler(ParamError)
    @app.exception_handler(CatalogError)
    @app.exception_handler(StoreError)
    async def _query_layer_error(request: Request, exc: Exception) -> JSONResponse:
        error = http_error(exc)
        return JSONResponse(error_body(error.status, error.detail), status_code=error.status, headers=error.headers)


    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
        extra = {"errors": exc.errors} if exc.errors is not None else {}
        return JSONResponse(error_body(exc.status, exc.detail, **extra), status_code=exc.status, headers=exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        headers = exc.headers
        if exc.status_code == 405:
            headers = {**(headers or {}), "Allow": _allowed(request)}
        return JSONResponse(error_body(exc.status_code, detail), status_code=exc.status_code, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {k: v for k, v in e.items() if k in ("loc", "msg", "type")} for e in exc.errors()
        ]
        return JSONResponse(error_body(422, _validation_message(errors), errors=errors), status_code=422)


def _allowed(request: Request) -> str:
    """Every method the request's path answers, as the OpenAPI schema documents them. Starlette names only
    the methods of the first route that matched the path, and GET /documents and POST /documents are two
    routes: `Allow: GET` was a lie."""
    path = request.scope.get("path", "")
    methods: set[str] = set()
    for template, item in request.app.openapi().get("paths", {}).items():
        if re.fullmatch(re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template)), path):
            methods |= {m.upper() for m in item if m in _HTTP_METHODS}
    return ", ".join(sorted(methods))


_HTTP_METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"})
