"""The Neo4j write path: few full transactions a batch (the driver's managed write transactions, counted), and
writes through `neo4j://` routing give the same graph as `bolt://`."""

from __future__ import annotations

import math
import re

import pytest
from neo4j import Session

from graph.batch import GraphBatch
from graph.neo4j_store import FULLTEXT_INDEX, Neo4jStore
from graph.writes import DOCUMENTS_COMPLETE, write_plan


def test_a_batch_takes_as_few_transactions_as_its_rows_need(neo4j_session_store: Neo4jStore,
                                                            seed_batch: GraphBatch, monkeypatch) -> None:
    store = neo4j_session_store
    store.clear()
    rows = sum(len(r) for _, stmt, r in write_plan(seed_batch) if stmt != DOCUMENTS_COMPLETE)
    committed = []
    execute_write = Session.execute_write

    def counted(self, work, *args, **kwargs):  # the real driver call, counted
        result = execute_write(self, work, *args, **kwargs)
        committed.append(1)
        return result

    monkeypatch.setattr(Session, "execute_write", counted)
    monkeypatch.setattr(store, "batch_size", 200)
    stats = store.write(seed_batch)
    monkeypatch.undo()
    assert rows > 2 * 200  # the seed batch needs several transactions at this size
    # the rows of every step packed together, then the completion of the documents on its own
    assert len(committed) == math.ceil(rows / 200) + 1
    assert stats.created > 0 and store.counts()["documents"] == len(seed_batch.documents)


@pytest.fixture
def routed_store(neo4j_uri: str):
    with Neo4jStore(neo4j_uri.replace("bolt://", "neo4j://"), auth=None, batch_size=500) as store:
        yield store


def test_writes_through_neo4j_routing_give_the_same_graph(routed_store: Neo4jStore,
                                                         neo4j_session_store: Neo4jStore,
                                                         seed_batch: GraphBatch) -> None:
    assert routed_store.uri.startswith("neo4j://")
    neo4j_session_store.clear()
    neo4j_session_store.write(seed_batch)
    direct = neo4j_session_store.counts()
    routed_store.clear()
    first = routed_store.write(seed_batch)
    assert routed_store.counts() == direct
    again = routed_store.write(seed_batch)  # idempotent, through the router too
    assert first.created > 0 and again.created == 0
    assert routed_store.counts() == direct


def test_full_text_updates_run_in_the_background_and_a_write_waits_for_them(neo4j_session_store: Neo4jStore,
                                                                           seed_batch: GraphBatch) -> None:
    store = neo4j_session_store
    [index] = store.query("SHOW FULLTEXT INDEXES YIELD name, options WHERE name = $name RETURN options",
                          {"name": FULLTEXT_INDEX})
    assert index["options"]["indexConfig"]["fulltext.eventually_consistent"] is True
    store.clear()
    store.write(seed_batch)
    # straight after the write returns, the index finds every entity of the batch by the words of its name
    named = [r for r in seed_batch.entities if re.fullmatch(r"[A-Za-z]+( [A-Za-z]+)*", r["name"])]
    assert len(named) > 10
    for row in named:
        query = " ".join(f"+{word}" for word in row["name"].split())
        found = store.query("CALL db.index.fulltext.queryNodes($index, $q) YIELD node RETURN node.id AS id",
                            {"index": FULLTEXT_INDEX, "q": query})
        assert row["id"] in {f["id"] for f in found}, row["name"]
