"""/stats while an ingest is writing (issue 10, defect 8): the counts describe the complete documents only.

A batch is written step by step (documents, entities, actions, relationships) and its documents are marked
complete by the last step, so while an ingest runs the store holds rows of documents that do not count yet.
/stats counted those entities, actions and relationships but not their documents ("entities ahead of
documents"). What a reader expects: every figure is about the same documents - the complete ones - so while
a batch is in flight /stats shows what it showed before the batch, and once the batch is complete it shows
everything (equal to the whole graph's counts).

The in-flight states are made by the real write path on the real stores: the steps of a batch's write plan
one by one up to the last, which is exactly what the store holds while an ingest is between those steps
(right after the entities step, say, the new entities have no mention yet). Rows no document brings (an
official list's entry and its Law) count at once: nothing is in flight there.
"""

from __future__ import annotations

from collections.abc import Iterator

from graph.batch import build_batch
from graph.list_writes import import_entries
from graph.writes import write_plan
from ingest.lists.records import ListEntryRecord
from queries import run


def _steps_before_completion(store, batch) -> Iterator[str]:
    """Write `batch` step by step, yielding after each step, up to (not including) marking it complete."""
    plan = write_plan(batch)
    assert plan[-1][0] == "complete"  # the write plan's contract: completion is the last step
    for label, statement, rows in plan[:-1]:
        for stmt, part in store._route(label, statement, rows):
            store._write_chunk(stmt, part)
        yield label


def _split(docs, extractions, n):
    first = {d.id for d in docs[:n]}
    return (build_batch(docs[:n], [e for e in extractions if e.doc_id in first]),
            build_batch(docs[n:], [e for e in extractions if e.doc_id not in first]))


def test_stats_counts_only_complete_documents_while_a_batch_is_written(store, seed_documents, seed_extractions):
    done, in_flight = _split(seed_documents, seed_extractions, 2)
    store.write(done)
    before = run(store, "stats")[0]
    assert before["documents"] == 2 and before["entities"] > 0

    for step in _steps_before_completion(store, in_flight):
        assert run(store, "stats")[0] == before, f"after the {step} step"  # nothing in flight is counted ...
    assert store.counts()["entities"] > before["entities"]  # ... though the in-flight rows are in the store

    store.write(in_flight)  # the ingest's write of that batch ends: its documents are complete
    after = run(store, "stats")[0]
    counts = store.counts()
    assert after["documents"] == counts["documents"] == len(seed_documents)
    assert after["entities"] == counts["entities"] and after["actions"] == counts["actions"]
    assert after["relationships"] == counts["relationships"]
    assert {x["type"]: x["count"] for x in after["entities_by_type"]} == counts["entities_by_type"]
    assert {x["type"]: x["count"] for x in after["relationships_by_type"]} == counts["relationships_by_type"]


def test_rows_no_document_brings_count_at_once(store):
    """An official list's entry links to its Law, an entity no text may name: not in flight, counted."""
    import_entries(store, [ListEntryRecord("ofac-sdn", "36", "AEROCARIBBEAN AIRLINES")])
    stats, counts = run(store, "stats")[0], store.counts()
    assert stats["documents"] == 0 and stats["entities"] == counts["entities"] > 0
    assert stats["relationships"] == counts["relationships"] > 0


def test_the_api_stats_while_a_batch_is_written(store, seed_documents, seed_extractions, tmp_path):
    from fastapi.testclient import TestClient

    from api.app import create_app
    from policygraph.settings import Settings

    done, in_flight = _split(seed_documents, seed_extractions, 2)
    store.write(done)
    client = TestClient(create_app(store, Settings(home=tmp_path)))
    before = client.get("/stats").json()
    for _ in _steps_before_completion(store, in_flight):
        pass
    assert client.get("/stats").json() == before
    store.write(in_flight)
    after = client.get("/stats").json()
    assert after["documents"] == len(seed_documents) and after["entities"] == store.counts()["entities"]
