"""Response and request models of the API. Every model carries an example for the OpenAPI page."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from graph.ingest_run import IngestReport
from ingest.documents import MAX_TEXT_CHARS
from policygraph.ontology import ENABLED_BY_REASONS, ENTITY_LABEL, ONTOLOGY, ROLE_RELATIONSHIPS


def _example(example: dict) -> ConfigDict:
    return ConfigDict(json_schema_extra={"examples": [example]})


_BIS = {"id": "bureau-of-industry-and-security", "name": "Bureau of Industry and Security", "type": "Authority"}
_HUAWEI = {"id": "huawei", "name": "Huawei", "type": "Company"}
_EAR = {"id": "export-administration-regulations", "name": "Export Administration Regulations", "type": "Law"}
_EVIDENCE = {
    "doc_id": "3f2a9c1e5b7d8a10",
    "doc_title": "Commerce adds Huawei to the Entity List",
    "published": "2019-05-16",
    "url": "https://www.commerce.gov/news/press-releases/2019/05/huawei",
    "start": 120,
    "end": 241,
    "quote": "The Bureau of Industry and Security added Huawei to the Entity List.",
}
_ACTION = {
    "id": "act-4b1e0c2d",
    "kind": "entity_listing",
    "status": "enacted",
    "date": "2019-05-16",
    "confidence": 0.9,
    "by": [_BIS],
    "targets": [_HUAWEI],
    "under": [_EAR],
}


class ErrorBody(BaseModel):
    model_config = _example({"detail": "no entity with id 'nope'", "error": "not_found", "status": 404})
    detail: str
    error: str
    status: int


class EntityRef(BaseModel):
    model_config = _example(_BIS)
    id: str
    name: str | None = None
    type: str | None = None


class Span(BaseModel):
    start: int
    end: int
    text: str | None = None


class Evidence(BaseModel):
    """A source sentence: character offsets into the document text, with the quote and the document."""

    model_config = _example(_EVIDENCE)
    doc_id: str
    doc_title: str | None = None
    published: str | None = None
    url: str | None = None
    start: int | None = None
    end: int | None = None
    quote: str | None = None


class Health(BaseModel):
    model_config = _example({"status": "ok", "store": "falkordb", "version": "0.1.0"})
    status: Literal["ok", "degraded"]
    store: str
    version: str
    detail: str | None = None


class Stats(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        json_schema_extra={
            "examples": [
                {"documents": 5, "entities": 120, "actions": 31, "relations": 44,
                 "entities_by_type": {"Authority": 30, "Company": 25}, "actions_by_kind": {"designation": 9}}
            ]
        },
    )
    documents: int = 0
    entities: int = 0
    actions: int = 0
    relations: int = 0


class EntityHit(BaseModel):
    model_config = _example({**_HUAWEI, "kind": None, "aliases": ["Huawei", "Huawei Technologies"], "score": 2.0})
    id: str
    name: str
    type: str | None = None
    kind: str | None = None
    aliases: list[str] = Field(default_factory=list)
    score: float | None = Field(None, description="exact name 3, exact alias 2, name prefix 1, other word match 0; "
                                "typo matches: minus the number of edits")
    mention_count: int | None = Field(None, description="documents that mention it")


class EntityList(BaseModel):
    model_config = _example({"items": [{**_HUAWEI, "kind": None, "aliases": ["Huawei"], "score": 2.0}],
                             "next_cursor": None})
    items: list[EntityHit]
    next_cursor: str | None = None


class EntityRelation(BaseModel):
    model_config = _example(
        {"type": "PART_OF", "direction": "out",
         "other": {"id": "department-of-commerce", "name": "Department of Commerce", "type": "Authority"},
         "properties": {}, "confidence": 0.9, "evidence": [_EVIDENCE]}
    )
    type: str
    direction: Literal["out", "in"]
    other: EntityRef
    properties: dict[str, Any] = Field(default_factory=dict)
    confidence: float | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class EntityMention(BaseModel):
    model_config = _example(
        {"doc_id": "3f2a9c1e5b7d8a10", "doc_title": "Commerce adds Huawei to the Entity List",
         "published": "2019-05-16", "count": 2, "spans": [{"start": 4, "end": 10, "text": "Huawei"}]}
    )
    doc_id: str
    doc_title: str | None = None
    published: str | None = None
    count: int = 0
    spans: list[Span] = Field(default_factory=list)


class EntityDetail(BaseModel):
    model_config = _example(
        {**_BIS, "kind": None, "aliases": ["BIS", "Bureau of Industry and Security"],
         "relations": [EntityRelation.model_config["json_schema_extra"]["examples"][0]],
         "mentions": [EntityMention.model_config["json_schema_extra"]["examples"][0]], "action_count": 12}
    )
    id: str
    name: str
    type: str | None = None
    kind: str | None = None
    aliases: list[str] = Field(default_factory=list)
    relations: list[EntityRelation] = Field(default_factory=list)
    mentions: list[EntityMention] = Field(default_factory=list)
    action_count: int = 0
    document_count: int = Field(0, description="documents mentioning it (mentions lists the newest, capped)")


class ActionSummary(BaseModel):
    model_config = _example(_ACTION)
    id: str
    kind: str | None = None
    status: str | None = None
    date: str | None = None
    confidence: float | None = None
    by: list[EntityRef] = Field(default_factory=list)
    targets: list[EntityRef] = Field(default_factory=list)
    under: list[EntityRef] = Field(default_factory=list)


class EntityAction(ActionSummary):
    model_config = _example({**_ACTION, "role": "targets"})
    role: Literal["by", "targets", "under"]


class EntityActionList(BaseModel):
    model_config = _example({"entity": _HUAWEI, "items": [{**_ACTION, "role": "targets"}]})
    entity: EntityRef
    items: list[EntityAction]


class ActionDetail(ActionSummary):
    model_config = _example({**_ACTION, "evidence": [_EVIDENCE], "corroboration": "confirmed"})
    evidence: list[Evidence] = Field(default_factory=list)
    corroboration: str | None = Field(None, description="what the official lists say: confirmed, contradicted, "
                                      "unverified (the entries: /actions/{id}/corroboration); null: no list "
                                      "speaks to this kind, or `policygraph lists link` has not run")


class ActionPage(BaseModel):
    model_config = _example({"items": [_ACTION], "next_cursor": "eyJkIjoiMjAxOS0wNS0xNiIsImkiOiJhY3QifQ"})
    items: list[ActionSummary]
    next_cursor: str | None = None


class TimelineItem(ActionSummary):
    model_config = _example({**_ACTION, "action_id": "act-4b1e0c2d", "role": "targets", "via": None,
                             "evidence": [_EVIDENCE]})
    action_id: str
    role: Literal["targets"] = "targets"
    via: EntityRef | None = Field(None, description="the PART_OF child the action was aimed at, if not the entity")
    evidence: list[Evidence] = Field(default_factory=list)


class Timeline(BaseModel):
    model_config = _example({"entity": _HUAWEI, "include_children": False,
                             "items": [TimelineItem.model_config["json_schema_extra"]["examples"][0]]})
    entity: EntityRef
    include_children: bool
    items: list[TimelineItem]
    next_cursor: str | None = None


class GraphNode(BaseModel):
    model_config = _example({**_BIS, "kind": None, "depth": 0, "weight": 3})
    id: str
    name: str | None = None
    type: str | None = None
    kind: str | None = None
    depth: int | None = None
    weight: int = 0


class GraphEdge(BaseModel):
    model_config = _example({"source": _BIS["id"], "target": "huawei", "type": "entity_listing",
                             "category": "action", "weight": 2, "actions": ["act-4b1e0c2d"]})
    source: str
    target: str
    type: str
    category: Literal["action", "relation", "role"] = "relation"
    weight: int = 1
    actions: list[str] = Field(default_factory=list)
    title: str | None = Field(None, description="HOLDS_ROLE title")


class Network(BaseModel):
    model_config = _example(
        {"center": _BIS, "depth": 1, "nodes": [{**_BIS, "depth": 0, "weight": 2},
                                              {**_HUAWEI, "depth": 1, "weight": 2}],
         "edges": [GraphEdge.model_config["json_schema_extra"]["examples"][0]], "truncated": False}
    )
    center: EntityRef
    depth: int
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    truncated: bool = False


class PathStep(BaseModel):
    source: str
    type: str
    target: str


# the example's role: the bodies an actor is part of (the first role whose path goes on past the actor)
_PARENT_ROLE = next(r for r in ONTOLOGY.enabled_by.values()
                    if r.first == ROLE_RELATIONSHIPS["by"] and not r.own_evidence)


class EnabledByItem(BaseModel):
    model_config = _example(
        {"entity": {"id": "department-of-commerce", "name": "Department of Commerce", "type": "Authority"},
         "reason": _PARENT_ROLE.reason, "role": _PARENT_ROLE.name, "via": _BIS, "confidence": 0.8,
         "path": [{"source": "act-4b1e0c2d", "type": "BY", "target": _BIS["id"]},
                  {"source": _BIS["id"], "type": "PART_OF", "target": "department-of-commerce"}],
         "evidence": [_EVIDENCE]}
    )
    entity: EntityRef
    reason: Literal[ENABLED_BY_REASONS]  # type: ignore[valid-type]
    role: str = Field(description="the catalog's role name: " + ", ".join(ONTOLOGY.enabled_by))
    via: EntityRef | None = Field(None, description="the entity it is reached from (null: the action itself)")
    path: list[PathStep] = Field(description="the steps from the action to the entity, directed as stored")
    confidence: float | None = None
    evidence: list[Evidence] = Field(default_factory=list, description="evidence of the last step")
    path_evidence: list[list[Evidence]] = Field(default_factory=list, description="evidence of every step")


class EnabledBy(BaseModel):
    model_config = _example({"action": _ACTION,
                             "items": [EnabledByItem.model_config["json_schema_extra"]["examples"][0]],
                             "nodes": [], "edges": []})
    action: ActionSummary
    items: list[EnabledByItem]
    nodes: list[GraphNode] = Field(default_factory=list)
    edges: list[GraphEdge] = Field(default_factory=list)


class PathNode(BaseModel):
    id: str
    name: str | None = None
    type: str | None = None
    kind: str | None = None


class Path(BaseModel):
    length: int
    nodes: list[PathNode]
    edges: list[PathStep]


class Paths(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
        json_schema_extra={"examples": [{
            "from": _BIS["id"], "to": "huawei", "max_hops": 4,
            "paths": [{"length": 2,
                       "nodes": [_BIS, {"id": "act-4b1e0c2d", "name": "entity_listing", "type": "Action",
                                        "kind": "entity_listing"}, _HUAWEI],
                       "edges": [{"source": "act-4b1e0c2d", "type": "BY", "target": _BIS["id"]},
                                 {"source": "act-4b1e0c2d", "type": "TARGETS", "target": "huawei"}]}]}]},
    )
    from_: str = Field(alias="from")
    to: str
    max_hops: int
    paths: list[Path]


class DocumentSummary(BaseModel):
    model_config = _example({"id": "3f2a9c1e5b7d8a10", "title": "Commerce adds Huawei to the Entity List",
                             "source": "treasury/2019-05-16.md", "published": "2019-05-16", "url": None})
    id: str
    title: str | None = None
    source: str | None = None
    published: str | None = None
    url: str | None = None


class DocumentPage(BaseModel):
    model_config = _example({"items": [DocumentSummary.model_config["json_schema_extra"]["examples"][0]],
                             "next_cursor": None})
    items: list[DocumentSummary]
    next_cursor: str | None = None


class DocumentEntity(BaseModel):
    id: str
    name: str | None = None
    type: str | None = None
    spans: list[Span] = Field(default_factory=list)


class DocumentAction(BaseModel):
    id: str
    kind: str | None = None
    status: str | None = None
    date: str | None = None
    by: list[EntityRef] = Field(default_factory=list)
    targets: list[EntityRef] = Field(default_factory=list)
    under: list[EntityRef] = Field(default_factory=list)
    spans: list[Span] = Field(default_factory=list)


class DocumentDetail(DocumentSummary):
    model_config = _example(
        {**DocumentSummary.model_config["json_schema_extra"]["examples"][0],
         "text": "The Bureau of Industry and Security added Huawei to the Entity List.",
         "entities": [{**_HUAWEI, "spans": [{"start": 42, "end": 48, "text": "Huawei"}]}],
         "actions": [{"id": "act-4b1e0c2d", "kind": "entity_listing", "status": "enacted", "date": "2019-05-16",
                      "spans": [{"start": 0, "end": 68, "text": "The Bureau ... List."}]}]}
    )
    text: str | None = None
    entities: list[DocumentEntity] = Field(default_factory=list)
    actions: list[DocumentAction] = Field(default_factory=list)


class DocumentIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"text": "OFAC designated Acme Ltd. under Executive Order 13818.",
                                         "title": "Treasury sanctions Acme", "published": "2021-03-02",
                                         "source": "api", "url": "https://example.org/acme"}]},
    )
    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS)  # the one limit (ingest.documents)
    title: str | None = None
    source: str = "api"
    published: str | None = Field(None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    url: str | None = None
    author: str | None = None
    meta: dict[str, Any] = Field(default_factory=dict)


class IngestResult(IngestReport):
    """The runner's report of an ingest, plus the documents posted."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{
            "documents": [{"id": "3f2a9c1e5b7d8a10", "title": "Treasury sanctions Acme", "source": "api"}],
            "documents_new": 1, "documents_unchanged": 0, "documents_failed": 0, "entities": 3, "actions": 1,
            "relations": 0, "failures": []}]},
    )
    documents: list[DocumentSummary]


