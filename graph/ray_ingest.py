"""Extraction on a Ray cluster: the same ingest run (graph.ingest_run), with `extract_batch` on Ray actors.

`policygraph ingest ... --cluster auto|ray://HOST:PORT` hands `ingest_documents` a `RayExtractor` instead of
the local process pool. Everything else is the single-machine run, unchanged: the driver drops documents
already stored before a chunk is sent, one writer thread writes each result through graph.chunk_writer (one
store connection, batched transactions), and a document counts only once its write has returned.

What runs where:
- each actor (one CPU) loads the spaCy model once and turns chunks of Documents into Extractions, the pure
  function `ingest.pipeline.extract_batch`; the driver never loads the model;
- a worker that dies (process killed, node lost) is restarted by Ray and its chunk is sent again
  (`max_restarts`, `max_task_retries`); a chunk that still fails comes back as an error, and the run
  extracts its documents one at a time (on the actors) so that only the document at fault fails;
- small chunks go out (the actors stay evenly loaded; press releases differ tenfold in length), and the
  finished ones are handed to the writer in input order, in groups of about `write_docs` documents, so a
  store takes a few large transactions rather than many small ones, in the order a one-process run writes.

Ray is an optional dependency (`pip install 'policygraph[cluster]'`); the cluster's nodes need the same
PolicyGraph and spaCy model installed (for `ray://` the driver also ships its own graph/ingest/policygraph
code with the job, so a changed checkout runs as it is).
"""

from __future__ import annotations

import gc
import logging
import os
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ingest.contract import Extraction
from ingest.documents import Document

AUTO = "auto"
RAY_SCHEME = "ray://"
# A worker killed mid-chunk: its chunk runs again on the restarted actor this many times before it counts
# as failed (and its documents are retried one by one).
TASK_RETRIES = 2
CHUNK_DOCS = 4  # documents a task: small, so the workers stay evenly loaded to the end of the run
IN_FLIGHT_PER_WORKER = 3  # chunks sent ahead a worker: results are taken in order, a long one must not idle the rest
LOCAL_OBJECT_STORE_BYTES = 256 * 1024**2  # a local runtime: results are small; Ray's default is 30% of RAM
# A local runtime with what this run does not use turned off: no metrics export (the raylet and every worker
# would report to the dashboard agent every few seconds) and no timeline events, so the cores go to the
# workers. Ray also starts its workers at niceness 15 (so that its own processes stay responsive); here the
# workers are the job: at 15 each got ~1.5% of a CPU next to other work (load average 25), a `--processes`
# worker gets its fair share, so they run at the driver's priority.
LOCAL_SYSTEM_CONFIG = {"enable_metrics_collection": False, "enable_timeline": False, "worker_niceness": 0}
# Ray waits a fixed 30 s for a new local raylet to register; on a busy machine it can take longer. The start is
# retried (the half-started runtime shut down first) rather than failing the ingest with exit 3.
START_ATTEMPTS = 3
STARTUP_TIMEOUT_TEXT = "timed out during startup"


class ClusterError(RuntimeError):
    """Ray is missing, or the cluster cannot be reached or cannot run the workers."""


def check_address(value: str) -> str:
    """`auto` (a Ray runtime on this machine) or `ray://HOST:PORT` (Ray Client); ValueError otherwise."""
    value = value.strip()
    if value == AUTO:
        return value
    rest = value[len(RAY_SCHEME):] if value.startswith(RAY_SCHEME) else ""
    host, _, port = rest.rpartition(":")
    if not host or not port.isdigit():
        raise ValueError(f"--cluster must be 'auto' or ray://HOST:PORT, not {value!r}")
    return value


def embedded_note(store_uri: str | None) -> str | None:
    """The one line `--cluster` prints when the store is the embedded FalkorDB (None for any other store)."""
    if store_uri:
        return None
    return ("note: the embedded FalkorDB store is the single-machine default; extraction runs on Ray, writes go "
            "to this machine's data directory (give --store neo4j://... for a cluster-sized graph)")


class _Worker:
    """One Ray actor: the model, loaded once, and the pure extraction function."""

    def __init__(self, model: str, fast_rules: bool, nlp_batch_size: int) -> None:
        from ingest.pipeline import build_nlp

        self.nlp = build_nlp(model, fast_rules)
        self.nlp_batch_size = nlp_batch_size
        gc.freeze()  # the model's ~100k long-lived objects out of the collector's view (as graph.ingest_run)

    def ready(self) -> int:
        return os.getpid()

    def extract(self, documents: list[Document]) -> list[Extraction]:
        from ingest.pipeline import extract_batch

        return extract_batch(self.nlp, documents, batch_size=self.nlp_batch_size)


