"""The bounded point reads without FastAPI's per-request machinery.

FastAPI resolves every request generically: it walks its included routers twice (match, then handle), and
solves the dependency tree, which for each dependant asks again, by inspecting the annotations, whether every
parameter is a sequence, a model or a file. For a read that costs the store 1-3 ms, that is 0.2-0.3 ms per
request (measured with bench/api.py at 10^6 entities: a fifth of a network answer over HTTP).

`FastLane` is an ASGI middleware that serves GET requests of a few routes chosen by the app (the point reads:
one entity, its timeline, its network, search, one action, enabled-by) from what FastAPI compiled for those
routes: the same path regex, the same parameter fields (names, aliases, defaults, pydantic validation with the
same `loc`), then the endpoint function itself, which builds its own Response (api.responses.respond). A
route qualifies only if it needs nothing but path and scalar query parameters, the Request, and dependencies
listed as `request_dependencies` (callables of the request alone, like api.deps.get_store). Everything else
passes to FastAPI untouched: other routes and methods, any request whose parameters fail validation or are
missing (FastAPI then gives its canonical 422), and every request while the app has dependency overrides.
Exceptions the endpoint raises go to the app's own exception handlers, so errors look the same.
tests/test_api_fastlane.py compares the two paths.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI
from fastapi._compat import field_annotation_is_scalar  # the test FastAPI itself applies to pick .get()
from fastapi.routing import APIRoute
from starlette.convertors import Convertor
from starlette.datastructures import QueryParams
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send


@dataclass(frozen=True)
class _Param:
    name: str  # the endpoint's argument
    alias: str  # the key in the path or query string
    field: Any  # FastAPI's ModelField: .validate(value, values, loc=...)
    required: bool
    default: Any


@dataclass(frozen=True)
class _Route:
    regex: re.Pattern[str]
    convertors: dict[str, Convertor]
    path_params: tuple[_Param, ...]
    query_params: tuple[_Param, ...]
    dependencies: tuple[tuple[str, Callable[[Request], Any]], ...]  # (argument, async callable of the request)
    request_arg: str | None
    endpoint: Callable[..., Any]


class _NotServed(Exception):
    """The lane leaves this request to FastAPI."""


def _param(field: Any) -> _Param | None:
    info = field.field_info
    if info.validation_alias not in (None, field.alias):
        return None  # AliasChoices / AliasPath: FastAPI's own lookup
    if not field_annotation_is_scalar(info.annotation):
        return None  # lists (repeated keys), parameter models: FastAPI's own extraction
    required = info.is_required()
    if not required and info.validate_default:
        return None
    return _Param(field.name, field.alias, field, required, None if required else info.default)


def compile_route(route: APIRoute, request_dependencies: Iterable[Callable]) -> _Route:
    """The lane's form of one FastAPI route; ValueError when the route needs more than the lane does."""
    dep = route.dependant
    allowed = set(request_dependencies)
    if route.methods != {"GET"} or not inspect.iscoroutinefunction(route.endpoint):
        raise ValueError(f"{route.path}: only async GET endpoints")
    if (dep.body_params or dep.header_params or dep.cookie_params or dep.background_tasks_param_name
            or dep.response_param_name or dep.websocket_param_name or dep.http_connection_param_name
            or dep.security_scopes_param_name):
        raise ValueError(f"{route.path}: needs more than path and query parameters")
    deps = []
    for sub in dep.dependencies:
        if (sub.call not in allowed or not sub.name or sub.dependencies
                or not inspect.iscoroutinefunction(sub.call)):
            raise ValueError(f"{route.path}: dependency {getattr(sub.call, '__name__', sub.call)!r} not allowed")
        deps.append((sub.name, sub.call))
    path_params = [_param(f) for f in dep.path_params]
    query_params = [_param(f) for f in dep.query_params]
    if None in path_params or None in query_params:
        raise ValueError(f"{route.path}: a parameter needs FastAPI's own extraction")
    return _Route(route.path_regex, route.param_convertors, tuple(path_params), tuple(query_params),  # type: ignore[arg-type]
                  tuple(deps), dep.request_param_name, route.endpoint)


def _values(route: _Route, path_values: dict[str, str], query: QueryParams) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for p in route.path_params:
        value, errors = p.field.validate(route.convertors[p.alias].convert(path_values[p.alias]), values,
                                         loc=("path", p.alias))
        if errors:
            raise _NotServed
        values[p.name] = value
    for p in route.query_params:
        raw = query.get(p.alias)
        if raw is None:
            if p.required:
                raise _NotServed
            values[p.name] = p.default  # scalar defaults (the lane refuses validate_default)
            continue
        value, errors = p.field.validate(raw, values, loc=("query", p.alias))
        if errors:
            raise _NotServed
        values[p.name] = value
    return values


class FastLane:
    """ASGI middleware (install with `app.add_middleware(FastLane, routes=..., request_dependencies=...)`)."""

    def __init__(self, app: ASGIApp, routes: Iterable[APIRoute], request_dependencies: Iterable[Callable] = ()
                 ) -> None:
        self.app = app
        deps = list(request_dependencies)
        self.routes = [compile_route(r, deps) for r in routes]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (scope["type"] != "http" or scope["method"] != "GET" or scope.get("root_path")
                or scope["app"].dependency_overrides):  # overrides are FastAPI's to apply
            await self.app(scope, receive, send)
            return
        path = scope["path"]
        for route in self.routes:
            match = route.regex.match(path)
            if match is None:
                continue
            try:
                values = _values(route, match.groupdict(), QueryParams(scope["query_string"]))
            except _NotServed:
                break
            await self._serve(route, values, scope, receive, send)
            return
        await self.app(scope, receive, send)

    async def _serve(self, route: _Route, values: dict[str, Any], scope: Scope, receive: Receive, send: Send
                     ) -> None:
        request = Request(scope, receive, send)
        try:
            for name, call in route.dependencies:
                values[name] = await call(request)
            if route.request_arg:
                values[route.request_arg] = request
            response = await route.endpoint(**values)
            if not isinstance(response, Response):
                raise TypeError(f"{route.endpoint.__name__} must return a Response to be served by the lane")
        except Exception as exc:
            handler = _handler(scope["app"], exc)
            if handler is None:
                raise  # the app's ServerErrorMiddleware answers 500, as for any route
            response = await handler(request, exc)
        await response(scope, receive, send)


def _handler(app: FastAPI, exc: Exception) -> Callable | None:
    """The app's handler for exc as Starlette's ExceptionMiddleware finds it (an HTTPException's status code
    first, then the nearest class). Handlers for Exception itself belong to ServerErrorMiddleware: not here."""
    handlers = app.exception_handlers
    if isinstance(exc, HTTPException) and exc.status_code in handlers:
        return handlers[exc.status_code]
    for cls in type(exc).__mro__:
        if cls is Exception:
            break
        if cls in handlers:
            return handlers[cls]
    return None
