"""What the PolicyGraph components leave on a spaCy Doc (`doc._.*`), and the records they use.

Components communicate only through these extensions, so each can be tested alone:
  pg_entities  -> doc._.pg_mentions (every mention, sorted by start) and doc._.pg_entities (id -> record),
                  doc._.pg_non_entity_spans (token ranges of matched category words that are no entity)
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
    # token ranges (start, end) of words that are matched but are no entity: designation categories ("on behalf
    # of a Specially Designated Global Terrorist"), so no later rule reads them as a name or a trigger
    "pg_non_entity_spans": None,
    "pg_relations": None,
    "pg_actions": None,
}


# Caches kept in doc.user_data (spaCy's free-form per-Doc dict) rather than doc._ extensions: these are read
# tens of thousands of times per document and every doc._ access builds a new Underscore object.
TEXT_KEY = "pg_text"
TOKENS_KEY = "pg_tokens"


def doc_text(doc: Doc) -> str:
    """The document text, built once per Doc: spaCy's `doc.text` joins every token on each call, and the
    components read it many times per document."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def doc_tokens(doc: Doc) -> list:
    """The document's Token objects, built once per Doc: `doc[i]` and `for t in doc` make a new Token object
    on every access, and the rules walk each document many times (profiling showed Token creation as the
    single largest cost of the components). Token objects are views: they show what later components set."""
    tokens = doc.user_data.get(TOKENS_KEY)
    if tokens is None:  # the first user is the attribute ruler: nothing after the tokenizer retokenizes
        tokens = doc.user_data[TOKENS_KEY] = list(doc)
    return tokens


def span_text(doc: Doc, start: int, end: int) -> str:
    """`doc[start:end].text` without building the Span and its tokens: the text between the first token's
    start and the last token's end (what spaCy returns)."""
    toks = doc_tokens(doc)
    end = min(end, len(toks))
    if end <= start:
        return ""
    last = toks[end - 1]
    return doc_text(doc)[toks[start].idx : last.idx + len(last.text)]


def register() -> None:
    """Idempotent; called at import so worker processes get the extensions too."""
    for name, default in _EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register()
