"""/stats while an ingest is writing (issue 10, defect 8): the counts describe the complete documents only.

A batch is written step by step (documents, entities, actions, relationships) and its documents are marked
complete by the last step, so while an ingest runs the store holds rows of documents that do not count yet.
/stats counted those entities, actions and relationships but not their documents ("entities ahead of
documents"). What a reader expects: every figure is about the same documents - the complete ones - so while
a batch is in flight /stats shows what it showed before the batch, and once the batch is complete it shows
everything (equal to the whole graph's counts).

The in-flight state is made by the real write path on the real stores: every step of a batch's write plan
but the last, which is exactly what the store holds while an ingest is between those steps.
"""

from __future__ import annotations

from fastapi.testclient import TestClient

from api.app import create_app
from graph.batch import build_batch
from graph.writes import write_plan
from policygraph.settings import Settings
from queries import run


def _write_all_but_completion(store, batch) -> None:
    plan = write_plan(batch)
    assert plan[-1][0] == "complete"  # the write plan's contract: completion is the last step
    for label, statement, rows in plan[:-1]:
        for stmt, part in store._route(label, statement, rows):
            store._write_chunk(stmt, part)


def _split(docs, extractions, n):
    first = {d.id for d in docs[:n]}
    return (build_batch(docs[:n], [e for e in extractions if e.doc_id in first]),
            build_batch(docs[n:], [e for e in extractions if e.doc_id not in first]))


def test_stats_counts_only_complete_documents_while_a_batch_is_written(store, seed_documents, seed_extractions,
                                                                     tmp_path):
    done, in_flight = _split(seed_documents, seed_extractions, 2)
    store.write(done)
    before = run(store, "stats")[0]
    assert before["documents"] == 2 and before["entities"] > 0

    _write_all_but_completion(store, in_flight)
    assert store.counts()["entities"] > before["entities"]  # the in-flight rows are in the store ...
    during = run(store, "stats")[0]
    assert during == before  # ... and not in /stats until their documents are complete
    api = TestClient(create_app(store, Settings(home=tmp_path))).get("/stats").json()
    assert (api["documents"], api["entities"], api["actions"]) == (2, before["entities"], before["actions"])

    store.write(in_flight)  # the ingest's write of that batch ends: its documents are complete
    after = run(store, "stats")[0]
    counts = store.counts()
    assert after["documents"] == counts["documents"] == len(seed_documents)
    assert after["entities"] == counts["entities"] and after["actions"] == counts["actions"]
    assert after["relationships"] == counts["relationships"]
    assert {x["type"]: x["count"] for x in after["entities_by_type"]} == counts["entities_by_type"]
    assert {x["type"]: x["count"] for x in after["relationships_by_type"]} == counts["relationships_by_type"]
