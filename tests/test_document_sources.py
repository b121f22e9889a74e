"""No server path ever leaves the store (issue 14): files are read from a temporary directory by the real
readers and written to both real stores; /cypher, the documents routes, the entity page and every export
format are read over HTTP, and the directory's path appears in none of them. A document keeps its label (the
file name, with the record of a JSON file) and its link to the original."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from fastapi.testclient import TestClient

from api.app import create_app
from graph.batch import build_batch
from ingest.contract import Action, Entity, Extraction, Relation, Span
from ingest.readers import read_paths
from policygraph.settings import Settings

RELEASE = """---
title: Treasury Sanctions Example Trading
date: 2024-03-01
url: /news/press-releases/sm9999
---
The Department of the Treasury's Office of Foreign Assets Control (OFAC) today sanctioned Example Trading LLC.
"""
RECORD = {"id": "2024-05555", "title": "Sanctions Actions", "published": "2024-03-02",
          "url": "https://www.federalregister.gov/d/2024-05555",
          "text": "OFAC is publishing the names of persons whose property is blocked."}


def _span(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span(start=start, end=start + len(needle), text=needle)


def _extraction(doc) -> Extraction:
    t = doc.text
    ents = [Entity(id="ofac", name="Office of Foreign Assets Control", type="Authority", mentions=[_span(t, "OFAC")])]
    actions, relations = [], []
    if "Example Trading" in t:
        ents.append(Entity(id="example-trading", name="Example Trading LLC", type="Company",
                           mentions=[_span(t, "Example Trading LLC")]))
        ents.append(Entity(id="treasury", name="Department of the Treasury", type="Authority",
                           mentions=[_span(t, "Department of the Treasury")]))
        sentence = _span(t, t.strip())
        actions.append(Action(id="act-sm9999", kind="designation", status="enacted", date="2024-03-01",
                              by=["ofac"], targets=["example-trading"], under=[], confidence=0.9,
                              evidence=[sentence]))
        relations.append(Relation(type="PART_OF", source="ofac", target="treasury", confidence=0.9,
                                  evidence=[sentence]))
    return Extraction(doc_id=doc.id, source=doc.source, title=doc.title, published=doc.published, entities=ents,
                      actions=actions, relations=relations)


def test_no_server_path_reaches_a_reader(store, tmp_path: Path) -> None:
    inbox = tmp_path / "srv-inbox" / "treasury"
    inbox.mkdir(parents=True)
    (inbox / "sm9999.md").write_text(RELEASE, encoding="utf-8")
    (inbox / "fr.jsonl").write_text(json.dumps(RECORD) + "\n", encoding="utf-8")
    docs = list(read_paths([tmp_path / "srv-inbox"]))
    assert len(docs) == 2 and all(str(tmp_path) in d.source for d in docs)  # the readers name the full path
    store.write(build_batch(docs, [_extraction(d) for d in docs]))

    client = TestClient(create_app(store, Settings(home=tmp_path / "home")))
    bodies: dict[str, bytes] = {}
    cypher = client.post("/cypher", json={"query": "MATCH (d:Document) RETURN d, d.source AS source ORDER BY source"})
    assert cypher.status_code == 200, cypher.text
    assert [r[1] for r in cypher.json()["rows"]] == ["fr.jsonl/2024-05555", "sm9999.md"]
    bodies["cypher"] = cypher.content
    listed = client.get("/documents")
    assert sorted(d["source"] for d in listed.json()["items"]) == ["fr.jsonl/2024-05555", "sm9999.md"]
    bodies["documents"] = listed.content
    for d in docs:
        one = client.get(f"/documents/{d.id}")
        assert one.status_code == 200 and one.json()["url"], one.text  # the link to the original instead
        bodies[f"document {d.id}"] = one.content
    # a filter by the path a user ingested from finds the file, and a filter by its label too
    for given in (str(inbox / "sm9999.md"), "sm9999.md"):
        found = client.get("/documents", params={"source": given}).json()["items"]
        assert [d["source"] for d in found] == ["sm9999.md"]
    for what in ("ofac", "example-trading"):
        bodies[f"entity {what}"] = client.get(f"/entities/{what}").content
    bodies["everything"] = client.post("/cypher", json={"query": "MATCH (n) RETURN n"}).content
    bodies["every relationship"] = client.post("/cypher", json={"query": "MATCH ()-[r]->() RETURN r"}).content
    for fmt in ("graphml", "csv", "json"):
        exported = client.get("/export", params={"format": fmt})
        assert exported.status_code == 200, exported.text
        if fmt == "csv":
            with zipfile.ZipFile(io.BytesIO(exported.content)) as z:
                for name in z.namelist():
                    bodies[f"csv {name}"] = z.read(name)
        else:
            bodies[fmt] = exported.content
    for marker in (str(tmp_path), "srv-inbox"):
        leaking = [what for what, body in bodies.items() if marker.encode() in body]
        assert not leaking, f"{marker!r} appears in {leaking}"
