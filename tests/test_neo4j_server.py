"""The real Neo4j test server (scripts/neo4j-server) starts, talks Bolt to the official driver, and stops.

Skipped when java/mvn are missing, unless POLICYGRAPH_REQUIRE_NEO4J=1 (CI), where that is a failure.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from scripts.neo4j_server import Neo4jServer, skip_unless_available

pytestmark = pytest.mark.neo4j


@pytest.fixture(scope="module")
def server() -> Iterator[Neo4jServer]:
    skip_unless_available()
    with Neo4jServer() as started:
        yield started


def test_create_and_read_node_over_bolt(server: Neo4jServer) -> None:
    assert server.uri == f"bolt://127.0.0.1:{server.port}"
    with server.driver() as driver:
        driver.verify_connectivity()
        info = driver.get_server_info()
        assert info.agent.startswith("Neo4j/5.26.")
        driver.execute_query(
            "MERGE (c:Country {name: $name}) SET c.iso = $iso",
            name="Iran",
            iso="IR",
        )
        records, _, _ = driver.execute_query(
            "MATCH (c:Country {name: $name}) RETURN c.name AS name, c.iso AS iso",
            name="Iran",
        )
    assert [(r["name"], r["iso"]) for r in records] == [("Iran", "IR")]


def test_second_server_runs_alongside_and_stops_cleanly(server: Neo4jServer, tmp_path: Path) -> None:
    # Tests may run in parallel: a second server on its own port and data dir must not see the first
    # one's nodes. A given data dir is kept after stop, so its log shows how it shut down.
    other = Neo4jServer(data_dir=tmp_path).start()
    try:
        assert other.port != server.port
        with other.driver() as driver:
            records, _, _ = driver.execute_query("MATCH (c:Country) RETURN count(c) AS n")
        assert records[0]["n"] == 0
        pid = other.pid
        assert pid is not None
    finally:
        other.stop()
    assert not other.is_running()
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # the JVM is gone, not just detached
    log = (tmp_path / "neo4j.log").read_text()
    assert "NEO4J_READY" in log
    assert "neo4j-server: stopped" in log  # the shutdown hook closed the store
    assert (tmp_path / "home" / "data" / "databases" / "neo4j").is_dir()
    assert server.is_running()  # stopping one server leaves the other alone
