"""FalkorDB behind the Store interface: embedded (graph.embedded) or an external server (redis:// / unix://).

Dialect notes kept here, next to the code that depends on them:
- reads go through GRAPH.RO_QUERY, which the server refuses for any query that writes -> ReadOnlyViolation;
  `timeout` (ms) is passed with the command and enforced by the server;
- the client inlines parameters into a `CYPHER name=value` header, so values must be JSON-like: dates and
  datetimes are sent as ISO strings, sets/tuples as lists;
- each GRAPH.QUERY is atomic (FalkorDB runs one write query at a time), which is our one-transaction-per-chunk;
- a unique constraint needs a range index on the same property first, and is built asynchronously;
- one full-text index per label: created with db.idx.fulltext.createNodeIndex, queried with
  db.idx.fulltext.queryNodes (RediSearch syntax: space = AND, `word*` = prefix).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import time
from typing import Any

import redis
from falkordb import FalkorDB
from falkordb.edge import Edge
from falkordb.node import Node
from falkordb.path import Path as FalkorPath
from falkordb.query_result import QueryResult

from graph import migrations
from graph.batch import GraphBatch
from graph.embedded import EmbeddedServer
from graph.store import (
    QueryError,
    QueryTimeout,
    ReadOnlyViolation,
    Store,
    StoreError,
    WriteStats,
)
from graph.validate import ensure_valid
from graph.writes import FULLTEXT_PROPERTIES, UNIQUE_LABELS
from policygraph.ontology import ACTION_LABEL, DOCUMENT_LABEL, ENTITY_LABEL

log = logging.getLogger(__name__)

UNIQUE_IDS = UNIQUE_LABELS  # node labels: policygraph/ontology.yaml
RANGE_INDEXES = {ACTION_LABEL: ("kind", "date", "status"), ENTITY_LABEL: ("type",), DOCUMENT_LABEL: ("published",)}


def _param(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _param(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_param(v) for v in value]
    return value


def _ms(timeout_ms: float | None) -> int | None:
    # The client only accepts an int; 0 or less would mean "no timeout" to the server, so clamp to 1 ms.
    return None if timeout_ms is None else max(1, int(timeout_ms))


def _literal(value: Any) -> str:
    """A Cypher literal for FalkorDB's `CYPHER name=value` header. The client's own encoder is generic and,
    on a 5,000-row batch, costs more time than the server spends merging it; rows from graph.batch only hold
    str / int / float / bool / None / lists / dicts, so exact type checks suffice."""
    t = type(value)
    if t is str:
        if "\x00" in value:  # the server reads the query as a C string: a NUL would cut it (and the batch) short
            raise ValueError("a value holds a NUL character (U+0000), which FalkorDB cannot take")
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if value is None:
        return "null"
    if t is bool:
        return "true" if value else "false"
    if t is int:
        return str(value)
    if t is float:
        return repr(value) if value == value and value not in (float("inf"), float("-inf")) else "null"
    if t is list or t is tuple:
        return "[" + ",".join(map(_literal, value)) + "]"
    if t is dict:
        return "{" + ",".join(f"`{k}`:{_literal(v)}" for k, v in value.items()) + "}"
    return _literal(_param(value)) if isinstance(value, dt.date | set | frozenset) else _literal(str(value))


def _plain(value: Any) -> Any:
    """FalkorDB result values -> plain Python (the same shapes graph.neo4j_store returns)."""
    if isinstance(value, Node):
        return {"labels": sorted(value.labels or []), "properties": _plain(value.properties)}
    if isinstance(value, Edge):
        return {"type": value.relation, "properties": _plain(value.properties)}
    if isinstance(value, FalkorPath):
        return {"nodes": [_plain(n) for n in value.nodes()], "relationships": [_plain(e) for e in value.edges()]}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


class _GraphValue(Exception):
    """A node, edge, path or temporal value in a result: the client's parser reads those."""


_NULL, _STRING, _INTEGER, _BOOLEAN, _DOUBLE, _ARRAY, _MAP = 1, 2, 3, 4, 5, 6, 10  # compact result value types


def _cell(cell: list) -> Any:
    """One value of a --compact result set: [type, value]. Runs for every value of every row (a timeline page:
    ~5,000), so the common types come first and maps are read pairwise without index arithmetic."""
    kind, value = cell
    if kind in (_STRING, _INTEGER):
        return value
    if kind == _NULL:
        return None
    if kind == _MAP:
        pairs = iter(value)
        return {key: _cell(v) for key, v in zip(pairs, pairs, strict=False)}  # one iterator: (key, value) pairs
    if kind == _ARRAY:
        return [_cell(v) for v in value]
    if kind == _DOUBLE:
        return float(value)
    if kind == _BOOLEAN:
        return value == "true"
    raise _GraphValue(kind)


def _table(res: QueryResult, row_cap: int | None) -> tuple[list[str], list[dict]]:
    columns = [h[1] for h in res.header]
    rows = res.result_set if row_cap is None else res.result_set[:row_cap]
    return columns, [dict(zip(columns, (_plain(v) for v in row), strict=True)) for row in rows]


