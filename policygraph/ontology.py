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
class EnabledByRole:
    """One role of the enabled-by answer (ontology.yaml `enabled_by`)."""

    name: str
    reason: str
    first: str  # the role relationship the path leaves the action by
    last: str | None = None  # the last step's relationship, when not the chain's
    backward: bool = False  # the last step points from the path's end to the entity before it
    own_evidence: bool = False  # the action's evidence stands for a link without its own


@dataclass(frozen=True)
class Ontology:
    entity_types: dict[str, str]
    law_kinds: tuple[str, ...]
    action_kinds: dict[str, str]
    action_statuses: dict[str, str]
    action_roles: dict[str, dict]
    relations: dict[str, tuple[Signature, ...]]
    provenance: dict[str, str]
    action_families: dict[str, tuple[str, ...]]
    restrictive_kinds: tuple[str, ...]
    enabled_by: dict[str, EnabledByRole]
    enabled_by_chain: str
    node_labels: dict[str, str]

    def role_types(self, role: str) -> tuple[str, ...]:
        return tuple(self.action_roles[role]["types"])

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
    ontology = Ontology(
        entity_types=dict(raw["entity_types"]),
        law_kinds=tuple(raw["law_kinds"]),
        action_kinds=dict(raw["action_kinds"]),
        action_statuses=dict(raw["action_statuses"]),
        action_roles=dict(raw["action_roles"]),
        relations=relations,
        provenance=dict(raw["provenance"]),
        action_families={name: tuple(kinds) for name, kinds in raw["action_families"].items()},
        restrictive_kinds=tuple(raw["restrictive_kinds"]),
        enabled_by={name: EnabledByRole(name=name, **spec) for name, spec in raw["enabled_by"].items()},
        enabled_by_chain=raw["enabled_by_chain"],
        node_labels=dict(raw["node_labels"]),
    )
    _check(ontology)
    return ontology


def _check(o: Ontology) -> None:
    """The file refers to its own names consistently (a typo in ontology.yaml fails at import, not mid-query)."""
    kinds = set(o.action_kinds)
    for family, members in o.action_families.items():
        if not set(members) <= kinds:
            raise ValueError(f"ontology.yaml: family {family!r} names unknown kinds {set(members) - kinds}")
    if len({k for m in o.action_families.values() for k in m}) != sum(map(len, o.action_families.values())):
        raise ValueError("ontology.yaml: an action kind belongs to two families")
    if not set(o.restrictive_kinds) <= kinds:
        raise ValueError(f"ontology.yaml: restrictive_kinds names unknown kinds {set(o.restrictive_kinds) - kinds}")
    role_rels = {spec["relationship"] for spec in o.action_roles.values()}
    for spec in o.action_roles.values():
        if not set(spec["types"]) <= set(o.entity_types):
            raise ValueError(f"ontology.yaml: role types {spec['types']} name unknown entity types")
    for role in o.enabled_by.values():
        if role.first not in role_rels or (role.last or o.enabled_by_chain) not in o.relations:
            raise ValueError(f"ontology.yaml: enabled_by role {role.name!r} names an unknown relationship")


ONTOLOGY = load()
ENTITY_TYPES: tuple[str, ...] = tuple(ONTOLOGY.entity_types)
LAW_KINDS: tuple[str, ...] = ONTOLOGY.law_kinds
ACTION_KINDS: tuple[str, ...] = tuple(ONTOLOGY.action_kinds)
ACTION_STATUSES: tuple[str, ...] = tuple(ONTOLOGY.action_statuses)
RELATION_TYPES: tuple[str, ...] = tuple(ONTOLOGY.relations)
ROLE_RELATIONSHIPS: dict[str, str] = {role: spec["relationship"] for role, spec in ONTOLOGY.action_roles.items()}
ROLE_TYPES: dict[str, frozenset[str]] = {role: frozenset(spec["types"]) for role, spec in ONTOLOGY.action_roles.items()}
# kind -> its family (kinds outside every family are absent), and its rank in the family (0 = least specific)
KIND_FAMILY: dict[str, str] = {k: fam for fam, kinds in ONTOLOGY.action_families.items() for k in kinds}
KIND_SPECIFICITY: dict[str, int] = {k: i for kinds in ONTOLOGY.action_families.values() for i, k in enumerate(kinds)}
RESTRICTIVE_KINDS: frozenset[str] = frozenset(ONTOLOGY.restrictive_kinds)
ENABLED_BY_REASONS: tuple[str, ...] = tuple(r.reason for r in ONTOLOGY.enabled_by.values())
ENTITY_LABEL: str = ONTOLOGY.node_labels["entity"]
ACTION_LABEL: str = ONTOLOGY.node_labels["action"]
DOCUMENT_LABEL: str = ONTOLOGY.node_labels["document"]


def _provenance(label: str) -> str:
    # the provenance relationship whose pattern in ontology.yaml starts at a node of `label`
    return next(name for name, pattern in ONTOLOGY.provenance.items() if pattern.startswith(f"({label})"))


REPORTED_IN: str = _provenance(ACTION_LABEL)  # (Action)-[:REPORTED_IN {start, end, quote}]->(Document)
MENTIONED_IN: str = _provenance(ENTITY_LABEL)  # (Entity)-[:MENTIONED_IN {count, spans}]->(Document)
