"""The HTTP API against a real store (embedded FalkorDB and Neo4j, through the `store` fixture).

Real HTTP through FastAPI's TestClient; the graph is written by the real batch builder from the small
hand-written sample in tests/api_sample.py, so every expected value below follows from that sample.
"""

from __future__ import annotations

import pytest
from api_sample import DOCS, TEXTS, documents, extractions, load_sample
from fastapi.testclient import TestClient

import api.responses
from api.app import create_app
from graph.batch import build_batch
from policygraph.settings import Settings

KEY = "test-write-key"


@pytest.fixture(autouse=True)
def strict_responses(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every response is also validated against its pydantic model and must serialise identically."""
    monkeypatch.setattr(api.responses, "STRICT", True)


@pytest.fixture
def loaded(store):
    load_sample(store)
    return store


@pytest.fixture
def client(loaded, tmp_path) -> TestClient:
    settings = Settings(home=tmp_path, api_keys=[KEY], row_cap=5, query_timeout_ms=5000)
    return TestClient(create_app(loaded, settings))


def ids(items: list[dict]) -> list[str]:
    return [i["id"] for i in items]


# ------------------------------------------------------------------------------------------------ meta


def test_health_names_the_store(client, store):
    r = client.get("/health")
    assert r.status_code == 200
    assert r.json()["status"] == "ok" and r.json()["store"] == store.name


def test_stats_counts_the_sample(client):
    body = client.get("/stats").json()
    assert body["documents"] == 3
    assert body["entities"] == 16
    assert body["actions"] == 4
    assert body["entities_by_type"]["Law"] == 5
    assert body["actions_by_kind"] == {"designation": 2, "entity_listing": 1, "visa_restriction": 1}
    assert body["relations"] == 9  # PART_OF 4, ADMINISTERS 2, AUTHORIZES 1, HOLDS_ROLE 2


def test_openapi_documents_shapes_with_examples(client):
    spec = client.get("/openapi.json").json()
    for path in ("/entities", "/entities/{entity_id}/timeline", "/actions/{action_id}/enabled-by", "/paths",
                 "/documents", "/cypher", "/export", "/analytics/central-actors"):
        assert path in spec["paths"], path
    schemas = spec["components"]["schemas"]
    for model in ("EnabledBy", "Timeline", "Network", "ActionPage", "DocumentDetail", "ErrorBody"):
        assert schemas[model].get("examples"), model


# ---------------------------------------------------------------------------------------------- search


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("huawei", "huawei"),
        ("HUAWEI", "huawei"),  # case
        ("Huawei Technologies Co., Ltd.", "huawei"),  # punctuation
        ("huawai", "huawei"),  # one typo
        ("Burea of Industy", "bis"),  # typos in two words
        ("bis", "bis"),  # an alias
        ("Magnit", "global-magnitsky-act"),  # a prefix while typing
        ("Chen Quangou", "chen-quanguo"),  # transposed letters
    ],
)
def test_search_is_tolerant(client, q, expected):
    r = client.get("/entities", params={"q": q})
    assert r.status_code == 200
    assert r.json()["items"], q
    assert r.json()["items"][0]["id"] == expected


def test_search_ranks_exact_before_fuzzy_and_filters_by_type(client):
    items = client.get("/entities", params={"q": "department"}).json()["items"]
    assert {"commerce", "state-department", "treasury"} <= set(ids(items))
    laws = client.get("/entities", params={"q": "department", "type": "Law"}).json()["items"]
    assert ids(laws) == ["sfopsa-2020"]
    assert all(i["type"] == "Law" for i in laws)


def test_search_nonsense_finds_nothing_and_limit_holds(client):
    assert client.get("/entities", params={"q": "zzyzx qqq"}).json()["items"] == []
    assert len(client.get("/entities", params={"limit": 2}).json()["items"]) == 2


def test_search_bad_parameters_are_422(client):
    r = client.get("/entities", params={"type": "Planet"})
    assert r.status_code == 422
    assert r.json()["error"] == "invalid_parameter" and "type" in r.json()["detail"]
    assert client.get("/entities", params={"limit": 0}).status_code == 422


# --------------------------------------------------------------------------------------------- entities


def test_entity_detail_has_relations_with_evidence(client):
    body = client.get("/entities/bis").json()
    assert body["name"] == "Bureau of Industry and Security" and "BIS" in body["aliases"]
    part_of = [r for r in body["relations"] if r["type"] == "PART_OF"]
    assert part_of and part_of[0]["direction"] == "out" and part_of[0]["other"]["id"] == "commerce"
    ev = part_of[0]["evidence"][0]
    assert TEXTS["bis"][ev["start"] : ev["end"]] == ev["quote"]
    assert ev["doc_title"] == DOCS["bis"].title and ev["url"] == DOCS["bis"].url
    assert body["mentions"][0]["doc_id"] == DOCS["bis"].id
    assert body["action_count"] == 1


def test_unknown_ids_are_404_json(client):
    for path in ("/entities/nope", "/entities/nope/actions", "/entities/nope/timeline", "/entities/nope/network",
                 "/actions/nope", "/actions/nope/enabled-by", "/documents/nope"):
        r = client.get(path)
        assert r.status_code == 404, path
        assert r.json()["error"] == "not_found" and "nope" in r.json()["detail"]


def test_entity_actions_have_roles(client):
    body = client.get("/entities/chen-quanguo/actions").json()
    assert [(i["id"], i["role"]) for i in body["items"]] == [
        ("act-chen-visa", "targets"), ("act-chen-designation", "targets")]  # dated first, undated last
    ofac = client.get("/entities/ofac/actions", params={"role": "by"}).json()["items"]
    assert {i["id"] for i in ofac} == {"act-xpsb-designation", "act-chen-designation"}


def test_timeline_is_date_ordered_with_evidence(client):
    body = client.get("/entities/chen-quanguo/timeline").json()
    assert [i["action_id"] for i in body["items"]] == ["act-chen-visa", "act-chen-designation"]
    first = body["items"][0]
    assert first["date"] == "2020-07-09" and first["status"] == "enacted" and first["via"] is None
    ev = first["evidence"][0]
    assert TEXTS["state"][ev["start"] : ev["end"]] == ev["quote"]


def test_timeline_include_children_reaches_part_of_children(client):
    assert client.get("/entities/xinjiang-government/timeline").json()["items"] == []
    body = client.get("/entities/xinjiang-government/timeline", params={"include_children": "true"}).json()
    assert [i["action_id"] for i in body["items"]] == ["act-xpsb-designation"]
    assert body["items"][0]["via"]["id"] == "xinjiang-psb"


def test_network_nodes_edges_and_caps(client):
    body = client.get("/entities/ofac/network").json()
    node_ids = set(ids(body["nodes"]))
    assert {"ofac", "treasury", "xinjiang-psb", "chen-quanguo", "global-magnitsky-act"} <= node_ids
    edges = {(e["source"], e["target"], e["type"]) for e in body["edges"]}
    assert ("ofac", "treasury", "PART_OF") in edges
    assert ("ofac", "chen-quanguo", "designation") in edges
    assert all(e["weight"] >= 1 for e in body["edges"])
    deeper = client.get("/entities/ofac/network", params={"depth": 2}).json()
    assert "state-department" in ids(deeper["nodes"])  # ofac -> chen-quanguo <- state-department
    people = client.get("/entities/ofac/network", params={"depth": 2, "types": "Person"}).json()
    assert set(ids(people["nodes"])) == {"ofac", "chen-quanguo"}
    capped = client.get("/entities/ofac/network", params={"depth": 3, "limit": 3}).json()
    assert len(capped["nodes"]) == 3 and capped["truncated"] is True
    assert client.get("/entities/ofac/network", params={"depth": 4}).status_code == 422
    assert client.get("/entities/ofac/network", params={"types": "Planet"}).status_code == 422


# ---------------------------------------------------------------------------------------------- actions


def test_actions_filters(client):
    def listed(**params) -> list[str]:
        r = client.get("/actions", params=params)
        assert r.status_code == 200, r.text
        return ids(r.json()["items"])

    assert listed() == ["act-chen-visa", "act-xpsb-designation", "act-huawei-listing", "act-chen-designation"]
    assert listed(kind="designation") == ["act-xpsb-designation", "act-chen-designation"]
    assert listed(by="ofac") == ["act-xpsb-designation", "act-chen-designation"]
    assert listed(target="chen-quanguo", kind="visa_restriction") == ["act-chen-visa"]
    assert listed(law="entity-list") == ["act-huawei-listing"]
    assert listed(**{"from": "2020-01-01"}) == ["act-chen-visa", "act-xpsb-designation"]
    assert listed(to="2019") == ["act-huawei-listing"]
    assert listed(q="huawei") == ["act-huawei-listing"]  # a participant's name
    assert listed(q="also designated") == ["act-chen-designation"]  # evidence text
    assert client.get("/actions", params={"kind": "bombing"}).status_code == 422
    assert client.get("/actions", params={"from": "July 2020"}).status_code == 422


def test_actions_cursor_round_trip(client):
    everything = ids(client.get("/actions").json()["items"])
    seen, cursor = [], None
    for _ in range(10):
        params = {"limit": 1, **({"cursor": cursor} if cursor else {})}
        body = client.get("/actions", params=params).json()
        seen += ids(body["items"])
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert seen == everything and len(seen) == 4
    bad = client.get("/actions", params={"cursor": "not-a-cursor"})
    assert bad.status_code == 422 and "cursor" in bad.json()["detail"]
    doc_cursor = client.get("/documents", params={"limit": 1}).json()["next_cursor"]
    assert client.get("/actions", params={"cursor": doc_cursor}).status_code == 422  # wrong endpoint


def test_action_detail_evidence_points_into_the_text(client):
    body = client.get("/actions/act-huawei-listing").json()
    assert ids(body["by"]) == ["bis"] and ids(body["targets"]) == ["huawei"] and ids(body["under"]) == ["entity-list"]
    ev = body["evidence"][0]
    assert TEXTS["bis"][ev["start"] : ev["end"]] == ev["quote"]
    assert ev["doc_id"] == DOCS["bis"].id and ev["published"] == "2019-05-16"


def _enabled(client, action_id: str) -> set[tuple[str, str]]:
    r = client.get(f"/actions/{action_id}/enabled-by")
    assert r.status_code == 200
    return {(i["entity"]["id"], i["reason"]) for i in r.json()["items"]}


def test_enabled_by_full_answer(client):
    assert _enabled(client, "act-chen-visa") == {
        ("state-department", "by"), ("section-7031c", "under"), ("sfopsa-2020", "law_part_of"),
        ("state-department", "authorizes"),
    }
    assert _enabled(client, "act-huawei-listing") == {
        ("bis", "by"), ("commerce", "part_of"), ("entity-list", "under"), ("bis", "administers"),
    }
    items = client.get("/actions/act-chen-visa/enabled-by").json()["items"]
    auth = next(i for i in items if i["reason"] == "authorizes")
    assert [(s["source"], s["type"], s["target"]) for s in auth["path"]] == [
        ("act-chen-visa", "UNDER", "section-7031c"), ("section-7031c", "AUTHORIZES", "state-department")]
    ev = auth["evidence"][0]
    assert TEXTS["state"][ev["start"] : ev["end"]] == ev["quote"] and ev["doc_title"] == DOCS["state"].title
    assert len(auth["path_evidence"]) == 2 and all(auth["path_evidence"])


# ------------------------------------------------------------------------------------------------ paths


def test_shortest_paths_undirected_through_actions(client):
    body = client.get("/paths", params={"from": "xinjiang-psb", "to": "chen-quanguo"}).json()
    routes = [[n["id"] for n in p["nodes"]] for p in body["paths"]]
    assert routes == [
        ["xinjiang-psb", "act-xpsb-designation", "global-magnitsky-act", "act-chen-designation", "chen-quanguo"],
        ["xinjiang-psb", "act-xpsb-designation", "ofac", "act-chen-designation", "chen-quanguo"],
    ]
    assert all(p["length"] == 4 for p in body["paths"])
    assert body["paths"][0]["nodes"][1]["type"] == "Action"
    near = client.get("/paths", params={"from": "bis", "to": "commerce"}).json()["paths"]
    assert [[n["id"] for n in p["nodes"]] for p in near] == [["bis", "commerce"]]
    assert client.get("/paths", params={"from": "xinjiang-psb", "to": "chen-quanguo", "max_hops": 3}).json()[
        "paths"] == []
    assert client.get("/paths", params={"from": "bis", "to": "nope"}).status_code == 404
    assert client.get("/paths", params={"from": "bis", "to": "bis"}).status_code == 422
    assert client.get("/paths", params={"from": "bis", "to": "ofac", "max_hops": 9}).status_code == 422


# -------------------------------------------------------------------------------------------- documents


def test_documents_list_and_detail_spans(client):
    listed = client.get("/documents").json()
    assert ids(listed["items"]) == sorted([DOCS["state"].id, DOCS["ofac"].id]) + [DOCS["bis"].id]
    body = client.get(f"/documents/{DOCS['ofac'].id}").json()
    assert body["text"] == TEXTS["ofac"] and body["title"] == DOCS["ofac"].title
    for ent in body["entities"]:
        for s in ent["spans"]:
            assert body["text"][s["start"] : s["end"]] == s["text"]
    assert {a["id"] for a in body["actions"]} == {"act-xpsb-designation", "act-chen-designation"}
    xpsb = next(a for a in body["actions"] if a["id"] == "act-xpsb-designation")
    assert ids(xpsb["by"]) == ["ofac"] and ids(xpsb["targets"]) == ["xinjiang-psb"]
    for act in body["actions"]:
        assert act["spans"] and all(body["text"][s["start"] : s["end"]] == s["text"] for s in act["spans"])


# ------------------------------------------------------------------------------------------------ cypher


def test_cypher_reads_with_params_and_row_cap(client):
    r = client.post("/cypher", json={"query": "MATCH (e:Entity {type: $t}) RETURN e.id AS id ORDER BY id",
                                     "params": {"t": "Law"}})
    assert r.status_code == 200
    assert r.json()["columns"] == ["id"] and r.json()["rows"][0] == ["ear"]
    capped = client.post("/cypher", json={"query": "UNWIND range(1, 20) AS x RETURN x"}).json()
    assert len(capped["rows"]) == 5 and capped["truncated"] is True  # settings.row_cap = 5
    assert client.post("/cypher", json={"query": "MATCH (n RETURN n"}).status_code == 422


@pytest.mark.parametrize("query", [
    "CREATE (:Entity {id: 'evil'})",
    "MATCH (e:Entity {id: 'bis'}) SET e.name = 'evil'",
    "MATCH (e:Entity {id: 'bis'}) DETACH DELETE e",
    "MERGE (x:Entity {id: 'evil'}) RETURN x",
])
def test_cypher_refuses_writes(client, loaded, query):
    r = client.post("/cypher", json={"query": query})
    assert r.status_code == 403
    assert "read-only" in r.json()["detail"]
    rows = loaded.query("MATCH (e:Entity) WHERE e.id = 'evil' OR e.name = 'evil' RETURN count(e) AS n")
    assert rows[0]["n"] == 0
    assert loaded.query("MATCH (e:Entity {id: 'bis'}) RETURN e.name AS n")[0]["n"] == "Bureau of Industry and Security"


# ---------------------------------------------------------------------------------------------- auth


def test_post_documents_without_configured_key_is_403(loaded, tmp_path):
    c = TestClient(create_app(loaded, Settings(home=tmp_path, api_keys=[])))
    r = c.post("/documents", json={"text": "OFAC designated Acme."}, headers={"X-API-Key": "anything"})
    assert r.status_code == 403
    assert "no API key is configured" in r.json()["detail"]


def test_post_documents_needs_the_key(client):
    assert client.post("/documents", json={"text": "OFAC designated Acme."}).status_code == 401
    r = client.post("/documents", json={"text": "OFAC designated Acme."}, headers={"X-API-Key": "wrong"})
    assert r.status_code == 401 and r.json()["error"] == "unauthorized"
    bad = client.post("/documents", json={"title": "no text"}, headers={"X-API-Key": KEY})
    assert bad.status_code == 422


def test_read_keys_close_reads(loaded, tmp_path):
    c = TestClient(create_app(loaded, Settings(home=tmp_path, api_keys=[KEY], read_keys=["reader"])))
    assert c.get("/stats").status_code == 401
    assert c.get("/stats", headers={"X-API-Key": "nope"}).status_code == 401
    assert c.get("/stats", headers={"X-API-Key": "reader"}).status_code == 200
    assert c.get("/stats", headers={"X-API-Key": KEY}).status_code == 200  # a write key reads too


# ------------------------------------------------------------------------------------------- analytics


def test_central_actors(client):
    body = client.get("/analytics/central-actors").json()
    assert body["nodes"] == 6 and body["edges"] == 4
    top = body["items"][0]
    assert top["entity"]["id"] == "ofac" and top["actions_by"] == 2
    assert all(0 <= i["pagerank"] <= 1 and 0 <= i["betweenness"] <= 1 for i in body["items"])


def test_rewriting_the_sample_changes_no_answer(client, loaded):
    before = client.get("/actions/act-chen-visa/enabled-by").json()
    loaded.write(build_batch(documents(), extractions()))
    assert client.get("/actions/act-chen-visa/enabled-by").json() == before


def test_post_documents_ingests_with_the_key(client, loaded):
    text = ("The Office of Foreign Assets Control (OFAC) designated Acme Shipping Ltd. under Executive Order 13846 "
            "on March 2, 2021, the Treasury Department said.")
    r = client.post("/documents", headers={"X-API-Key": KEY},
                    json={"text": text, "title": "Treasury sanctions Acme", "published": "2021-03-02",
                          "source": "api-test"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["documents_new"] == 1 and body["documents_failed"] == 0
    doc_id = body["documents"][0]["id"]
    doc = client.get(f"/documents/{doc_id}").json()
    assert doc["text"] == text and doc["title"] == "Treasury sanctions Acme"
    assert doc["entities"], "the real pipeline found no entity in a sentence naming OFAC"
    for ent in doc["entities"]:
        assert all(text[s["start"] : s["end"]] for s in ent["spans"])
    again = client.post("/documents", headers={"X-API-Key": KEY}, json=[{"text": text, "source": "api-test"}])
    assert again.status_code == 200 and again.json()["documents_unchanged"] == 1  # idempotent


def test_timeline_cursor_round_trip(client):
    whole = [i["action_id"] for i in client.get("/entities/chen-quanguo/timeline").json()["items"]]
    first = client.get("/entities/chen-quanguo/timeline", params={"limit": 1}).json()
    assert [i["action_id"] for i in first["items"]] == whole[:1] and first["next_cursor"]
    second = client.get("/entities/chen-quanguo/timeline", params={"limit": 1, "cursor": first["next_cursor"]}).json()
    assert [i["action_id"] for i in second["items"]] == whole[1:2] and second["next_cursor"] is None


def test_docs_page_is_served_locally(client):
    page = client.get("/docs")
    assert page.status_code == 200 and "/docs-assets/swagger-ui-bundle.js" in page.text
    assert "cdn" not in page.text.lower().replace("/docs-assets", "")
    assert client.get("/docs-assets/swagger-ui-bundle.js").status_code == 200


def test_falkordb_paths_override_follows_every_ontology_link():
    import re
    from pathlib import Path

    from api.routers.paths import FOLLOW

    text = (Path(__file__).resolve().parents[1] / "queries" / "shortest_paths.falkordb.cypher").read_text()
    literal = re.search(r"\(a\)-\[:([A-Z_|]+)\*", text).group(1).split("|")
    assert sorted(literal) == sorted(FOLLOW)
