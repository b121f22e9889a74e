"""The Store contract, run unchanged against the embedded FalkorDB and a real Neo4j server."""

from __future__ import annotations

import pytest

from graph.batch import build_batch, search_form
from graph.store import QueryError, QueryTimeout, ReadOnlyViolation
from graph.writes import DOCUMENTS_COMPLETE
from ingest.contract import Extraction
from ingest.documents import Document
from policygraph.ontology import RELATION_TYPES, ROLE_RELATIONSHIPS
from queries.catalog import Catalog, CatalogError, ParamError, default_catalog, run

MY_QUERIES = ("stats", "entity", "entity_actions", "search_entities", "action", "enabled_by")


def _batch_counts(batch) -> dict:
    return {
        "documents": len(batch.documents),
        "entities": len(batch.entities),
        "actions": len(batch.actions),
        "MENTIONED_IN": len(batch.mentions),
        # an action's sentences, and a relation's (from its Relation node)
        "REPORTED_IN": len(batch.reported_in) + sum(len(r["evidence"]) for rows in batch.relations.values()
                                                     for r in rows),
        **{rel: len(rows) for rel, rows in batch.roles.items()},
        **{rel: len(rows) for rel, rows in batch.relations.items()},
    }


def _store_counts(counts: dict) -> dict:
    return {
        "documents": counts["documents"],
        "entities": counts["entities"],
        "actions": counts["actions"],
        **counts["relationships_by_type"],
    }


# ------------------------------------------------------------------------------------ writes and counts


def test_seed_batch_writes_what_the_batch_holds(store, seed_batch):
    stats = store.write(seed_batch)
    assert seed_batch.entities, "the pipeline found no entity in five news texts"
    relations = sum(len(rows) for rows in seed_batch.relations.values())  # one Relation node each
    assert stats.nodes_created == (len(seed_batch.documents) + len(seed_batch.entities) + len(seed_batch.actions)
                                   + relations)
    counts = store.counts()
    assert counts["incomplete_documents"] == 0
    assert _store_counts(counts) == {k: v for k, v in _batch_counts(seed_batch).items() if v}
    by_type: dict[str, int] = {}
    for row in seed_batch.entities:
        by_type[row["type"]] = by_type.get(row["type"], 0) + 1
    assert counts["entities_by_type"] == by_type


def test_rewrite_changes_nothing(store, seed_batch, rich_batch):
    for batch in (seed_batch, rich_batch):
        store.write(batch)
    before = store.counts()
    snapshot = store.query(
        "MATCH (e:Entity) RETURN e.id AS id, e.aliases AS aliases, e._search_text AS s ORDER BY id"
    )
    evidence = store.query(
        "MATCH (s)-[r]->(t) WHERE r.doc_ids IS NOT NULL OPTIONAL MATCH (:Relation {id: r.id})-[q:REPORTED_IN]->() "
        "WITH s, r, t, q ORDER BY q.start "
        "RETURN s.id AS s, type(r) AS type, t.id AS t, r.doc_ids AS docs, collect(q.start) AS starts "
        "ORDER BY s, type, t"
    )
    for batch in (seed_batch, rich_batch):
        stats = store.write(batch)
        assert stats.nodes_created == 0 and stats.relationships_created == 0
    assert store.counts() == before
    assert store.query(
        "MATCH (e:Entity) RETURN e.id AS id, e.aliases AS aliases, e._search_text AS s ORDER BY id"
    ) == snapshot
    assert store.query(
        "MATCH (s)-[r]->(t) WHERE r.doc_ids IS NOT NULL OPTIONAL MATCH (:Relation {id: r.id})-[q:REPORTED_IN]->() "
        "WITH s, r, t, q ORDER BY q.start "
        "RETURN s.id AS s, type(r) AS type, t.id AS t, r.doc_ids AS docs, collect(q.start) AS starts "
        "ORDER BY s, type, t"
    ) == evidence


