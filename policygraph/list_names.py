"""The names of the official-list part of the data model (policygraph/ontology.yaml `node_labels.list_entry`,
`list_relations`, `corroborations`), read from the one file like every other ontology name."""

from __future__ import annotations

from policygraph.ontology import ACTION_LABEL, ENTITY_LABEL, ONTOLOGY, ONTOLOGY_FILE
from policygraph.yamlfile import read_yaml

_RAW = read_yaml(ONTOLOGY_FILE)
LIST_ENTRY_LABEL: str = ONTOLOGY.node_labels["list_entry"]
LIST_RELATIONS: dict[str, str] = dict(_RAW["list_relations"])
CORROBORATIONS: tuple[str, ...] = tuple(_RAW["corroborations"])


def _relation(start: str) -> str:
    # the relationship whose pattern in ontology.yaml starts at a node labelled `start`
    return next(name for name, p in LIST_RELATIONS.items() if p.startswith(f"({start})"))


ON_LIST: str = _relation(LIST_ENTRY_LABEL)  # (ListEntry)-[:ON_LIST]->(Law)
LISTED_AS: str = _relation(ENTITY_LABEL)  # (Entity)-[:LISTED_AS]->(ListEntry)
CORROBORATED_BY: str = _relation(ACTION_LABEL)  # (Action)-[:CORROBORATED_BY]->(ListEntry)
CONFIRMED, CONTRADICTED, UNVERIFIED = CORROBORATIONS
