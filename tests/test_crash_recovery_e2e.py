"""Issue 10 end to end: the real command line against a real embedded FalkorDB whose server is killed with
SIGKILL in the middle of a batch (defects 1 and 4), and the real API against FalkorDB under the issue's exact
stalling queries (defect 6).

The kill is the one thing that needs a hook: a timed kill on a small input lands anywhere (or nowhere), so the
`policygraph` command runs in a subprocess whose FalkorDBStore kills its own server (`kill -9` of the
redis-server pid) between two statements of a batch that holds a chosen document - the real server, really
killed, half a batch written. Everything else (reading, the spaCy model, the writes, the restart) is the real
code path of `policygraph ingest`.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

# Runs `policygraph ingest` (api.cli.main, the console script) with a store that kills its server with SIGKILL
# after the first statement of any batch holding a document whose source ends with $PG_KILL_SOURCE (so the
# chunk fails half written, and that document alone kills it again when isolated). $PG_KILL_PID names the
# server to kill when the store does not own it (an external unix:// server).
_KILLING_CLI = """
import os, signal, sys
from graph.falkordb_store import FalkorDBStore
write, write_chunk = FalkorDBStore.write, FalkorDBStore._write_chunk
marker = os.environ["PG_KILL_SOURCE"]

def killing_write(self, batch):
    self._pg_statements = 0
    self._pg_kill = any(str(d.get("source", "")).endswith(marker) for d in batch.documents)
    return write(self, batch)

def killing_write_chunk(self, statement, rows):
    self._pg_statements = getattr(self, "_pg_statements", 0) + 1
    if getattr(self, "_pg_kill", False) and self._pg_statements == 2:
        pid = self.server.pid if self.server is not None else int(os.environ["PG_KILL_PID"])
        os.kill(pid, signal.SIGKILL)
    return write_chunk(self, statement, rows)