def test_small_chunks_give_the_same_graph(store, rich_batch):
    store.batch_size = 2  # many transactions per statement
    try:
        store.write(rich_batch)
        small = store.counts()
    finally:
        store.batch_size = 5000
    store.clear()
    store.write(rich_batch)
    assert store.counts() == small


def test_documents_from_two_batches_merge(store, rich):
    (d1, d2), (ex1, ex2) = rich
    store.write(build_batch([d1], [ex1]))
    store.write(build_batch([d2], [ex2]))
    merged = store.counts()
    store.clear()
    store.write(build_batch([d1, d2], [ex1, ex2]))
    assert store.counts() == merged

    bis = run(store, "entity", {"id": "bis"})[0]
    assert bis["name"] == "Bureau of Industry and Security"  # the first name is kept
    assert set(bis["aliases"]) == {"Bureau of Industry and Security", "BIS",
                                   "Commerce's Bureau of Industry and Security"}
    assert len(bis["aliases"]) == 3
    assert {m["doc_id"] for m in bis["mentions"]} == {d1.id, d2.id}
    part_of = next(r for r in bis["relations"] if r["type"] == "PART_OF" and r["direction"] == "out")
    assert set(part_of["doc_ids"]) == {d1.id, d2.id}
    assert {e["doc_id"] for e in part_of["evidence"]} == {d1.id, d2.id}
    assert part_of["confidence"] == pytest.approx(0.9)  # the best support wins
    for ev in part_of["evidence"]:
        text = d1.text if ev["doc_id"] == d1.id else d2.text
        assert text[ev["start"] : ev["end"]] == ev["quote"]

    action = run(store, "action", {"id": "act-listing"})[0]
    assert [e["doc_id"] for e in action["evidence"]] == [d1.id, d2.id]  # one node, two REPORTED_IN
    assert store.counts()["actions"] == 2

    # Writing document 1 again adds no evidence and no alias.
    store.write(build_batch([d1], [ex1]))
    again = run(store, "entity", {"id": "bis"})[0]
    assert again == bis


def test_entity_keeps_its_first_type(store, rich):
    (d1, _), (ex1, _) = rich
    store.write(build_batch([d1], [ex1]))
    other = Document.from_text("Washington Inc. said so.", source="x")
    ex = Extraction(doc_id=other.id, source="x",
                    entities=[{"id": "washington", "name": "Washington Inc.", "type": "Company"}])
    batch = build_batch([other], [ex])
    store.write(batch)
    rows = store.query("MATCH (e:Entity {id: 'washington'}) RETURN labels(e) AS labels, e.type AS type")
    assert rows == [{"labels": rows[0]["labels"], "type": "Place"}]
    assert sorted(rows[0]["labels"]) == ["Entity", "Place"]
    assert "Washington Inc." in run(store, "entity", {"id": "washington"})[0]["aliases"]


# ------------------------------------------------------------------------------------------ crash safety


def test_document_is_known_only_once_its_batch_completed(store, rich_batch, monkeypatch):
    real = store._write_chunk

    def crash_before_completion(statement, rows):
        if statement == DOCUMENTS_COMPLETE:
            raise RuntimeError("killed")
        return real(statement, rows)

    monkeypatch.setattr(store, "_write_chunk", crash_before_completion)
    with pytest.raises(RuntimeError, match="killed"):
        store.write(rich_batch)
    monkeypatch.undo()
    ids = rich_batch.document_ids
    assert store.known_document_ids(ids) == set()
    counts = store.counts()
    assert counts["documents"] == 0 and counts["incomplete_documents"] == 2
    assert counts["entities"] == len(rich_batch.entities)  # everything else is there ...

    store.write(rich_batch)  # ... and the next run redoes the documents, harmlessly
    assert store.known_document_ids([*ids, "no-such-doc"]) == set(ids)
    redone = store.counts()
    store.clear()
    store.write(rich_batch)
    assert store.counts() == redone