class CentralActor(BaseModel):
    entity: EntityRef
    pagerank: float
    betweenness: float
    actions_by: int = 0
    actions_targeted: int = 0


class ActionBound(BaseModel):
    actions: int = Field(description="actions the projection was built from")
    max_actions: int = Field(description="the bound: at most this many of the newest actions are read")
    oldest: str | None = Field(None, description="date of the oldest action read (null: undated ones included)")
    newest: str | None = Field(None, description="date of the newest action read")


class CentralActors(BaseModel):
    model_config = _example({"nodes": 120, "edges": 300, "truncated": False,
                             "bound": {"actions": 5000, "max_actions": 5000, "oldest": "2023-01-04",
                                       "newest": "2024-12-28"},
                             "items": [{"entity": _BIS, "pagerank": 0.08, "betweenness": 0.12,
                                        "actions_by": 14, "actions_targeted": 0}]})
    nodes: int
    edges: int
    truncated: bool = Field(description="true when older actions were left out (the bound was reached)")
    bound: ActionBound
    items: list[CentralActor]


class CypherIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"query": f"MATCH (e:{ENTITY_LABEL} {{type: $type}}) RETURN e.id, e.name "
                                                  "LIMIT 5",
                                         "params": {"type": "Authority"}}]},
    )
    query: str = Field(min_length=1, max_length=20_000)
    params: dict[str, Any] = Field(default_factory=dict)


class CypherOut(BaseModel):
    model_config = _example({"columns": ["e.id", "e.name"], "rows": [["ofac", "OFAC"]], "truncated": False,
                             "elapsed_ms": 1.2})
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool
    elapsed_ms: float
