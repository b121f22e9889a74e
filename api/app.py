"""The FastAPI application: `create_app(store=None, settings=None)`.

One router per concern (yente style). The store is opened at startup from settings (embedded FalkorDB by
default) unless one is passed in — tests pass a real store; then the app does not close it.
Reads are open unless settings.read_keys is set; writes always need a key (see api.security).
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI

from api.contract import install_contract, operation_id
from api.docs import mount_docs
from api.errors import install_error_handlers
from api.limits import RequestLimits, document_limits
from api.models import ErrorBody
from api.routers import actions, analytics, cypher, documents, entities, export, lists, meta, paths
from api.security import require_read
from graph.store import Store
from policygraph.settings import Settings, get_settings

DESCRIPTION = """Who sanctioned whom, under which law, when — with the sentence that says so.

Every answer that states a fact carries its evidence: the document, the character offsets and the quote.
Errors are JSON: `{"detail": "...", "error": "not_found", "status": 404}`.
"""

ERROR_RESPONSES = {
    400: {"model": ErrorBody, "description": "malformed body (not UTF-8 JSON, broken multipart)"},
    401: {"model": ErrorBody, "description": "missing or bad API key"},
    403: {"model": ErrorBody, "description": "refused (writes disabled, or a write through /cypher)"},
    404: {"model": ErrorBody, "description": "unknown id"},
    413: {"model": ErrorBody, "description": "request body over the limit (api.limits)"},
    422: {"model": ErrorBody, "description": "bad parameter (or a control character in the URL)"},
}


ROUTERS = (meta.router, entities.router, actions.router, paths.router, documents.router, analytics.router,
           export.router, cypher.router, lists.router)


class _LazyStore:
    """Opens the configured store on first use when the app was created without one (no lifespan run)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.store: Store | None = None
        self._lock = threading.Lock()

    def get(self) -> Store:
        if self.store is None:
            with self._lock:
                if self.store is None:
                    from graph.factory import open_store

                    self.store = open_store(self.settings.store, self.settings)
        return self.store


def create_app(store: Store | None = None, settings: Settings | None = None) -> FastAPI:
    """The app, serving `store` (or the store `settings` name, opened at startup)."""
    settings = settings or get_settings()
    lazy = _LazyStore(settings)
    lazy.store = store
    owns_store = store is None

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        lazy.get()  # fail at startup, not on the first request, when the store is unreachable
        yield
        if owns_store and lazy.store is not None:
            lazy.store.close()
            lazy.store = None

    app = FastAPI(
        title="PolicyGraph API",
        version=meta.VERSION,
        description=DESCRIPTION,
        lifespan=lifespan,
        responses=ERROR_RESPONSES,
        generate_unique_id_function=operation_id,  # operationIds = endpoint names (api.contract)
        docs_url=None,  # served by api.docs from the installed swagger-ui-bundle, not a CDN
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.lazy_store = lazy


    install_error_handlers(app)
    app.add_middleware(RequestLimits)  # body size and control characters, before any endpoint (api.limits)
    document_limits(app)
    # Open reads (no read keys configured) get no dependency at all: FastAPI solves every dependency on every
    # request, the key header included (measured in-process: 0.03 of the 0.27 ms FastAPI spent on a request).
    reads = [Depends(require_read)] if settings.read_keys else []
    for router in ROUTERS:
        app.include_router(router, dependencies=reads)
    install_contract(app, settings)  # operationIds, error schemas, named bodies, CORS (api.contract)

    mount_docs(app)
    from api.web import mount_web  # the explorer at / (web helper); after the API routes, so it shadows none

    mount_web(app)
    return app

