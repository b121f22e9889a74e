"""The official lists: an action's corroboration, an entity's sanctions status on a date."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from api.deps import answering, get_store
from api.errors import invalid
from api.models_lists import Corroboration, EntityStatus
from api.responses import respond
from graph.store import Store
from queries import lists

router = APIRouter(tags=["lists"])
StoreDep = Annotated[Store, Depends(get_store)]
_DAY = r"^\d{4}-\d{2}-\d{2}$"


@router.get("/actions/{action_id}/corroboration", response_model=Corroboration,
            summary="What the official lists say about this action (confirmed, contradicted, unverified)",
            responses={404: {"description": "unknown action"}})
def action_corroboration(action_id: str, store: StoreDep) -> Response:
    with answering("action_corroboration"):
        return respond(Corroboration, lists.corroboration(store, action_id))


@router.get("/entities/{entity_id}/status", response_model=EntityStatus,
            summary="The measures against an entity and whether each was in force on a date",
            responses={404: {"description": "unknown entity"}})
def entity_status(
    entity_id: str,
    store: StoreDep,
    as_of: Annotated[str | None, Query(pattern=_DAY, description="the date, ISO (default: today)")] = None,
) -> Response:
    with answering("entity_status"):
        try:
            return respond(EntityStatus, lists.status(store, entity_id, as_of))
        except ValueError as exc:  # a well-formed but impossible date (2023-02-30)
            raise invalid(f"as_of: {exc}") from None
