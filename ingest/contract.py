"""The extraction contract (../shared/spec/extraction.schema.json) as pydantic models.

One `Extraction` per document; `extract` prints them, the graph batch builder reads them.
Enumerations come from policygraph.ontology, not from this file.
"""

from __future__ import annotations

from pydantic import BaseModel, Field, field_validator

from policygraph.ontology import ACTION_KINDS, ACTION_STATUSES, ENTITY_TYPES, LAW_KINDS, RELATION_TYPES


class Span(BaseModel):
    start: int
    end: int
    text: str | None = None


class Entity(BaseModel):
    id: str
    name: str
    type: str
    kind: str | None = None
    aliases: list[str] = Field(default_factory=list)
    mentions: list[Span] = Field(default_factory=list)

    @field_validator("type")
    @classmethod
    def _type(cls, v: str) -> str:
        if v not in ENTITY_TYPES:
            raise ValueError(f"unknown entity type {v!r}")
        return v

    @field_validator("kind")
    @classmethod
    def _kind(cls, v: str | None) -> str | None:
        if v is not None and v not in LAW_KINDS:
            raise ValueError(f"unknown law kind {v!r}")
        return v


class Action(BaseModel):
    id: str
    kind: str
    status: str
    date: str | None = None
    by: list[str] = Field(default_factory=list)
    targets: list[str] = Field(default_factory=list)
    under: list[str] = Field(default_factory=list)
    confidence: float = Field(0.5, ge=0, le=1)
    evidence: list[Span] = Field(default_factory=list)

    @field_validator("kind")
    @classmethod
    def _kind(cls, v: str) -> str:
        if v not in ACTION_KINDS:
            raise ValueError(f"unknown action kind {v!r}")
        return v

    @field_validator("status")
    @classmethod
    def _status(cls, v: str) -> str:
        if v not in ACTION_STATUSES:
            raise ValueError(f"unknown action status {v!r}")
        return v


class Relation(BaseModel):
    type: str
    source: str
    target: str
    properties: dict = Field(default_factory=dict)
    confidence: float = Field(0.5, ge=0, le=1)
    evidence: list[Span] = Field(default_factory=list)

    @field_validator("type")
    @classmethod
    def _type(cls, v: str) -> str:
        if v not in RELATION_TYPES:
            raise ValueError(f"unknown relation type {v!r}")
        return v


class Extraction(BaseModel):
    doc_id: str
    source: str
    title: str | None = None
    published: str | None = None
    entities: list[Entity] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
