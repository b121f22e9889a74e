"""The document model shared by readers, extraction and the graph writer."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from pydantic import BaseModel, Field

_WS = re.compile(r"\s+")


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
