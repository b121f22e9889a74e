"""The write path's Cypher, the same on both backends, and the plan that orders one batch's writes.

Labels and relationship types cannot be parameters, so they are interpolated; every interpolated name comes
from policygraph/ontology.yaml (node labels when this module loads, entity types and relationship types per
batch, checked again in `write_plan`). The store's own bookkeeping reads (which documents are complete, which
type an id already has, the counts) are here too: all Cypher outside queries/ lives in this file.
"""

from __future__ import annotations

from collections.abc import Iterator

from graph.batch import KEY_PROPERTIES, GraphBatch
from policygraph.ontology import (
    ACTION_LABEL,
    DOCUMENT_LABEL,
    ENTITY_LABEL,
    ENTITY_TYPES,
    MENTIONED_IN,
    ONTOLOGY,
    RELATION_TYPES,
    REPORTED_IN,
    ROLE_RELATIONSHIPS,
)

# node labels, filled into every statement once when this module loads ("%(entity)s" -> "Entity")
_LABELS = {"entity": ENTITY_LABEL, "action": ACTION_LABEL, "document": DOCUMENT_LABEL,
           "relation": ONTOLOGY.node_labels["relation"]}


_MAX = "CASE WHEN {v}.confidence IS NULL OR row.confidence > {v}.confidence THEN row.confidence ELSE {v}.confidence END"

# A role edge (Action)-[:BY|TARGETS|UNDER]->(Entity) and an entity relation keep `doc_ids` (the documents that
# state them: joinable to Document.id, and how stats count a relationship only once a complete document brings
# it) and their best `confidence`. Their sentences are not on these edges: an action's are on its REPORTED_IN
# edges, a relation's on the REPORTED_IN edges of its Relation node (RELATIONS below).
_SUPPORT = """
WITH r, row, coalesce(r.doc_ids, []) AS known
SET r.doc_ids = known + [x IN row.doc_ids WHERE NOT x IN known],
    r.confidence = """ + _MAX.format(v="r")

# Internal fields of an entity for search (full-text index and the exact word filter of queries/search_*):
# `_`-prefixed so that a Neo4j user reading an entity sees its name, type, kind and aliases first and can tell
# these are the index's, not facts. FULLTEXT_PROPERTIES is what both stores' full-text index covers.
SEARCH_TERMS, SEARCH_TEXT, ALIASES_TEXT = "_search_terms", "_search_text", "_aliases_text"
FULLTEXT_PROPERTIES = ("name", ALIASES_TEXT, SEARCH_TEXT)
RELATION_LABEL = ONTOLOGY.node_labels["relation"]
# node labels whose `id` is unique (and indexed) on both stores
UNIQUE_LABELS = (ENTITY_LABEL, ACTION_LABEL, DOCUMENT_LABEL, RELATION_LABEL)

DOCUMENTS = """
UNWIND $rows AS row
MERGE (d:%(document)s {id: row.id})
SET d.title = row.title, d.published = row.published, d.url = row.url, d.source = row.source,
    d.author = row.author, d.text = row.text, d.text_length = row.text_length
"""

DOCUMENTS_COMPLETE = """
UNWIND $rows AS row
MATCH (d:%(document)s {id: row.id})
SET d.complete = true
"""

# Entities are MERGEd with both labels at once: adding the type label to an existing node afterwards
# (ON CREATE SET e:Person) costs FalkorDB ~0.2 ms a node, 5x the whole MERGE. An id already stored under
# another type (the first type wins) would not match that pattern and would break the unique constraint, so
# `Store.write` routes those rows to ENTITIES_RETYPED, which matches by id alone.
_ENTITY_SET = """
WITH e, row, coalesce(e.aliases, []) AS known_aliases, coalesce(e._search_terms, []) AS known_terms
WITH e, row, known_aliases + [a IN row.aliases WHERE NOT a IN known_aliases] AS aliases,
     known_terms + [t IN row.search_terms WHERE NOT t IN known_terms] AS terms
SET e.kind = coalesce(e.kind, row.kind), e.aliases = aliases, e._search_terms = terms,
    e._aliases_text = reduce(s = head(aliases), a IN tail(aliases) | s + ' | ' + a),
    e._search_text = reduce(s = '', t IN terms | s + ' ' + t + ' |')
"""

ENTITIES = """
UNWIND $rows AS row
MERGE (e:%(entity)s:%(label)s {id: row.id})
ON CREATE SET e.name = row.name, e.type = row.type
""" + _ENTITY_SET

ENTITIES_RETYPED = """
UNWIND $rows AS row
MATCH (e:%(entity)s {id: row.id})
""" + _ENTITY_SET

