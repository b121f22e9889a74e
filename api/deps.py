"""Request dependencies: the store and settings of the running app, and catalog query helpers."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from fastapi import Request

from api.errors import ApiError, http_error
from graph.store import Store, StoreError
from policygraph.settings import Settings
from queries import CatalogError, ParamError
from queries import run as run_query
from queries.answers import NotFound
from queries.catalog import ANSWER_TIMEOUT_MS


async def get_store(request: Request) -> Store:
    # async on purpose: a sync dependency costs a threadpool hop per request; this one never blocks once
    # the store is open (the app's lifespan opens it at startup)
    return request.app.state.lazy_store.get()


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


# Every catalog query the API runs is stopped by the store after this long (a path search through hubs, a
# text scan): the caller gets a 504 instead of a request that holds a worker for minutes.
API_QUERY_TIMEOUT_MS = ANSWER_TIMEOUT_MS


def run(store: Store, name: str, **params: Any) -> list[dict]:
    """Run a catalog query; store failures become HTTP errors with a clear message."""
    with answering(name):
        return run_query(store, name, params, timeout_ms=API_QUERY_TIMEOUT_MS)


@contextmanager
def answering(name: str) -> Iterator[None]:
    """Failures of a catalog query or a queries.answers answer -> HTTP errors naming the query."""
    try:
        yield
    except (NotFound, ParamError, CatalogError, StoreError) as exc:
        raise http_error(exc, name) from exc


def one(store: Store, name: str, kind: str, id_: str, **params: Any) -> dict:
    rows = run(store, name, id=id_, **params)
    if not rows:
        raise ApiError(404, f"no {kind} with id {id_!r}")
    return rows[0]
