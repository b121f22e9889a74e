"""Bounded listings (GET /actions walked in date windows, central actors on the newest actions) and file
uploads to POST /documents, over real HTTP against both real stores.

The listing graph is written through the real batch builder: actions on full, partial ('YYYY-MM', 'YYYY')
and missing dates, with gaps of years between them, so the window walk has to skip, close in and resume.
Every expected order is computed from the store's own rows (date descending, id ascending, undated last).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import random

import pytest
from api_sample import TEXTS, load_sample
from fastapi.testclient import TestClient

import api.responses
import api.routers.actions as actions_router
import queries.answers as answers_module
from api.app import create_app
from graph.batch import build_batch
from ingest.contract import Action, Entity, Extraction, Span
from ingest.documents import Document
from policygraph.settings import Settings
from queries import action_windows
from queries.action_windows import month_keys

KEY = "test-write-key"
KINDS = ("designation", "entity_listing", "visa_restriction")


@pytest.fixture(autouse=True)
def strict_responses(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(api.responses, "STRICT", True)


def _dates(rng: random.Random) -> list[str | None]:
    next_year = dt.date.today().year + 1
    out: list[str | None] = [f"{next_year}-03-01", "1998", "1998-06", "1998-06-30", "2003-01", "2003"]
    for _ in range(40):  # clusters with gaps of years between them
        year = rng.choice([1999, 2001, 2010, 2011, 2019, 2020])
        out.append(f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
    return out + [None] * 5


def listing_graph() -> tuple[list[Document], list[Extraction]]:
    rng = random.Random(3)
    parts, spans, actions = [], [], []
    at = 0
    for i, date in enumerate(_dates(rng)):
        sentence = f"Agency {i % 3} acted against Target {i} and the Hub in case {i}. "
        spans.append(Span(start=at, end=at + len(sentence) - 1, text=sentence[:-1]))
        parts.append(sentence)
        at += len(sentence)
        actions.append((f"act-{i:03d}", KINDS[i % 3], date, i))
    text = "".join(parts)
    doc = Document.from_text(text, source="test/listing.txt", title="Listing", published="2020-01-01")
    entities = [Entity(id=f"agency-{k}", name=f"Agency {k}", type="Authority",
                       mentions=[Span(start=text.index(f"Agency {k}"), end=text.index(f"Agency {k}") + 8,
                                      text=f"Agency {k}")]) for k in range(3)]
    entities += [Entity(id=f"target-{i}", name=f"Target {i}", type="Company",
                        mentions=[Span(start=text.index(f"Target {i} "), end=text.index(f"Target {i} ") +
                                       len(f"Target {i}"), text=f"Target {i}")]) for _, _, _, i in actions]
    hub = text.index("the Hub") + 4
    entities.append(Entity(id="hub", name="Hub", type="Company", mentions=[Span(start=hub, end=hub + 3, text="Hub")]))
    acts = [Action(id=aid, kind=kind, status="enacted", date=date, by=[f"agency-{i % 3}"],
                   targets=[f"target-{i}", "hub"],
                   confidence=0.8, evidence=[spans[i]]) for aid, kind, date, i in actions]
    ex = Extraction(doc_id=doc.id, source=doc.source, title=doc.title, published=doc.published, entities=entities,
                    actions=acts)
    return [doc], [ex]


@pytest.fixture
def listing(store, tmp_path) -> tuple[TestClient, list[dict]]:
    docs, exs = listing_graph()
    store.write(build_batch(docs, exs))
    rows = store.query("MATCH (a:Action) RETURN a.id AS id, a.date AS date, a.kind AS kind")
    return TestClient(create_app(store, Settings(home=tmp_path))), rows


def expected(rows: list[dict], keep=lambda r: True) -> list[str]:
    kept = [r for r in rows if keep(r)]
    dated = sorted((r for r in kept if r["date"]), key=lambda r: r["id"])
    dated.sort(key=lambda r: r["date"], reverse=True)
    return [r["id"] for r in dated] + sorted(r["id"] for r in kept if not r["date"])


def walk_pages(client: TestClient, **params) -> tuple[list[str], int]:
    seen, cursor, pages = [], None, 0
    while pages < 200:
        body = client.get("/actions", params={**params, **({"cursor": cursor} if cursor else {})}).json()
        pages += 1
        seen += [i["id"] for i in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            return seen, pages
    raise AssertionError("the listing never ended")


def test_month_keys_sort_like_the_listing():
    keys = month_keys(2020, 1)
    assert keys == sorted(keys, reverse=True)  # days, then the bare month, then the bare year
    assert keys[0] == "2020-01-31" and keys[-2:] == ["2020-01", "2020"]
    assert max(month_keys(2019, 12)) < min(keys)  # windows follow each other in descending order


@pytest.mark.parametrize("limit", [1, 7, 100])
def test_listing_pages_through_every_action_in_order(listing, limit):
    client, rows = listing
    seen, _ = walk_pages(client, limit=limit)
    assert seen == expected(rows)
    assert len(seen) == len(rows) == 51


def test_listing_filters_match_the_rows(listing):
    client, rows = listing
    assert walk_pages(client, kind="visa_restriction", limit=5)[0] == expected(
        rows, lambda r: r["kind"] == "visa_restriction")
    in_range = expected(rows, lambda r: bool(r["date"]) and "2003" <= r["date"] <= "2011-06-99")
    assert walk_pages(client, **{"from": "2003", "to": "2011-06", "limit": 4})[0] == in_range
    assert walk_pages(client, to="1998", limit=50)[0] == ["act-003", "act-002", "act-001"]


def test_listing_text_search_is_bounded_and_complete(listing, monkeypatch):
    client, rows = listing
    # a participant's name (full-text index) and evidence text (bounded scan), one and a few months per request
    monkeypatch.setattr(actions_router, "SEARCH_MONTHS", 1)
    seen, pages = walk_pages(client, q="Target 17", limit=10)
    assert seen == ["act-017"] and pages > 1  # short pages with a cursor while months remain to be read
    assert walk_pages(client, q="in case 4.", limit=10)[0] == ["act-004"]


def test_listing_budget_gives_short_pages_that_resume(listing, monkeypatch):
    client, rows = listing
    monkeypatch.setattr(actions_router, "WINDOW_BUDGET", 2)
    seen, pages = walk_pages(client, limit=20)
    assert seen == expected(rows) and pages > 3
    first = client.get("/actions", params={"limit": 20}).json()
    assert len(first["items"]) < 20 and first["next_cursor"]  # the bound holds: a short page, go on with the cursor


def test_central_actors_report_their_bound(listing):
    client, rows = listing
    body = client.get("/analytics/central-actors", params={"max_actions": 10}).json()
    assert body["bound"]["actions"] == 10 and body["bound"]["max_actions"] == 10 and body["truncated"] is True
    newest = expected(rows)[:10]
    dates = {r["id"]: r["date"] for r in rows}
    assert body["bound"]["newest"] == dates[newest[0]] and body["bound"]["oldest"] == dates[newest[-1]]
    agencies = {int(a.split("-")[1]) % 3 for a in newest}
    assert body["edges"] == 10 + len(agencies)  # agency -> its target, and agency -> the hub
    everything = client.get("/analytics/central-actors").json()
    assert everything["bound"]["actions"] == 51 and everything["truncated"] is False
    assert everything["bound"]["oldest"] is None  # undated actions were read too


def test_hub_timeline_by_windows_equals_the_direct_query(listing, monkeypatch):
    client, rows = listing

    def timeline(limit: int) -> list[dict]:
        items, cursor = [], None
        for _ in range(100):
            body = client.get("/entities/hub/timeline", params={"limit": limit, **({"cursor": cursor} if cursor
                                                                                   else {})}).json()
            items += body["items"]
            cursor = body["next_cursor"]
            if cursor is None:
                return items
        raise AssertionError("the timeline never ended")

    direct = timeline(7)
    monkeypatch.setattr(answers_module, "HUB_TARGETS", 0)  # every entity is a hub: the windowed walk
    windowed = timeline(7)
    assert windowed == direct and len(direct) == 51
    oldest_first = [r["id"] for r in sorted((r for r in rows if r["date"]), key=lambda r: (r["date"], r["id"]))]
    assert [i["action_id"] for i in direct] == oldest_first + sorted(r["id"] for r in rows if not r["date"])
    for i in windowed:
        assert len(i["evidence"]) == 1
        assert [t["id"] for t in i["targets"]] == ["hub", f"target-{int(i['action_id'][4:])}"]
    monkeypatch.setattr(action_windows, "MAX_SPAN", 2)  # short walks over the gaps, resumed by the cursor
    assert timeline(50) == direct


# ------------------------------------------------------------------------------------- uploads


@pytest.fixture
def writer(store, tmp_path) -> TestClient:
    load_sample(store)
    return TestClient(create_app(store, Settings(home=tmp_path, api_keys=[KEY])))


def test_upload_files_through_the_readers(writer):
    md = "---\ntitle: Treasury acts\npublished: 2021-03-02\n---\n\n# Treasury acts\n\n" + TEXTS["ofac"] + "\n"
    jsonl = "\n".join(json.dumps({"id": f"r{i}", "title": f"Record {i}", "text": t})
                      for i, t in enumerate((TEXTS["bis"] + " Again.", "not json")))
    jsonl += "\n{broken\n"
    files = [
        ("files", ("release.md", io.BytesIO(md.encode()), "text/markdown")),
        ("files", ("records.jsonl", io.BytesIO(jsonl.encode()), "application/x-ndjson")),
        ("files", ("picture.png", io.BytesIO(b"\x89PNG"), "image/png")),
    ]
    r = writer.post("/documents", files=files, headers={"X-API-Key": KEY})
    assert r.status_code == 200, r.text
    body = r.json()
    sources = sorted(d["source"] for d in body["documents"])
    assert sources == ["upload/records.jsonl/r0", "upload/records.jsonl/r1", "upload/release.md"]
    md_doc = next(d for d in body["documents"] if d["source"] == "upload/release.md")
    assert md_doc["title"] == "Treasury acts" and md_doc["published"] == "2021-03-02"
    reasons = {f["source"]: f["reason"] for f in body["failures"]}
    assert "unsupported file type" in reasons["upload/picture.png"]
    assert "malformed JSON" in reasons["upload/records.jsonl:3"]
    assert body["documents_failed"] >= 2
    doc = writer.get(f"/documents/{md_doc['id']}").json()
    assert "Xinjiang Public Security Bureau" in doc["text"] and doc["entities"]


def test_upload_needs_the_key_and_a_file(writer):
    files = [("files", ("a.txt", io.BytesIO(b"OFAC designated Acme."), "text/plain"))]
    assert writer.post("/documents", files=files).status_code == 401
    no_file = writer.post("/documents", files={"note": (None, "a form field, no file")}, headers={"X-API-Key": KEY})
    assert no_file.status_code == 422 and "no file" in no_file.json()["detail"]
    r = writer.post("/documents", content=b"{not json", headers={"X-API-Key": KEY,
                                                                  "content-type": "application/json"})
    assert r.status_code == 422 and "not JSON" in r.json()["detail"]
    r = writer.post("/documents", json={"title": "no text"}, headers={"X-API-Key": KEY})
    assert r.status_code == 422 and r.json()["errors"][0]["loc"][:2] == ["body", "text"]


def test_upload_is_documented(writer):
    body = writer.get("/openapi.json").json()["paths"]["/documents"]["post"]["requestBody"]["content"]
    assert "multipart/form-data" in body and "application/json" in body


def test_cli_query_entity_is_the_bounded_api_read(writer, store):
    from api.commands import _bounded_entity

    api_answer = writer.get("/entities/ofac", params={"relations": 1, "mentions": 1}).json()
    [cli_answer] = _bounded_entity(store, {"id": "ofac", "relations": 1, "mentions": 1})
    assert json.loads(json.dumps(cli_answer)) == api_answer
    assert len(api_answer["relations"]) == 1 and len(api_answer["mentions"]) == 1
