"""`policygraph export --format neo4j-admin`: the whole store (documents, evidence, search fields) as neo4j-admin
import files; a fresh, real Neo4j 5.26 loaded from them with Neo4j's own import tool holds the same graph (same
digest) and answers the API's questions as the source store does (search, enabled-by, evidence)."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from api_sample import load_sample
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.app import create_app
from api.cli import app as cli
from graph.list_writes import import_entries
from ingest.lists.records import ListEntryRecord
from policygraph.settings import Settings
from queries.export_admin import ARRAY_DELIMITER, digest, dump

REPO = Path(__file__).resolve().parents[1]
LIB = REPO / "scripts" / "neo4j-server" / "target" / "lib"


@pytest.fixture
def falkordb(falkordb_session_store):
    falkordb_session_store.clear()
    return falkordb_session_store


def _load_list_entries(store) -> None:
    """Two official-list entries (the nodes `policygraph lists` adds), one removed: a boolean, arrays, a date."""
    import_entries(store, [
        ListEntryRecord("ofac-sdn", "306", "BANCO NACIONAL DE CUBA", party="entity", aliases=["BNC"],
                        programs=["CUBA"], first_seen="2021-05-22", files=["sdn_2021-05-22.csv"]),
        ListEntryRecord("ofac-sdn", "45030", "PJSC ODK SATURN", party="entity", programs=["RUSSIA-EO14024"],
                        removed=True, removed_by="2024-07-02", files=["sdn_2021-05-22.csv", "sdn_2024-07-02.csv"]),
    ])


def _answers(store, home: Path) -> dict:
    client = TestClient(create_app(store, Settings(home=home)))
    out = {q: [i["id"] for i in client.get("/entities", params={"q": q}).json()["items"]]
           for q in ("huawei", "Industry Sec", "megvi")}
    out["enabled_by"] = client.get("/actions/act-huawei-listing/enabled-by").json()
    out["action"] = client.get("/actions/act-huawei-listing").json()
    out["documents"] = client.get("/documents").json()
    return out


def test_the_dump_holds_every_label_and_relationship_typed(falkordb, seed_batch, tmp_path) -> None:
    falkordb.write(seed_batch)
    load_sample(falkordb)
    _load_list_entries(falkordb)
    written = dump(falkordb, tmp_path)
    args = (tmp_path / "import.args").read_text().split()
    assert "--array-delimiter=U+001F" in args and "--multiline-fields=true" in args
    assert {a.split("=", 1)[1] for a in args if a.startswith(("--nodes=", "--relationships="))} == set(written)
    assert {"nodes-Document.csv", "rels-REPORTED_IN-Action-Document.csv", "rels-MENTIONED_IN-Entity-Document.csv",
            "rels-REPORTED_IN-Relation-Document.csv", "nodes-Relation.csv"} <= set(written)
    want = digest(falkordb)
    assert sum(v["count"] for v in want.values()) == sum(written.values())
    with (tmp_path / "nodes-Entity.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0])[:2] == ["id:ID(Entity)", ":LABEL"] and "_search_terms:string[]" in rows[0]
    huawei = next(r for r in rows if r["id:ID(Entity)"] == "huawei")
    assert sorted(huawei[":LABEL"].split(ARRAY_DELIMITER)) == ["Company", "Entity"]
    assert "Huawei Technologies Co., Ltd." in huawei["aliases:string[]"].split(ARRAY_DELIMITER)
    with (tmp_path / "rels-REPORTED_IN-Action-Document.csv").open(encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    assert header[:3] == [":START_ID(Action)", ":END_ID(Document)", ":TYPE"] and "start:long" in header
    with (tmp_path / "nodes-ListEntry.csv").open(encoding="utf-8", newline="") as fh:
        entries = {r["id:ID(ListEntry)"]: r for r in csv.DictReader(fh)}
    assert entries["ofac-sdn:45030"]["removed:boolean"] == "true"
    assert entries["ofac-sdn:306"]["removed:boolean"] == "false"
    assert any(name.startswith("rels-ON_LIST-ListEntry-") for name in written)


def test_the_cli_refuses_a_file_name_or_a_subgraph(falkordb, tmp_path) -> None:
    runner = CliRunner()
    env = {"POLICYGRAPH_HOME": str(tmp_path / "home")}
    bad = runner.invoke(cli, ["export", "--format", "neo4j-admin", "--out", str(tmp_path / "x.zip")], env=env)
    assert bad.exit_code == 2 and "directory" in bad.output
    sub = runner.invoke(cli, ["export", "--format", "neo4j-admin", "--entity", "bis", "--out", str(tmp_path / "d")],
                        env=env)
    assert sub.exit_code == 2 and "--entity" in sub.output


@pytest.mark.neo4j
def test_a_neo4j_loaded_from_the_dump_is_the_same_graph(seed_batch, tmp_path) -> None:
    from graph.factory import open_store
    from graph.neo4j_store import Neo4jStore
    from scripts.neo4j_server import Neo4jServer, skip_unless_available

    skip_unless_available()
    if not LIB.is_dir() or shutil.which("java") is None:
        pytest.skip("scripts/neo4j-server is not built")
    settings = Settings(home=tmp_path / "home")  # an embedded store, as a user's first ingest makes it
    with open_store(None, settings) as source:
        source.write(seed_batch)
        load_sample(source)
        _load_list_entries(source)
    # the command in its own process, as a user runs it (settings are read once a process)
    exe = Path(sys.executable).with_name("policygraph")
    env = {**os.environ, "POLICYGRAPH_HOME": str(tmp_path / "home")}
    env.pop("POLICYGRAPH_STORE", None)
    result = subprocess.run([str(exe), "export", "--format", "neo4j-admin", "--out", str(tmp_path / "files")],
                            env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "import.args" in result.stdout
    data_dir = tmp_path / "neo4j"
    (data_dir / "home").mkdir(parents=True)
    cmd = ["java", "-Xmx256m", "-cp", f"{LIB}/*", "org.neo4j.cli.AdminTool", "database", "import", "full", "neo4j",
           "@import.args", f"--report-file={tmp_path / 'import.report'}"]
    done = subprocess.run(cmd, cwd=tmp_path / "files", env={**os.environ, "NEO4J_HOME": str(data_dir / "home")},
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    with open_store(None, settings) as source:
        want_digest, want_answers = digest(source), _answers(source, tmp_path)
    with Neo4jServer(data_dir=data_dir, heap="256m", page_cache="32m") as server, \
            Neo4jStore(server.uri, auth=None) as neo:
        neo.setup_schema()  # what opening it with PolicyGraph does: constraints, indexes, the full-text index
        assert digest(neo) == want_digest
        assert _answers(neo, tmp_path) == want_answers
    assert want_answers["huawei"] and want_answers["megvi"] and want_answers["enabled_by"]["items"]
