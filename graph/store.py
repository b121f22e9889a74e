"""The one interface every graph backend implements (yente-style provider). The Cypher it writes with is in
graph.writes; named read queries are run through queries.run.

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
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from graph import writes
from graph.batch import GraphBatch
from graph.writes import chunks, write_plan


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

    def _route(
        self, label: str, statement: str, rows: list[dict],
        stored_types: Callable[[list[str]], Iterable[dict]] | None = None,
    ) -> list[tuple[str, list[dict]]]:
        """An entity step's rows split by whether their id is stored under another type (that part takes the
        statement matching by id alone: the first type wins). `stored_types` reads the stored types (ids ->
        rows of id, type); by default a read query, a backend may read them inside its write transaction."""
        if not label.startswith("entities:"):
            return [(statement, rows)]
        etype = label.split(":", 1)[1]
        ids = [r["id"] for r in rows]
        found = stored_types(ids) if stored_types else self.query(writes.EXISTING_TYPES, {"ids": ids})
        stored = {r["id"]: r["type"] for r in found}
        retyped = [r for r in rows if r["id"] in stored and stored[r["id"]] != etype]
        if not retyped:
            return [(statement, rows)]
        ids = {r["id"] for r in retyped}
        same = [r for r in rows if r["id"] not in ids]
        return [*([(statement, same)] if same else []), (writes.ENTITIES_RETYPED, retyped)]

    def known_document_ids(self, ids: Iterable[str]) -> set[str]:
        """The subset of `ids` whose documents were completely written."""
        wanted = list(dict.fromkeys(ids))
        found: set[str] = set()
        for chunk in chunks([{"id": i} for i in wanted], self.batch_size):
            rows = self.query(writes.KNOWN_DOCUMENTS, {"ids": [r["id"] for r in chunk]})
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
        documents = self.query(writes.COUNT_DOCUMENTS)[0]["n"]
        incomplete = self.query(writes.COUNT_INCOMPLETE)[0]["n"]
        per_type = {r["type"]: r["n"] for r in self.query(writes.COUNT_ENTITY_TYPES)}
        actions = self.query(writes.COUNT_ACTIONS)[0]["n"]
        rels = {r["type"]: r["n"] for r in self.query(writes.COUNT_RELATIONSHIPS)}
        return {
            "documents": documents,
            "incomplete_documents": incomplete,
            "entities": sum(per_type.values()),
            "entities_by_type": per_type,
            "actions": actions,
            "relationships": sum(rels.values()),
            "relationships_by_type": rels,
        }

    # -- lifecycle
    @abstractmethod
    def clear(self) -> None:
        """Delete every node and relationship; the schema stays (or is set up again). For tests and benches."""

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name}>"
