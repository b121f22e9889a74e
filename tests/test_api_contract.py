"""The API contract as client generators read it (issue 14): error schemas, stable operationIds, the named
POST /documents body, /entities paged by cursor like the other lists, CORS off by default."""

from __future__ import annotations

import json

import pytest
from api_sample import load_sample
from fastapi.testclient import TestClient

from api.app import create_app
from policygraph.settings import Settings


@pytest.fixture
def falkordb(falkordb_session_store):
    falkordb_session_store.clear()
    load_sample(falkordb_session_store)
    return falkordb_session_store


@pytest.fixture
def client(falkordb, tmp_path) -> TestClient:
    return TestClient(create_app(falkordb, Settings(home=tmp_path)))


def _refs(node: object) -> set[str]:
    if isinstance(node, dict):
        found = {node["$ref"]} if isinstance(node.get("$ref"), str) else set()
        return found.union(*(_refs(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(*(_refs(v) for v in node))
    return set()


def test_every_error_response_declares_the_error_schema(client):
    spec = client.get("/openapi.json").json()
    undeclared = [
        f"{method.upper()} {path} {status}"
        for path, item in spec["paths"].items() for method, op in item.items()
        for status, response in op.get("responses", {}).items()
        if status[0] in "45" and response.get("content", {}).get("application/json", {}).get("schema")
        != {"$ref": "#/components/schemas/ErrorBody"}
    ]
    assert not undeclared, undeclared
    assert "404" in spec["paths"]["/entities/{entity_id}"]["get"]["responses"]
    assert "422" in spec["paths"]["/entities"]["get"]["responses"]
    # every reference resolves
    names = set(spec["components"]["schemas"])
    assert {r.rsplit("/", 1)[-1] for r in _refs(spec)} <= names
    # and the answers have that shape
    body = client.get("/entities/nope").json()
    assert set(body) >= {"detail", "error", "status"} and body["status"] == 404
    assert client.get("/entities", params={"limit": 0}).json()["error"] == "invalid_parameter"


def test_operation_ids_are_the_endpoint_names(client):
    spec = client.get("/openapi.json").json()
    ids = [op["operationId"] for item in spec["paths"].values() for op in item.values()]
    assert len(ids) == len(set(ids))
    assert spec["paths"]["/entities/{entity_id}"]["get"]["operationId"] == "get_entity"
    assert spec["paths"]["/documents"]["get"]["operationId"] == "list_documents"
    assert spec["paths"]["/documents"]["post"]["operationId"] == "post_documents"
    assert not [i for i in ids if i.endswith(("_get", "_post"))], ids


def test_post_documents_body_is_a_named_model(client):
    spec = client.get("/openapi.json").json()
    body = spec["paths"]["/documents"]["post"]["requestBody"]["content"]
    assert body["application/json"]["schema"] == {"$ref": "#/components/schemas/DocumentsIn"}
    documents_in = spec["components"]["schemas"]["DocumentsIn"]
    assert {"$ref": "#/components/schemas/DocumentIn"} in documents_in["anyOf"]
    assert "multipart/form-data" in body


def test_entities_page_by_cursor(client):
    seen, cursor, pages = [], None, 0
    while True:
        params = {"limit": 5, **({"cursor": cursor} if cursor else {})}
        page = client.get("/entities", params=params).json()
        seen += [e["id"] for e in page["items"]]
        pages += 1
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert pages == 4 and len(seen) == len(set(seen)) == 16
    everything = client.get("/entities", params={"limit": 200}).json()
    assert [e["id"] for e in everything["items"]] == seen and everything["next_cursor"] is None
    # a ranked search pages too, and its cursor is bound to its words
    first = client.get("/entities", params={"q": "department", "limit": 1}).json()
    assert len(first["items"]) == 1 and first["next_cursor"]
    second = client.get("/entities", params={"q": "department", "limit": 1, "cursor": first["next_cursor"]}).json()
    assert second["items"] and second["items"][0]["id"] != first["items"][0]["id"]
    other = client.get("/entities", params={"q": "bureau", "cursor": first["next_cursor"]})
    assert other.status_code == 422
    assert client.get("/entities", params={"cursor": "garbage"}).status_code == 422


def test_cors_is_off_by_default_and_configurable(falkordb, tmp_path):
    preflight = {"Origin": "https://newsroom.example", "Access-Control-Request-Method": "GET"}
    off = TestClient(create_app(falkordb, Settings(home=tmp_path)))
    assert "access-control-allow-origin" not in off.get("/entities", headers={"Origin": "https://x.example"}).headers
    assert "access-control-allow-origin" not in off.options("/entities", headers=preflight).headers
    on = TestClient(create_app(falkordb, Settings(home=tmp_path, cors_origins=["https://newsroom.example"])))
    assert on.options("/entities", headers=preflight).headers["access-control-allow-origin"] == \
        "https://newsroom.example"
    assert "access-control-allow-origin" not in on.get("/entities", headers={"Origin": "https://x.example"}).headers
    assert Settings(cors_origins=json.dumps(["https://a.example"])).cors_origins == ["https://a.example"]
    assert Settings(cors_origins="https://a.example, https://b.example").cors_origins == \
        ["https://a.example", "https://b.example"]
