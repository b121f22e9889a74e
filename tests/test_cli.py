"""The `policygraph` command line, run as a user runs it: real processes, the real model, a real store."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from ingest.contract import Extraction

ROOT = Path(__file__).resolve().parents[1]
EXE = str(Path(sys.executable).with_name("policygraph"))
SEEDS = sorted((ROOT / "corpus").glob("*.txt"))


def run(*args: str, home: Path, store: str | None = None, check: bool = True) -> subprocess.CompletedProcess:
    env = dict(os.environ, POLICYGRAPH_HOME=str(home), COLUMNS="200")
    env.pop("POLICYGRAPH_STORE", None)
    if store:
        env["POLICYGRAPH_STORE"] = store
    proc = subprocess.run([EXE, *args], env=env, capture_output=True, text=True, timeout=600)
    if check and proc.returncode != 0:
        raise AssertionError(f"policygraph {' '.join(args)} exited {proc.returncode}:\n{proc.stderr[-3000:]}")
    return proc


def test_extract_prints_one_contract_object_per_document(tmp_path):
    proc = run("extract", *map(str, SEEDS), "--format", "jsonl", home=tmp_path / "data")
    lines = proc.stdout.strip().splitlines()
    assert len(lines) == len(SEEDS)
    for line, seed in zip(lines, SEEDS, strict=True):
        ex = Extraction.model_validate_json(line)
        assert Path(ex.source).stem == seed.stem
        text = seed.read_text(encoding="utf-8")
        ids = {e.id for e in ex.entities}
        for action in ex.actions:  # every action's participants are entities of the document
            assert set(action.by) | set(action.targets) | set(action.under) <= ids
            for span in action.evidence:  # offsets index the exact ingested text
                assert text[span.start:span.end] == span.text
        for entity in ex.entities:
            for m in entity.mentions:
                assert text[m.start:m.end] == m.text
    assert not (tmp_path / "data").exists()  # extract touches no store


def test_extract_json_array_format(tmp_path):
    proc = run("extract", str(SEEDS[-1]), "--format", "json", home=tmp_path / "data")
    data = json.loads(proc.stdout)
    assert isinstance(data, list) and len(data) == 1 and data[0]["entities"]


def test_ingest_reports_bad_files_keeps_the_rest_and_reruns_change_nothing(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for seed in SEEDS[3:]:
        (inputs / seed.name).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    (inputs / "empty.txt").write_text("", encoding="utf-8")
    (inputs / "broken.jsonl").write_text('{"text": \n', encoding="utf-8")
    home = tmp_path / "data"

    first = run("ingest", str(inputs), "--json", home=home, check=False)
    assert first.returncode == 1, first.stderr
    report = json.loads(first.stdout)
    assert report["documents_new"] == 2
    assert report["documents_failed"] == 2
    assert {Path(f["source"]).name for f in report["failures"]} == {"empty.txt", "broken.jsonl:1"}
    assert "empty.txt: empty file" in first.stderr
    assert report["entities"] > 0 and report["actions"] > 0

    stats_before = json.loads(run("query", "stats", "--json", home=home).stdout)
    second = run("ingest", *map(str, SEEDS[3:]), "--json", home=home)
    again = json.loads(second.stdout)
    assert again["documents_new"] == 0 and again["documents_unchanged"] == 2
    assert json.loads(run("query", "stats", "--json", home=home).stdout) == stats_before


def test_enabled_by_prints_the_answer_with_evidence(tmp_path):
    home = tmp_path / "data"
    run("ingest", str(ROOT / "corpus"), home=home)
    proc = run("enabled-by", home=home)
    assert "Enabled by" in proc.stdout
    assert "actor" in proc.stdout
    assert "\u201c" in proc.stdout  # a quoted evidence sentence
    answer = json.loads(run("enabled-by", "--json", home=home).stdout)
    action_id = answer["action"]["id"]
    assert answer["items"], "the best-attested action has an answer"
    assert all(item["evidence"] for item in answer["items"] if item["role"] in ("actor", "legal_basis"))
    # the same answer through the catalog query command
    rows = json.loads(run("query", "enabled_by", "--param", f"action_id={action_id}", "--json", home=home).stdout)
    assert {(r["id"], r["role"]) for r in rows} == {(i["entity"]["id"], i["role"]) for i in answer["items"]}
    missing = run("enabled-by", "no-such-action", home=home, check=False)
    assert missing.returncode == 1 and "unknown action" in missing.stderr


@pytest.mark.neo4j
def test_ingest_into_neo4j_gives_the_same_counts(tmp_path, neo4j_uri, neo4j_session_store):
    neo4j_session_store.clear()  # the session's Neo4j server is shared with the store contract tests
    falkor = run("ingest", str(ROOT / "corpus"), "--json", home=tmp_path / "data")
    neo = run("ingest", str(ROOT / "corpus"), "--json", "--store", neo4j_uri, home=tmp_path / "unused")
    a, b = json.loads(falkor.stdout), json.loads(neo.stdout)
    for key in ("documents_new", "entities", "actions", "relations"):
        assert a[key] == b[key]
    stats_f = json.loads(run("query", "stats", "--json", home=tmp_path / "data").stdout)
    stats_n = json.loads(run("query", "stats", "--json", "--store", neo4j_uri, home=tmp_path / "unused").stdout)
    assert stats_f == stats_n


def test_version():
    proc = run("--version", home=Path("/nonexistent"))
    assert proc.stdout.strip() == f"policygraph {version('policygraph')}"  # pyproject.toml's, as installed


def test_user_errors_are_one_line_with_documented_exit_codes(tmp_path):
    home = tmp_path / "data"
    cases = [  # (arguments, exit code (README "Exit codes"), start of the line on stderr)
        (("query", "stats", "--store", "foo://nowhere"), 2, "error: unsupported store URI 'foo://nowhere'"),
        (("query", "stats", "--store", "redis://127.0.0.1:1"), 3, "store error: cannot connect to FalkorDB"),
        (("enabled-by", "--store", "bolt://127.0.0.1:1"), 3, "store error: cannot connect to Neo4j"),
        (("ingest", str(SEEDS[0]), "--store", "redis://127.0.0.1:1"), 3, "store error: cannot connect"),
        (("export", "--out", str(tmp_path / "no" / "such" / "dir.graphml")), 2, "error: cannot write --out"),
    ]
    for args, code, line in cases:
        proc = run(*args, home=home, check=False)
        assert proc.returncode == code, (args, proc.returncode, proc.stderr)
        assert proc.stderr.startswith(line) and proc.stderr.count("\n") == 1, (args, proc.stderr)
    assert not home.exists()  # none of them got as far as starting the embedded store
