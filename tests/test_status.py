"""Sanctions status as of a date (queries/lists.py), on both stores, through the API and the CLI.

The texts are real Treasury sentences (public domain) with their actions written out by hand, so that the dates
are exact: OFAC designated Lieutenant General Thein Sein on 2007-09-27 (hp578) and lifted the sanctions on him
on 2012-09-19 (tg1715); OFAC sanctioned Roman Semenov on 2023-08-23 (jy1702), whose SDN entry (a real row of
the entry history) was first seen on 2023-09-18.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import api.responses
from api.app import create_app
from graph.batch import build_batch
from graph.list_link import corroborate, link_entities
from graph.list_writes import import_entries
from ingest.contract import Action, Entity, Extraction, Span
from ingest.documents import Document
from ingest.lists import read_lists
from policygraph.settings import Settings
from tests.test_lists_store import list_files

EXE = str(Path(sys.executable).with_name("policygraph"))

TEXTS = {
    "thein-sein-designated": (
        "2007-09-27", "Treasury Action Targets Violent Burmese Suppression",
        "Those designated today by OFAC include Senior General Than Shwe, Minister of Defense and Chairman of the "
        "State Peace and Development Council (SPDC); Lieutenant General Thein Sein, Acting Prime Minister and First "
        "Secretary of the SPDC.", "Thein Sein", "enacted"),
    "thein-sein-lifted": (
        "2012-09-19", "Treasury Department Lifts Sanctions Against Burma's President and Lower House Speaker",
        "The U.S. Department of the Treasury today lifted sanctions against Burmese President Thein Sein and Lower "
        "House of Parliament Speaker Thura Shwe Mann by removing them from the list of Specially Designated "
        "Nationals (SDN).", "Thein Sein", "lifted"),
    "semenov-designated": (
        "2023-08-23", "Treasury Designates Roman Semenov, Co-Founder of Sanctioned Virtual Currency Mixer Tornado "
        "Cash", "Today, the U.S. Department of the Treasury's Office of Foreign Assets Control (OFAC) sanctioned "
        "Roman Semenov, one of three co-founders of the sanctioned virtual currency mixer Tornado Cash.",
        "Roman Semenov", "enacted"),
}


def texts() -> tuple[list[Document], list[Extraction]]:
    docs, extractions = [], []
    for key, (date, title, text, name, status) in TEXTS.items():
        doc = Document.from_text(text, source=key, title=title, published=date)
        start = text.index(name)
        entity_id = name.lower().replace(" ", "-")
        docs.append(doc)
        extractions.append(Extraction(
            doc_id=doc.id, source=key, title=title, published=date,
            entities=[Entity(id=entity_id, name=name, type="Person",
                             mentions=[Span(start=start, end=start + len(name))])],
            actions=[Action(id=f"act-{key}", kind="designation", status=status, date=date, targets=[entity_id],
                            confidence=0.9, evidence=[Span(start=0, end=len(text), text=text)])]))
    return docs, extractions


@pytest.fixture
def loaded(store, tmp_path: Path):
    store.write(build_batch(*texts()))
    import_entries(store, read_lists([list_files(tmp_path / "lists", {"44718"})]).entries)
    link_entities(store)
    corroborate(store)
    return store


def status(client: TestClient, entity_id: str, as_of: str) -> dict:
    response = client.get(f"/entities/{entity_id}/status", params={"as_of": as_of})
    assert response.status_code == 200, response.text
    return response.json()


def by_source(answer: dict) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for m in answer["measures"]:
        out.setdefault(m["source"], []).append(m)
    return out


@pytest.fixture
def client(loaded, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> TestClient:
    monkeypatch.setattr(api.responses, "STRICT", True)
    return TestClient(create_app(loaded, Settings(home=tmp_path)))


def test_a_designation_is_in_force_until_its_lifting(client: TestClient) -> None:
    assert status(client, "thein-sein", "2006-01-01")["in_force"] is False  # not yet designated
    during = status(client, "thein-sein", "2010-06-01")
    assert during["in_force"] is True
    [designation] = [m for m in during["measures"] if m["in_force"]]
    assert (designation["since"], designation["action_id"]) == ("2007-09-27", "act-thein-sein-designated")
    assert "Lieutenant General Thein Sein" in designation["evidence"][0]["quote"]
    after = status(client, "thein-sein", "2013-01-01")
    assert after["in_force"] is False
    assert [(m["since"], m["until"]) for m in after["measures"]] == [("2007-09-27", "2012-09-19")]
    assert "lifted 2012-09-19" in after["measures"][0]["basis"]


def test_the_list_entry_counts_from_its_first_snapshot(client: TestClient) -> None:
    before_list = by_source(status(client, "roman-semenov", "2023-09-01"))  # designated, not yet in the file
    assert [m["in_force"] for m in before_list["text"]] == [True]
    [entry] = before_list["list"]
    assert (entry["entry_id"], entry["in_force"], entry["since"]) == ("ofac-sdn:44718", False, "2023-09-18")
    assert entry["law"]["id"] == "sdn-list" and entry["entry"]["programs"] == ["DPRK3", "CYBER2"]
    listed = status(client, "roman-semenov", "2024-01-01")
    assert [m["in_force"] for m in listed["measures"]] == [True, True]
    later = by_source(status(client, "roman-semenov", "2025-01-01"))  # after the last snapshot read
    assert later["list"][0]["in_force"] is None and "2024-07-02" in later["list"][0]["basis"]


def test_between_two_snapshots_the_list_cannot_tell(store, tmp_path: Path) -> None:
    from queries.lists import status as entity_status

    store.write(build_batch(*texts()))
    # with TORNADO CASH's rows the history has a snapshot on 2022-11-08, the last before 2023-09-18
    import_entries(store, read_lists([list_files(tmp_path / "lists", {"44718", "38499"})]).entries)
    link_entities(store)
    [gap] = [m for m in entity_status(store, "roman-semenov", "2023-09-01")["measures"] if m["source"] == "list"]
    assert gap["in_force"] is None and "added between 2022-11-08 and 2023-09-18" in gap["basis"]
    [before] = [m for m in entity_status(store, "roman-semenov", "2022-10-01")["measures"] if m["source"] == "list"]
    assert before["in_force"] is False


def test_status_errors(client: TestClient) -> None:
    assert client.get("/entities/nobody/status?as_of=2020-01-01").status_code == 404
    assert client.get("/entities/roman-semenov/status?as_of=2020-13-45").status_code == 422
    assert client.get("/entities/roman-semenov/status?as_of=yesterday").status_code == 422


def cli(*args: str, store, tmp_path: Path, check: bool = True) -> subprocess.CompletedProcess:
    """`policygraph ...` in a process of its own, on the test's store (its socket or its Bolt URI)."""
    uri = f"unix://{store.server.socket_path}" if store.name == "falkordb" else store.uri
    env = dict(os.environ, POLICYGRAPH_HOME=str(tmp_path / "home"), POLICYGRAPH_GRAPH_NAME=getattr(
        store, "graph_name", "policygraph"), COLUMNS="200")
    proc = subprocess.run([EXE, *args, "--store", uri], env=env, capture_output=True, text=True, timeout=300)
    if check and proc.returncode != 0:
        raise AssertionError(f"policygraph {' '.join(args)} exited {proc.returncode}:\n{proc.stderr[-2000:]}")
    return proc


