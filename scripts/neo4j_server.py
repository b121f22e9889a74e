"""Start a real, throwaway Neo4j 5.26 server for tests (embedded Neo4j with Bolt, see scripts/neo4j-server).

Each :class:`Neo4jServer` gets a fresh temporary data dir and a free loopback port, so several can run at
once. It is a loopback-only test server with auth disabled: connect with ``auth=None``.

    with Neo4jServer() as server:
        with neo4j.GraphDatabase.driver(server.uri, auth=server.auth) as driver:
            driver.verify_connectivity()

The JVM is started through ``scripts/neo4j-server.sh run`` (which builds the Maven project first when it is
out of date) in its own process group. It is stopped by :meth:`Neo4jServer.stop`, at interpreter exit
(atexit), and, if this process dies without running atexit (SIGKILL), by the server itself: it is told
our pid (NEO4J_WATCH_PID) and exits within a second once that pid is gone.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import IO

import neo4j
from neo4j.exceptions import AuthError, ServiceUnavailable

REPO_ROOT = Path(__file__).resolve().parents[1]
SCRIPT = REPO_ROOT / "scripts" / "neo4j-server.sh"
JAR = REPO_ROOT / "scripts" / "neo4j-server" / "target" / "neo4j-server.jar"
READY_LINE = "NEO4J_READY"

# A cold build downloads ~130 MB of jars; a warm one is a few seconds.
BUILD_TIMEOUT_S = 900.0


class Neo4jServerError(RuntimeError):
    """The server could not be built or did not become ready; the message carries the log tail."""


def unavailable_reason() -> str | None:
    """Why no server can be started here, or None when it can (java, plus mvn or an already built jar)."""
    if shutil.which("java") is None:
        return "java not found on PATH"
    if shutil.which("mvn") is None and not JAR.is_file():
        return "mvn not found on PATH and scripts/neo4j-server is not built"
    if not SCRIPT.is_file():
        return f"{SCRIPT} is missing"
    return None


def available() -> bool:
    """Whether java and mvn (or a built server jar) exist, i.e. a real Neo4j can be started."""
    return unavailable_reason() is None


def skip_unless_available() -> None:
    """For pytest fixtures: skip when no server can run here, but fail if POLICYGRAPH_REQUIRE_NEO4J=1 (CI)."""
    import pytest  # only test code calls this; keep pytest out of the runtime imports

    reason = unavailable_reason()
    if reason is None:
        return
    if os.environ.get("POLICYGRAPH_REQUIRE_NEO4J") == "1":
        pytest.fail(f"POLICYGRAPH_REQUIRE_NEO4J=1 but a real Neo4j cannot run here: {reason}")
    pytest.skip(f"real Neo4j unavailable: {reason}")


def build(timeout: float = BUILD_TIMEOUT_S) -> None:
    """Build the server jar if it is out of date (a no-op when it is current)."""
    try:
        result = subprocess.run(
            ["bash", str(SCRIPT), "build"],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise Neo4jServerError(f"building the Neo4j server took longer than {timeout:.0f} s") from exc
    if result.returncode != 0:
        raise Neo4jServerError(f"building the Neo4j server failed:\n{result.stderr[-4000:]}")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Neo4jServer:
    """One real Neo4j server process on 127.0.0.1 with its own data dir.

    ``port=None`` picks a free port; ``data_dir=None`` makes a temp dir that :meth:`stop` deletes
    (a given ``data_dir`` is kept). ``heap`` and ``page_cache`` bound the JVM's memory.
    """

    auth: None = None  # auth is disabled on this loopback test server

    def __init__(
        self,
        port: int | None = None,
        data_dir: str | os.PathLike[str] | None = None,
        *,
        heap: str = "512m",
        page_cache: str = "256m",
        startup_timeout: float = 120.0,
        stop_timeout: float = 60.0,
    ) -> None:
        self._requested_port = port
        self._given_dir = Path(data_dir) if data_dir is not None else None
        self.heap = heap
        self.page_cache = page_cache
        self.startup_timeout = startup_timeout
        self.stop_timeout = stop_timeout
        self.port: int = 0
        self.data_dir: Path | None = None
        self.log_path: Path | None = None
        self.startup_seconds: float | None = None
        self._process: subprocess.Popen[bytes] | None = None
        self._log_file: IO[bytes] | None = None

    @property
    def uri(self) -> str:
        if not self.port:
            raise Neo4jServerError("server not started")
        return f"bolt://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def is_running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def driver(self, **config: object) -> neo4j.Driver:
        """A new driver for this server; the caller closes it."""
        return neo4j.GraphDatabase.driver(self.uri, auth=self.auth, **config)

    def start(self) -> Neo4jServer:
        if self.is_running():
            return self
        reason = unavailable_reason()
        if reason is not None:
            raise Neo4jServerError(f"cannot start Neo4j: {reason}")
        build()
        if self._given_dir is not None:
            self._given_dir.mkdir(parents=True, exist_ok=True)
            self.data_dir = self._given_dir
        else:
            self.data_dir = Path(tempfile.mkdtemp(prefix="policygraph-neo4j-"))
        self.log_path = self.data_dir / "neo4j.log"
        # A free port can be taken between our probe and the JVM's bind; retry on a new one.
        attempts = 1 if self._requested_port else 3
        last_error: Neo4jServerError | None = None
        for _ in range(attempts):
            self.port = self._requested_port or free_port()
            try:
                self._launch_and_wait()
                return self
            except Neo4jServerError as exc:
                last_error = exc
                self._terminate()
                if "Address already in use" not in str(exc):
                    break
        self._cleanup_dir()
        assert last_error is not None
        raise last_error

    def _launch_and_wait(self) -> None:
        assert self.data_dir is not None and self.log_path is not None
        env = {
            **os.environ,
            "NEO4J_HOME_DIR": str(self.data_dir),
            "NEO4J_BOLT_PORT": str(self.port),
            "NEO4J_HEAP": self.heap,
            "NEO4J_PAGE_CACHE": self.page_cache,
            "NEO4J_WATCH_PID": str(os.getpid()),
        }
        log_file = open(self.log_path, "ab")  # noqa: SIM115 - lives as long as the process
        self._log_file = log_file
        started = time.monotonic()
        # Own process group: stop() signals the JVM and anything the script left, never our group.
        self._process = subprocess.Popen(
            ["bash", str(SCRIPT), "run"],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        atexit.register(self.stop)
        self._wait_for_bolt(started)
        self.startup_seconds = time.monotonic() - started

    def _wait_for_bolt(self, started: float) -> None:
        deadline = started + self.startup_timeout
        with neo4j.GraphDatabase.driver(
            self.uri, auth=self.auth, connection_timeout=2.0, max_connection_lifetime=30
        ) as driver:
            while True:
                assert self._process is not None
                if self._process.poll() is not None:
                    raise Neo4jServerError(
                        f"Neo4j exited with code {self._process.returncode} during startup "
                        f"(log {self.log_path}):\n{self.log_tail()}"
                    )
                # The ready line first: before it, connection attempts only burn CPU the JVM needs.
                if READY_LINE in self.log_tail(lines=20):
                    try:
                        driver.verify_connectivity()
                        return
                    except (ServiceUnavailable, AuthError, OSError):
                        pass
                if time.monotonic() > deadline:
                    raise Neo4jServerError(
                        f"Bolt did not answer on {self.uri} within {self.startup_timeout:.0f} s "
                        f"(log {self.log_path}):\n{self.log_tail()}"
                    )
                time.sleep(0.25)

    def log_tail(self, lines: int = 40) -> str:
        if self.log_path is None or not self.log_path.exists():
            return ""
        text = self.log_path.read_text(errors="replace")
        return "\n".join(text.splitlines()[-lines:])

    def rss_bytes(self) -> int | None:
        """Resident memory of the server JVM (Linux /proc), for measurements."""
        if not self.is_running() or self.pid is None:
            return None
        try:
            for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
        except OSError:
            return None
        return None

    def _terminate(self) -> None:
        process = self._process
        if process is None:
            return
        if process.poll() is None:
            # SIGTERM runs the JVM's shutdown hook: a clean store shutdown.
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=self.stop_timeout)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
        self._process = None
        if self._log_file is not None:
            self._log_file.close()
            self._log_file = None

    def _cleanup_dir(self) -> None:
        if self._given_dir is None and self.data_dir is not None:
            shutil.rmtree(self.data_dir, ignore_errors=True)
            self.data_dir = None

    def stop(self) -> None:
        """Shut the server down cleanly (SIGKILL after ``stop_timeout``) and delete a temp data dir."""
        with contextlib.suppress(Exception):
            atexit.unregister(self.stop)
        self._terminate()
        self._cleanup_dir()

    def __enter__(self) -> Neo4jServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
