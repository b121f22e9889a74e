"""Graph analytics over a bounded projection of the action graph."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query

from api.analytics import centrality, projection_graph
from api.deps import get_store, run
from api.models import CentralActors
from graph.store import Store
from policygraph.ontology import ACTION_KINDS

router = APIRouter(prefix="/analytics", tags=["analytics"])
StoreDep = Annotated[Store, Depends(get_store)]
ActionKind = Literal[ACTION_KINDS]  # type: ignore[valid-type]


@router.get("/central-actors", response_model=CentralActors,
            summary="PageRank and betweenness of actors on the actor -> target projection")
def central_actors(
    store: StoreDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 20,
    max_edges: Annotated[int, Query(ge=1, le=100_000, description="actor-target pairs read (heaviest)")]
    = 20_000,
    kind: Annotated[ActionKind | None, Query(description="only actions of this kind")] = None,
) -> dict:
    rows = run(store, "actor_projection", kind=kind, date_from=None, date_to=None, limit=max_edges)
    g = projection_graph(rows)
    return {"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "truncated": len(rows) >= max_edges,
            "items": centrality(g, limit)}
