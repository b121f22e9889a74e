"""Actions: filtered, paginated listing; one action; which authorities enabled it."""

from __future__ import annotations

import re
from dataclasses import asdict
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from api import cursor
from api.deps import answering, get_store, one, run
from api.errors import invalid
from api.models import ActionDetail, ActionPage, EnabledBy
from api.models_lists import ActionVerdicts
from api.responses import respond
from graph.store import Store
from policygraph.list_names import CORROBORATIONS
from policygraph.ontology import ACTION_KINDS, ACTION_STATUSES, ROLE_RELATIONSHIPS
from queries import action_windows, answers, convert, lists
from queries.search import words

router = APIRouter(prefix="/actions", tags=["actions"])
StoreDep = Annotated[Store, Depends(get_store)]
# Bounded point reads (one entity or action, one page) are `async def` on purpose: they run on the event loop
# instead of a threadpool worker, saving a thread hop per request (0.3-0.6 ms measured with bench/api.py). Each
# store call is a unix-socket round trip of a few ms, bounded by LIMITs and API_QUERY_TIMEOUT_MS. Work that may
# take long (paths, export, analytics, /cypher, ingest, listings that scan) stays `def`, in the threadpool.
ActionKind = Literal[ACTION_KINDS]  # type: ignore[valid-type]
ActionStatus = Literal[ACTION_STATUSES]  # type: ignore[valid-type]
Verdict = Literal[CORROBORATIONS]  # type: ignore[valid-type]
_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
MAX_Q_ENTITIES = 50
# lookups (one calendar window each) one listing request may make; a text search reads more per window
WINDOW_BUDGET = 60
# months of actions one request may read when a filter (kind, status, q) can leave windows empty: a page can
# come back short, with a next_cursor that goes on from where the reading stopped
FILTERED_MONTHS = 24
SEARCH_MONTHS = 12
# ids one GET /actions/corroboration may ask for: the longest page a list of the explorer shows, and more
MAX_VERDICT_IDS = 200


