"""The ingest runner on the real pipeline and the embedded store: writes overlap extraction, yet a document
counts as ingested only once its own write returned, and a run killed by a failing write is completed by
the next run."""

from __future__ import annotations

import pytest

from graph.ingest_run import ingest_documents
from graph.store import StoreError
from policygraph.settings import get_settings


@pytest.fixture
def falkordb(falkordb_session_store):
    falkordb_session_store.clear()
    return falkordb_session_store


def test_chunks_written_behind_extraction_all_land(falkordb, nlp, seed_documents):
    progress: list[tuple[int, int]] = []
    report = ingest_documents(falkordb, seed_documents, get_settings(), processes=1, chunk_size=2, nlp=nlp,
                              on_progress=lambda docs, toks: progress.append((docs, toks)))
    ids = [d.id for d in seed_documents]
    assert report.ok and report.documents_new == 5
    assert sorted(report.document_ids) == sorted(ids)
    assert falkordb.known_document_ids(ids) == set(ids)
    assert [docs for docs, _ in progress] == [2, 2, 1]  # one callback per written chunk, in order
    assert sum(toks for _, toks in progress) == report.tokens > 0
    assert report.actions > 0 and report.entities > 0


def test_failed_write_stops_the_run_and_the_next_run_completes_it(falkordb, nlp, seed_documents, monkeypatch):
    real_write = falkordb.write
    calls = {"n": 0}

    def second_write_dies(batch):
        calls["n"] += 1
        if calls["n"] == 2:
            raise StoreError("store went away")
        return real_write(batch)

    def cannot_recover():  # a store that cannot be brought back (an external server that is down)
        raise StoreError("does not answer")

    monkeypatch.setattr(falkordb, "write", second_write_dies)
    monkeypatch.setattr(falkordb, "recover", cannot_recover)
    with pytest.raises(StoreError, match="ingest stopped after 2 new document.*store went away"):
        ingest_documents(falkordb, seed_documents, get_settings(), processes=1, chunk_size=2, nlp=nlp)
    monkeypatch.undo()
    ids = [d.id for d in seed_documents]
    assert falkordb.known_document_ids(ids) == set(ids[:2])  # only the first chunk's write returned

    report = ingest_documents(falkordb, seed_documents, get_settings(), processes=1, chunk_size=2, nlp=nlp)
    assert report.documents_unchanged == 2 and report.documents_new == 3 and report.ok
    assert falkordb.known_document_ids(ids) == set(ids)
    complete = falkordb.counts()

    again = ingest_documents(falkordb, seed_documents, get_settings(), processes=1, chunk_size=2, nlp=nlp)
    assert again.documents_new == 0 and again.documents_unchanged == 5
    assert falkordb.counts() == complete


def test_worker_processes_write_the_same_graph_as_one_process(falkordb, nlp, seed_documents):
    # extraction is a pure function of the documents: where it runs must not change the graph
    one = ingest_documents(falkordb, seed_documents, get_settings(), processes=1, nlp=nlp)
    single = falkordb.counts()
    single_actions = {r["id"] for r in falkordb.query("MATCH (a:Action) RETURN a.id AS id")}
    falkordb.clear()
    falkordb.setup_schema()
    two = ingest_documents(falkordb, seed_documents, get_settings(), processes=2)
    assert two.ok and two.documents_new == one.documents_new == 5
    assert (two.entities, two.actions, two.relations) == (one.entities, one.actions, one.relations)
    assert falkordb.counts() == single
    assert {r["id"] for r in falkordb.query("MATCH (a:Action) RETURN a.id AS id")} == single_actions
