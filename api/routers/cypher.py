"""Read-only Cypher for developers: the store's read-only mode (FalkorDB GRAPH.RO_QUERY, Neo4j READ access
mode) enforces it, with the server-side timeout and a row cap from settings. Writes are refused with 403."""

from __future__ import annotations

import time
from typing import Annotated

from fastapi import APIRouter, Depends, Request

from api.deps import get_settings, get_store
from api.errors import ApiError
from api.models import CypherIn, CypherOut
from graph.store import QueryError, QueryTimeout, ReadOnlyViolation, Store, StoreError

router = APIRouter(tags=["developers"])
StoreDep = Annotated[Store, Depends(get_store)]

# The store's read-only mode is the guarantee (no keyword filter here: it would both miss writes hidden in
# procedures and refuse harmless reads that merely contain a keyword).
REFUSED = "this endpoint is read-only and the store refused the query because it writes ({}); writes go " \
    "through POST /documents"


@router.post("/cypher", response_model=CypherOut, summary="Run read-only Cypher (developers)",
             responses={403: {"description": "the query writes"}, 422: {"description": "syntax error"},
                        504: {"description": "timed out"}})
def run_cypher(body: CypherIn, request: Request, store: StoreDep) -> dict:
    settings = get_settings(request)
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
    elapsed = (time.perf_counter() - started) * 1000
    truncated = len(rows) > settings.row_cap
    rows = rows[: settings.row_cap]
    return {"columns": list(columns), "rows": [[r.get(c) for c in columns] for r in rows], "truncated": truncated,
            "elapsed_ms": round(elapsed, 2)}
