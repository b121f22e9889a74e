"""Graph analytics over a bounded projection of the action graph."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from api.deps import get_store, run
from api.models import CentralActors
from api.responses import respond
from api.routers.actions import action_bounds
from graph.store import Store
from policygraph.ontology import ACTION_KINDS
from queries import action_windows
from queries.analytics import centrality, projection_graph

router = APIRouter(prefix="/analytics", tags=["analytics"])
StoreDep = Annotated[Store, Depends(get_store)]
ActionKind = Literal[ACTION_KINDS]  # type: ignore[valid-type]
KIND_MONTHS = 240  # months read to find the newest actions of one kind (a rare kind may be spread thin)


@router.get("/central-actors", response_model=CentralActors,
            summary="PageRank and betweenness of actors on the actor -> target projection of the newest actions")
def central_actors(
    request: Request,
    store: StoreDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 20,
    max_actions: Annotated[int, Query(ge=1, le=50_000, description="the bound: the newest this many actions")]
    = 5_000,
    kind: Annotated[ActionKind | None, Query(description="only actions of this kind")] = None,
) -> Response:
    # The subgraph is the newest `max_actions` actions (date windows through the Action.date index, the same
    # walk as GET /actions), so the cost does not grow with the graph; the bound is part of the answer.
    def fetch(w: action_windows.Window) -> list[dict]:
        return run(store, "actions_window", dates=w.dates, kind=kind, status=None, after_date=w.after_date,
                   after_id=w.after_id, limit=w.limit)

    def fetch_undated(after_id: str | None, room: int) -> list[dict]:
        return run(store, "actions_undated", kind=kind, status=None, after_id=after_id, limit=room)

    bounds = action_bounds(request).get(lambda: run(store, "actions_date_bounds")[0])
    found = action_windows.walk(fetch, fetch_undated, bounds=bounds, limit=max_actions + 1, budget=400,
                                max_months=KIND_MONTHS if kind else None)
    picked = found.rows[:max_actions]
    rows = run(store, "actor_projection_of", ids=[r["id"] for r in picked]) if picked else []
    g = projection_graph(rows)
    dated = [r["sort_date"] for r in picked if r["sort_date"]]
    return respond(CentralActors, {
        "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
        "truncated": len(found.rows) > max_actions or found.resume is not None,
        "bound": {"actions": len(picked), "max_actions": max_actions,
                  "oldest": None if len(dated) < len(picked) else (dated[-1] if dated else None),
                  "newest": dated[0] if dated else None},
        "items": centrality(g, limit)})
