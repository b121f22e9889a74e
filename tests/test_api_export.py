"""Export formats and cross-store agreement, over real HTTP against real stores."""

from __future__ import annotations

import io
import json
import zipfile

import networkx as nx
import pytest
from api_sample import load_sample
from fastapi.testclient import TestClient

import api.responses
from api.app import create_app
from policygraph.settings import Settings


@pytest.fixture(autouse=True)
def strict_responses(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every response is also validated against its pydantic model and must serialise identically."""
    monkeypatch.setattr(api.responses, "STRICT", True)


@pytest.fixture
def client(store, tmp_path) -> TestClient:
    load_sample(store)
    return TestClient(create_app(store, Settings(home=tmp_path, query_timeout_ms=5000)))


def test_graphml_export_reads_back_in_networkx(client):
    r = client.get("/export", params={"format": "graphml"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/graphml+xml")
    assert "attachment" in r.headers["content-disposition"] and r.headers["x-truncated"] == "false"
    g = nx.read_graphml(io.BytesIO(r.content))
    labels = nx.get_node_attributes(g, "label")
    assert sum(1 for v in labels.values() if v == "Entity") == 16
    assert sum(1 for v in labels.values() if v == "Action") == 4
    assert g.nodes["act-chen-visa"]["kind"] == "visa_restriction" and g.nodes["act-chen-visa"]["evidence"] == 1
    types = {(s, t, d["type"]) for s, t, d in g.edges(data=True)}
    assert ("act-chen-visa", "chen-quanguo", "TARGETS") in types
    assert ("bis", "commerce", "PART_OF") in types
    assert g.number_of_edges() == 4 + 4 + 4 + 9  # BY + TARGETS + UNDER + entity relations


def test_subgraph_export_keeps_only_the_neighbourhood(client):
    g = nx.read_graphml(io.BytesIO(client.get("/export", params={"entity": "bis"}).content))
    assert {"bis", "commerce", "huawei", "ear", "entity-list", "act-huawei-listing"} <= set(g.nodes)
    assert "ofac" not in g.nodes
    assert client.get("/export", params={"entity": "nope"}).status_code == 404


def test_csv_export_is_a_zip_of_neo4j_admin_files(client):
    r = client.get("/export", params={"format": "csv"})
    assert r.status_code == 200 and 'filename="policygraph-graph.csv.zip"' in r.headers["content-disposition"]
    with zipfile.ZipFile(io.BytesIO(r.content)) as zf:
        assert sorted(zf.namelist()) == ["actions.csv", "entities.csv", "relationships.csv"]
        entities = zf.read("entities.csv").decode().splitlines()
        actions = zf.read("actions.csv").decode().splitlines()
        edges = zf.read("relationships.csv").decode().splitlines()
    assert entities[0].startswith("id:ID,:LABEL,name") and len(entities) == 1 + 16 and len(actions) == 1 + 4
    assert edges[0].startswith(":START_ID,:END_ID,:TYPE") and len(edges) == 1 + 21


def test_ftm_json_lines(client):
    r = client.get("/export", params={"format": "json"})
    assert r.status_code == 200
    objs = [json.loads(line) for line in r.text.splitlines()]
    by_id = {o["id"]: o for o in objs}
    assert by_id["huawei"]["schema"] == "Company" and by_id["bis"]["schema"] == "PublicBody"
    assert "ear" not in by_id  # a law is the program of what it enables (queries/export_ftm.py)
    assert by_id["chen-quanguo"]["schema"] == "Person"
    sanction = by_id["act-huawei-listing.huawei"]
    assert sanction["schema"] == "Sanction"
    assert sanction["properties"]["entity"] == ["huawei"]
    assert sanction["properties"]["authority"] == ["Bureau of Industry and Security"]
    assert sanction["properties"]["program"] == ["Entity List"]
    assert sanction["properties"]["startDate"] == ["2019-05-16"]
    assert sanction["properties"]["sourceUrl"] == ["https://example.org/bis"]
    assert client.get("/export", params={"format": "pdf"}).status_code == 422


def test_cypher_timeout_is_504(store, tmp_path):
    load_sample(store)
    c = TestClient(create_app(store, Settings(home=tmp_path, query_timeout_ms=1)))
    r = c.post("/cypher", json={"query": "UNWIND range(1, 30000000) AS x WITH x WHERE x % 7 = 0 RETURN count(x) AS n"})
    assert r.status_code == 504 and "ms" in r.json()["detail"]


def test_same_answers_on_both_stores(both_stores, tmp_path):
    answers = []
    for s in both_stores:
        load_sample(s)
        c = TestClient(create_app(s, Settings(home=tmp_path)))
        answers.append({
            path: c.get(path).json()
            for path in (
                "/actions/act-chen-visa/enabled-by", "/actions/act-huawei-listing/enabled-by",
                "/actions/act-xpsb-designation/enabled-by",
                "/entities/xinjiang-government/timeline?include_children=true",
                "/entities/ofac/network?depth=2", "/actions", "/entities?q=departmnt", "/entities/bis",
                "/paths?from=xinjiang-psb&to=chen-quanguo", "/analytics/central-actors",
            )
        })
    falkordb, neo4j = answers
    for path in falkordb:
        assert falkordb[path] == neo4j[path], path
