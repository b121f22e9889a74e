"""`policygraph export`: the file name and the format always agree (issue 14: `--format json` wrote
policygraph.graphml, `--format csv -o x.csv` a zip)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from api.export_target import UsageError, export_target, write_export
from queries.export_csv import FILES, csv_zip

EXE = str(Path(sys.executable).with_name("policygraph"))


def test_format_and_file_name_agree(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert export_target(None, None) == ("graphml", Path("policygraph.graphml"))
    assert export_target("json", None) == ("json", Path("policygraph.ftm.json"))
    assert export_target("csv", None) == ("csv", Path("policygraph.csv.zip"))
    assert export_target(None, Path("g.jsonl")) == ("json", Path("g.jsonl"))
    assert export_target(None, Path("g.zip")) == ("csv", Path("g.zip"))
    (tmp_path / "outdir").mkdir()
    assert export_target("csv", Path("outdir")) == ("csv", Path("outdir"))
    assert export_target("csv", Path("new")) == ("csv", Path("new"))
    for fmt, out in [("csv", "x.csv"), ("json", "x.graphml"), ("graphml", "x.zip"), (None, "x.txt"),
                     ("pdf", "x.pdf")]:
        with pytest.raises(UsageError):
            export_target(fmt, Path(out))


def test_cli_writes_what_it_names(tmp_path):
    env = dict(os.environ, POLICYGRAPH_HOME=str(tmp_path / "data"))
    env.pop("POLICYGRAPH_STORE", None)

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([EXE, *args], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=600)

    # an empty store is enough: what is checked here is where each format goes (the formats: test_export_*)
    proc = run("export", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert not (tmp_path / "policygraph.graphml").exists()
    assert all("schema" in json.loads(line) for line in (tmp_path / "policygraph.ftm.json").read_text().splitlines())
    refused = run("export", "--format", "csv", "-o", "x.csv")
    assert refused.returncode == 2 and "a .zip or a directory" in refused.stderr
    assert not (tmp_path / "x.csv").exists()


def test_csv_goes_into_a_directory_or_a_zip(tmp_path):
    body = csv_zip([{"id": "bis", "name": "BIS", "type": "Authority"}], [], [])
    assert write_export("csv", body, tmp_path / "bulk") == tmp_path / "bulk"
    assert sorted(p.name for p in (tmp_path / "bulk").iterdir()) == sorted(FILES)
    write_export("csv", body, tmp_path / "graph.zip")
    assert sorted(zipfile.ZipFile(tmp_path / "graph.zip").namelist()) == sorted(FILES)