# --------------------------------------------------------------------------------------- read-only reads


@pytest.mark.parametrize(
    "cypher",
    ["CREATE (:Intruder {id: 'x'})", "MATCH (e:Entity) SET e.name = 'pwned'", "MATCH (n) DETACH DELETE n",
     "MERGE (:Entity {id: 'x'})"],
)
def test_read_only_refuses_writes(store, rich_batch, cypher):
    store.write(rich_batch)
    before = store.counts()
    with pytest.raises(ReadOnlyViolation):
        store.query(cypher)
    assert store.counts() == before
    assert store.query("MATCH (e:Entity {name: 'pwned'}) RETURN count(e) AS n") == [{"n": 0}]


def test_write_through_read_only_false_works(store):
    store.query("CREATE (:Scratch {id: 'x'})", read_only=False)
    assert store.query("MATCH (s:Scratch) RETURN s.id AS id") == [{"id": "x"}]


def test_timeout_stops_a_long_query(store):
    # 400 million rows: Neo4j stops a timed-out transaction at its next periodic check, not at the instant, and a
    # quiet JVM once ended 9 million rows before that check (the test then saw no timeout); this cannot end in time.
    with pytest.raises(QueryTimeout):
        store.query("UNWIND range(1, 20000) AS a UNWIND range(1, 20000) AS b WITH a, b WHERE (a * b) % 7 = 3 "
                    "RETURN count(*) AS n", timeout_ms=50)


def test_bad_cypher_is_a_query_error(store):
    with pytest.raises(QueryError):
        store.query("MATCH (n RETURN n")


def test_row_cap_and_columns(store, rich_batch):
    store.write(rich_batch)
    rows = store.query("MATCH (e:Entity) RETURN e.id AS id ORDER BY id", row_cap=3)
    assert len(rows) == 3
    columns, rows = store.query_table("MATCH (e:Entity {id: 'nobody'}) RETURN e.id AS id, e.name AS name")
    assert columns == ["id", "name"] and rows == []
    node = store.query("MATCH (e:Entity {id: 'bis'}) RETURN e")[0]["e"]
    assert node["labels"] == ["Authority", "Entity"] and node["properties"]["name"] == "Bureau of Industry and Security"


# ------------------------------------------------------------------------------------------------ catalog


def test_enabled_by_follows_the_ontology(store, rich):
    store.write(build_batch(*rich))
    (d1, d2), _ = rich
    rows = run(store, "enabled_by", {"action_id": "act-listing"})
    got = {(r["id"], r["role"]) for r in rows}
    assert got == {
        ("bis", "actor"),
        ("us-dept-commerce", "parent_of_actor"),
        ("entity-list", "legal_basis"),
        ("ear", "parent_law"),
        ("bis", "administers_law"),
    }
    by_role = {r["role"]: r for r in rows}
    assert by_role["parent_of_actor"]["path"] == ["act-listing", "bis", "us-dept-commerce"]
    assert by_role["parent_of_actor"]["via"] == "bis"
    assert by_role["administers_law"]["path"] == ["act-listing", "entity-list", "ear", "bis"]
    actor_ev = by_role["actor"]["evidence"]
    assert {e["doc_id"] for e in actor_ev} == {d1.id, d2.id}
    first = next(e for e in actor_ev if e["doc_id"] == d1.id)
    assert first["doc_title"] == "Commerce lists Megvii" and first["url"] == "https://example.org/1"
    assert first["published"] == "2019-10-07"
    assert d1.text[first["start"] : first["end"]] == first["quote"]

    visa = {(r["id"], r["role"]) for r in run(store, "enabled_by", {"action_id": "act-visa"})}
    assert visa == {
        ("mike-pompeo", "actor"),
        ("us-dept-state", "actor"),
        ("section-7031c", "legal_basis"),
        ("appropriations-act", "parent_law"),
        ("us-dept-state", "authorized_by_law"),
    }
    assert run(store, "enabled_by", {"action_id": "no-such-action"}) == []


