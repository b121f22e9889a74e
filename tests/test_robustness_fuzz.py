"""The API under a fuzzer: the schemathesis command line against the real app served over real HTTP (uvicorn)
on the real embedded FalkorDB, every phase (examples, coverage incl. unsupported methods, fuzzing with valid
and invalid data, stateful links) and every check - any 5xx, an undocumented status code, content type or
header, a body that does not match its schema fails the test.

Not checked: that every schema-valid request is accepted (positive_data_acceptance). A cursor is an opaque
token the API issued, a Cypher query must parse, an id may be unknown: valid by the schema, rightly refused
with a documented 4xx.

Bounded: FUZZ_SECONDS of schemathesis's own time budget (POLICYGRAPH_FUZZ_SECONDS for a longer run).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from api_sample import load_sample

from api.app import create_app
from policygraph.settings import Settings

FUZZ_SECONDS = int(os.environ.get("POLICYGRAPH_FUZZ_SECONDS", "60"))
SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def served(falkordb_session_store, tmp_path) -> Iterator[str]:
    store = falkordb_session_store
    store.clear()
    load_sample(store)
    # writes off (no key configured): the fuzzer must not spend its budget loading spaCy and ingesting noise
    app = create_app(store, Settings(home=tmp_path, query_timeout_ms=2000))
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                           lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


def test_api_answers_every_request_as_documented(served: str, tmp_path: Path) -> None:
    if not SCHEMATHESIS.exists():
        pytest.fail(f"{SCHEMATHESIS} missing: pip install -e '.[dev]'")
    cmd = [str(SCHEMATHESIS), "run", f"{served}/openapi.json", "--max-time", str(FUZZ_SECONDS),
           "--exclude-checks", "positive_data_acceptance", "--workers", "1", "--seed", "10",
           "--continue-on-failure", "--request-timeout", "20", "--suppress-health-check", "all",
           "--output-truncate", "true"]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=FUZZ_SECONDS + 240, cwd=tmp_path,
                          env={**os.environ, "NO_COLOR": "1", "SCHEMATHESIS_TELEMETRY": "false"})
    summary = done.stdout[-12000:]
    assert done.returncode == 0, f"schemathesis found failures:\n{summary}\n{done.stderr[-2000:]}"
    assert "5xx" not in summary.lower() or "0 failures" in summary.lower()
