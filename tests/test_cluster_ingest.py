"""Ingest on Ray (graph.ray_ingest) against the single-process run: the same graph on both stores.

One local Ray runtime for the module (starting one costs ~10 s) and one RayExtractor whose two workers load
the model once and serve every ingest here. The documents are four seed texts (~2,800 words; the longest,
3,600 words, is left out to keep the module under a minute on a quiet 2-core machine).
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator

import pytest

from graph.ingest_run import ingest_documents
from graph.ray_ingest import RayExtractor, check_address, embedded_note
from ingest.documents import Document
from policygraph.ontology import ACTION_LABEL, DOCUMENT_LABEL, ENTITY_LABEL
from policygraph.settings import get_settings


@pytest.fixture(scope="module")
def documents(seed_documents: list[Document]) -> list[Document]:
    return sorted(seed_documents, key=lambda d: len(d.text))[:4]


@pytest.fixture(scope="module")
def ray_extractor() -> Iterator[RayExtractor]:
    try:
        import ray
    except ImportError:
        if os.environ.get("POLICYGRAPH_REQUIRE_RAY") == "1":  # CI (.ci/run): a missing Ray is a failure
            pytest.fail("POLICYGRAPH_REQUIRE_RAY=1 but Ray is not installed (pip install -e '.[cluster]')")
        pytest.skip("Ray is the optional 'cluster' extra (scripts/setup.sh --all installs it)")
    from graph.ray_ingest import LOCAL_OBJECT_STORE_BYTES, LOCAL_SYSTEM_CONFIG

    # A runtime of its own, with the settings `--cluster auto` starts one with (`auto` would join any runtime
    # already running on this machine, another test's or an ingest's, and die with it).
    ray.init(num_cpus=2, object_store_memory=LOCAL_OBJECT_STORE_BYTES, include_dashboard=False, log_to_driver=False,
             _system_config=LOCAL_SYSTEM_CONFIG)
    settings = get_settings()
    try:
        with RayExtractor("auto", settings.model, workers=2, nlp_batch_size=settings.nlp_batch_size,
                          write_docs=2) as extractor:
            yield extractor
    finally:
        ray.shutdown()


def graph_signature(store) -> dict:
    """What does not depend on the order documents were written in: ids, counts, the relationships' ends and
    the documents each relationship is supported by."""
    ids = {label: sorted(r["id"] for r in store.query(f"MATCH (n:{label}) RETURN n.id AS id"))
           for label in (ENTITY_LABEL, ACTION_LABEL, DOCUMENT_LABEL)}
    rels = sorted(
        (r["type"], r["source"], r["target"], tuple(sorted(r["docs"] or [])))
        for r in store.query("MATCH (s)-[r]->(t) RETURN type(r) AS type, s.id AS source, t.id AS target, "
                             "r.doc_ids AS docs")
    )
    return {"counts": store.counts(), "ids": ids, "relationships": rels}


def test_ray_run_writes_the_graph_of_one_process_on_both_stores(both_stores, documents: list[Document], nlp,
                                                                 ray_extractor: RayExtractor) -> None:
    signatures = {}
    for store in both_stores:
        store.clear()
        local = ingest_documents(store, documents, processes=1, nlp=nlp)
        assert local.ok and local.documents_new == len(documents)
        expected = graph_signature(store)

        store.clear()
        sent = ray_extractor.chunks_sent
        on_ray = ingest_documents(store, documents, chunk_size=2, extractor=ray_extractor)
        assert on_ray.ok, on_ray.failures
        assert on_ray.documents_new == len(documents)
        assert sorted(on_ray.document_ids) == sorted(d.id for d in documents)
        assert (on_ray.entities, on_ray.actions, on_ray.relations) == (local.entities, local.actions, local.relations)
        assert ray_extractor.chunks_sent - sent == 2  # 4 documents in chunks of 2
        assert graph_signature(store) == expected, store.name
        signatures[store.name] = expected

        # a re-run: the driver finds every document stored and sends the workers nothing
        sent = ray_extractor.chunks_sent
        again = ingest_documents(store, documents, chunk_size=2, extractor=ray_extractor)
        assert (again.documents_new, again.documents_unchanged) == (0, len(documents))
        assert ray_extractor.chunks_sent == sent
    assert signatures["falkordb"] == signatures["neo4j"]


def test_local_workers_run_at_the_drivers_priority(ray_extractor: RayExtractor) -> None:
    """Ray starts workers at niceness 15: on a shared machine they got ~1.5% of a CPU each. A local runtime of
    ours starts them at the driver's niceness, like the process pool's workers."""
    import ray

    if not ray_extractor.actors:
        ray_extractor._start_workers()
    pids = ray.get([actor.ready.remote() for actor in ray_extractor.actors])
    assert [os.getpriority(os.PRIO_PROCESS, pid) for pid in pids] == [os.getpriority(os.PRIO_PROCESS, 0)] * 2


def test_a_killed_worker_loses_no_document(falkordb_session_store, documents: list[Document], nlp,
                                           ray_extractor: RayExtractor) -> None:
    store = falkordb_session_store
    store.clear()
    ingest_documents(store, documents, processes=1, nlp=nlp)
    expected = graph_signature(store)
    store.clear()
    killed: list[int] = []

    def reading() -> Iterator[Document]:
        for i, doc in enumerate(documents):
            if i == 2:  # the first chunk (2 documents) is on a worker now: kill that worker's process
                pid = ray_extractor.worker_pids[0]
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
            yield doc

    report = ingest_documents(store, reading(), chunk_size=2, extractor=ray_extractor)
    assert killed, "the worker was not killed"
    assert report.ok, report.failures
    assert report.documents_new == len(documents)
    assert graph_signature(store) == expected


def test_cluster_address_and_embedded_note() -> None:
    assert check_address("auto") == "auto"
    assert check_address("ray://head.example:10001") == "ray://head.example:10001"
    for bad in ("ray://nohost", "http://head:10001", "ray://:10001", ""):
        with pytest.raises(ValueError):
            check_address(bad)
    assert "single-machine" in (embedded_note(None) or "")
    assert embedded_note("neo4j://db.example:7687") is None


class _SlowStartRay:
    """Ray's `init` as a busy machine makes it fail: a new local raylet that does not register within Ray's fixed
    30 s raises this exception (the real text of ray._private.node). A stand-in, since the real failure needs a
    machine loaded for half a minute; the runs of bench/cluster.py hit it at a load average of 15."""

    def __init__(self, failures: int) -> None:
        self.failures, self.inits, self.shutdowns = failures, [], 0

    def init(self, **kwargs) -> None:
        self.inits.append(kwargs)
        if kwargs.get("address") == "auto":
            raise ConnectionError("no Ray runtime is running on this machine")
        if len(self.inits) - 1 <= self.failures:
            raise Exception("The current node timed out during startup. This could happen because some of the "
                            "raylet failed to startup or the GCS has become overloaded.")

    def shutdown(self) -> None:
        self.shutdowns += 1


def test_a_local_runtime_slow_to_start_is_started_again() -> None:
    from graph.ray_ingest import LOCAL_SYSTEM_CONFIG, START_ATTEMPTS, ClusterError

    ray = _SlowStartRay(failures=1)
    RayExtractor("auto", "any-model", workers=2)._connect(ray)
    assert len(ray.inits) == 3 and ray.shutdowns == 1  # the probe for a running one, a failed start, a good one
    assert ray.inits[-1]["num_cpus"] == 2 and ray.inits[-1]["_system_config"] == LOCAL_SYSTEM_CONFIG

    never = _SlowStartRay(failures=START_ATTEMPTS)
    with pytest.raises(ClusterError, match="timed out during startup"):
        RayExtractor("auto", "any-model", workers=2)._connect(never)
    assert len(never.inits) == 1 + START_ATTEMPTS