class RayExtractor:
    """`graph.ingest_run.Extractor`'s interface (context manager, `map`, `extract_one`) on Ray actors."""

    def __init__(self, address: str, model: str, *, workers: int | None = None, nlp_batch_size: int = 32,
                 fast_rules: bool = True, write_docs: int = 32) -> None:
        self.address = check_address(address)
        self.model, self.fast_rules, self.nlp_batch_size = model, fast_rules, nlp_batch_size
        self.workers = workers
        self.write_docs = max(1, write_docs)
        self.actors: list[Any] = []
        self.worker_pids: list[int] = []  # process ids of the workers as started (a restarted one gets a new pid)
        self.chunks_sent = 0  # chunks submitted to the actors (0 on a re-run with nothing new)
        self._owns_runtime = False
        self._ray: Any = None
        self._depth = 0  # entered by the caller too: the workers (and their loaded models) serve every ingest

    # ------------------------------------------------------------------------------------- lifecycle
    def __enter__(self) -> RayExtractor:
        try:
            import ray
        except ImportError as exc:
            raise ClusterError("--cluster needs Ray: pip install 'policygraph[cluster]'") from exc
        self._ray = ray
        self._depth += 1
        return self

    def _connect(self, ray: Any) -> None:
        quiet = {"logging_level": logging.ERROR, "log_to_driver": False, "include_dashboard": False}
        try:
            if self.address == AUTO:
                try:  # a runtime already started on this machine (`ray start --head`), else a new local one
                    ray.init(address="auto", **quiet)
                except ConnectionError:
                    self._start_local(ray, quiet)
            else:
                import graph
                import ingest
                import policygraph

                # Ray Client: ship this checkout's code with the job; the nodes provide the dependencies.
                runtime_env = {"py_modules": [str(Path(m.__file__).parent) for m in (graph, ingest, policygraph)]}
                ray.init(address=self.address, runtime_env=runtime_env, logging_level=logging.ERROR)
        except Exception as exc:
            raise ClusterError(f"cannot reach the Ray cluster at {self.address}: {_line(exc)}") from exc

    def _start_local(self, ray: Any, quiet: dict[str, Any]) -> None:
        for attempt in range(1, START_ATTEMPTS + 1):
            try:
                ray.init(num_cpus=self.workers or os.cpu_count() or 1, object_store_memory=LOCAL_OBJECT_STORE_BYTES,
                         _system_config=LOCAL_SYSTEM_CONFIG, **quiet)
                return
            except Exception as exc:
                if STARTUP_TIMEOUT_TEXT not in str(exc) or attempt == START_ATTEMPTS:
                    raise
                ray.shutdown()  # the GCS and raylet this attempt started, before the next one starts its own

    def _start_workers(self) -> None:
        # Started with the first chunk: a re-run where every document is already stored starts nothing.
        ray = self._ray
        if not ray.is_initialized():
            self._connect(ray)
            self._owns_runtime = True
        if self.workers is None:
            self.workers = max(1, int(ray.cluster_resources().get("CPU", 1)))
        remote = ray.remote(num_cpus=1, max_restarts=-1, max_task_retries=TASK_RETRIES)(_Worker)
        self.actors = [remote.remote(self.model, self.fast_rules, self.nlp_batch_size)
                       for _ in range(self.workers)]
        try:  # the model loads now, on every worker at once; a missing model is one error, not one a chunk
            self.worker_pids = ray.get([a.ready.remote() for a in self.actors])
        except Exception as exc:
            raise ClusterError(f"the Ray workers could not load the model {self.model!r}: {_line(exc)}") from exc

    def __exit__(self, *exc: object) -> None:
        ray = self._ray
        self._depth -= 1
        if ray is None or self._depth > 0:
            return
        for actor in self.actors:
            ray.kill(actor)
        self.actors = []
        if self._owns_runtime:
            ray.shutdown()
            self._owns_runtime = False

    # ---------------------------------------------------------------------------------------- work
    def map(self, chunks: Iterable[list[Document]]) -> Iterator[tuple[list[Document], list[Extraction] | Exception]]:
        """Yield (documents, extractions or the error) in the order the chunks came, finished chunks grouped up to
        `write_docs` documents. In order, as the process pool does: the store sees the documents in the order of
        a one-process run, so where the graph depends on that order (an id read as two entity types keeps the
        first) it is the same graph."""
        ray = self._ray
        pending: deque[tuple[Any, list[Document], int]] = deque()  # (result ref, chunk, actor index), oldest first
        group: tuple[list[Document], list[Extraction]] = ([], [])

        def oldest() -> Iterator[tuple[list[Document], list[Extraction] | Exception]]:
            nonlocal group
            ref, chunk, _ = pending.popleft()
            try:
                result = ray.get(ref)
            except Exception as exc:  # the caller extracts this chunk's documents one by one
                if group[0]:
                    yield group  # what came before it first: the order holds
                    group = ([], [])
                yield chunk, exc
                return
            group[0].extend(chunk)
            group[1].extend(result)
            if len(group[0]) >= self.write_docs:
                yield group
                group = ([], [])

        for chunk in chunks:
            if not self.actors:
                self._start_workers()
            while len(pending) >= IN_FLIGHT_PER_WORKER * len(self.actors):
                yield from oldest()
            index = self._least_busy(pending)
            pending.append((self.actors[index].extract.remote(chunk), chunk, index))
            self.chunks_sent += 1
        while pending:
            yield from oldest()
        if group[0]:
            yield group

    def _least_busy(self, pending: deque[tuple[Any, list[Document], int]]) -> int:
        """The actor with the fewest unfinished chunks (results wait in order, so count what is not ready)."""
        busy = [0] * len(self.actors)
        if pending:
            refs = {ref: index for ref, _, index in pending}
            _, running = self._ray.wait(list(refs), num_returns=len(refs), timeout=0)
            for ref in running:
                busy[refs[ref]] += 1
        return min(range(len(busy)), key=busy.__getitem__)

    def extract_one(self, document: Document) -> Extraction:
        """One document of a failed chunk, on a worker (the driver holds no model)."""
        if not self.actors:
            self._start_workers()
        actor = self.actors[self.chunks_sent % len(self.actors)]
        self.chunks_sent += 1
        return self._ray.get(actor.extract.remote([document]))[0]


def _line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 300 else text[:297] + "..."
