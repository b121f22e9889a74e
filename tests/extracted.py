"""Helpers for tests that run the real pipeline on one real sentence or paragraph."""

from __future__ import annotations

from ingest.documents import Document
from ingest.pipeline import extract_batch


def entities_by_id(nlp, text: str, published: str) -> dict[str, tuple[str, list[str]]]:
    """id -> (type, aliases) of the entities extracted from `text` published on `published`."""
    (ex,) = extract_batch(nlp, [Document.from_text(text, "test", published=published)])
    return {e.id: (e.type, e.aliases) for e in ex.entities}


def entities_and_relations(nlp, text: str) -> tuple[dict, set[tuple[str, str, str]]]:
    """The entity records (id -> record) and the (type, source, target) relations the pipeline reads in `text`."""
    doc = nlp(text)
    return doc._.pg_entities, {(r.type, r.source, r.target) for r in doc._.pg_relations}
