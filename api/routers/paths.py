"""Shortest paths between two entities, undirected, through actions and relations (never documents)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from api.deps import get_store, run
from api.errors import invalid, not_found
from api.models import Paths
from api.responses import respond
from graph.store import Store
from policygraph.ontology import RELATION_TYPES, ROLE_RELATIONSHIPS

router = APIRouter(tags=["paths"])
StoreDep = Annotated[Store, Depends(get_store)]
FOLLOW = [*ROLE_RELATIONSHIPS.values(), *RELATION_TYPES]  # every link but the provenance ones
MAX_HOPS = 6  # the Neo4j form bounds its pattern at 6


@router.get("/paths", response_model=Paths, response_model_by_alias=True,
            summary="Shortest paths between two entities",
            responses={404: {"description": "unknown entity"}})
def shortest_paths(
    store: StoreDep,
    from_: Annotated[str, Query(alias="from", min_length=1, description="entity id")],
    to: Annotated[str, Query(min_length=1, description="entity id")],
    max_hops: Annotated[int, Query(ge=1, le=MAX_HOPS, description="most relationships on a path")] = 4,
    limit: Annotated[int, Query(ge=1, le=100, description="most paths")] = 10,
) -> Response:
    refs = {}
    for eid in (from_, to):
        rows = run(store, "entity_ref", id=eid)
        if not rows:
            raise not_found("entity", eid)
        refs[eid] = rows[0]
    if from_ == to:
        raise invalid("to: must differ from from")
    rows = run(store, "shortest_paths", source=from_, target=to, types=FOLLOW, max_hops=max_hops, limit=limit)
    shortest = min((r["length"] for r in rows), default=0)
    paths = sorted(  # only the shortest: FalkorDB's SPpaths may add longer ones when asked for several
        ({"length": r["length"], "nodes": r["nodes"], "edges": r["edges"]} for r in rows if r["length"] == shortest),
        key=lambda p: (p["length"], [n["id"] for n in p["nodes"]]),
    )
    return respond(Paths, {"from": from_, "to": to, "max_hops": max_hops, "paths": paths})