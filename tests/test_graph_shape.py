"""The graph as a Neo4j user reads it (issue 14), on both real stores:

- evidence lives on REPORTED_IN relationships only: an action's, and an entity relation's through its `Relation`
  node; role edges and relation edges hold no parallel lists, and the API gives the same evidence as the batch;
- the entity search fields are internal (`_search_terms`, `_search_text`, `_aliases_text`) and search still works;
- a store written in the old shape is migrated when it is opened, once (a second open changes nothing), and
  answers as before.
The "no server path" checks are in tests/test_document_sources.py.
"""

from __future__ import annotations

from fastapi.testclient import TestClient

from api.app import create_app
from graph import migrations
from policygraph.settings import Settings
from queries import answers

OLD_LISTS = ("ev_doc_ids", "ev_starts", "ev_ends", "ev_quotes")
OLD_SEARCH = ("search_terms", "search_text", "aliases_text")


def _keys(store, cypher: str) -> set[str]:
    return {k for r in store.query(cypher) for k in r["k"]}


def _relation_evidence(batch) -> dict[tuple, set[tuple]]:
    """(source, type, target, title) -> {(doc_id, start, end, quote)} as the batch gives it."""
    return {(row["source"], rel, row["target"], row.get("title")):
            {(e["doc_id"], e["start"], e["end"], e["quote"]) for e in row["evidence"]}
            for rel, rows in batch.relations.items() for row in rows}


def _api_relation_evidence(store, batch) -> dict[tuple, set[tuple]]:
    found: dict[tuple, set[tuple]] = {}
    for eid in {row["source"] for rows in batch.relations.values() for row in rows}:
        for r in answers.entity(store, eid)["relations"]:
            if r["direction"] == "out":
                key = (eid, r["type"], r["other"]["id"], r["properties"].get("title"))
                found[key] = {(e["doc_id"], e["start"], e["end"], e["quote"]) for e in r["evidence"]}
    return found


def test_evidence_is_on_reported_in_only(store, rich_batch) -> None:
    store.write(rich_batch)
    assert not _keys(store, "MATCH ()-[r]->() RETURN keys(r) AS k") & set(OLD_LISTS)
    role_keys = _keys(store, "MATCH (:Action)-[r:BY|TARGETS|UNDER]->(:Entity) RETURN keys(r) AS k")
    assert role_keys == {"doc_ids", "confidence"}
    # every relation edge names its Relation node, whose REPORTED_IN edges are the batch's evidence
    rows = store.query("MATCH (s:Entity)-[r]->(t:Entity) MATCH (n:Relation {id: r.id}) "
                       "OPTIONAL MATCH (n)-[q:REPORTED_IN]->(d:Document) "
                       "RETURN s.id AS s, type(r) AS type, t.id AS t, r.title AS title, n.type AS ntype, "
                       "n.name AS name, "
                       "collect([d.id, q.start, q.end, q.quote]) AS ev")
    expected = _relation_evidence(rich_batch)
    assert {(r["s"], r["type"], r["t"], r["title"]): {tuple(e) for e in r["ev"] if e[0] is not None}
            for r in rows} == expected
    assert all(r["ntype"] == r["type"] and r["name"] for r in rows)
    holds = next(r for r in rows if r["type"] == "HOLDS_ROLE")
    assert holds["name"] == "Mike Pompeo holds role State Department (Secretary of State)"


def test_the_api_gives_the_batch_evidence(store, rich_batch) -> None:
    store.write(rich_batch)
    assert _api_relation_evidence(store, rich_batch) == _relation_evidence(rich_batch)
    # a role's evidence (enabled_by: the actor, the legal basis) is the action's sentences in the documents that
    # name that role
    answer = answers.enabled_by(store, "act-listing")
    reported = {(r["doc_id"], r["start"], r["end"], r["quote"]) for r in rich_batch.reported_in
                if r["action_id"] == "act-listing" and r["start"] >= 0}
    roles = {(r["entity_id"], rel): set(r["doc_ids"]) for rel, rows in rich_batch.roles.items() for r in rows
             if r["action_id"] == "act-listing"}
    for item in answer.items:
        if item.role in ("actor", "legal_basis"):
            rel = "BY" if item.role == "actor" else "UNDER"
            want = {e for e in reported if e[0] in roles[(item.entity["id"], rel)]}
            assert {(e["doc_id"], e["start"], e["end"], e["quote"]) for e in item.evidence} == want
            assert want


