"""pg_relations: first cut - no relations yet."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("pg_relations")
def make_relations(nlp: Language, name: str) -> RelationComponent:
    return RelationComponent()


class RelationComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc._.pg_relations = []
        return doc
