"""PolicyGraph's graph layer: one Store interface (graph.store), one implementation per backend
(graph.falkordb_store, graph.neo4j_store), the embedded FalkorDB (graph.embedded), the pure batch builder
(graph.batch) and the write path's Cypher (graph.writes). Named read queries live one floor up, in queries/.
Start with `open_store`."""

from graph.batch import GraphBatch, build_batch
from graph.factory import StoreURIError, open_store
from graph.store import QueryError, QueryTimeout, ReadOnlyViolation, Store, StoreError, WriteStats

__all__ = [
    "GraphBatch",
    "QueryError",
    "QueryTimeout",
    "ReadOnlyViolation",
    "Store",
    "StoreError",
    "StoreURIError",
    "WriteStats",
    "build_batch",
    "open_store",
]
