"""Neo4j (5.x) behind the Store interface, through the official driver over Bolt.

Dialect notes kept here:
- reads run in an explicit transaction of a READ-mode session with the driver's transaction timeout: the
  server refuses writes in read mode (Neo.ClientError.Statement.AccessMode -> ReadOnlyViolation) and stops
  the transaction at the timeout (Neo.ClientError.Transaction.TransactionTimedOut* -> QueryTimeout);
- writes: a batch's write plan is packed into managed write transactions of at most `batch_size` rows across
  its steps (`execute_write`: retried by the driver on transient errors such as a deadlock or a cluster
  leader switch - safe, every statement is an idempotent MERGE); the documents' completion is its own last
  transaction. Fewer, fuller transactions: a commit costs the server a log flush and index updates whatever
  its size (bench/neo4j_writes.py measures it). `neo4j://` URIs route writes to the cluster's leader;
- schema: `CREATE CONSTRAINT ... IF NOT EXISTS` (unique ids), range indexes, and one FULLTEXT index
  `entity_search` over name, _aliases_text and _search_text (full-text cannot index list properties);
  Lucene syntax for it: `+word` required, `word*` prefix. The full-text index is eventually consistent: its
  Lucene updates (~40% of the server's CPU a write, measured by bench/neo4j_writes.py) run on a background
  thread while the batch's later statements run, instead of inside each commit; `write` waits for them before
  it marks the documents complete, so a search after a write returns finds what it wrote, as before. (A store
  whose index was made before stays synchronous until the index is dropped; setup_schema makes it again.)
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from typing import Any

from neo4j import READ_ACCESS, WRITE_ACCESS, GraphDatabase
from neo4j import exceptions as neo4j_errors
from neo4j.graph import Node, Path, Relationship

from graph import migrations, writes
from graph.batch import GraphBatch
from graph.store import QueryError, QueryTimeout, ReadOnlyViolation, Store, StoreError, WriteStats
from graph.validate import ensure_valid
from policygraph.ontology import ACTION_LABEL, DOCUMENT_LABEL, ENTITY_LABEL

FULLTEXT_INDEX = "entity_search"
UNIQUE_IDS = writes.UNIQUE_LABELS  # node labels: policygraph/ontology.yaml
RANGE_INDEXES = {ACTION_LABEL: ("kind", "date", "status"), ENTITY_LABEL: ("type",), DOCUMENT_LABEL: ("published",)}
FULLTEXT_PROPERTIES = writes.FULLTEXT_PROPERTIES
AWAIT_FULLTEXT = "CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()"


def _plain(value: Any) -> Any:
    """Driver values -> plain Python (the same shapes graph.falkordb_store returns)."""
    if isinstance(value, Node):
        return {"labels": sorted(value.labels), "properties": {k: _plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"type": value.type, "properties": {k: _plain(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return {"nodes": [_plain(n) for n in value.nodes],
                "relationships": [_plain(r) for r in value.relationships]}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "iso_format"):  # neo4j.time Date/DateTime/Duration
        return value.iso_format()
    return value


def _param(value: Any) -> Any:
    # Same wire contract as FalkorDB: dates travel as ISO strings (the graph stores strings).
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _param(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_param(v) for v in value]
    return value


def _error(exc: Exception, cypher: str) -> StoreError:
    code = getattr(exc, "code", "") or ""
    msg = getattr(exc, "message", None) or str(exc)
    if code.endswith("Statement.AccessMode") or "read access mode" in msg.lower():
        return ReadOnlyViolation(f"read-only query tried to write: {msg}")
    if "TransactionTimedOut" in code or "Transaction.Terminated" in code and "timeout" in msg.lower():
        return QueryTimeout(msg)
    if isinstance(exc, neo4j_errors.ServiceUnavailable | neo4j_errors.SessionExpired):
        return StoreError(f"Neo4j unavailable: {msg}")
    if "MemoryPoolOutOfMemoryError" in code or "memory" in code.lower():  # dbms.memory.transaction.total.max
        return QueryError(f"the query needed more memory than the server allows one transaction ({msg})")
    # The message never quotes the query: it may reach an API client, and the catalog's Cypher is not theirs.
    return QueryError(msg)


class Neo4jStore(Store):
    name = "neo4j"

    def __init__(
        self,
        uri: str,
        *,
        auth: tuple[str, str] | None = None,
        database: str | None = None,
        batch_size: int = 5000,
    ) -> None:
        super().__init__(batch_size)
        self.uri, self.database = uri, database
        self.location = uri
        try:
            # Notifications off: "property key does not exist" warnings on an empty graph are noise.
            self._driver = GraphDatabase.driver(uri, auth=auth, notifications_min_severity="OFF")
            self._driver.verify_connectivity()
        except (neo4j_errors.ServiceUnavailable, neo4j_errors.AuthError, OSError, ValueError) as exc:
            raise StoreError(f"cannot connect to Neo4j at {uri}: {exc}") from exc
        self._closed = False
        self.transactions = 0  # write transactions committed (bench/neo4j_writes.py, tests)

    def _session(self, mode: str = WRITE_ACCESS):
        return self._driver.session(database=self.database, default_access_mode=mode)

    # ---------------------------------------------------------------------------------------- schema
    def setup_schema(self) -> None:
        migrations.drop_stale_fulltext(self, FULLTEXT_INDEX)  # a store indexed under the old field names
        statements = [
            f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"
            for label in UNIQUE_IDS
        ]
        statements += [
            f"CREATE INDEX {label.lower()}_{prop} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})"
            for label, props in RANGE_INDEXES.items()
            for prop in props
        ]
        props = ", ".join(f"n.{p}" for p in FULLTEXT_PROPERTIES)
        statements.append(f"CREATE FULLTEXT INDEX {FULLTEXT_INDEX} IF NOT EXISTS FOR (n:{ENTITY_LABEL}) ON EACH "
                          f"[{props}] OPTIONS {{indexConfig: {{`fulltext.eventually_consistent`: true}}}}")
        with self._session() as session:
            for stmt in statements:
                session.run(stmt).consume()
            session.run("CALL db.awaitIndexes(300)").consume()
        migrations.migrate(self)

    # ---------------------------------------------------------------------------------------- writes
    def write(self, batch: GraphBatch) -> WriteStats:
        ensure_valid(batch)  # graph.validate: both stores take exactly the same rows
        stats = WriteStats(warnings=list(batch.warnings), documents=len(batch.documents))
        started = time.perf_counter()
        plan = writes.write_plan(batch)
        complete = [step for step in plan if step[1] == writes.DOCUMENTS_COMPLETE]
        for steps in self._packed([step for step in plan if step[1] != writes.DOCUMENTS_COMPLETE]):
            stats.add(self._write_steps(steps))
        if batch.entities:  # the full-text index's background updates land before the documents count
            waited = time.perf_counter()
            with self._session() as session:
                session.run(AWAIT_FULLTEXT).consume()
            stats.timings["full-text index"] = time.perf_counter() - waited
        for label, statement, rows in complete:  # last, alone: a document is known only once all else is stored
            step_started = time.perf_counter()
            for chunk in writes.chunks(rows, self.batch_size):
                part = self._write_chunk(statement, chunk)
                part.rows, part.statements = len(chunk), 1
                stats.add(part)
            stats.timings[label] = stats.timings.get(label, 0.0) + time.perf_counter() - step_started
        stats.seconds = time.perf_counter() - started
        return stats

    def _packed(self, plan: list[tuple[str, str, list[dict]]]) -> Iterator[list[tuple[str, str, list[dict]]]]:
        """The plan's steps in order, cut and packed into transactions of at most `batch_size` rows."""
        size = max(1, self.batch_size)
        current: list[tuple[str, str, list[dict]]] = []
        room = size
        for label, statement, rows in plan:
            start = 0
            while start < len(rows):
                part = rows[start : start + room]
                current.append((label, statement, part))
                start += len(part)
                room -= len(part)
                if room == 0:
                    yield current
                    current, room = [], size
        if current:
            yield current

    def _write_steps(self, steps: list[tuple[str, str, list[dict]]]) -> WriteStats:
        """One managed transaction over several steps (retried whole on a transient error)."""
        def work(tx) -> tuple[list, dict[str, float]]:
            def stored_types(ids: list[str]) -> list[dict]:  # read inside this transaction, before its writes
                return [r.data() for r in tx.run(writes.EXISTING_TYPES, ids=ids)]

            counters, timings = [], {}
            for label, statement, rows in steps:
                step_started = time.perf_counter()
                for stmt, part in self._route(label, statement, rows, stored_types):
                    counters.append(tx.run(stmt, rows=part).consume().counters)
                timings[label] = timings.get(label, 0.0) + time.perf_counter() - step_started
            return counters, timings

        started = time.perf_counter()
        counters, timings = self._execute_write(work, steps[0][1])
        stats = WriteStats(rows=sum(len(rows) for _, _, rows in steps), statements=len(counters))
        for c in counters:
            stats.nodes_created += c.nodes_created
            stats.relationships_created += c.relationships_created
            stats.properties_set += c.properties_set
            stats.labels_added += c.labels_added
        timings["commit"] = max(0.0, time.perf_counter() - started - sum(timings.values()))
        stats.timings = timings
        return stats

    def _execute_write(self, work, statement: str):
        try:
            with self._session() as session:
                result = session.execute_write(work)
        except neo4j_errors.Neo4jError as exc:
            raise _error(exc, statement) from exc
        except (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired) as exc:
            raise StoreError(f"Neo4j unavailable: {exc}") from exc
        self.transactions += 1
        return result

    def _write_chunk(self, statement: str, rows: list[dict]) -> WriteStats:
        c = self._execute_write(lambda tx: tx.run(statement, rows=rows).consume().counters, statement)
        return WriteStats(
            nodes_created=c.nodes_created,
            relationships_created=c.relationships_created,
            properties_set=c.properties_set,
            labels_added=c.labels_added,
        )

    # ----------------------------------------------------------------------------------------- reads
    def query_table(
        self,
        cypher: str,
        params: dict[str, Any] | None = None,
        *,
        read_only: bool = True,
        timeout_ms: int | None = None,
        row_cap: int | None = None,
    ) -> tuple[list[str], list[dict]]:
        timeout = timeout_ms / 1000 if timeout_ms else None
        try:
            with (
                self._session(READ_ACCESS if read_only else WRITE_ACCESS) as session,
                session.begin_transaction(timeout=timeout) as tx,
            ):
                result = tx.run(cypher, _param(params or {}))
                columns = list(result.keys())
                records = result.fetch(row_cap) if row_cap is not None else list(result)
                rows = [{k: _plain(v) for k, v in r.items()} for r in records]
                if read_only:
                    tx.rollback()
                else:
                    tx.commit()
        except neo4j_errors.Neo4jError as exc:
            raise _error(exc, cypher) from exc
        except (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired) as exc:
            raise StoreError(f"Neo4j unavailable: {exc}") from exc
        return columns, rows

    def fulltext_expression(self, terms: list[str], prefix: str) -> str:
        # Lucene: every word required (+), the last as a prefix; the words are [\w ]-only (search_form).
        return " ".join([*(f"+{t}" for t in terms), *([f"+{prefix}*"] if prefix else [])])

    # ------------------------------------------------------------------------------------- lifecycle
    def clear(self) -> None:
        with self._session() as session:
            session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._driver.close()
