"""FalkorDB builds an index created over a populated graph in the background (a migrated store's full-text index is
one): `setup_schema` returns only once every index is OPERATIONAL, so a search right after it finds every node.
And `clear()` gives a new graph with its schema, as a first run has."""

from __future__ import annotations

from graph.embedded import EmbeddedServer
from graph.falkordb_store import FalkorDBStore
from graph.writes import FULLTEXT_PROPERTIES, SEARCH_TEXT

NODES = 60_000


def test_a_rebuilt_fulltext_index_is_complete_when_setup_schema_returns(falkordb_session_store) -> None:
    # a user of the session's server of its own: this store's close() releases it, not the session store's
    server = EmbeddedServer.acquire(falkordb_session_store.server.home)
    store = FalkorDBStore(server=server, graph_name="policygraph_test_indexes")
    try:
        store.clear()
        store.query(f"UNWIND range(1, {NODES}) AS i CREATE (:Entity {{id: 'e' + toString(i), name: 'Acme ' + "
                    f"toString(i), {SEARCH_TEXT}: ' acme '}})", read_only=False)
        store.query("CALL db.idx.fulltext.drop('Entity')", read_only=False)  # the drop is itself a rebuild
        store.setup_schema()  # waits for it, finds the full-text index missing and builds it over the 60,000 nodes
        statuses = {r["status"] for r in store.query("CALL db.indexes() YIELD status RETURN status")}
        assert statuses == {"OPERATIONAL"}
        found = store.query("CALL db.idx.fulltext.queryNodes('Entity', 'acme') YIELD node RETURN count(node) AS n")
        assert found[0]["n"] == NODES
        store.clear()
        assert store.query("MATCH (n) RETURN count(n) AS n")[0]["n"] == 0
        kinds = {(p, k) for r in store.query("CALL db.indexes() YIELD label, types WHERE label = 'Entity' "
                                             "RETURN types") for p, ks in r["types"].items() for k in ks}
        assert {(p, "FULLTEXT") for p in FULLTEXT_PROPERTIES} <= kinds
    finally:
        store.graph.delete()
        store.close()