def test_search_is_case_and_punctuation_blind(store, rich_batch):
    store.write(rich_batch)

    def ids(q, **kw):
        return [r["id"] for r in run(store, "search_entities", {"q": q, **kw})]

    assert ids("Bureau of Industry and Security")[0] == "bis"
    assert ids("b.i.s.") == ["bis"]
    assert ids("BUREAU of ind") == ["bis"]  # last word is a prefix
    assert ids("u.s. department of commerce") == ["us-dept-commerce"]
    assert "us-dept-commerce" in ids("commerce")
    assert ids("commerce", type="Law") == []
    assert ids("megv")[0] == "megvii"
    assert ids("section 7031(c)") == ["section-7031c"]
    assert ids("zzzz") == []
    top = run(store, "search_entities", {"q": "Entity List"})[0]
    assert top["id"] == "entity-list" and top["score"] == 3 and top["mention_count"] == 2
    with pytest.raises(ParamError):
        run(store, "search_entities", {"q": "the of"})
    with pytest.raises(ParamError):
        run(store, "search_entities", {"q": "bis", "type": "Planet"})


def test_entity_actions_are_date_ordered_with_roles(store, rich_batch):
    store.write(rich_batch)
    rows = run(store, "entity_actions", {"id": "us-dept-state"})
    assert [(r["id"], r["role"]) for r in rows] == [("act-visa", "by")]
    rows = run(store, "entity_actions", {"id": "bis"})
    assert rows[0]["role"] == "by" and rows[0]["targets"] == [{"id": "megvii", "name": "Megvii Technology",
                                                                "type": "Company"}]
    assert rows[0]["documents"] == 2
    roles = {r["role"] for r in run(store, "entity_actions", {"id": "entity-list"})}
    assert roles == {ROLE_RELATIONSHIPS["under"].lower()}


def test_stats_matches_counts(store, rich_batch):
    store.write(rich_batch)
    stats = run(store, "stats")[0]
    counts = store.counts()
    assert stats["documents"] == counts["documents"] == 2
    assert stats["entities"] == counts["entities"]
    assert {x["type"]: x["count"] for x in stats["entities_by_type"]} == counts["entities_by_type"]
    assert {x["type"]: x["count"] for x in stats["relationships_by_type"]} == counts["relationships_by_type"]
    assert set(counts["relationships_by_type"]) <= {*ROLE_RELATIONSHIPS.values(), *RELATION_TYPES,
                                                   "REPORTED_IN", "MENTIONED_IN"}


def test_catalog_params_are_checked(store):
    with pytest.raises(ParamError):
        run(store, "entity", {})
    with pytest.raises(ParamError):
        run(store, "entity", {"id": "x", "bogus": 1})
    with pytest.raises(CatalogError):
        run(store, "no_such_query", {})
    assert run(store, "entity", {"id": "nobody"}) == []


# ------------------------------------------------------------------------------------- both stores agree


def _catalog_answers(store, batch) -> dict:
    answers = {"counts": store.counts()}
    for name in ("stats",):
        answers[name] = run(store, name)
    for row in batch.entities:
        answers[f"entity:{row['id']}"] = run(store, "entity", {"id": row["id"]})
        answers[f"entity_actions:{row['id']}"] = run(store, "entity_actions", {"id": row["id"]})
        words = search_form(row["name"]).split()
        if any(len(w) > 2 for w in words):
            answers[f"search:{row['name']}"] = run(store, "search_entities", {"q": row["name"]})
    for row in batch.actions:
        answers[f"action:{row['id']}"] = run(store, "action", {"id": row["id"]})
        answers[f"enabled_by:{row['id']}"] = run(store, "enabled_by", {"action_id": row["id"]})
    return answers


