"""pg_actions: first cut - no actions yet."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("pg_actions")
def make_actions(nlp: Language, name: str) -> ActionComponent:
    return ActionComponent()


class ActionComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc._.pg_actions = []
        return doc