EXISTING_TYPES = "UNWIND $ids AS id MATCH (e:%(entity)s {id: id}) RETURN e.id AS id, e.type AS type"

MENTIONS = """
UNWIND $rows AS row
MATCH (e:%(entity)s {id: row.entity_id})
MATCH (d:%(document)s {id: row.doc_id})
MERGE (e)-[m:%(rel)s]->(d)
SET m.count = row.count, m.starts = row.starts, m.ends = row.ends, m.spans = row.spans
"""

ACTIONS = """
UNWIND $rows AS row
MERGE (a:%(action)s {id: row.id})
ON CREATE SET a.kind = row.kind, a.status = row.status
SET a.date = coalesce(a.date, row.date), a.confidence = """ + _MAX.format(v="a")

ROLES = """
UNWIND $rows AS row
MATCH (a:%(action)s {id: row.action_id})
MATCH (e:%(entity)s {id: row.entity_id})
MERGE (a)-[r:%(rel)s]->(e)
""" + _SUPPORT

# A caption for the action, as Neo4j Browser and Bloom show nodes by `name`: "designation of Huawei
# Technologies by BIS (2019-05-16)" (kind, up to three targets, up to two actors, date; names in name order
# so both stores agree). Set after the roles, from what the graph holds, so an action a later document adds
# targets to gets them in its name too. queries/export_csv.action_name writes the same form.
ACTION_NAMES = """
UNWIND $rows AS row
MATCH (a:%(action)s {id: row.id})
OPTIONAL MATCH (a)-[:%(targets)s]->(t:%(entity)s)
WITH a, t ORDER BY t.name
WITH a, collect(t.name) AS targets
OPTIONAL MATCH (a)-[:%(by)s]->(b:%(entity)s)
WITH a, targets, b ORDER BY b.name
WITH a, targets, collect(b.name) AS actors
SET a.name = replace(coalesce(a.kind, 'action'), '_', ' ')
    + CASE WHEN size(targets) = 0 THEN '' ELSE ' of '
        + reduce(s = '', x IN targets[0..3] | s + CASE WHEN s = '' THEN '' ELSE ', ' END + x)
        + CASE WHEN size(targets) > 3 THEN ' and ' + toString(size(targets) - 3) + ' more' ELSE '' END END
    + CASE WHEN size(actors) = 0 THEN '' ELSE ' by '
        + reduce(s = '', x IN actors[0..2] | s + CASE WHEN s = '' THEN '' ELSE ', ' END + x) END
    + CASE WHEN a.date IS NULL THEN '' ELSE ' (' + a.date + ')' END
"""

REPORTED = """
UNWIND $rows AS row
MATCH (a:%(action)s {id: row.action_id})
MATCH (d:%(document)s {id: row.doc_id})
MERGE (a)-[r:%(rel)s {start: row.start, end: row.end}]->(d)
SET r.quote = row.quote
"""

# An entity relation is an edge (traversed by paths, enabled_by, the network) plus a `Relation` node of the same
# `id` that holds its evidence the way an action does: (n:Relation)-[:REPORTED_IN {start, end, quote}]->(d).
# A relationship cannot point at a Document, and parallel lists of quotes, offsets and document ids on the
# edge were the one thing a Neo4j user could not read. The node's `name` reads as a caption in Neo4j Browser.
# REPORTED_IN is MERGEd on (document, start, end): rewriting a batch adds nothing.
RELATIONS = """
UNWIND $rows AS row
MATCH (s:%(entity)s {id: row.source})
MATCH (t:%(entity)s {id: row.target})
MERGE (s)-[r:%(rel)s%(key)s]->(t)
MERGE (n:%(relation)s {id: row.id})
ON CREATE SET n.type = '%(rel)s', n.name = s.name + ' %(verb)s ' + t.name
    + CASE WHEN r.title IS NULL THEN '' ELSE ' (' + r.title + ')' END
WITH r, n, row, coalesce(r.doc_ids, []) AS known
SET r += row.props, r.id = row.id, r.doc_ids = known + [x IN row.doc_ids WHERE NOT x IN known],
    r.confidence = """ + _MAX.format(v="r") + """
WITH n, row
UNWIND row.evidence AS ev
MATCH (d:%(document)s {id: ev.doc_id})
MERGE (n)-[q:%(reported)s {start: ev.start, end: ev.end}]->(d)
SET q.quote = ev.quote
"""


