"""Health, counts, and the query catalog listing."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse

from api.deps import get_store, run
from api.models import Health, Stats
from graph.store import Store, StoreError
from policygraph import __version__
from policygraph.ontology import RELATION_TYPES
from queries import default_catalog

router = APIRouter(tags=["meta"])
StoreDep = Annotated[Store, Depends(get_store)]
_ENTITY_RELATIONS = frozenset(RELATION_TYPES)

VERSION = __version__


@router.get("/health", response_model=Health, summary="Is the API up and the store reachable",
            responses={503: {"model": Health, "description": "store unreachable"}})
def health(store: StoreDep) -> Any:
    try:
        store.query("RETURN 1 AS ok", timeout_ms=2000)
    except StoreError as exc:
        body = {"status": "degraded", "store": store.name, "version": VERSION, "detail": str(exc)}
        return JSONResponse(body, status_code=503)
    return {"status": "ok", "store": store.name, "version": VERSION}


@router.get("/stats", response_model=Stats, summary="Counts of documents, entities, actions, relations")
def stats(store: StoreDep) -> dict:
    row = run(store, "stats")[0]
    by_rel = {r["type"]: r["count"] for r in row.get("relationships_by_type") or [] if r}
    return {
        "documents": row.get("documents") or 0,
        "entities": row.get("entities") or 0,
        "actions": row.get("actions") or 0,
        "relations": sum(n for t, n in by_rel.items() if t in _ENTITY_RELATIONS),
        "relationships": row.get("relationships") or 0,
        "entities_by_type": {r["type"]: r["count"] for r in row.get("entities_by_type") or [] if r},
        "actions_by_kind": {r["kind"]: r["count"] for r in row.get("actions_by_kind") or [] if r},
        "relationships_by_type": by_rel,
    }


@router.get("/queries", summary="The named Cypher queries of the catalog (name, description, params, columns)")
def queries() -> list[dict]:
    return default_catalog().describe()
