"""Nothing a query or a request contains can read the server's files, run admin commands, crash a store or
stall the service (issue 10, the API part). Real HTTP through TestClient, on both real stores."""

from __future__ import annotations

import threading
import time

import pytest
from api_sample import load_sample
from fastapi.testclient import TestClient

from api.app import create_app
from api.limits import MAX_BODY_BYTES
from api.routers import cypher as cypher_router
from ingest.documents import MAX_TEXT_CHARS
from policygraph.settings import Settings

KEY = "test-write-key"


@pytest.fixture
def client(store, tmp_path) -> TestClient:
    load_sample(store)
    return TestClient(create_app(store, Settings(home=tmp_path, api_keys=[KEY], query_timeout_ms=5000)))


# ------------------------------------------------------------------------------- POST /cypher: refusals


@pytest.mark.parametrize("query", [
    "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    "load csv from 'http://127.0.0.1:9/x.csv' as row return row",
    "SHOW TRANSACTIONS",
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    "SHOW USERS",
    "CALL dbms.listConfig()",
    "CALL db.clearQueryCaches()",
    "CALL dbms.procedures() YIELD name RETURN name",
    "USE system SHOW DATABASES",
    "CREATE INDEX FOR (n:Entity) ON (n.name)",
    "MATCH (n) RETURN n LIMIT 1; MATCH (m) RETURN m",
])
def test_cypher_refuses_what_a_read_does_not_need(client, query):
    r = client.post("/cypher", json={"query": query})
    assert r.status_code == 403, r.text
    assert "root:" not in r.text and r.json()["detail"].startswith("refused")


@pytest.mark.parametrize("query", [
    "MATCH (e:Entity {type: $t}) RETURN e.id AS id ORDER BY id LIMIT 3",
    "CALL db.labels() YIELD label RETURN label",
    "MATCH (a:Action)-[r:REPORTED_IN]->(d:Document) RETURN r.start AS start, d.id AS doc LIMIT 2",
    "MATCH (role:Entity) WHERE role.name CONTAINS 'LOAD CSV' RETURN count(role) AS n",
])
def test_cypher_still_answers_reads(client, query):
    r = client.post("/cypher", json={"query": query, "params": {"t": "Law"}})
    assert r.status_code == 200, r.text


def test_cypher_memory_hog_is_stopped_by_the_store(client, store):
    if store.name == "falkordb" and store.server is None:
        pytest.skip("an external FalkorDB keeps its own QUERY_MEM_CAPACITY")
    started = time.perf_counter()
    r = client.post("/cypher", json={"query": "UNWIND range(1, 100000000) AS x RETURN sum(x) AS s"})
    elapsed = time.perf_counter() - started
    assert r.status_code in (422, 504), r.text  # memory cap (422) or timeout (504), never a 200 after 9 s
    assert elapsed < 9.0
    assert client.get("/health").status_code == 200


def test_at_most_two_ad_hoc_queries_at_once(client):
    taken = [cypher_router._SLOTS.acquire(blocking=False) for _ in range(cypher_router.MAX_CONCURRENT)]
    try:
        assert all(taken)
        r = client.post("/cypher", json={"query": "RETURN 1 AS x"})
        assert r.status_code == 503 and r.headers["retry-after"]
    finally:
        for _ in taken:
            cypher_router._SLOTS.release()
    assert client.post("/cypher", json={"query": "RETURN 1 AS x"}).status_code == 200


def test_a_nul_in_cypher_params_is_a_client_error(client):
    r = client.post("/cypher", json={"query": "RETURN $v AS v", "params": {"v": "a\u0000b"}})
    assert r.status_code < 500, r.text


# ------------------------------------------------------------------------------------- NUL in the URL


@pytest.mark.parametrize("url", [
    "/entities/ofac%00x", "/documents?source=a%00b", "/paths?from=ofac%00&to=bis", "/entities?q=huawei%00",
    "/actions/x%01y",
])
def test_control_characters_in_the_url_are_422_and_quote_no_query(client, url):
    r = client.get(url)
    assert r.status_code == 422, r.text
    body = r.text.upper()
    assert "MATCH" not in body and "RETURN" not in body and "CYPHER" not in body


# ------------------------------------------------------------------------------------ POST /documents


def test_post_documents_with_a_nul_is_422_and_writes_nothing(client, store):
    before = store.counts()["documents"]
    r = client.post("/documents", headers={"X-API-Key": KEY},
                    json=[{"text": "OFAC designated Acme Ltd."}, {"text": "OFAC designated\u0000 Beta Ltd."}])
    assert r.status_code == 422 and "NUL" in r.json()["detail"] and "1" in r.json()["detail"]
    assert store.counts()["documents"] == before


def test_post_documents_over_the_length_limit_is_422_with_the_limit(client):
    r = client.post("/documents", headers={"X-API-Key": KEY}, json={"text": "a" * (MAX_TEXT_CHARS + 1)})
    assert r.status_code == 422 and "E088" not in r.text
    spec = client.get("/openapi.json").json()
    # the JSON body is the named DocumentsIn (one DocumentIn or a list of them, api/contract.py)
    assert spec["paths"]["/documents"]["post"]["requestBody"]["content"]["application/json"]["schema"] == \
        {"$ref": "#/components/schemas/DocumentsIn"}
    one = spec["components"]["schemas"]["DocumentIn"]
    assert one["properties"]["text"]["maxLength"] == MAX_TEXT_CHARS  # the schema states the same limit


# ------------------------------------------------------------------------------------------ body limits


def test_an_oversized_body_is_413_on_every_endpoint(client):
    big = b"{" + b" " * (MAX_BODY_BYTES + 10) + b"}"
    for path in ("/cypher", "/entities", "/health"):
        r = client.post(path, content=big, headers={"content-type": "application/json"})
        assert r.status_code == 413, (path, r.status_code)


def test_a_streamed_oversized_body_is_413(client):
    def chunks():
        for _ in range(20):
            yield b" " * (MAX_BODY_BYTES // 10)

    r = client.post("/cypher", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413


def test_health_answers_while_ad_hoc_queries_run(client, store):
    heavy = "UNWIND range(1, 3000000) AS x WITH x WHERE x % 7 = 0 RETURN count(x) AS n"
    threads = [threading.Thread(target=client.post, args=("/cypher",), kwargs={"json": {"query": heavy}})
               for _ in range(3)]
    for t in threads:
        t.start()
    started = time.perf_counter()
    assert client.get("/health").status_code == 200
    health = time.perf_counter() - started
    for t in threads:
        t.join()
    assert health < 5.0


# ------------------------------------------------------------------ the stores' own settings, guard aside


def test_the_stores_themselves_read_no_server_files(store):
    """Behind the guard: the bundled Neo4j has file URLs off, the embedded FalkorDB an empty import folder."""
    if store.name == "falkordb" and store.server is None:
        pytest.skip("an external FalkorDB keeps its own IMPORT_FOLDER")
    from graph.store import StoreError

    with pytest.raises(StoreError) as refused:
        store.query("LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row LIMIT 1")
    assert "root:" not in str(refused.value)


def test_one_transaction_cannot_take_the_stores_memory(store):
    if store.name == "falkordb" and store.server is None:
        pytest.skip("an external FalkorDB keeps its own QUERY_MEM_CAPACITY")
    from graph.store import QueryError

    with pytest.raises(QueryError, match="memory"):
        store.query("UNWIND range(1, 100000000) AS x RETURN size(collect(x)) AS n", timeout_ms=60_000)
