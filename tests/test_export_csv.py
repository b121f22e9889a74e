"""CSV export in neo4j-admin import form: bulk-loaded into a fresh, real Neo4j 5.26 with Neo4j's own import
tool (`neo4j-admin database import full`, run from the jars of scripts/neo4j-server), then counted."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from api_sample import load_sample

from policygraph.ontology import ACTION_LABEL, ENTITY_LABEL
from queries.export import export
from queries.export_csv import FILES

REPO = Path(__file__).resolve().parents[1]
LIB = REPO / "scripts" / "neo4j-server" / "target" / "lib"


@pytest.fixture
def falkordb(falkordb_session_store):
    falkordb_session_store.clear()
    return falkordb_session_store


def _files(body: bytes) -> dict[str, list[dict]]:
    with zipfile.ZipFile(io.BytesIO(body)) as zf:
        assert sorted(zf.namelist()) == sorted(FILES)
        return {n: list(csv.DictReader(io.StringIO(zf.read(n).decode()))) for n in zf.namelist()}


def test_csv_headers_are_neo4j_admin_import_headers(falkordb):
    load_sample(falkordb)
    files = _files(export(falkordb, "csv")[0])
    entities, actions, rels = files["entities.csv"], files["actions.csv"], files["relationships.csv"]
    assert list(entities[0])[:2] == ["id:ID", ":LABEL"] and "aliases:string[]" in entities[0]
    assert list(rels[0])[:3] == [":START_ID", ":END_ID", ":TYPE"]
    assert "confidence:float" in actions[0] and "evidence:int" in actions[0]
    huawei = next(e for e in entities if e["id:ID"] == "huawei")
    assert huawei[":LABEL"] == f"{ENTITY_LABEL};Company"
    assert huawei["aliases:string[]"] == "Huawei Technologies Co., Ltd.;Huawei"
    listing = next(a for a in actions if a["id:ID"] == "act-huawei-listing")
    assert listing[":LABEL"] == ACTION_LABEL
    assert listing["name"] == "entity listing of Huawei Technologies Co., Ltd. by Bureau of Industry and Security " \
                              "(2019-05-16)"
    assert len(entities) == 16 and len(actions) == 4 and len(rels) == 4 + 4 + 4 + 9


def _bulk_import(files: dict[str, bytes], data_dir: Path) -> str:
    """neo4j-admin database import full into `data_dir`/home (the layout scripts/neo4j_server.py starts from)."""
    csv_dir = data_dir / "import"
    csv_dir.mkdir(parents=True)
    for name, text in files.items():
        (csv_dir / name).write_bytes(text)
    (data_dir / "home").mkdir()
    cmd = ["java", "-Xmx256m", "-cp", f"{LIB}/*", "org.neo4j.cli.AdminTool", "database", "import", "full", "neo4j",
           f"--nodes={csv_dir / 'entities.csv'}", f"--nodes={csv_dir / 'actions.csv'}",
           f"--relationships={csv_dir / 'relationships.csv'}", f"--report-file={data_dir / 'import.report'}"]
    env = {**os.environ, "NEO4J_HOME": str(data_dir / "home")}
    result = subprocess.run(cmd, cwd=data_dir, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return result.stdout


@pytest.mark.neo4j
def test_csv_export_bulk_loads_into_a_fresh_neo4j(falkordb, seed_batch, tmp_path):
    from scripts.neo4j_server import Neo4jServer, skip_unless_available

    skip_unless_available()
    if not LIB.is_dir() or shutil.which("java") is None:
        pytest.skip("scripts/neo4j-server is not built")
    falkordb.write(seed_batch)
    load_sample(falkordb)
    body, _ = export(falkordb, "csv")
    files = _files(body)
    with zipfile.ZipFile(io.BytesIO(body)) as zf:
        out = _bulk_import({n: zf.read(n) for n in FILES}, tmp_path / "neo4j")
    assert "IMPORT DONE" in out
    want_types = Counter(r[":TYPE"] for r in files["relationships.csv"])
    server = Neo4jServer(data_dir=tmp_path / "neo4j", heap="256m", page_cache="32m")
    with server, server.driver() as driver:
        def one(q: str) -> list:
            return [tuple(r.values()) for r in driver.execute_query(q).records]

        assert one(f"MATCH (n:{ENTITY_LABEL}) RETURN count(n)") == [(len(files["entities.csv"]),)]
        assert one(f"MATCH (n:{ACTION_LABEL}) RETURN count(n)") == [(len(files["actions.csv"]),)]
        got_types = dict(one("MATCH ()-[r]->() RETURN type(r), count(r)"))
        assert got_types == dict(want_types)
        # typed columns arrive typed; the counts are the source store's
        [(aliases,)] = one("MATCH (e:Company {id: 'huawei'}) RETURN e.aliases")
        assert isinstance(aliases, list) and "Huawei" in aliases
        assert one("MATCH (a:Action {id: 'act-huawei-listing'}) RETURN a.evidence, a.confidence") == [(1, 0.9)]
    stored = falkordb.query(f"MATCH (e:{ENTITY_LABEL}) RETURN count(e) AS n")[0]["n"]
    assert stored == len(files["entities.csv"])
