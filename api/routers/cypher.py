"""Read-only Cypher for developers. Three guards, each for what the others cannot do:
- api.cypher_guard refuses what a read query does not need (LOAD CSV, procedures outside a short list,
  administration commands) before the store sees it: 403;
- the store's read-only mode (FalkorDB GRAPH.RO_QUERY, Neo4j READ access mode) refuses writes: 403;
- the store's own limits stop a heavy read: the server-side timeout (504) and memory caps (FalkorDB's
  QUERY_MEM_CAPACITY, Neo4j's transaction memory limit: 422), and at most MAX_CONCURRENT ad-hoc queries run
  at once (503 with Retry-After beyond), so they cannot take every worker and the store from other requests.
"""

from __future__ import annotations

import threading
import time
from typing import Annotated

from fastapi import APIRouter, Depends, Request

from api import cypher_guard
from api.deps import get_settings, get_store
from api.errors import ApiError
from api.models import CypherIn, CypherOut
from graph.store import QueryError, QueryTimeout, ReadOnlyViolation, Store, StoreError

router = APIRouter(tags=["developers"])
StoreDep = Annotated[Store, Depends(get_store)]

# Writes are left to the store's read-only mode (a keyword filter would miss writes hidden in procedures and
# refuse harmless reads that merely contain a keyword); the guard only refuses what reaches outside the graph.
REFUSED = "this endpoint is read-only and the store refused the query because it writes ({}); writes go " \
    "through POST /documents"
# Three heavy queries at once made /health take 9.9 s on a 2-core machine; two leave room for everything else.
MAX_CONCURRENT = 2
_SLOTS = threading.BoundedSemaphore(MAX_CONCURRENT)


@router.post("/cypher", response_model=CypherOut, summary="Run read-only Cypher (developers)",
             responses={403: {"description": "the query writes, or needs more than the graph (LOAD CSV, a "
                                             "procedure outside the allowed list, an administration command)"},
                        422: {"description": "syntax error, or the query needed more memory than allowed"},
                        503: {"description": f"{MAX_CONCURRENT} ad-hoc queries are already running"},
                        504: {"description": "timed out"}})
def run_cypher(body: CypherIn, request: Request, store: StoreDep) -> dict:
    settings = get_settings(request)
    try:
        cypher_guard.check(body.query)
    except cypher_guard.Refused as exc:
        raise ApiError(403, f"refused: {exc}") from exc
    if not _SLOTS.acquire(blocking=False):
        raise ApiError(503, f"{MAX_CONCURRENT} ad-hoc queries are already running; retry in a few seconds",
                       {"Retry-After": "2"})
    started = time.perf_counter()
    try:
        columns, rows = store.query_table(body.query, body.params, read_only=True,
                                          timeout_ms=settings.query_timeout_ms, row_cap=settings.row_cap + 1)
    except ReadOnlyViolation as exc:
        raise ApiError(403, REFUSED.format(exc)) from exc
    except QueryTimeout as exc:
        raise ApiError(504, f"the query ran past {settings.query_timeout_ms} ms and was stopped") from exc
    except QueryError as exc:
        raise ApiError(422, f"query: {exc}") from exc
    except StoreError as exc:
        raise ApiError(503, f"the graph store is unavailable: {exc}") from exc
    finally:
        _SLOTS.release()
    elapsed = (time.perf_counter() - started) * 1000
    truncated = len(rows) > settings.row_cap
    rows = rows[: settings.row_cap]
    return {"columns": list(columns), "rows": [[r.get(c) for c in columns] for r in rows], "truncated": truncated,
            "elapsed_ms": round(elapsed, 2)}