def test_search_fields_are_internal_and_search_works(store, rich_batch, tmp_path) -> None:
    store.write(rich_batch)
    keys = _keys(store, "MATCH (e:Entity) RETURN keys(e) AS k")
    assert not keys & set(OLD_SEARCH)
    assert {"_search_terms", "_search_text", "_aliases_text"} <= keys
    client = TestClient(create_app(store, Settings(home=tmp_path)))
    for q in ("megvii", "Megv", "Industry Security", "Pompeo"):
        found = client.get("/entities", params={"q": q})
        assert found.status_code == 200, found.text
        assert found.json()["items"], f"search {q!r} found nothing"
    assert client.get("/entities", params={"q": "megvi"}).json()["items"]  # the fuzzy path, one edit away


# --------------------------------------------------------------------------------------- migration


def _age(store) -> None:
    """Turn a store written by today's code into one in the shape the code before issue 14 wrote: search fields
    without the prefix (and the full-text index over them), evidence as parallel lists on role and relation
    edges, no Relation nodes, documents' sources as server paths."""
    store.query("MATCH (e:Entity) SET e.search_terms = e._search_terms, e.search_text = e._search_text, "
                "e.aliases_text = e._aliases_text, e._search_terms = null, e._search_text = null, "
                "e._aliases_text = null", read_only=False)
    store.query("MATCH (:Action)-[r]->(:Entity) SET r.ev_doc_ids = r.doc_ids, r.ev_starts = [0], r.ev_ends = [1], "
                "r.ev_quotes = ['x']", read_only=False)
    store.query("MATCH (:Entity)-[r]->(:Entity) MATCH (n:Relation {id: r.id})-[q:REPORTED_IN]->(d:Document) "
                "WITH r, q, d ORDER BY d.id, q.start WITH r, collect(d.id) AS ds, collect(q.start) AS ss, "
                "collect(q.end) AS es, collect(q.quote) AS qs SET r.ev_doc_ids = ds, r.ev_starts = ss, "
                "r.ev_ends = es, r.ev_quotes = qs", read_only=False)
    store.query("MATCH (:Entity)-[r]->(:Entity) SET r.id = null", read_only=False)
    store.query("MATCH (n:Relation) DETACH DELETE n", read_only=False)
    # some absolute, some relative to where the ingest ran (`policygraph ingest in/treasury`): both are layout
    store.query("MATCH (d:Document) SET d.source = CASE WHEN d.id < '8' THEN '/srv/policygraph/in/treasury/' "
                "ELSE 'in/treasury/' END + d.source", read_only=False)
    if store.name == "neo4j":
        store.query("DROP INDEX entity_search", read_only=False)
        store.query("CREATE FULLTEXT INDEX entity_search FOR (n:Entity) ON EACH [n.name, n.aliases_text, "
                    "n.search_text]", read_only=False)
        store.query("CALL db.awaitIndexes(300)", read_only=False)
    else:
        store.query("CALL db.idx.fulltext.drop('Entity')", read_only=False)
        store.query("CALL db.idx.fulltext.createNodeIndex('Entity', 'name', 'aliases_text', 'search_text')",
                    read_only=False)


def _answers(store, tmp_path) -> dict:
    client = TestClient(create_app(store, Settings(home=tmp_path)))
    out = {f"entity {e}": client.get(f"/entities/{e}").json() for e in ("bis", "mike-pompeo", "megvii", "ear")}
    out["enabled_by"] = client.get("/actions/act-listing/enabled-by").json()
    out["search"] = [client.get("/entities", params={"q": q}).json() for q in ("megvii", "Industry Sec", "pompeo")]
    out["documents"] = client.get("/documents").json()
    return out


def test_an_old_store_is_migrated_on_open(store, rich_batch, tmp_path) -> None:
    store.write(rich_batch)
    before = _answers(store, tmp_path)
    assert before["enabled_by"]["items"]
    assert all(s["items"] for s in before["search"]), before["search"]
    _age(store)
    assert _keys(store, "MATCH ()-[r]->() RETURN keys(r) AS k") & set(OLD_LISTS)  # the old shape, really
    store.setup_schema()  # what open_store does
    assert not _keys(store, "MATCH ()-[r]->() RETURN keys(r) AS k") & set(OLD_LISTS)
    assert not _keys(store, "MATCH (e:Entity) RETURN keys(e) AS k") & set(OLD_SEARCH)
    assert not [r for r in store.query("MATCH (d:Document) RETURN d.source AS s") if "/" in r["s"]]
    assert _answers(store, tmp_path) == before
    assert migrations.migrate(store) == dict.fromkeys(
        ("search_fields", "role_evidence", "relation_evidence", "document_sources"), 0)
    store.write(rich_batch)  # today's writer on a migrated store: nothing new
    assert _answers(store, tmp_path) == before
    assert store.write(rich_batch).created == 0
