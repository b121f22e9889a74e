"""Official lists in the graph, on both stores (embedded FalkorDB and the real Neo4j): import of real list rows,
linking, and the corroboration of real releases read by the real pipeline, through the API.

The list rows are real: lines of OFAC's sdn.csv snapshots and entry history and entries of the BIS Entity List
JSON (../shared/reference), copied into a temporary directory so that each test reads a few of them.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import api.responses
from api.app import create_app
from graph.batch import build_batch
from graph.list_link import corroborate, link_entities
from graph.list_writes import count_entries, import_entries
from ingest.contract import Action, Entity, Extraction, Span
from ingest.documents import Document
from ingest.lists import read_lists
from ingest.lists.records import ListEntryRecord
from policygraph.settings import Settings

SHARED = Path(__file__).resolve().parents[2] / "shared"
SDN = SHARED / "reference" / "ofac-sdn"
ENTITY_LIST = SHARED / "reference" / "us-lists" / "bis_entity_list.json"
RELEASES = SHARED / "corpora" / "treasury-press-releases.jsonl"
FR_RULE = SHARED / "corpora" / "federal-register" / "FR_2023-03929_BIS_additions_of_entities_to_entity_list.xml"
HISTORY_NAME = "sdn_entry_history_2021-05-22_to_2024-07-02.csv"
# Roman Semenov (designated 2023-08-23), TORNADO CASH before and after its re-designation, BANCO NACIONAL DE
# CUBA, and PJSC ODK SATURN under its two entries (45030 removed on 2023-11-01 as a duplicate of 35338)
ENT_NUMS = {"44718", "38499", "39796", "306", "45030", "35338"}
ENTITY_LIST_NAMES = {"AOOK Technology Limited", "Spacety Co., Ltd.", "CPUNTO Inc."}


@pytest.fixture(autouse=True)
def strict_responses(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(api.responses, "STRICT", True)


def list_files(directory: Path, ent_nums: set[str] = ENT_NUMS) -> Path:
    """Real rows of the SDN files and the Entity List, for these entries only."""
    directory.mkdir(parents=True, exist_ok=True)
    for name in ("sdn_2021-05-22.csv", "sdn_2024-07-02.csv", HISTORY_NAME):
        with (SDN / name).open(encoding="utf-8", errors="replace", newline="") as fh:
            rows = list(csv.reader(fh))
        keep = [r for i, r in enumerate(rows) if r and (r[0] in ent_nums or (name == HISTORY_NAME and i == 0))]
        if len(keep) <= (name == HISTORY_NAME):
            continue  # none of these entries in that file
        with (directory / name).open("w", encoding="utf-8", newline="") as fh:
            csv.writer(fh).writerows(keep)
    data = json.loads(ENTITY_LIST.read_text(encoding="utf-8"))
    data["entities"] = [e for e in data["entities"] if e["name"] in ENTITY_LIST_NAMES]
    (directory / "bis_entity_list.json").write_text(json.dumps(data), encoding="utf-8")
    return directory


def release(release_id: str) -> Document:
    with RELEASES.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["id"] == release_id:
                return Document.from_text(rec["text"], source=release_id, title=rec["title"], published=rec["date"])
    raise LookupError(release_id)


def fr_rule() -> Document:
    """BIS's final rule of 2023-02-27 (88 FR 12171) adding entities to the Entity List, as plain text: its
    summary and background (the first 3,000 characters; the rest, the amended table, costs extraction time)."""
    text = " ".join(re.sub(r"<[^>]+>", " ", FR_RULE.read_text(encoding="utf-8")).split())[:3000]
    return Document.from_text(text, source="FR 2023-03929", title="Additions of Entities to the Entity List",
                              published="2023-02-27")


@pytest.fixture(scope="module")
def read_by_pipeline(nlp) -> tuple[list[Document], list[Extraction]]:
    from ingest.pipeline import extract_batch

    docs = [release("2023-08-23-jy1702"), fr_rule()]
    return docs, extract_batch(nlp, docs)


def load(store, docs, extractions, lists_dir: Path) -> None:
    store.write(build_batch(docs, extractions))
    import_entries(store, read_lists([lists_dir]).entries)
    link_entities(store)
    corroborate(store)


def client(store, tmp_path: Path) -> TestClient:
    return TestClient(create_app(store, Settings(home=tmp_path)))


def actions_of(store, target: str, kind: str) -> list[dict]:
    return store.query("MATCH (a:Action {kind: $kind})-[:TARGETS]->(:Entity {id: $t}) "
                       "RETURN a.id AS id, a.date AS date, a.corroboration AS corroboration ORDER BY id",
                       {"kind": kind, "t": target})


# ------------------------------------------------------------------------------------------------ import


def test_import_is_idempotent_and_ties_entries_to_their_list(store, tmp_path: Path) -> None:
    entries = read_lists([list_files(tmp_path / "lists")]).entries
    first = import_entries(store, entries)
    # four Entity List entries: Spacety is listed under China and under Luxembourg
    assert first.entries == len(entries) == len(ENT_NUMS) + 4 and not first.refused
    assert first.relationships_created == len(entries)
    again = import_entries(store, read_lists([list_files(tmp_path / "lists")]).entries)
    assert (again.nodes_created, again.relationships_created) == (0, 0)
    assert count_entries(store) == {"bis-entity-list": 4, "ofac-sdn": len(ENT_NUMS)}
    [row] = store.query("MATCH (l:ListEntry {id: 'ofac-sdn:306'})-[r:ON_LIST]->(law:Entity) RETURN l, r, law")
    entry, on_list, law = (row[k]["properties"] for k in ("l", "r", "law"))
    assert (law["id"], law["type"], law["kind"]) == ("sdn-list", "Law", "list")
    assert entry["aliases"] == ["BNC"] and entry["programs"] == ["CUBA"] and entry["removed"] is False
    assert on_list["snapshot"] == "2024-07-02"
    assert set(on_list["files"]) == {"sdn_2021-05-22.csv", "sdn_2024-07-02.csv", HISTORY_NAME}
    [aook] = store.query("MATCH (l:ListEntry {name: 'AOOK Technology Limited'})-[:ON_LIST]->(law:Entity) "
                         "RETURN l.federal_register AS fr, l.listed_since AS since, law.id AS law")
    assert aook == {"fr": ["88 FR 12171"], "since": "2023-02-27", "law": "entity-list"}
    # no entity is created for an entry: the lists enrich what the texts mention
    assert store.query("MATCH (e:Entity) RETURN collect(e.id) AS ids")[0]["ids"] in (
        ["sdn-list", "entity-list"], ["entity-list", "sdn-list"])


def test_rows_a_store_cannot_take_are_refused_and_the_rest_written(store) -> None:
    good = ListEntryRecord("ofac-sdn", "306", "BANCO NACIONAL DE CUBA", party="entity")
    nul = ListEntryRecord("ofac-sdn", "1", "BANCO\x00NACIONAL", party="entity")
    long_id = ListEntryRecord("ofac-sdn", "9" * 600, "A NAME", party="entity")
    padded = ListEntryRecord("ofac-sdn", " 7 ", "A NAME", party="entity")
    report = import_entries(store, [good, nul, long_id, padded])
    assert report.entries == 1 and len(report.refused) == 3
    assert count_entries(store) == {"ofac-sdn": 1}  # and the store still answers


# ---------------------------------------------------------------------------------------- corroboration


def test_a_designation_is_confirmed_by_its_sdn_entry(store, tmp_path: Path, read_by_pipeline) -> None:
    load(store, *read_by_pipeline, list_files(tmp_path / "lists"))
    [semenov] = actions_of(store, "roman-semenov", "designation")  # OFAC sanctioned Roman Semenov, 2023-08-23
    assert semenov["corroboration"] == "confirmed"
    http = client(store, tmp_path)
    answer = http.get(f"/actions/{semenov['id']}/corroboration").json()
    [entry] = answer["entries"]
    assert (answer["verdict"], entry["entry_id"], entry["verdict"]) == ("confirmed", "ofac-sdn:44718", "confirmed")
    assert entry["name"] == "SEMENOV, Roman" and entry["programs"] == ["DPRK3", "CYBER2"]
    assert entry["target"]["id"] == "roman-semenov" and entry["link_method"] == "person_order"
    assert http.get(f"/actions/{semenov['id']}").json()["corroboration"] == "confirmed"
    listed = http.get("/actions", params={"corroboration": "confirmed", "kind": "designation"}).json()["items"]
    assert semenov["id"] in [a["id"] for a in listed]
    assert semenov["id"] not in [a["id"] for a in http.get("/actions?corroboration=unverified").json()["items"]]
    assert http.get("/actions?corroboration=maybe").status_code == 422
    assert http.get("/actions/nope/corroboration").status_code == 404


def test_an_entity_list_addition_is_confirmed_with_its_fr_citation(store, tmp_path: Path, read_by_pipeline) -> None:
    load(store, *read_by_pipeline, list_files(tmp_path / "lists"))
    listings = actions_of(store, "aook-technology", "entity_listing")
    assert listings and {a["corroboration"] for a in listings} == {"confirmed"}
    answer = client(store, tmp_path).get(f"/actions/{listings[0]['id']}/corroboration").json()
    [entry] = [e for e in answer["entries"] if e["target"]["id"] == "aook-technology"]
    assert entry["verdict"] == "confirmed" and entry["law"]["id"] == "entity-list"
    assert entry["federal_register"] == ["88 FR 12171"]
    assert entry["listed_since"] == "2023-02-27" and "2023-02-27" in entry["reason"]


def odk_saturn_claim() -> tuple[list[Document], list[Extraction]]:
    """A later claim, in Treasury's words of 2024-10-30 (jy2700), that PJSC ODK Saturn is U.S.-designated."""
    text = ("Engineering Center has supplied equipment to numerous U.S.-designated companies, including military "
            "engine producers Public Joint Stock Company ODK Saturn and AO Proton PM.")
    doc = Document.from_text(text, source="2024-10-30-jy2700", title="Treasury Takes Aim at Third-Country "
                             "Sanctions Evaders and Russian Producers Supporting Russia's Military Industrial Base",
                             published="2024-10-30")
    name = "Public Joint Stock Company ODK Saturn"
    start = text.index(name)
    ex = Extraction(doc_id=doc.id, source=doc.source, title=doc.title, published=doc.published, entities=[
        Entity(id="odk-saturn", name=name, type="Company", mentions=[Span(start=start, end=start + len(name))])],
        actions=[Action(id="act-odk-saturn", kind="designation", status="enacted", date=None, targets=["odk-saturn"],
                        confidence=0.8, evidence=[Span(start=0, end=len(text), text=text)])])
    return [doc], [ex]


def test_a_removal_in_the_history_contradicts_a_later_claim(store, tmp_path: Path) -> None:
    # OFAC's history: entry 45030 (PUBLIC JOINT STOCK COMPANY ODK SATURN) removed after 2023-11-01
    load(store, *odk_saturn_claim(), list_files(tmp_path / "removed", {"45030"}))
    [claim] = actions_of(store, "odk-saturn", "designation")
    assert claim["corroboration"] == "contradicted"
    answer = client(store, tmp_path).get("/actions/act-odk-saturn/corroboration").json()
    [entry] = answer["entries"]
    assert (entry["entry_id"], entry["removed"], entry["last_seen"]) == ("ofac-sdn:45030", True, "2023-11-01")
    assert entry["reason"] == ("removed from the list after 2023-11-01 (last snapshot), before the action's date "
                               "2024-10-30")
    # the same firm stays listed under its first entry (35338, since 2022-03-04): the claim is borne out
    import_entries(store, read_lists([list_files(tmp_path / "both", {"45030", "35338"})]).entries)
    link_entities(store)
    corroborate(store)
    assert actions_of(store, "odk-saturn", "designation")[0]["corroboration"] == "confirmed"
