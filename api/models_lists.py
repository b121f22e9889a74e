"""Response models of the official-list answers (queries/lists.py): corroboration of an action, sanctions
status of an entity on a date. Each carries an example for the OpenAPI page."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from api.models import EntityRef, Evidence
from policygraph.list_names import CORROBORATIONS

Verdict = Literal[CORROBORATIONS]  # type: ignore[valid-type]

_ENTRY = {
    "target": {"id": "sberbank", "name": "Sberbank", "type": "Company"},
    "verdict": "confirmed", "reason": "on the list since 2022-04-07", "programme_match": True,
    "link_score": 1.0, "link_method": "exact", "entry_id": "ofac-sdn:18715", "list_id": "ofac-sdn",
    "law": {"id": "sdn-list", "name": "Specially Designated Nationals and Blocked Persons List", "type": "Law"},
    "name": "PUBLIC JOINT STOCK COMPANY SBERBANK OF RUSSIA", "aliases": ["SBERBANK"], "party": "entity",
    "programs": ["RUSSIA-EO14024"], "countries": [], "first_seen": "2022-04-07", "last_seen": "2024-07-02",
    "removed": False, "listed_since": None, "federal_register": [],
    "files": ["sdn_2024-07-02.csv"], "snapshot": "2024-07-02",
}


class CorroborationEntry(BaseModel):
    """One list entry linked to a target of the action, with what it says about the action."""

    model_config = ConfigDict(json_schema_extra={"examples": [_ENTRY]})
    target: EntityRef | None = None
    verdict: Verdict
    reason: str | None = None
    programme_match: bool | None = Field(None, description="an executive order the action is under is among "
                                                            "the entry's programmes (null: no order to compare)")
    link_score: float | None = None
    link_method: str | None = None
    entry_id: str
    list_id: str
    law: EntityRef | None = Field(None, description="the list's Law entity")
    name: str
    aliases: list[str] = Field(default_factory=list)
    party: str | None = None
    programs: list[str] = Field(default_factory=list)
    countries: list[str] = Field(default_factory=list)
    first_seen: str | None = Field(None, description="first snapshot that holds the entry")
    last_seen: str | None = Field(None, description="last snapshot that holds the entry")
    removed: bool = False
    listed_since: str | None = Field(None, description="the listing date the list itself gives")
    federal_register: list[str] = Field(default_factory=list)
    files: list[str] = Field(default_factory=list)
    snapshot: str | None = None


class Corroboration(BaseModel):
    """confirmed / contradicted / unverified (null: no list speaks to this kind, or lists were never linked)."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"verdict": "confirmed", "entries": [_ENTRY]}]})
    verdict: Verdict | None = None
    entries: list[CorroborationEntry] = Field(default_factory=list)


class ActionVerdict(BaseModel):
    id: str
    verdict: Verdict | None = Field(None, description="null: no list speaks to this kind, or lists never linked")


class ActionVerdicts(BaseModel):
    """The verdicts of many actions at once (a page of list rows); unknown ids are left out."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"items": [
        {"id": "a1b2c3", "verdict": "confirmed"}, {"id": "d4e5f6", "verdict": None}]}]})
    items: list[ActionVerdict] = Field(default_factory=list)


class StatusEntry(BaseModel):
    name: str
    programs: list[str] = Field(default_factory=list)
    federal_register: list[str] = Field(default_factory=list)
    files: list[str] = Field(default_factory=list)
    snapshot: str | None = None
    link_score: float | None = None
    link_method: str | None = None


class StatusMeasure(BaseModel):
    source: Literal["text", "list"]
    kind: str | None = None
    since: str | None = None
    until: str | None = None
    in_force: bool | None = Field(None, description="null: the sources cannot tell for that date")
    basis: str
    action_id: str | None = None
    entry_id: str | None = None
    law: EntityRef | None = Field(None, description="the list's Law entity")
    entry: StatusEntry | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class EntityStatus(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "entity": {"id": "sberbank", "name": "Sberbank", "type": "Company"}, "as_of": "2023-01-01",
        "in_force": True, "measures": [{
            "source": "list", "kind": None, "since": "2022-04-07", "until": None, "in_force": True,
            "basis": "on the list from 2022-04-07 to at least 2024-07-02", "action_id": None,
            "entry_id": "ofac-sdn:18715", "law": _ENTRY["law"], "entry": {
                "name": _ENTRY["name"], "programs": _ENTRY["programs"], "federal_register": [],
                "files": _ENTRY["files"], "snapshot": "2024-07-02", "link_score": 1.0, "link_method": "exact"},
            "evidence": []}]}]})
    entity: EntityRef
    as_of: str
    in_force: bool | None = None
    measures: list[StatusMeasure] = Field(default_factory=list)