FalkorDBStore.write, FalkorDBStore._write_chunk = killing_write, killing_write_chunk
from api.cli import main
sys.argv = ["policygraph", *sys.argv[1:]]
main()
"""

# Public-domain sentences (Treasury press releases), one document a file.
TEXTS = {
    "a.txt": "Treasury designated Acme Trading LLC pursuant to Executive Order 13224 for supporting Hizballah.",
    "b.txt": "OFAC sanctioned Beta Shipping Company under Executive Order 13846 for transporting Iranian oil.",
    "killer.txt": "Treasury designated Gamma Holdings Ltd pursuant to Executive Order 14024.",
    "d.txt": "OFAC designated Delta Petroleum FZE under Executive Order 13902 for its role in Iranian trade.",
    "e.txt": "Treasury sanctioned Epsilon Bank pursuant to Executive Order 13661 today.",
}


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICYGRAPH_")}
    env.update(POLICYGRAPH_HOME=str(home), COLUMNS="400", **extra)  # wide: a wrapped line is not two lines
    return env


def _run(args: list[str], env: dict[str, str], hook: bool) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-c", _KILLING_CLI, *args] if hook else [sys.executable, "-c",
                                                                     "from api.cli import main; main()", *args]
    return subprocess.run(["timeout", "300", *cmd], cwd=REPO, env=env, capture_output=True, text=True)


def _stop_server(home: Path) -> None:
    """No redis-server outlives the test: the CLI stops the one it started, this is the safety net."""
    for path in home.glob("**/server.json"):
        with contextlib.suppress(OSError, ValueError):
            pid = int(json.loads(path.read_text()).get("pid", 0))
            if b"redis-server" in Path(f"/proc/{pid}/cmdline").read_bytes():  # never a recycled pid
                os.kill(pid, signal.SIGKILL)


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text + "\n", encoding="utf-8")
    return folder


def _failed_lines(stderr: str) -> list[str]:
    return [ln for ln in stderr.splitlines() if ln.startswith("failed ")]


def test_cli_ingest_survives_the_server_killed_mid_batch(tmp_path: Path, inputs: Path) -> None:
    """Defect 1: the server dies under a batch. The run restarts it, names the batch, finds the document that
    kills it, stores the others and exits 1 with one line for that document; a re-run completes the store."""
    home = tmp_path / "home"
    try:
        first = _run(["ingest", str(inputs), "--processes", "1", "--json"],
                     _env(home, PG_KILL_SOURCE="killer.txt"), hook=True)
        assert first.returncode == 1, first.stderr[-3000:]
        assert "Traceback" not in first.stderr, first.stderr[-3000:]
        failed = _failed_lines(first.stderr)
        assert len(failed) == 1 and "killer.txt" in failed[0], first.stderr[-3000:]
        assert "crashed the store" in failed[0] and "batch of 5" in failed[0]
        report = json.loads(first.stdout)
        assert report["documents_new"] == 4 and report["documents_failed"] == 1

        again = _run(["ingest", str(inputs), "--processes", "1", "--json"], _env(home), hook=False)
        assert again.returncode == 0, again.stderr[-3000:]
        report = json.loads(again.stdout)
        assert report["documents_new"] == 1 and report["documents_unchanged"] == 4

        from graph.embedded import EmbeddedServer
        from graph.falkordb_store import FalkorDBStore
        from policygraph.settings import Settings

        server = EmbeddedServer.acquire(home)
        store = FalkorDBStore(server=server, graph_name=Settings(home=home).graph_name)
        try:
            docs = store.query("MATCH (d:Document) RETURN d.source AS source")
            assert sorted(Path(r["source"]).name for r in docs) == sorted(TEXTS)
            for label in ("Document", "Entity", "Action"):
                dupes = store.query(f"MATCH (n:{label}) WITH n.id AS id, count(*) AS c WHERE c > 1 RETURN id")
                assert dupes == [], (label, dupes)
            assert store.query("MATCH (e:Entity) WHERE e.name CONTAINS 'Gamma' RETURN e.id AS id")
        finally:
            store.close()
            server.stop()
    finally:
        _stop_server(home)


def test_cli_store_lost_mid_ingest_is_one_line_exit_3(tmp_path: Path, inputs: Path) -> None:
    """Defect 4: a store that dies mid-ingest and cannot be restarted from here (an external server, given as
    unix://) stops the run with one line on stderr, no traceback, exit 3 (README, Exit codes)."""
    from graph.embedded import EmbeddedServer

    server_home = tmp_path / "external"
    server = EmbeddedServer.acquire(server_home)
    try:
        run = _run(["ingest", str(inputs), "--processes", "1", "--store", f"unix://{server.socket_path}"],
                   _env(tmp_path / "home", PG_KILL_SOURCE=".txt", PG_KILL_PID=str(server.pid)), hook=True)
    finally:
        server.stop()
        _stop_server(server_home)
    assert run.returncode == 3, run.stderr[-3000:]
    assert "Traceback" not in run.stderr, run.stderr[-3000:]
    errors = [ln for ln in run.stderr.splitlines() if "store error" in ln]
    assert len(errors) == 1 and "re-run to resume" in errors[0], run.stderr[-3000:]


# ------------------------------------------------------------------------------ defect 6: POST /cypher

TIMEOUT_MS = 5000
STALLERS = ["UNWIND range(1,100000000) AS x RETURN x",
            "RETURN reduce(s=0, x IN range(1,100000000) | s+x)"]


@pytest.fixture
def falkordb_client(tmp_path: Path) -> Iterator:
    from fastapi.testclient import TestClient

    from api.app import create_app
    from graph.embedded import EmbeddedServer
    from graph.falkordb_store import FalkorDBStore
    from policygraph.settings import Settings

    server = EmbeddedServer.acquire(tmp_path / "home")
    store = FalkorDBStore(server=server, graph_name="stall", batch_size=5000)
    store.setup_schema()
    try:
        yield TestClient(create_app(store, Settings(home=tmp_path, query_timeout_ms=TIMEOUT_MS)))
    finally:
        store.close()
        server.stop()


@pytest.mark.parametrize("query", STALLERS)
def test_cypher_stallers_are_stopped_within_the_timeout(falkordb_client, query: str) -> None:
    started = time.perf_counter()
    r = falkordb_client.post("/cypher", json={"query": query})
    elapsed = time.perf_counter() - started
    assert r.status_code in (403, 422, 504), r.text  # refused, memory cap, or timeout: never a 200
    assert elapsed < TIMEOUT_MS / 1000 + 1.0, elapsed  # the issue saw 9.4 s and 8.5 s


def test_health_answers_while_three_stallers_run(falkordb_client) -> None:
    statuses: list[int] = []
    threads = [threading.Thread(target=lambda q=q: statuses.append(
        falkordb_client.post("/cypher", json={"query": q}).status_code)) for q in [*STALLERS, STALLERS[0]]]
    for t in threads:
        t.start()
    time.sleep(0.3)  # the queries are in the store
    started = time.perf_counter()
    health = falkordb_client.get("/health")
    elapsed = time.perf_counter() - started
    for t in threads:
        t.join()
    assert health.status_code == 200 and elapsed < 1.5, elapsed  # the issue saw 9.9 s
    assert 200 not in statuses, statuses
