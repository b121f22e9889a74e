"""Entities: search, one entity, its actions, its timeline, its network."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from api import cursor
from api.deps import get_store, run
from api.errors import invalid
from api.models import EntityActionList, EntityDetail, EntityList, Network, Timeline
from api.responses import respond
from api.routers.actions import action_bounds
from graph.store import Store
from policygraph.ontology import ENTITY_TYPES
from queries import answers, convert
from queries.network import NetworkBuilder
from queries.search import fuzzy_expression, fuzzy_score, words

router = APIRouter(prefix="/entities", tags=["entities"])

EntityType = Literal[ENTITY_TYPES]  # type: ignore[valid-type]  # the ontology's types, validated -> 422
StoreDep = Annotated[Store, Depends(get_store)]
# Bounded point reads (one entity or action, one page) are `async def` on purpose: they run on the event loop
# instead of a threadpool worker, saving a thread hop per request (0.3-0.6 ms measured with bench/api.py). Each
# store call is a unix-socket round trip of a few ms, bounded by LIMITs and API_QUERY_TIMEOUT_MS. Work that may
# take long (paths, export, analytics, /cypher, ingest, listings that scan) stays `def`, in the threadpool.
FUZZY_BELOW = 3  # run the (costlier) typo-tolerant search only when exact words found fewer entities


MAX_SEARCH_OFFSET = 1000  # ranked search pages by offset (its order is a score, not a key): bounded


@router.get("", response_model=EntityList, summary="Search entities by name or alias (paginated)")
async def search_entities(
    store: StoreDep,
    q: Annotated[str | None, Query(max_length=200, description="words of a name or alias; typos allowed")] = None,
    type: Annotated[EntityType | None, Query(description="only this entity type")] = None,  # noqa: A002
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
    cursor_: Annotated[str | None, Query(alias="cursor", description="`next_cursor` of the previous page")] = None,
) -> Response:
    if not q or not words(q):
        # browsing: keyset on (name, id), like /documents and /actions
        after_name, after_id = cursor.decode("entities", cursor_)
        rows = run(store, "entities_top", type=type, limit=limit + 1, after_name=after_name, after_id=after_id)
        page = rows[:limit]
        more = len(rows) > limit and page
        next_cursor = cursor.encode("entities", page[-1]["sort_name"], page[-1]["id"]) if more else None
        return respond(EntityList, {"items": [_hit(r, None) for r in page], "next_cursor": next_cursor})
    # a ranked search: the cursor holds the offset and the words it belongs to
    offset_key, cursor_q = cursor.decode("entities-search", cursor_)
    if cursor_ is not None and (cursor_q != q or not offset_key.isdigit()):
        raise invalid("cursor: it belongs to another search (pass next_cursor back with the same q)")
    offset = int(offset_key) if offset_key else 0
    window = offset + limit + 1
    rows = run(store, "search_entities", q=q, type=type, limit=window)
    items = [_hit(r, r.get("score")) for r in rows]
    if len(items) < min(window, FUZZY_BELOW):  # few exact hits: add typo-tolerant ones, ranked after them
        seen = {i["id"] for i in items}
        query_words = words(q)
        candidates = run(store, "search_fuzzy", expr=fuzzy_expression(store, query_words),
                         first=query_words[0][:2], type=type, limit=max(200, 4 * window))
        scored = []
        for row in candidates:
            if row["id"] in seen:
                continue
            edits = fuzzy_score(query_words, row.get("search_terms") or [])
            if edits is not None:
                scored.append((edits, -(row.get("mention_count") or 0), row.get("name") or "", row["id"], row))
        scored.sort(key=lambda t: t[:4])
        items += [_hit(t[4], -float(t[0])) for t in scored[: window - len(items)]]
    page = items[offset : offset + limit]
    more = len(items) > offset + limit and offset + limit <= MAX_SEARCH_OFFSET
    next_cursor = cursor.encode("entities-search", str(offset + limit), q) if more else None
    return respond(EntityList, {"items": page, "next_cursor": next_cursor})


def _hit(row: dict, score: float | None) -> dict:
    return {"id": row["id"], "name": row.get("name"), "type": row.get("type"), "kind": row.get("kind"),
            "aliases": row.get("aliases") or [], "score": score, "mention_count": row.get("mention_count")}


@router.get("/{entity_id}", response_model=EntityDetail, summary="One entity with relations and mentions",
            responses={404: {"description": "unknown entity"}})
async def get_entity(
    entity_id: str,
    store: StoreDep,
    relations: Annotated[int, Query(ge=0, le=1000, description="most relations (strongest evidence first)")] = 100,
    mentions: Annotated[int, Query(ge=0, le=1000, description="most mentioning documents (newest first)")] = 50,
) -> Response:
    return respond(EntityDetail, answers.entity(store, entity_id, relations, mentions))


@router.get("/{entity_id}/actions", response_model=EntityActionList, summary="Actions an entity takes part in",
            responses={404: {"description": "unknown entity"}})
def entity_actions(
    entity_id: str,
    store: StoreDep,
    role: Annotated[Literal["by", "targets", "under"] | None, Query(description="only this role")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> Response:
    entity = answers.entity_ref(store, entity_id)
    rows = run(store, "entity_actions", id=entity_id)
    items = [{**convert.action_summary(r), "role": r["role"]} for r in rows if role is None or r["role"] == role]
    return respond(EntityActionList, {"entity": convert.ref(entity), "items": items[:limit]})


@router.get("/{entity_id}/timeline", response_model=Timeline, summary="Every action aimed at an entity, by date",
            responses={404: {"description": "unknown entity"}})
async def entity_timeline(
    request: Request,
    entity_id: str,
    store: StoreDep,
    include_children: Annotated[bool, Query(description="also actions aimed at its PART_OF children")] = False,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    cursor_: Annotated[str | None, Query(alias="cursor", description="next_cursor of the previous page")] = None,
) -> Response:
    after_key, after_id = cursor.decode("timeline", cursor_)
    entity, rows, resume = answers.timeline_rows(store, action_bounds(request), entity_id, include_children,
                                                 after_key, after_id, limit)
    page, more = rows[:limit], len(rows) > limit
    items = [convert.timeline_item(r) for r in page]
    if more:
        next_cursor = cursor.encode("timeline", page[-1]["sort_key"], page[-1]["action_id"])
    else:  # a hub's walk that ran out of lookups goes on from where it stopped
        next_cursor = cursor.encode("timeline", *resume) if resume else None
    return respond(Timeline, {"entity": convert.ref(entity), "include_children": include_children, "items": items,
                              "next_cursor": next_cursor})


# The schema states the types `types` may list (a fuzzer found the unknown ones were undocumented 422s).
_ONE_TYPE = "(?:" + "|".join(ENTITY_TYPES) + ")"
_TYPES_PATTERN = rf"^(?:\s*{_ONE_TYPE}\s*(?:,\s*{_ONE_TYPE}\s*)*)?$"


@router.get("/{entity_id}/network", response_model=Network, summary="Nodes and edges around an entity",
            responses={404: {"description": "unknown entity"}})
async def entity_network(
    entity_id: str,
    store: StoreDep,
    depth: Annotated[int, Query(ge=1, le=3)] = 1,
    types: Annotated[str | None, Query(description="comma-separated entity types to keep, e.g. Person,Company",
                                       pattern=_TYPES_PATTERN)] = None,
    limit: Annotated[int, Query(ge=1, le=1000, description="most nodes")] = 200,
) -> Response:
    wanted = _types(types)
    center = answers.entity_ref(store, entity_id)
    builder = NetworkBuilder(store, depth=depth, limit=limit, types=wanted)
    builder.build({k: center.get(k) for k in ("id", "name", "type", "kind")})  # a GraphNode, no aliases
    nodes, edges = builder.result()
    return respond(Network, {"center": convert.ref(center), "depth": depth, "nodes": nodes, "edges": edges,
                             "truncated": builder.truncated})


def _types(types: str | None) -> set[str] | None:
    if not types:
        return None
    wanted = {t.strip() for t in types.split(",") if t.strip()}
    unknown = wanted - set(ENTITY_TYPES)
    if unknown:
        raise invalid(f"types: unknown entity type(s) {sorted(unknown)}; use {', '.join(ENTITY_TYPES)}")
    return wanted
