"""The embedded FalkorDB server: one per data directory, shared between processes, persistent, recoverable."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from graph.embedded import EmbeddedServer, _is_redis_server, _pid_alive
from graph.factory import open_store
from policygraph.settings import Settings
from queries import run

REPO = Path(__file__).resolve().parents[1]


def _server_running(pid: int) -> bool:
    return _pid_alive(pid) and _is_redis_server(pid)


def _wait_gone(pid: int, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while Path(f"/proc/{pid}").exists() and time.monotonic() < deadline:
        time.sleep(0.05)


def _settings() -> Settings:
    return Settings(graph_name="embedded_test")


def _open(home: Path):
    return open_store(None, _settings(), home=home)


def _child(home: Path, body: str) -> dict:
    """Run `body` in another Python process with `store` open on `home`; it prints one JSON line."""
    code = textwrap.dedent(
        f"""
        import json
        from pathlib import Path
        from graph.factory import open_store
        from policygraph.settings import Settings
        store = open_store(None, Settings(graph_name="embedded_test"), home=Path({str(home)!r}))
        """
    ) + textwrap.dedent(body)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=REPO)
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_same_process_shares_one_server(tmp_path):
    a = _open(tmp_path)
    b = _open(tmp_path)
    try:
        assert a.server is b.server and a.server.started_here
        a.query("CREATE (:Scratch {id: 'x'})", read_only=False)
        assert b.query("MATCH (s:Scratch) RETURN s.id AS id") == [{"id": "x"}]
    finally:
        a.close()
        assert _pid_alive(b.server.pid)  # b still uses it
        b.close()
    assert not _server_running(a.server.pid)
    assert not (tmp_path / "falkordb" / "server.json").exists()


def test_second_process_connects_to_the_running_server(tmp_path):
    store = _open(tmp_path)
    try:
        pid = store.server.pid
        state = json.loads((tmp_path / "falkordb" / "server.json").read_text())
        assert state["pid"] == pid and state["started_by"] == os.getpid()
        child = _child(tmp_path, """
            store.query("CREATE (:Scratch {id: 'from-child'})", read_only=False)
            print(json.dumps({"pid": store.server.pid, "started_here": store.server.started_here}))
            store.close()
        """)
        assert child == {"pid": pid, "started_here": False}
        # The child's exit did not stop the server we still use, and its write is there.
        assert _pid_alive(pid)
        assert store.query("MATCH (s:Scratch) RETURN s.id AS id") == [{"id": "from-child"}]
    finally:
        store.close()
    assert not _server_running(pid)


def test_last_user_stops_a_server_another_process_started(tmp_path):
    child = _child(tmp_path, """
        import os, subprocess, sys, time
        srv = store.server
        # Another client is still connected when the starter is done: the starter must leave it running.
        keeper = subprocess.Popen([sys.executable, "-c",
            "import redis, sys, time; r = redis.Redis(unix_socket_path=sys.argv[1]); r.ping(); time.sleep(2)",
            srv.socket_path])
        deadline = time.time() + 20
        while len(store._db.connection.client_list()) < 2 and time.time() < deadline:
            time.sleep(0.05)
        pid = srv.pid
        store.close()
        print(json.dumps({"pid": pid, "keeper": keeper.pid, "alive_after_close": os.path.exists(f"/proc/{pid}")}))
    """)
    assert child["alive_after_close"], "the starter stopped a server another client was using"
    _wait_gone(child["keeper"])
    store = _open(tmp_path)  # attaches to the running, orphaned server ...
    try:
        assert store.server.pid == child["pid"] and not store.server.started_here
    finally:
        store.close()  # ... and, as its last user, stops it
    assert not _server_running(child["pid"])


def test_stale_lock_is_recovered(tmp_path):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    state_dir = tmp_path / "falkordb"
    state_dir.mkdir(parents=True)
    sock = EmbeddedServer(tmp_path).socket_path
    (state_dir / "server.json").write_text(json.dumps({"pid": dead.pid, "socket": sock, "started_by": dead.pid}))
    Path(sock).write_text("stale socket file")
    store = _open(tmp_path)
    try:
        assert store.server.pid != dead.pid and store.server.started_here
        state = json.loads((state_dir / "server.json").read_text())
        assert state["pid"] == store.server.pid
        assert store.query("RETURN 1 AS one") == [{"one": 1}]
    finally:
        store.close()


def test_data_survives_a_restart_with_appendonly(tmp_path, rich_batch):
    store = _open(tmp_path)
    try:
        config = store._db.connection.config_get("appendonly")
        assert config == {"appendonly": "yes"}
        store.write(rich_batch)
        before = store.counts()
        first_pid = store.server.pid
    finally:
        store.close()
    assert not _server_running(first_pid)
    assert (tmp_path / "falkordb" / "appendonlydir").is_dir()

    store = _open(tmp_path)
    try:
        assert store.server.pid != first_pid
        assert store.counts() == before
        assert store.known_document_ids(rich_batch.document_ids) == set(rich_batch.document_ids)
        assert run(store, "search_entities", {"q": "bis"})[0]["id"] == "bis"  # indexes came back too
    finally:
        store.close()


def test_killed_server_is_replaced(tmp_path):
    store = _open(tmp_path)
    pid = store.server.pid
    store.close()
    assert not _server_running(pid)
    # A server that died without cleaning up (SIGKILL) leaves server.json behind: simulate it.
    (tmp_path / "falkordb" / "server.json").write_text(
        json.dumps({"pid": pid, "socket": EmbeddedServer(tmp_path).socket_path, "started_by": 1})
    )
    store = _open(tmp_path)
    try:
        assert store.server.pid != pid
    finally:
        store.close()


def test_unknown_store_uri_is_a_clear_error():
    with pytest.raises(ValueError, match="unsupported store URI"):
        open_store("http://localhost:1234", _settings())


def test_external_falkordb_uri_reaches_the_same_server(tmp_path):
    embedded = _open(tmp_path)
    try:
        embedded.query("CREATE (:Scratch {id: 'shared'})", read_only=False)
        external = open_store(f"unix://{embedded.server.socket_path}", _settings())
        try:
            assert external.name == "falkordb" and external.server is None
            assert external.query("MATCH (s:Scratch) RETURN s.id AS id") == [{"id": "shared"}]
        finally:
            external.close()
        assert _server_running(embedded.server.pid)  # an external client never stops the server
    finally:
        embedded.close()
    assert not _server_running(embedded.server.pid)  # and, once closed, does not keep it alive
