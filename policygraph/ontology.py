"""The ontology, loaded once from ontology.yaml: the single source of truth for types, kinds and relations."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from policygraph.yamlfile import read_yaml

ONTOLOGY_FILE = Path(__file__).with_name("ontology.yaml")


@dataclass(frozen=True)
class Signature:
    sources: tuple[str, ...]
    targets: tuple[str, ...]


@dataclass(frozen=True)
class Ontology:
    entity_types: dict[str, str]
    law_kinds: tuple[str, ...]
    action_kinds: dict[str, str]
    action_statuses: dict[str, str]
    action_roles: dict[str, dict]
    relations: dict[str, tuple[Signature, ...]]
    provenance: dict[str, str]

    def role_relationship(self, role: str) -> str:
        return self.action_roles[role]["relationship"]

    def relation_allowed(self, rel_type: str, source_type: str, target_type: str) -> bool:
        return any(
            source_type in sig.sources and target_type in sig.targets
            for sig in self.relations.get(rel_type, ())
        )


@cache
def load() -> Ontology:
    raw = read_yaml(ONTOLOGY_FILE)
    relations = {
        name: tuple(Signature(tuple(s["from"]), tuple(s["to"])) for s in sigs)
        for name, sigs in raw["relations"].items()
    }
    return Ontology(
        entity_types=dict(raw["entity_types"]),
        law_kinds=tuple(raw["law_kinds"]),
        action_kinds=dict(raw["action_kinds"]),
        action_statuses=dict(raw["action_statuses"]),
        action_roles=dict(raw["action_roles"]),
        relations=relations,
        provenance=dict(raw["provenance"]),
    )


ONTOLOGY = load()
ENTITY_TYPES: tuple[str, ...] = tuple(ONTOLOGY.entity_types)
LAW_KINDS: tuple[str, ...] = ONTOLOGY.law_kinds
ACTION_KINDS: tuple[str, ...] = tuple(ONTOLOGY.action_kinds)
ACTION_STATUSES: tuple[str, ...] = tuple(ONTOLOGY.action_statuses)
RELATION_TYPES: tuple[str, ...] = tuple(ONTOLOGY.relations)
ROLE_RELATIONSHIPS: dict[str, str] = {role: spec["relationship"] for role, spec in ONTOLOGY.action_roles.items()}
