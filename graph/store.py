"""The one interface every graph backend implements (yente-style provider), and the writes they share.

A store writes `GraphBatch`es idempotently (`UNWIND $rows AS row MERGE ...`, one transaction per chunk of
`batch_size` rows), answers read-only Cypher with a timeout and a row cap, and reports counts.

Crash safety: a batch writes its Document nodes first *without* `complete`, then entities, actions and every
relationship, and only at the very end sets `complete = true` on its documents. `known_document_ids` lists
complete documents only, so a run killed mid-batch leaves those documents unknown and the next run redoes
them; because every statement is a MERGE and evidence is appended per document only once, redoing is harmless.
"""

from __future__ import annotations

import time
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from graph.batch import KEY_PROPERTIES, GraphBatch
from policygraph.ontology import ENTITY_TYPES, ONTOLOGY, RELATION_TYPES, ROLE_RELATIONSHIPS

ENTITY = "Entity"
REPORTED_IN, MENTIONED_IN = "REPORTED_IN", "MENTIONED_IN"
assert {REPORTED_IN, MENTIONED_IN} == set(ONTOLOGY.provenance), "provenance names drifted from ontology"


class StoreError(RuntimeError):
    """A store could not be reached or refused an operation."""


class ReadOnlyViolation(StoreError):
    """A query sent as read-only tried to write; the backend refused it."""


class QueryTimeout(StoreError):
    """A query ran past its timeout and was stopped by the backend."""


class QueryError(StoreError):
    """The backend rejected a query (syntax, unknown procedure, bad parameter...)."""