def _error(exc: Exception, cypher: str) -> StoreError:
    # The message never quotes the query: it may reach an API client, and the catalog's Cypher is not theirs.
    msg = str(exc)
    lower = msg.lower()
    if "read-only" in lower or "read only" in lower:
        return ReadOnlyViolation(f"read-only query tried to write: {msg}")
    if "timed out" in lower or "timeout" in lower:
        return QueryTimeout(msg)
    if "mem consumption exceeded capacity" in lower:  # QUERY_MEM_CAPACITY (graph.embedded sets it)
        return QueryError(f"the query needed more memory than the server allows one query ({msg})")
    return QueryError(msg)


class FalkorDBStore(Store):
    name = "falkordb"

    def __init__(
        self,
        *,
        url: str | None = None,
        server: EmbeddedServer | None = None,
        graph_name: str = "policygraph",
        batch_size: int = 5000,
    ) -> None:
        super().__init__(batch_size)
        if (url is None) == (server is None):
            raise ValueError("FalkorDBStore needs exactly one of url= or server=")
        self.server = server
        self.graph_name = graph_name
        self._pool: redis.ConnectionPool | None = None
        try:
            if server is not None:
                self._pool = server.pool(decode_responses=True)  # as FalkorDB() itself sets
                self._db = FalkorDB(connection_pool=self._pool)
                self.location = server.socket_path
            else:
                self._db = FalkorDB.from_url(url, socket_timeout=None, socket_connect_timeout=10)
                self.location = url
                self._db.connection.ping()
        except (redis.exceptions.ConnectionError, OSError) as exc:
            raise StoreError(f"cannot connect to FalkorDB at {url or server.socket_path}: {exc}") from exc
        self.graph = self._db.select_graph(graph_name)
        self._closed = False

    # ---------------------------------------------------------------------------------------- schema
    def setup_schema(self) -> None:
        # FalkorDB changes a label's indexes in the background: while a change is pending, db.indexes() lists the
        # label twice (the index in use and the one being built). Read the schema only when nothing is pending.
        self._wait_indexes()
        existing = self._indexes()
        stale_ft = {p for p, kind in existing.get(ENTITY_LABEL, set()) if kind == "FULLTEXT"} - set(FULLTEXT_PROPERTIES)
        if stale_ft:  # a store written before the search fields were renamed (graph.migrations): index anew
            self.graph.query(f"CALL db.idx.fulltext.drop('{ENTITY_LABEL}')")
            self._wait_indexes()
            existing = self._indexes()
        for label in UNIQUE_IDS:
            if ("id", "RANGE") not in existing.get(label, set()):
                self.graph.query(f"CREATE INDEX FOR (n:{label}) ON (n.id)")
        for label, props in RANGE_INDEXES.items():
            for prop in props:
                if (prop, "RANGE") not in existing.get(label, set()):
                    self.graph.query(f"CREATE INDEX FOR (n:{label}) ON (n.{prop})")
        missing_ft = [p for p in FULLTEXT_PROPERTIES if (p, "FULLTEXT") not in existing.get(ENTITY_LABEL, set())]
        if missing_ft:
            args = ", ".join(f"'{p}'" for p in missing_ft)
            self.graph.query(f"CALL db.idx.fulltext.createNodeIndex('{ENTITY_LABEL}', {args})")
        constraints = {(c["label"], tuple(c["properties"])) for c in self.graph.list_constraints()}
        for label in UNIQUE_IDS:
            if (label, ("id",)) not in constraints:
                self._db.execute_command(
                    "GRAPH.CONSTRAINT", "CREATE", self.graph_name, "UNIQUE", "NODE", label, "PROPERTIES", 1, "id"
                )
        self._wait_constraints()
        self._wait_indexes()
        migrations.migrate(self)

    def _indexes(self) -> dict[str, set[tuple[str, str]]]:
        try:
            rows = self.graph.ro_query("CALL db.indexes() YIELD label, properties, types").result_set
        except redis.exceptions.ResponseError:
            return {}  # graph does not exist yet
        out: dict[str, set[tuple[str, str]]] = {}
        for label, _props, types in rows:
            for prop, kinds in dict(types).items():
                for kind in kinds:
                    out.setdefault(label, set()).add((prop, kind))
        return out

    def _wait_indexes(self, timeout: float = 600.0) -> None:
        # An index created (or dropped) over a populated graph is built in the background; until it is OPERATIONAL
        # the label's old index answers, and a search misses the nodes the new one is for (a migrated store's).
        deadline = time.monotonic() + timeout
        while True:
            try:
                statuses = self.graph.ro_query("CALL db.indexes() YIELD label, status RETURN label, status").result_set
            except redis.exceptions.ResponseError:
                return  # the graph does not exist yet: nothing is being built
            pending = [label for label, status in statuses if status != "OPERATIONAL"]
            if not pending:
                return
            if time.monotonic() > deadline:
                raise StoreError(f"FalkorDB indexes still being built after {timeout}s: {pending}")
            time.sleep(0.05)

    def _wait_constraints(self, timeout: float = 30.0) -> None:
        # Constraints are built asynchronously; writes before they are OPERATIONAL would not be checked.
        deadline = time.monotonic() + timeout
        while True:
            pending = [c for c in self.graph.list_constraints() if c["status"] != "OPERATIONAL"]
            failed = [c for c in pending if c["status"] == "FAILED"]
            if failed:
                raise StoreError(f"FalkorDB constraint failed (duplicate ids in the graph?): {failed}")
            if not pending:
                return
            if time.monotonic() > deadline:
                raise StoreError(f"FalkorDB constraints still pending after {timeout}s: {pending}")
            time.sleep(0.05)

    # ---------------------------------------------------------------------------------------- writes
    def write(self, batch: GraphBatch) -> WriteStats:
        ensure_valid(batch)  # graph.validate: no row that could crash the server (or cut the query) is sent
        return super().write(batch)

    def _write_chunk(self, statement: str, rows: list[dict]) -> WriteStats:
        try:
            query = f"CYPHER rows={_literal(rows)} {statement}"
            res = QueryResult(self.graph, self._db.execute_command("GRAPH.QUERY", self.graph_name, query, "--compact"))
        except ValueError as exc:
            raise QueryError(str(exc)) from exc
        except redis.exceptions.ResponseError as exc:
            raise _error(exc, statement) from exc
        except (redis.exceptions.ConnectionError, OSError) as exc:
            raise StoreError(f"FalkorDB connection lost: {exc}") from exc
        return WriteStats(
            nodes_created=int(res.nodes_created),
            relationships_created=int(res.relationships_created),
            properties_set=int(res.properties_set),
            labels_added=int(res.labels_added),
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
        try:
            if read_only:
                return self._read(cypher, params or {}, timeout_ms, row_cap)
            if any("\x00" in str(v) for v in (params or {}).values()):
                raise ValueError("a parameter holds a NUL character (U+0000), which FalkorDB cannot take")
            res = self.graph.query(cypher, _param(params or {}), timeout=_ms(timeout_ms))
        except ValueError as exc:
            raise QueryError(str(exc)) from exc
        except redis.exceptions.ResponseError as exc:
            raise _error(exc, cypher) from exc
        except redis.exceptions.ConnectionError as exc:
            raise StoreError(f"FalkorDB connection lost: {exc}") from exc
        return _table(res, row_cap)

    def _read(self, cypher: str, params: dict[str, Any], timeout_ms: int | None,
              row_cap: int | None) -> tuple[list[str], list[dict]]:
        """GRAPH.RO_QUERY with our own parameter header and result parser. The client's generic ones cost more
        than the query on the API's answers (a timeline page of maps: ~5 ms of parsing for ~4 ms of server
        time, measured); scalars, lists and maps are read here, and a result holding nodes, edges or paths
        goes to the client's parser (which resolves labels and property names through the graph schema)."""
        header = "CYPHER " + " ".join(f"{k}={_literal(v)}" for k, v in params.items()) + " " if params else ""
        command: list[Any] = ["GRAPH.RO_QUERY", self.graph_name, header + cypher, "--compact"]
        if timeout_ms is not None:
            command += ["timeout", _ms(timeout_ms)]
        response = self._db.execute_command(*command)
        for part in (response[0], response[-1]):
            if isinstance(part, redis.exceptions.ResponseError):
                raise part
        if len(response) == 1:  # statistics only: no result set
            return [], []
        columns = [h[1] for h in response[0]]
        raw_rows = response[1] if row_cap is None else response[1][:row_cap]
        try:
            return columns, [dict(zip(columns, map(_cell, row), strict=True)) for row in raw_rows]
        except _GraphValue:
            return _table(QueryResult(self.graph, response), row_cap)

    def fulltext_expression(self, terms: list[str], prefix: str) -> str:
        # RediSearch: juxtaposition is AND; `abc*` a prefix (needs >= 2 characters).
        return " ".join([*terms, *([prefix + "*"] if prefix else [])])

    # ------------------------------------------------------------------------------------- lifecycle
    def recover(self) -> bool:
        """After a failure: True if the embedded server had died and was started again (on the same data,
        under the same socket, so this store's pool reconnects); False if it answers. An external server
        cannot be restarted from here: StoreError."""
        try:
            self._db.connection.ping()
            return False
        except (redis.exceptions.ConnectionError, OSError):
            pass
        if self.server is None:
            raise StoreError(f"FalkorDB at {self.location} does not answer")
        self.server.restart()
        self._wait_constraints()
        return True

    def clear(self) -> None:
        # A new graph, not the old one's nodes deleted: deleting nodes leaves the full-text index holding their
        # deleted entries (and the graph its freed ids) for the next test to run into; a new graph starts as a
        # first run does. Its schema is set up again before anything is written.
        with contextlib.suppress(redis.exceptions.ResponseError):  # no such graph yet
            self.graph.delete()
        self.setup_schema()

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self.server is not None:
            if self._pool is not None:
                self.server.forget_pool(self._pool)
            self.server.release()
        else:
            # close() alone leaves the pool's sockets open, and an open connection keeps an embedded server
            # (whose last-user check counts clients) alive.
            self._db.connection.connection_pool.disconnect()
            self._db.connection.close()
