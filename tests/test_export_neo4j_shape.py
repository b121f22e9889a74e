"""The graph as Neo4j Browser and Bloom users see it (issue 14): an action has a readable `name`, the same on
both stores, and kept up to date when a later document adds a target."""

from __future__ import annotations

from api_sample import load_sample

from graph.batch import build_batch
from ingest.contract import Action, Entity, Extraction, Span
from ingest.documents import Document
from policygraph.ontology import ACTION_LABEL


def _names(store) -> dict[str, str]:
    rows = store.query(f"MATCH (a:{ACTION_LABEL}) RETURN a.id AS id, a.name AS name ORDER BY id")
    return {r["id"]: r["name"] for r in rows}


def test_actions_have_a_readable_name(store):
    load_sample(store)
    names = _names(store)
    assert names["act-huawei-listing"] == \
        "entity listing of Huawei Technologies Co., Ltd. by Bureau of Industry and Security (2019-05-16)"
    assert names["act-chen-designation"] == "designation of Chen Quanguo by Office of Foreign Assets Control"
    # a later document reports the same action against one more target: the name follows
    text = "OFAC also designated Zhu Hailun."
    doc = Document.from_text(text, source="later.txt", title="later")
    ex = Extraction(doc_id=doc.id, source=doc.source, title=doc.title, entities=[
        Entity(id="zhu-hailun", name="Zhu Hailun", type="Person", mentions=[Span(start=21, end=31, text="Zhu Hailun")]),
        Entity(id="ofac", name="Office of Foreign Assets Control", type="Authority",
               mentions=[Span(start=0, end=4, text="OFAC")]),
    ], actions=[Action(id="act-chen-designation", kind="designation", status="enacted", by=["ofac"],
                       targets=["zhu-hailun"], confidence=0.7, evidence=[Span(start=0, end=len(text), text=text)])])
    store.write(build_batch([doc], [ex]))
    assert _names(store)["act-chen-designation"] == \
        "designation of Chen Quanguo, Zhu Hailun by Office of Foreign Assets Control"


def test_both_stores_name_actions_alike(both_stores):
    for s in both_stores:
        load_sample(s)
    falkordb, neo4j = (_names(s) for s in both_stores)
    assert falkordb == neo4j and all(falkordb.values())