def labelled(template: str) -> str:
    """A statement with its node labels filled in (the per-batch names stay placeholders)."""
    return template % {**_LABELS, "label": "%(label)s", "rel": "%(rel)s", "key": "%(key)s", "verb": "%(verb)s",
                       "reported": REPORTED_IN}


DOCUMENTS, DOCUMENTS_COMPLETE, ENTITIES, ENTITIES_RETYPED, EXISTING_TYPES, MENTIONS, ACTIONS, ROLES, REPORTED, \
    RELATIONS = map(labelled, (DOCUMENTS, DOCUMENTS_COMPLETE, ENTITIES, ENTITIES_RETYPED, EXISTING_TYPES, MENTIONS,
                               ACTIONS, ROLES, REPORTED, RELATIONS))
ACTION_NAMES = ACTION_NAMES % {**_LABELS, "targets": "%(targets)s", "by": "%(by)s"}


def _fill(template: str, **names: str) -> str:
    # %-substitution, not str.format: the Cypher is full of {map} braces.
    return template % names


def write_plan(batch: GraphBatch) -> list[tuple[str, str, list[dict]]]:
    """The ordered (label, statement, rows) steps of one batch; documents are marked complete last."""
    plan: list[tuple[str, str, list[dict]]] = [("documents", DOCUMENTS, batch.documents)]
    by_type: dict[str, list[dict]] = {}
    for row in batch.entities:
        by_type.setdefault(row["type"], []).append(row)
    for etype, rows in by_type.items():
        if etype not in ENTITY_TYPES:
            raise ValueError(f"unknown entity type {etype!r}")
        plan.append((f"entities:{etype}", _fill(ENTITIES, label=etype), rows))
    plan.append(("actions", ACTIONS, batch.actions))
    plan.append((MENTIONED_IN, _fill(MENTIONS, rel=MENTIONED_IN), batch.mentions))
    for rel, rows in batch.roles.items():
        if rel not in ROLE_RELATIONSHIPS.values():
            raise ValueError(f"unknown role relationship {rel!r}")
        plan.append((rel, _fill(ROLES, rel=rel), rows))
    plan.append(("action names", _fill(ACTION_NAMES, targets=ROLE_RELATIONSHIPS["targets"],
                                       by=ROLE_RELATIONSHIPS["by"]), batch.actions))
    plan.append((REPORTED_IN, _fill(REPORTED, rel=REPORTED_IN), batch.reported_in))
    for rel, rows in batch.relations.items():
        if rel not in RELATION_TYPES:
            raise ValueError(f"unknown relation type {rel!r}")
        keys = KEY_PROPERTIES.get(rel, ())
        key = " {" + ", ".join(f"{k}: row.{k}" for k in keys) + "}" if keys else ""
        verb = rel.lower().replace("_", " ")  # "HOLDS_ROLE" -> "holds role", in the Relation node's name
        plan.append((rel, _fill(RELATIONS, rel=rel, key=key, verb=verb), rows))
    plan.append(("complete", DOCUMENTS_COMPLETE, [{"id": i} for i in batch.document_ids]))
    return [step for step in plan if step[2]]


def chunks(rows: list[dict], size: int) -> Iterator[list[dict]]:
    for i in range(0, len(rows), max(1, size)):
        yield rows[i : i + size]


# ----------------------------------------------------------------------------------- bookkeeping reads

KNOWN_DOCUMENTS = "UNWIND $ids AS id MATCH (d:%(document)s {id: id}) WHERE d.complete = true RETURN d.id AS id"
COUNT_DOCUMENTS = "MATCH (d:%(document)s) WHERE d.complete = true RETURN count(d) AS n"
COUNT_INCOMPLETE = "MATCH (d:%(document)s) WHERE d.complete IS NULL OR d.complete <> true RETURN count(d) AS n"
COUNT_ENTITY_TYPES = "MATCH (e:%(entity)s) RETURN e.type AS type, count(e) AS n ORDER BY type"
COUNT_ACTIONS = "MATCH (a:%(action)s) RETURN count(a) AS n"
COUNT_RELATIONSHIPS = "MATCH ()-[r]->() RETURN type(r) AS type, count(r) AS n ORDER BY type"

KNOWN_DOCUMENTS, COUNT_DOCUMENTS, COUNT_INCOMPLETE, COUNT_ENTITY_TYPES, COUNT_ACTIONS = map(
    labelled, (KNOWN_DOCUMENTS, COUNT_DOCUMENTS, COUNT_INCOMPLETE, COUNT_ENTITY_TYPES, COUNT_ACTIONS))


def entity_labels() -> tuple[str, ...]:
    return (ENTITY_LABEL, *ENTITY_TYPES)
