"""Ingest orchestration: documents -> extraction (in this process or worker processes) -> batched store writes.

The unit of work is a chunk of documents: `extract_batch` turns it into Extractions (a pure function, run
wherever), `graph.batch.build_batch` turns those into rows, the store writes them in batched transactions.
A document is marked complete only by its own write, so a crash mid-run leaves a store that the next run
completes, and a re-run skips what is already there.
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from itertools import islice
from multiprocessing import get_context

from pydantic import BaseModel, Field

from graph.chunk_writer import ChunkOutcome, StoreUnavailable, isolate, write_chunk
from graph.store import StoreError
from ingest.contract import Extraction
from ingest.documents import Document, document_problem
from ingest.readers import ReadFailure

ProgressCallback = Callable[[int, int], None]  # (documents done, tokens done) increments


class Failure(BaseModel):
    source: str
    reason: str


class IngestReport(BaseModel):
    documents_new: int = 0
    documents_unchanged: int = 0
    documents_failed: int = 0
    entities: int = 0
    actions: int = 0
    relations: int = 0
    tokens: int = 0
    seconds: float = 0.0
    failures: list[Failure] = Field(default_factory=list)
    document_ids: list[str] = Field(default_factory=list, description="ids of the documents new in this run")

    @property
    def ok(self) -> bool:
        return self.documents_failed == 0


# --- worker side: one model per process, loaded once -------------------------------------------------

_WORKER_NLP = None


def _init_worker(model: str, fast_rules: bool) -> None:
    global _WORKER_NLP  # per-process cache of the loaded model, set once by the pool initializer
    _WORKER_NLP = _load_model(model, fast_rules)


def _load_model(model: str, fast_rules: bool):
    from ingest.pipeline import build_nlp

    nlp = build_nlp(model, fast_rules)
    # The model, lexicons and tries are ~100k long-lived objects that every full garbage collection would walk
    # again while documents stream through (measured: 1.5 s of GC per 60 releases, 0.27 s once frozen).
    # Freezing moves them out of the collector's view; they live as long as the process anyway.
    gc.freeze()
    return nlp


def _extract_in_worker(documents: list[Document], nlp_batch_size: int) -> list[Extraction]:
    from ingest.pipeline import extract_batch

    return extract_batch(_WORKER_NLP, documents, batch_size=nlp_batch_size)


class Extractor:
    """Runs `extract_batch` in this process (processes=1) or in a pool of worker processes."""

    def __init__(self, model: str, processes: int = 1, nlp_batch_size: int = 32, nlp=None, fast_rules: bool = True):
        self.model = model
        self.fast_rules = fast_rules
        self.processes = max(1, processes)
        self.nlp_batch_size = nlp_batch_size
        self._nlp = nlp
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> Extractor:
        if self.processes > 1:
            # spawn, not fork: the parent may hold store connections and threads that must not be copied.
            self._pool = ProcessPoolExecutor(
                max_workers=self.processes, mp_context=get_context("spawn"),
                initializer=_init_worker, initargs=(self.model, self.fast_rules),
            )
        return self

    @property
    def nlp(self):
        # Loaded on first use: a re-run where every document is already stored loads no model.
        if self._nlp is None:
            self._nlp = _load_model(self.model, self.fast_rules)
        return self._nlp

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def map(self, chunks: Iterable[list[Document]]) -> Iterator[tuple[list[Document], list[Extraction] | Exception]]:
        """Yield (chunk, extractions or the error) for each chunk, keeping a bounded number in flight."""
        if self._pool is None:
            for chunk in chunks:
                # imported with the first chunk: a re-run with nothing new never pays for importing spaCy
                from ingest.pipeline import extract_batch

                try:
                    yield chunk, extract_batch(self.nlp, chunk, batch_size=self.nlp_batch_size)
                except Exception as exc:  # reported per document by the caller
                    yield chunk, exc
            return
        in_flight: list[tuple[list[Document], Future]] = []
        for chunk in chunks:
            in_flight.append((chunk, self._pool.submit(_extract_in_worker, chunk, self.nlp_batch_size)))
            if len(in_flight) >= 4 * self.processes:
                yield self._result(*in_flight.pop(0))
        for item in in_flight:
            yield self._result(*item)

    @staticmethod
    def _result(chunk: list[Document], fut: Future) -> tuple[list[Document], list[Extraction] | Exception]:
        try:
            return chunk, fut.result()
        except Exception as exc:
            return chunk, exc

    def extract_one(self, document: Document) -> Extraction:
        """Isolate a failing document of a chunk (runs in this process)."""
        from ingest.pipeline import extract_batch

        return extract_batch(self.nlp, [document], batch_size=1)[0]


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _tokens(documents: Iterable[Document]) -> int:
    return sum(len(d.text.split()) for d in documents)


def ingest_documents(
    store,
    documents: Iterable[Document | ReadFailure],
    settings=None,
    *,
    processes: int | None = None,
    chunk_size: int | None = None,
    nlp=None,
    on_progress: ProgressCallback | None = None,
    extractor=None,
) -> IngestReport:
    """Ingest documents (and record read failures) into `store`; returns what happened. `extractor`: any
    object with Extractor's context-manager, `map` and `extract_one` (graph.ray_ingest runs them on Ray)."""
    from policygraph.settings import get_settings

    settings = settings or get_settings()
    processes = processes or settings.processes
    # One process: chunks as large as an nlp.pipe batch. Several: small chunks, so the workers stay evenly
    # loaded to the end of the run (press releases differ tenfold in length) and results stream back.
    chunk_size = chunk_size or (max(settings.nlp_batch_size, 8) if processes == 1 else 4)
    report = IngestReport()
    started = time.perf_counter()
    entity_ids: set[str] = set()
    action_ids: set[str] = set()
    seen: set[str] = set()

    def fresh(items: Iterable[Document | ReadFailure]) -> Iterator[list[Document]]:
        # Dedupe within the run and against the store before any model time is spent.
        for chunk in _chunks(items, chunk_size):
            docs: list[Document] = []
            for item in chunk:
                if isinstance(item, ReadFailure):
                    failed(item, item.reason)
                elif (why := document_problem(item)) is not None:  # too long, or a NUL: one line, no E088
                    failed(item, why)
                elif item.id in seen:
                    report.documents_unchanged += 1
                else:
                    seen.add(item.id)
                    docs.append(item)
            known = store.known_document_ids([d.id for d in docs]) if docs else set()
            report.documents_unchanged += len(known)
            skipped = [d for d in docs if d.id in known]
            if skipped and on_progress:
                on_progress(len(skipped), 0)
            todo = [d for d in docs if d.id not in known]
            if todo:
                yield todo

    book = threading.Lock()  # the report is updated by the writer thread (as writes land) and by this one

    def failed(item: Document | ReadFailure, reason: str, progress: bool = True) -> None:
        with book:
            report.documents_failed += 1
            report.failures.append(Failure(source=item.source, reason=reason))
        if progress and on_progress:
            on_progress(1, 0)  # a failed input is done too: the bar reaches its total

    def settled(outcome: ChunkOutcome) -> None:
        # Counted only once the chunk's write has returned: the report never claims what the store lacks.
        docs = [d for d, _ in outcome.written]
        tokens = _tokens(docs)
        with book:
            report.documents_new += len(docs)
            report.document_ids.extend(d.id for d in docs)
            report.tokens += tokens
            for _, result in outcome.written:
                for ex in result:
                    entity_ids.update(e.id for e in ex.entities)
                    action_ids.update(a.id for a in ex.actions)
                    report.relations += len(ex.relations)
        for doc, reason in outcome.failed:
            failed(doc, reason, progress=False)
        if on_progress:
            on_progress(len(docs) + len(outcome.failed), tokens)

    def on_written(future: Future) -> None:
        # Runs in the writer thread the moment a write lands, so the progress bar follows the store, not the
        # extraction of the next chunk (it showed 0/60 while 32 documents were stored).
        if not future.cancelled() and future.exception() is None:
            settled(future.result())

    # One writer thread: chunk k is built into rows and written while chunk k+1 is extracted. The store's
    # work happens in its own server process (and the client waits on a socket without the GIL), so in one
    # process the writes cost almost no wall time. At most one write is pending; a failed write is retried
    # document by document (graph.chunk_writer), and only a store that cannot be brought back stops the run.
    try:
        with extractor or Extractor(
            settings.model, processes, settings.nlp_batch_size, nlp=nlp, fast_rules=settings.fast_model_rules
        ) as extractor, ThreadPoolExecutor(max_workers=1, thread_name_prefix="pg-writer") as writer:
            pending: list[tuple[Future, list[Document], list[Extraction]]] = []

            def settle() -> None:
                while pending:
                    future, done, result = pending.pop()
                    try:
                        future.result()
                    except StoreUnavailable:
                        raise
                    except Exception as exc:
                        outcome = isolate(store, done, result, exc)
                        settled(outcome)
                        if outcome.restarts:
                            _check_earlier_writes(store, report, book)

            for chunk, result in extractor.map(fresh(documents)):
                if isinstance(result, Exception):
                    result = _isolate(extractor, chunk, report)
                    chunk = [d for d in chunk if any(e.doc_id == d.id for e in result)]
                settle()
                if chunk:
                    future = writer.submit(write_chunk, store, chunk, result)
                    future.add_done_callback(on_written)
                    pending.append((future, chunk, result))
            settle()
    except (StoreUnavailable, StoreError) as exc:
        # The store is gone for good: stop, saying how far the run got. What was written stays written (every
        # document is marked complete by its own write), so a re-run resumes after it. A StoreError is one
        # line for the command line (exit 3) and a 503 for the API.
        raise StoreError(f"ingest stopped after {report.documents_new} new document(s): "
                         f"{' '.join(str(exc).split())}; re-run to resume") from exc
    report.entities = len(entity_ids)
    report.actions = len(action_ids)
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def _check_earlier_writes(store, report: IngestReport, book: threading.Lock) -> None:
    """After a restart: documents this run reported written must still be complete in the store (a server that
    crashed may lose its last second of writes); any that are not are reported, and a re-run redoes them."""
    with book:
        claimed = list(report.document_ids)
    kept = store.known_document_ids(claimed)
    lost = [d for d in claimed if d not in kept]
    if not lost:
        return
    with book:
        report.documents_new -= len(lost)
        report.documents_failed += len(lost)
        lost_set = set(lost)
        report.document_ids = [d for d in report.document_ids if d not in lost_set]
        report.failures.extend(Failure(source=d, reason="written, then lost when the store crashed; re-run the "
                                       "ingest to redo it") for d in lost)


def _isolate(extractor: Extractor, chunk: list[Document], report: IngestReport) -> list[Extraction]:
    """A chunk failed: extract its documents one by one, reporting the ones that fail, keeping the rest."""
    results = []
    for doc in chunk:
        try:
            results.append(extractor.extract_one(doc))
        except Exception as exc:
            report.documents_failed += 1
            report.failures.append(Failure(source=doc.source, reason=f"extraction failed: {exc!r}"))
    return results
