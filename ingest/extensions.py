"""What the PolicyGraph components leave on a spaCy Doc (`doc._.*`), and the records they use.

Components communicate only through these extensions, so each can be tested alone:
  pg_entities  -> doc._.pg_mentions (every mention, sorted by start) and doc._.pg_entities (id -> record)
  pg_relations -> doc._.pg_relations (contract Relation objects)
  pg_actions   -> doc._.pg_actions (contract Action objects)
The runner sets doc._.published / doc._.doc_id / doc._.title before the pipeline runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc


@dataclass
class Mention:
    start: int  # character offsets into doc.text
    end: int
    text: str
    entity_id: str
    token_start: int
    token_end: int  # exclusive
    # where the mention came from: "lexicon", "citation", "pattern", "ner", "suffix", "alias", or
    # "title" (a role title that names the body, e.g. "Secretary of State" -> State Department)
    source: str = ""


@dataclass
class EntityRecord:
    id: str
    name: str
    type: str
    kind: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


_EXTENSIONS: dict[str, object] = {
    "published": None,
    "doc_id": None,
    "title": None,
    "pg_mentions": None,
    "pg_entities": None,
    "pg_relations": None,
    "pg_actions": None,
    "text_cache": None,
}


def doc_text(doc: Doc) -> str:
    """The document text, built once per Doc: spaCy's `doc.text` joins every token on each call, and the
    components read it many times per document."""
    text = doc._.text_cache
    if text is None:
        text = doc._.text_cache = doc.text
    return text


def register() -> None:
    """Idempotent; called at import so worker processes get the extensions too."""
    for name, default in _EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register()
