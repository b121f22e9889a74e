"""Writing one chunk of extracted documents to a store, so that no document can stop the run.

Three levels, each for what the one before cannot catch:
1. rows are checked before they are sent (graph.validate): a bad row fails its documents with the reason and
   the rest of the chunk is written;
2. a write the store refuses (a QueryError) is retried one document at a time: the documents it refuses fail,
   the others are written;
3. a store that dies under a write (FalkorDB segfaults on some values) is restarted (`store.recover()`, the
   embedded server only), the chunk is named and its documents are written one by one to find the one that
   kills it; that one fails ("crashed the store"), the server is restarted again and the run goes on.
A store that cannot be brought back (an external server that is down, Neo4j unreachable) stops the run with
`StoreUnavailable`: one line for the user, no traceback.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from graph import validate
from graph.batch import build_batch
from graph.store import QueryError, StoreError
from ingest.contract import Extraction
from ingest.documents import Document

log = logging.getLogger(__name__)


class StoreUnavailable(RuntimeError):
    """The store failed and could not be brought back: the run stops here."""


@dataclass
class ChunkOutcome:
    """What became of a chunk: the documents written (with their extractions) and the ones that failed."""

    written: list[tuple[Document, list[Extraction]]] = field(default_factory=list)
    failed: list[tuple[Document, str]] = field(default_factory=list)
    restarts: int = 0


def write_chunk(store, chunk: list[Document], result: list[Extraction]) -> ChunkOutcome:
    """Validate and write; raises the store's error untouched (the caller decides on isolation)."""
    outcome = ChunkOutcome()
    docs, exs = list(chunk), list(result)
    batch = build_batch(docs, exs)
    for _ in range(3):  # dropping a document can only remove rows: two rounds settle it, a third is a margin
        refused = validate.problems(batch)
        if not refused:
            break
        outcome.failed.extend((d, f"refused before writing: {refused[d.id]}") for d in docs if d.id in refused)
        docs = [d for d in docs if d.id not in refused]
        exs = [e for e in exs if e.doc_id not in refused]
        batch = build_batch(docs, exs)
    else:
        outcome.failed.extend((d, "refused before writing: rows kept failing validation") for d in docs)
        return outcome
    if batch.documents:
        batch.checked = True  # just checked above; the store's own hook need not walk the rows again
        store.write(batch)
    by_doc: dict[str, list[Extraction]] = {}
    for e in exs:
        by_doc.setdefault(e.doc_id, []).append(e)
    outcome.written.extend((d, by_doc[d.id]) for d in docs if d.id in by_doc)
    return outcome


def isolate(store, chunk: list[Document], result: list[Extraction], error: Exception) -> ChunkOutcome:
    """The chunk's write failed with `error`: bring the store back if it died, then write its documents one
    at a time; a document whose own write fails (or kills the store again) fails alone."""
    outcome = ChunkOutcome()
    sources = ", ".join(d.source for d in chunk[:3]) + (f" and {len(chunk) - 3} more" if len(chunk) > 3 else "")
    if _store_failure(error):
        log.warning("the store failed on a batch of %d document(s) (%s): %s", len(chunk), sources, _line(error))
        outcome.restarts += _recover(store, error)
    for doc in chunk:
        exs = [e for e in result if e.doc_id == doc.id]
        try:
            part = write_chunk(store, [doc], exs)
        except Exception as exc:
            if not _store_failure(exc):
                outcome.failed.append((doc, f"could not be written: {_line(exc)}"))
                continue
            restarted = _recover(store, exc)  # the store died again: this is the document that kills it
            outcome.restarts += restarted
            what = "crashed the store; the server was restarted and" if restarted else "made the store fail;"
            outcome.failed.append((doc, f"{what} this document skipped (it was in a batch of {len(chunk)}: "
                                        f"{sources}): {_line(exc)}"))
            continue
        outcome.written.extend(part.written)
        outcome.failed.extend(part.failed)
    return outcome


def _store_failure(exc: BaseException) -> bool:
    """The store itself failed (connection lost, server gone), as opposed to refusing one query."""
    return isinstance(exc, StoreError | ConnectionError | OSError) and not isinstance(exc, QueryError)


def _recover(store, error: Exception) -> int:
    """1 if the store was restarted, 0 if it answers anyway; StoreUnavailable if it cannot be brought back."""
    recover = getattr(store, "recover", None)
    try:
        if recover is not None and recover():
            return 1
        if recover is not None:
            return 0
    except Exception as exc:
        raise StoreUnavailable(f"the store failed ({_line(error)}) and could not be restarted: {_line(exc)}") \
            from exc
    raise StoreUnavailable(f"the store failed: {_line(error)}")


def _line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 300 else text[:297] + "..."
