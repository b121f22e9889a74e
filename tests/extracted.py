"""Helpers for tests that run the real pipeline on one real sentence or paragraph."""

from __future__ import annotations

from ingest.contract import Action
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


def actions(nlp, text: str, published: str | None = None) -> list[Action]:
    """The actions the pipeline reads in `text`; every evidence span must quote the text it points at."""
    doc = nlp.make_doc(text)
    doc._.published = published
    doc = nlp(doc)
    for a in doc._.pg_actions:
        for span in a.evidence:  # evidence offsets always point at the text they quote
            assert doc.text[span.start:span.end] == span.text
    return list(doc._.pg_actions)


def one(found: list[Action], kind: str) -> Action:
    """The one action of `kind` among `found`."""
    hits = [a for a in found if a.kind == kind]
    assert len(hits) == 1, found
    return hits[0]


def titled_actions(nlp, text: str, title: str, published: str) -> list[Action]:
    """As `actions`, for a document with a title (orders, notices, fact sheets)."""
    doc = nlp.make_doc(text)
    doc._.published = published
    doc._.title = title
    doc = nlp(doc)
    for a in doc._.pg_actions:
        for span in a.evidence:
            assert doc.text[span.start:span.end] == span.text
    return list(doc._.pg_actions)
