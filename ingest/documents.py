"""The document model shared by readers, extraction and the graph writer."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from pydantic import BaseModel, Field

_WS = re.compile(r"\s+")

# The one limit on a document's length, enforced by the readers, the ingest runner (before any model time is
# spent, so spaCy's own E088 is never reached) and the API's schema. spaCy's default nlp.max_length is
# 1,000,000, but parsing costs ~3 KB of memory a character (a 990,000-character text: 42 s and 2.9 GB in
# one process); half that keeps two worker processes within a small machine's memory and is still 5x the
# longest text of the bundled corpora (98,000 characters).
MAX_TEXT_CHARS = 500_000
TOO_LONG = "text is {n:,} characters; the limit is {limit:,} (split the document into parts)"


def text_problem(text: str) -> str | None:
    """Why `text` cannot be ingested (too long; a NUL character, which no text holds and FalkorDB cannot
    store), or None."""
    if len(text) > MAX_TEXT_CHARS:
        return TOO_LONG.format(n=len(text), limit=MAX_TEXT_CHARS)
    if "\x00" in text:
        return f"text holds a NUL character (U+0000) at offset {text.index(chr(0)):,}; not a text document"
    return None


def document_problem(doc: Document) -> str | None:
    """Why a Document cannot be ingested: its text, or a NUL in its metadata; None when it can."""
    if (why := text_problem(doc.text)) is not None:
        return why
    for name in ("title", "url", "author", "published", "source"):
        value = getattr(doc, name)
        if isinstance(value, str) and "\x00" in value:
            return f"{name} holds a NUL character (U+0000)"
    return None


# "<file>.jsonl/<record id>" or "<file>.jsonl:<line>": a record of a file, named by both
_RECORD = re.compile(r"[^/]+\.(?:jsonl|ndjson|json)(?:[/:\[][^/]*)?$", re.IGNORECASE)


def source_label(source: str | None) -> str | None:
    """What the graph stores and shows of a document's source: its file name, with the record of a JSON file
    ('/srv/in/treasury/sm0087.md' -> 'sm0087.md', '/srv/in/fr.jsonl/2024-01234' -> 'fr.jsonl/2024-01234').
    Never the directories of the machine it was ingested on: a store is shared, queried over /cypher and
    exported, and a server's layout is none of a reader's business; the link to the original is the `url`."""
    if not source:
        return source
    path = source.replace("\\", "/")
    record = _RECORD.search(path)
    return record.group(0) if record else path.rsplit("/", 1)[-1]


def normalise_text(text: str) -> str:
    """Normal form used for the document id: NFC, whitespace folded, stripped."""
    return _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()


def document_id(text: str) -> str:
    """Id = hash of the normalised text: the same text ingested twice (from any path) is one document."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]


class Document(BaseModel):
    id: str
    source: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD
    url: str | None = None
    author: str | None = None
    meta: dict = Field(default_factory=dict)

    @classmethod
    def from_text(cls, text: str, source: str, **fields) -> Document:
        return cls(id=document_id(text), source=source, text=text, **fields)
