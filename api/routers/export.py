"""Export: GraphML, CSV zip, FollowTheMoney-style JSON lines — the whole graph or a subgraph."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from api.deps import get_store
from graph.store import Store
from queries.export import MEDIA, SUFFIX, export

router = APIRouter(tags=["export"])
StoreDep = Annotated[Store, Depends(get_store)]


@router.get("/export", summary="Download the graph or a subgraph (GraphML, neo4j-admin CSV zip, FtM JSON lines)",
            response_class=Response,
            responses={200: {"content": {m: {} for m in MEDIA.values()}}, 404: {"description": "unknown entity"}})
def export_graph(
    store: StoreDep,
    format: Annotated[Literal["graphml", "csv", "json"], Query()] = "graphml",  # noqa: A002
    entity: Annotated[str | None, Query(description="export only the network around this entity")] = None,
    depth: Annotated[int, Query(ge=1, le=3)] = 1,
    max_nodes: Annotated[int, Query(ge=1, le=1_000_000)] = 100_000,
) -> Response:
    body, truncated = export(store, format, entity, depth, max_nodes)
    name = f"policygraph-{entity or 'graph'}.{SUFFIX[format]}"
    return Response(body, media_type=MEDIA[format], headers={
        "Content-Disposition": f'attachment; filename="{name}"', "X-Truncated": str(truncated).lower()})