@router.get("", response_model=ActionPage, summary="Actions, filtered, newest first, paginated")
def list_actions(
    request: Request,
    store: StoreDep,
    kind: Annotated[ActionKind | None, Query()] = None,
    status: Annotated[ActionStatus | None, Query()] = None,
    by: Annotated[str | None, Query(description="entity id of an actor")] = None,
    target: Annotated[str | None, Query(description="entity id of a target")] = None,
    law: Annotated[str | None, Query(description="entity id of a legal basis (UNDER)")] = None,
    from_: Annotated[str | None, Query(alias="from", pattern=_DATE, description="earliest date, ISO")] = None,
    to: Annotated[str | None, Query(pattern=_DATE, description="latest date, ISO (a year or month: inclusive)")]
    = None,
    q: Annotated[str | None, Query(max_length=200, description="names of participants or evidence text")] = None,
    corroboration: Annotated[Verdict | None, Query(description="what the official lists say (policygraph lists "
                                                   "link); with kind, status, from, to only")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    cursor_: Annotated[str | None, Query(alias="cursor", description="next_cursor of the previous page")] = None,
) -> Response:
    after_date, after_id = cursor.decode("actions", cursor_)
    if from_ and to and from_ > to:
        raise invalid("from: must not be after to")
    params = {
        "kind": kind, "status": status, "date_from": from_, "date_to": _end_of(to), "by": by, "target": target,
        "law": law, "after_date": after_date, "after_id": after_id, "limit": limit + 1,
    }
    anchor = next(((v, ROLE_RELATIONSHIPS[r]) for v, r in ((by, "by"), (target, "targets"), (law, "under")) if v),
                  None)
    text = " ".join(q.lower().split()) if q and q.strip() else None
    if corroboration:  # the verdicts `policygraph lists link` stored (queries/actions_corroborated.cypher)
        if anchor or text:
            raise invalid("corroboration: combines with kind, status, from and to only")
        rows = run(store, "actions_corroborated", corroboration=corroboration,
                   **{k: params[k] for k in ("kind", "status", "date_from", "date_to", "after_date", "after_id",
                                             "limit")})
    elif anchor and text:  # participants named like q among one entity's actions (a scan of those actions)
        hits = run(store, "search_entities", q=q, type=None, limit=MAX_Q_ENTITIES) if words(q) else []
        rows = run(store, "actions_search", ids=[h["id"] for h in hits], text=text, **params)
    elif anchor:  # start from the entity's few actions instead of scanning all of them
        role_param = {ROLE_RELATIONSHIPS["by"]: "by", ROLE_RELATIONSHIPS["targets"]: "target",
                      ROLE_RELATIONSHIPS["under"]: "law"}[anchor[1]]
        # the anchor already is that filter: repeating it as a pattern predicate can mislead the planner
        rows = run(store, "actions_of_entity", anchor=anchor[0], anchor_role=anchor[1],
                   **{**params, role_param: None})
    else:  # every action, or a text search: walk date windows newest first (bounded, see queries.action_windows)
        return respond(ActionPage, _windowed_page(store, action_bounds(request), q, text, params, limit))
    page, more = rows[:limit], len(rows) > limit
    next_cursor = cursor.encode("actions", page[-1]["sort_date"], page[-1]["id"]) if more and page else None
    items = [convert.summary_with_parts(r) for r in page]
    return respond(ActionPage, {"items": items, "next_cursor": next_cursor})


def _windowed_page(store: Store, bounds_cache: action_windows.BoundsCache, q: str | None, text: str | None,
                   params: dict, limit: int) -> dict:
    filters = {"kind": params["kind"], "status": params["status"]}
    if text:
        hits = run(store, "search_entities", q=q, type=None, limit=MAX_Q_ENTITIES) if words(q or "") else []
        search = {"ids": [h["id"] for h in hits], "text": text}
        dated, undated, months = "actions_window_search", "actions_undated_search", SEARCH_MONTHS
    else:
        search, dated, undated = {}, "actions_window", "actions_undated"
        months = FILTERED_MONTHS if params["kind"] or params["status"] else None

    def fetch(w: action_windows.Window) -> list[dict]:
        return run(store, dated, dates=w.dates, after_date=w.after_date, after_id=w.after_id, limit=w.limit,
                   **filters, **search)

    def fetch_undated(after_id: str | None, room: int) -> list[dict]:
        return run(store, undated, after_id=after_id, limit=room, **filters, **search)

    def probe(w: action_windows.Window) -> bool:  # any action at all there (the filters aside)
        return bool(run(store, "actions_window", dates=w.dates, kind=None, status=None, after_date=w.after_date,
                        after_id=w.after_id, limit=1))

    bounds = bounds_cache.get(lambda: run(store, "actions_date_bounds")[0])
    found = action_windows.walk(fetch, fetch_undated, bounds=bounds, limit=limit + 1, after_date=params["after_date"],
                                after_id=params["after_id"], date_from=params["date_from"],
                                date_to=params["date_to"], budget=WINDOW_BUDGET, max_months=months,
                                probe=probe if months else None)
    page = found.rows[:limit]
    if len(found.rows) > limit:
        next_cursor = cursor.encode("actions", page[-1]["sort_date"], page[-1]["id"])
    elif found.resume:  # the lookup budget ran out: a short page, and where to go on
        next_cursor = cursor.encode("actions", *found.resume)
    else:
        next_cursor = None
    summaries = {r["id"]: r for r in run(store, "actions_by_ids", ids=[r["id"] for r in page])} if page else {}
    items = [convert.summary_with_parts(summaries[r["id"]]) for r in page if r["id"] in summaries]
    return {"items": items, "next_cursor": next_cursor}


def action_bounds(request: Request) -> action_windows.BoundsCache:
    """The app's cache of its store's action date range (created on first use)."""
    cache = getattr(request.app.state, "action_bounds", None)
    if cache is None:
        cache = request.app.state.action_bounds = action_windows.BoundsCache()
    return cache


def _end_of(date: str | None) -> str | None:
    """'2020' -> '2020-99', '2020-07' -> '2020-07-99': inclusive upper bounds for partial dates."""
    if date is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        return date
    return date + "-99"


@router.get("/corroboration", response_model=ActionVerdicts,
            summary="What the official lists say about many actions: one verdict each (a page of rows at once)",
            responses={422: {"description": "no ids, or more than MAX_VERDICT_IDS"}})
async def action_verdicts(
    store: StoreDep,
    ids: Annotated[list[str], Query(description=f"action ids, repeated or comma-separated, at most "
                                                f"{MAX_VERDICT_IDS}")],
) -> Response:
    # declared before /{action_id}, which would otherwise read "corroboration" as an id
    wanted = [i for part in ids for i in part.split(",") if i]
    if not wanted or len(wanted) > MAX_VERDICT_IDS:
        raise invalid(f"ids: give 1 to {MAX_VERDICT_IDS} action ids")
    with answering("action_corroboration_many"):
        return respond(ActionVerdicts, {"items": lists.verdicts(store, wanted)})


@router.get("/{action_id}", response_model=ActionDetail, summary="One action with its evidence",
            responses={404: {"description": "unknown action"}})
async def get_action(action_id: str, store: StoreDep) -> Response:
    row = one(store, "action", "action", action_id)
    evidence = convert.action_evidence(row.get("evidence"))
    return respond(ActionDetail, {**convert.action_summary(row), "evidence": evidence,
                                  "corroboration": row.get("corroboration")})


@router.get("/{action_id}/enabled-by", response_model=EnabledBy,
            summary="Which authorities enabled this action (actors, their parents, legal bases, their authorities)",
            responses={404: {"description": "unknown action"}})
async def enabled_by(action_id: str, store: StoreDep) -> Response:
    answer = answers.enabled_by(store, action_id)
    return respond(EnabledBy, {"action": answer.action, "items": [asdict(i) for i in answer.items],
                               "nodes": answer.nodes, "edges": answer.edges})