def test_the_cli_imports_links_checks_and_tells_the_status(store, tmp_path: Path) -> None:
    store.write(build_batch(*texts()))
    lists_dir = list_files(tmp_path / "lists", {"44718"})
    imported = cli("lists", "import", str(lists_dir), store=store, tmp_path=tmp_path)
    assert "ofac-sdn" in imported.stdout and "confirmed 1" in imported.stdout
    again = cli("lists", "import", str(lists_dir), store=store, tmp_path=tmp_path)
    assert "0 nodes and 0 relationships created" in again.stdout
    check = json.loads(cli("lists", "check", "act-semenov-designated", "--json", store=store, tmp_path=tmp_path).stdout)
    assert check["verdict"] == "confirmed" and check["entries"][0]["entry_id"] == "ofac-sdn:44718"
    answer = json.loads(cli("status", "thein-sein", "--as-of", "2010-06-01", "--json", store=store,
                            tmp_path=tmp_path).stdout)
    assert answer["in_force"] is True and answer["as_of"] == "2010-06-01"
    printed = cli("status", "thein-sein", "--as-of", "2013-01-01", store=store, tmp_path=tmp_path).stdout
    assert "no measure in force" in printed and "lifted 2012-09-19" in printed
    assert cli("status", "nobody", store=store, tmp_path=tmp_path, check=False).returncode == 1
    assert cli("status", "thein-sein", "--as-of", "soon", store=store, tmp_path=tmp_path, check=False).returncode == 2