@dataclass
class WriteStats:
    rows: int = 0
    statements: int = 0
    nodes_created: int = 0
    relationships_created: int = 0
    properties_set: int = 0
    labels_added: int = 0
    seconds: float = 0.0
    documents: int = 0
    warnings: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)  # seconds per write step (label of write_plan)

    def add(self, other: WriteStats) -> None:
        for name in ("rows", "statements", "nodes_created", "relationships_created", "properties_set",
                     "labels_added", "documents"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.seconds += other.seconds
        self.warnings.extend(other.warnings)
        for label, seconds in other.timings.items():
            self.timings[label] = self.timings.get(label, 0.0) + seconds

    @property
    def created(self) -> int:
        return self.nodes_created + self.relationships_created


# ----------------------------------------------------------------------------------------------- writes
# The write statements are the same Cypher on both backends. Labels and relationship types cannot be
# parameters, so they are interpolated; every interpolated name comes from the ontology (checked again here).

_MAX = "CASE WHEN {v}.confidence IS NULL OR row.confidence > {v}.confidence THEN row.confidence ELSE {v}.confidence END"

# Append a batch's evidence for documents the relationship does not know yet: rewriting a batch never grows
# the lists, and a second document's evidence is added next to the first's.
_EVIDENCE = """
WITH r, row, coalesce(r.doc_ids, []) AS known
WITH r, row, known, [i IN range(0, size(row.ev_doc_ids) - 1) WHERE NOT row.ev_doc_ids[i] IN known] AS fresh
SET r.doc_ids = known + [x IN row.doc_ids WHERE NOT x IN known],
    r.ev_doc_ids = coalesce(r.ev_doc_ids, []) + [i IN fresh | row.ev_doc_ids[i]],
    r.ev_starts = coalesce(r.ev_starts, []) + [i IN fresh | row.ev_starts[i]],
    r.ev_ends = coalesce(r.ev_ends, []) + [i IN fresh | row.ev_ends[i]],
    r.ev_quotes = coalesce(r.ev_quotes, []) + [i IN fresh | row.ev_quotes[i]],
    r.confidence = """ + _MAX.format(v="r")

DOCUMENTS = """
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d.title = row.title, d.published = row.published, d.url = row.url, d.source = row.source,
    d.author = row.author, d.text = row.text, d.text_length = row.text_length
"""

DOCUMENTS_COMPLETE = """
UNWIND $rows AS row
MATCH (d:Document {id: row.id})
SET d.complete = true
"""

# Entities are MERGEd with both labels at once: adding the type label to an existing node afterwards
# (ON CREATE SET e:Person) costs FalkorDB ~0.2 ms a node, 5x the whole MERGE. An id already stored under
# another type (the first type wins) would not match that pattern and would break the unique constraint, so
# `Store.write` routes those rows to ENTITIES_RETYPED, which matches by id alone.
_ENTITY_SET = """
WITH e, row, coalesce(e.aliases, []) AS known_aliases, coalesce(e.search_terms, []) AS known_terms
WITH e, row, known_aliases + [a IN row.aliases WHERE NOT a IN known_aliases] AS aliases,
     known_terms + [t IN row.search_terms WHERE NOT t IN known_terms] AS terms
SET e.kind = coalesce(e.kind, row.kind), e.aliases = aliases, e.search_terms = terms,
    e.aliases_text = reduce(s = head(aliases), a IN tail(aliases) | s + ' | ' + a),
    e.search_text = reduce(s = '', t IN terms | s + ' ' + t + ' |')
"""

ENTITIES = """
UNWIND $rows AS row
MERGE (e:Entity:%(label)s {id: row.id})
ON CREATE SET e.name = row.name, e.type = row.type
""" + _ENTITY_SET

ENTITIES_RETYPED = """
UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
""" + _ENTITY_SET

_EXISTING_TYPES = "UNWIND $ids AS id MATCH (e:Entity {id: id}) RETURN e.id AS id, e.type AS type"

MENTIONS = """
UNWIND $rows AS row
MATCH (e:Entity {id: row.entity_id})
MATCH (d:Document {id: row.doc_id})
MERGE (e)-[m:%(rel)s]->(d)
SET m.count = row.count, m.starts = row.starts, m.ends = row.ends, m.spans = row.spans
"""

ACTIONS = """
UNWIND $rows AS row
MERGE (a:Action {id: row.id})
ON CREATE SET a.kind = row.kind, a.status = row.status
SET a.date = coalesce(a.date, row.date), a.confidence = """ + _MAX.format(v="a")

ROLES = """
UNWIND $rows AS row
MATCH (a:Action {id: row.action_id})
MATCH (e:Entity {id: row.entity_id})
MERGE (a)-[r:%(rel)s]->(e)
""" + _EVIDENCE

REPORTED = """
UNWIND $rows AS row
MATCH (a:Action {id: row.action_id})
MATCH (d:Document {id: row.doc_id})
MERGE (a)-[r:%(rel)s {start: row.start, end: row.end}]->(d)
SET r.quote = row.quote
"""

RELATIONS = """
UNWIND $rows AS row
MATCH (s:Entity {id: row.source})
MATCH (t:Entity {id: row.target})
MERGE (s)-[r:%(rel)s%(key)s]->(t)
SET r += row.props
""" + _EVIDENCE


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
    plan.append((REPORTED_IN, _fill(REPORTED, rel=REPORTED_IN), batch.reported_in))
    for rel, rows in batch.relations.items():
        if rel not in RELATION_TYPES:
            raise ValueError(f"unknown relation type {rel!r}")
        keys = KEY_PROPERTIES.get(rel, ())
        key = " {" + ", ".join(f"{k}: row.{k}" for k in keys) + "}" if keys else ""
        plan.append((rel, _fill(RELATIONS, rel=rel, key=key), rows))
    plan.append(("complete", DOCUMENTS_COMPLETE, [{"id": i} for i in batch.document_ids]))
    return [step for step in plan if step[2]]


def chunks(rows: list[dict], size: int) -> Iterator[list[dict]]:
    for i in range(0, len(rows), max(1, size)):
        yield rows[i : i + size]


# -------------------------------------------------------------------------------------------- interface


class Store(ABC):
    """A graph backend. Use as a context manager or call `close()`."""

    name: str  # "falkordb" | "neo4j"

    def __init__(self, batch_size: int = 5000) -> None:
        self.batch_size = batch_size

    # -- schema and writes
    @abstractmethod
    def setup_schema(self) -> None:
        """Create constraints and indexes (idempotent)."""

    @abstractmethod
    def _write_chunk(self, statement: str, rows: list[dict]) -> WriteStats:
        """Run one write statement over one chunk of rows in one transaction."""

    def write(self, batch: GraphBatch) -> WriteStats:
        """Write a batch idempotently, in chunks of `batch_size` rows; documents are completed last."""
        stats = WriteStats(warnings=list(batch.warnings), documents=len(batch.documents))
        started = time.perf_counter()
        for label, statement, rows in write_plan(batch):
            step_started = time.perf_counter()
            for chunk in chunks(rows, self.batch_size):
                for stmt, part_rows in self._route(label, statement, chunk):
                    part = self._write_chunk(stmt, part_rows)
                    part.rows, part.statements = len(part_rows), 1
                    stats.add(part)
            stats.timings[label] = stats.timings.get(label, 0.0) + time.perf_counter() - step_started
        stats.seconds = time.perf_counter() - started
        return stats

    def _route(self, label: str, statement: str, rows: list[dict]) -> list[tuple[str, list[dict]]]:
        if not label.startswith("entities:"):
            return [(statement, rows)]
        etype = label.split(":", 1)[1]
        stored = {r["id"]: r["type"] for r in self.query(_EXISTING_TYPES, {"ids": [r["id"] for r in rows]})}
        retyped = [r for r in rows if r["id"] in stored and stored[r["id"]] != etype]
        if not retyped:
            return [(statement, rows)]
        ids = {r["id"] for r in retyped}
        same = [r for r in rows if r["id"] not in ids]
        return [*([(statement, same)] if same else []), (ENTITIES_RETYPED, retyped)]

    def known_document_ids(self, ids: Iterable[str]) -> set[str]:
        """The subset of `ids` whose documents were completely written."""
        wanted = list(dict.fromkeys(ids))
        found: set[str] = set()
        for chunk in chunks([{"id": i} for i in wanted], self.batch_size):
            rows = self.query(
                "UNWIND $ids AS id MATCH (d:Document {id: id}) WHERE d.complete = true RETURN d.id AS id",
                {"ids": [r["id"] for r in chunk]},
            )
            found.update(r["id"] for r in rows)
        return found

    # -- reads
    def query(
        self,
        cypher: str,
        params: dict[str, Any] | None = None,
        *,
        read_only: bool = True,
        timeout_ms: int | None = None,
        row_cap: int | None = None,
    ) -> list[dict]:
        """Run Cypher; read-only by default (enforced by the backend: a write raises ReadOnlyViolation;
        past `timeout_ms` QueryTimeout; a rejected query QueryError). Returns at most `row_cap` rows as
        plain dicts (nodes -> {labels, properties}, relationships -> {type, properties}, paths -> {nodes,
        relationships})."""
        return self.query_table(cypher, params, read_only=read_only, timeout_ms=timeout_ms, row_cap=row_cap)[1]

    @abstractmethod
    def query_table(
        self,
        cypher: str,
        params: dict[str, Any] | None = None,
        *,
        read_only: bool = True,
        timeout_ms: int | None = None,
        row_cap: int | None = None,
    ) -> tuple[list[str], list[dict]]:
        """As `query`, plus the column names (known even when no row comes back)."""

    @abstractmethod
    def fulltext_expression(self, terms: list[str], prefix: str) -> str:
        """The backend's full-text query string matching all `terms` and words starting with `prefix`."""

    def counts(self) -> dict:
        """documents (complete), entities (total and per type), actions, relationships per type."""
        documents = self.query("MATCH (d:Document) WHERE d.complete = true RETURN count(d) AS n")[0]["n"]
        incomplete = self.query(
            "MATCH (d:Document) WHERE d.complete IS NULL OR d.complete <> true RETURN count(d) AS n"
        )[0]["n"]
        per_type = {
            r["type"]: r["n"]
            for r in self.query("MATCH (e:Entity) RETURN e.type AS type, count(e) AS n ORDER BY type")
        }
        actions = self.query("MATCH (a:Action) RETURN count(a) AS n")[0]["n"]
        rels = {
            r["type"]: r["n"]
            for r in self.query("MATCH ()-[r]->() RETURN type(r) AS type, count(r) AS n ORDER BY type")
        }
        return {
            "documents": documents,
            "incomplete_documents": incomplete,
            "entities": sum(per_type.values()),
            "entities_by_type": per_type,
            "actions": actions,
            "relationships": sum(rels.values()),
            "relationships_by_type": rels,
        }

    def run(self, query_name: str, params: dict[str, Any] | None = None, **options: Any) -> list[dict]:
        """Run a catalog query by name (see graph.catalog)."""
        from graph.catalog import default_catalog

        return default_catalog().run(self, query_name, params, **options)

    # -- lifecycle
    @abstractmethod
    def clear(self) -> None:
        """Delete every node and relationship (schema stays). For tests."""

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name}>"


def entity_labels() -> tuple[str, ...]:
    return (ENTITY, *ENTITY_TYPES)
