"""GET /actions/corroboration?ids=...: the official lists' verdicts of many actions in one request (issue 14: an
action list's badges without one request per row), on both real stores.

Real data: a designation read from a Treasury release sentence (public domain), OFAC's real SDN rows of its
target imported, linked and corroborated by the project's own code; a second action no list speaks to."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from test_lists_store import client, list_files

import api.responses
from api.routers.actions import MAX_VERDICT_IDS
from graph.batch import build_batch
from graph.list_link import corroborate, link_entities
from graph.list_writes import import_entries
from ingest.contract import Action, Entity, Extraction, Span
from ingest.documents import Document
from ingest.lists import read_lists

SENTENCE = ("Department of the Treasury’s Office of Foreign Assets Control (OFAC) sanctioned Roman Semenov, one of "
            "three co-founders of the sanctioned virtual currency mixer Tornado Cash.")


@pytest.fixture(autouse=True)
def strict_responses(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(api.responses, "STRICT", True)


def _span(needle: str) -> Span:
    start = SENTENCE.index(needle)
    return Span(start=start, end=start + len(needle), text=needle)


@pytest.fixture
def http(store, tmp_path: Path) -> TestClient:
    doc = Document.from_text(SENTENCE, source="2023-08-23-jy1702", title="Treasury designates Roman Semenov",
                             published="2023-08-23")
    entities = [Entity(id="ofac", name="Office of Foreign Assets Control", type="Authority",
                       mentions=[_span("Office of Foreign Assets Control")]),
                Entity(id="roman-semenov", name="Roman Semenov", type="Person", mentions=[_span("Roman Semenov")]),
                Entity(id="tornado-cash", name="Tornado Cash", type="Company", mentions=[_span("Tornado Cash")])]
    whole = [Span(start=0, end=len(SENTENCE), text=SENTENCE)]
    actions = [Action(id="act-semenov", kind="designation", status="enacted", date="2023-08-23", by=["ofac"],
                      targets=["roman-semenov"], confidence=0.9, evidence=whole),
               Action(id="act-statement", kind="export_control", status="proposed", date="2023-08-23", by=["ofac"],
                      targets=["tornado-cash"], confidence=0.6, evidence=whole)]
    store.write(build_batch([doc], [Extraction(doc_id=doc.id, source=doc.source, title=doc.title,
                                               published=doc.published, entities=entities, actions=actions)]))
    import_entries(store, read_lists([list_files(tmp_path / "lists", {"44718"})]).entries)
    link_entities(store)
    corroborate(store)
    return client(store, tmp_path)


def test_verdicts_of_many_actions_in_one_request(http: TestClient) -> None:
    one_by_one = {i: http.get(f"/actions/{i}/corroboration").json()["verdict"]
                  for i in ("act-semenov", "act-statement")}
    assert one_by_one["act-semenov"] == "confirmed"
    res = http.get("/actions/corroboration", params={"ids": "act-statement,act-semenov,no-such-action,act-semenov"})
    assert res.status_code == 200, res.text
    # the same verdicts as one request each, in the order asked, unknown ids left out, each id once
    assert res.json()["items"] == [{"id": "act-statement", "verdict": one_by_one["act-statement"]},
                                   {"id": "act-semenov", "verdict": "confirmed"}]
    repeated = http.get("/actions/corroboration", params=[("ids", "act-semenov"), ("ids", "act-statement")])
    assert [i["id"] for i in repeated.json()["items"]] == ["act-semenov", "act-statement"]


def test_verdicts_refuse_no_ids_or_too_many(http: TestClient) -> None:
    for params in ({}, {"ids": ""}, {"ids": ",".join(f"act-{i}" for i in range(MAX_VERDICT_IDS + 1))}):
        res = http.get("/actions/corroboration", params=params)
        assert res.status_code == 422, (params, res.text)
        assert res.json()["status"] == 422  # the API's one error body
    most = http.get("/actions/corroboration", params={"ids": ",".join(["act-semenov"] * MAX_VERDICT_IDS)})
    assert most.status_code == 200


def test_verdicts_in_the_contract(http: TestClient) -> None:
    op = http.get("/openapi.json").json()["paths"]["/actions/corroboration"]["get"]
    assert op["operationId"] == "action_verdicts"
    error = op["responses"]["422"]["content"]["application/json"]["schema"]
    assert error == {"$ref": "#/components/schemas/ErrorBody"}
    assert op["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/ActionVerdicts")