def _difference(a, b, path: str = "") -> str | None:
    """Where two answers first differ (pytest truncates deep diffs)."""
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b), key=str):
            if k not in a or k not in b:
                return f"{path}.{k}: only on one side"
            d = _difference(a[k], b[k], f"{path}.{k}")
            if d:
                return d
        return None
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return f"{path}: {len(a)} vs {len(b)} items: {a!r:.300} / {b!r:.300}"
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            d = _difference(x, y, f"{path}[{i}]")
            if d:
                return d
        return None
    return None if a == b else f"{path}: {a!r:.200} != {b!r:.200}"


def test_both_stores_give_the_same_answers(both_stores, seed_batch, rich_batch):
    answers = []
    for store in both_stores:
        store.write(seed_batch)
        store.write(rich_batch)
        answers.append({**_catalog_answers(store, seed_batch), **_catalog_answers(store, rich_batch)})
    falkordb, neo4j = answers
    assert falkordb.keys() == neo4j.keys()
    for key in falkordb:
        assert falkordb[key] == neo4j[key], f"{key}: {_difference(falkordb[key], neo4j[key])}"


def test_every_catalog_query_of_mine_exists_for_both_stores():
    catalog = default_catalog()
    for name in MY_QUERIES:
        for store_name in ("falkordb", "neo4j"):
            q = catalog.get(name, store_name)
            assert q.description and q.columns
    assert catalog.get("search_entities", "neo4j").store == "neo4j"
    assert catalog.get("search_entities", "falkordb").store == "falkordb"
    assert catalog.get("enabled_by", "neo4j").store is None


def test_catalog_loader_picks_store_overrides(tmp_path):
    (tmp_path / "q.cypher").write_text(
        "// name: q\n// description: demo\n//   continued\n// params: id:str, n:int=3, t (string|null: c, d)\n"
        "// columns: x\nRETURN $id AS x\n"
    )
    (tmp_path / "q.neo4j.cypher").write_text("// neo4j flavour\nRETURN $id + '!' AS x\n")
    (tmp_path / "bad.cypher").write_text("// name: bad\n")
    with pytest.raises(CatalogError):
        Catalog.load(tmp_path)
    (tmp_path / "bad.cypher").unlink()
    catalog = Catalog.load(tmp_path)
    assert catalog.names() == ["q"]
    base, neo = catalog.get("q", "falkordb"), catalog.get("q", "neo4j")
    assert base.text == "RETURN $id AS x" and neo.text == "RETURN $id + '!' AS x"
    assert neo.description == "demo continued" and neo.columns == ("x",)
    assert [(p.name, p.type, p.optional, p.default) for p in base.params] == [
        ("id", "str", False, None), ("n", "int", True, 3), ("t", "str", True, None)]


# -------------------------------------------------------------------------------------------- bad input


def test_build_batch_rejects_an_extraction_without_document(rich):
    (d1, _), (_, ex2) = rich
    with pytest.raises(ValueError, match="no Document"):
        build_batch([d1], [ex2])


def test_dangling_references_are_skipped_with_a_warning(store):
    doc = Document.from_text("OFAC sanctioned someone.", source="x")
    ex = Extraction(
        doc_id=doc.id, source="x",
        entities=[{"id": "ofac", "name": "OFAC", "type": "Authority"}],
        actions=[{"id": "a", "kind": "sanction", "status": "enacted", "by": ["ofac"], "targets": ["ghost"]}],
        relations=[{"type": "PART_OF", "source": "ofac", "target": "treasury"},
                   {"type": "HOLDS_ROLE", "source": "ofac", "target": "ofac"}],
    )
    batch = build_batch([doc], [ex])
    assert len(batch.warnings) == 3
    stats = store.write(batch)
    assert stats.warnings == batch.warnings
    counts = store.counts()
    assert counts["relationships_by_type"] == {"BY": 1, "MENTIONED_IN": 1, "REPORTED_IN": 1}
