"""Export: GraphML, CSV zip, FollowTheMoney-style JSON lines — the whole graph or a subgraph."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from api import export
from api.deps import get_store, run
from api.errors import not_found
from graph.store import Store

router = APIRouter(tags=["export"])
StoreDep = Annotated[Store, Depends(get_store)]
MEDIA = {"graphml": "application/graphml+xml", "csv": "application/zip", "json": "application/x-ndjson"}
SUFFIX = {"graphml": "graphml", "csv": "zip", "json": "ftm.jsonl"}


def build(store: Store, fmt: str, entity: str | None, depth: int, max_nodes: int) -> tuple[bytes, bool]:
    if entity:
        rows = run(store, "entity_ref", id=entity)
        if not rows:
            raise not_found("entity", entity)
        data = export.collect_subgraph(store, rows[0], depth, max_nodes)
    else:
        data = export.collect_full(store, max_nodes)
    if fmt == "graphml":
        body = export.graphml(data)
    elif fmt == "csv":
        body = export.csv_zip(data)
    else:
        body = "".join(line + "\n" for line in export.ftm_lines(data)).encode("utf-8")
    return body, data.truncated


@router.get("/export", summary="Download the graph or a subgraph (GraphML, CSV zip, FtM JSON lines)",
            response_class=Response,
            responses={200: {"content": {m: {} for m in MEDIA.values()}}, 404: {"description": "unknown entity"}})
def export_graph(
    store: StoreDep,
    format: Annotated[Literal["graphml", "csv", "json"], Query()] = "graphml",  # noqa: A002
    entity: Annotated[str | None, Query(description="export only the network around this entity")] = None,
    depth: Annotated[int, Query(ge=1, le=3)] = 1,
    max_nodes: Annotated[int, Query(ge=1, le=1_000_000)] = 100_000,
) -> Response:
    body, truncated = build(store, format, entity, depth, max_nodes)
    name = f"policygraph-{entity or 'graph'}.{SUFFIX[format]}"
    return Response(body, media_type=MEDIA[format], headers={
        "Content-Disposition": f'attachment; filename="{name}"', "X-Truncated": str(truncated).lower()})
