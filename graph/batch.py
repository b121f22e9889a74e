"""Contract objects -> rows for batched graph writes (a pure function: no I/O, no store).

`build_batch` folds a batch of Documents and their Extractions into one `GraphBatch`: one row per node and
one row per relationship, already merged inside the batch (the same entity seen in three documents is one
row with the union of its aliases; the same relation read in two documents is one row carrying both
documents' evidence). Stores then write each list with one `UNWIND $rows AS row MERGE ...` per chunk.

Why merge here rather than in Cypher: inside one UNWIND, a row cannot reliably see the SET of an earlier
row for the same relationship on every backend, so each key appears once per batch and the Cypher only has
to merge a batch into what is already stored.

Evidence: an action's sentences are `reported_in` rows (REPORTED_IN {start, end, quote} to the Document). Role
and relation rows carry `doc_ids`, the distinct documents that state them, and a relation row also its
sentences as `evidence` maps {doc_id, start, end, quote}, which the store writes as REPORTED_IN edges of the
relation's `Relation` node (named by `id`, a hash of the relation's key; graph/writes.py says why).
"""

from __future__ import annotations

import gc
import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from ingest.contract import Extraction, Span
from ingest.documents import Document, source_label
from ingest.names import transliterate
from policygraph.ontology import ENTITY_TYPES, ONTOLOGY, RELATION_TYPES, ROLE_RELATIONSHIPS

# The property of a relation that is part of its identity (HOLDS_ROLE {title}: two titles, two edges).
KEY_PROPERTIES: dict[str, tuple[str, ...]] = {"HOLDS_ROLE": ("title",)}
assert set(KEY_PROPERTIES) <= set(RELATION_TYPES), "KEY_PROPERTIES names a relation the ontology lacks"

_DROP = re.compile(r"[.'\u2019\u2018`]")  # "U.S." -> "US", "Xi's" -> "Xis": dots and apostrophes join
_NON_WORD = re.compile(r"[^\w]+|_")
_PROP_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")  # extra relation properties become Cypher map keys


def search_form(text: str) -> str:
    """Normal form used for entity search on every store: accents off, lower case, words split by one space."""
    if not text.isascii():  # the accent strip is the slow part; most names are ASCII
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_NON_WORD.sub(" ", _DROP.sub("", text.casefold())).split())


@dataclass
class GraphBatch:
    """Rows for one write. Relationship row lists are keyed by relationship type."""

    documents: list[dict] = field(default_factory=list)
    entities: list[dict] = field(default_factory=list)
    mentions: list[dict] = field(default_factory=list)
    actions: list[dict] = field(default_factory=list)
    roles: dict[str, list[dict]] = field(default_factory=dict)  # BY / TARGETS / UNDER
    reported_in: list[dict] = field(default_factory=list)
    relations: dict[str, list[dict]] = field(default_factory=dict)  # PART_OF, HOLDS_ROLE, ...
    warnings: list[str] = field(default_factory=list)  # dangling references etc. (skipped, not fatal)
    checked: bool = False  # every row passed graph.validate (set there; a store checks a batch only once)

    @property
    def document_ids(self) -> list[str]:
        return [d["id"] for d in self.documents]

    def row_count(self) -> int:
        return (
            len(self.documents)
            + len(self.entities)
            + len(self.mentions)
            + len(self.actions)
            + len(self.reported_in)
            + sum(len(r) for r in self.roles.values())
            + sum(len(r) for r in self.relations.values())
        )


class _Evidence:
    """Evidence of one relationship accumulated across the batch, in first-seen order, without repeats."""

    __slots__ = ("doc_ids", "items", "confidence")

    def __init__(self) -> None:
        self.doc_ids: list[str] = []
        self.items: dict[tuple[str, int, int], str] = {}
        self.confidence = 0.0

    def add(self, doc_id: str, spans: Iterable[Span], confidence: float, text: str | None) -> None:
        if doc_id not in self.doc_ids:
            self.doc_ids.append(doc_id)
        self.confidence = max(self.confidence, _score(confidence))
        for s in spans:
            quote = s.text if s.text is not None else (text[s.start : s.end] if text else "")
            self.items.setdefault((doc_id, s.start, s.end), quote)

    def columns(self) -> dict:
        return {
            "doc_ids": list(self.doc_ids),
            "confidence": self.confidence,
            "evidence": [{"doc_id": k[0], "start": k[1], "end": k[2], "quote": q} for k, q in self.items.items()],
        }


def relation_id(key: tuple) -> str:
    """The id of an entity relation (its edge and its Relation node): a hash of (type, source, target, key
    properties), so every batch and both stores give one relation one id."""
    return hashlib.sha256(json.dumps(key, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


def build_batch(documents: list[Document], extractions: list[Extraction]) -> GraphBatch:
    """Turn documents and their extractions into merged write rows. Pure; raises ValueError on bad input."""
    # The rows are hundreds of thousands of small containers, none cyclic: with the cyclic collector on,
    # its repeated full scans (of the caller's Extraction objects too) took over half the time.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _build(documents, extractions)
    finally:
        if enabled:
            gc.enable()


def _build(documents: list[Document], extractions: list[Extraction]) -> GraphBatch:
    docs_by_id: dict[str, Document] = {}
    for d in documents:
        docs_by_id.setdefault(d.id, d)
    batch = GraphBatch()
    for ex in extractions:
        if ex.doc_id not in docs_by_id:
            raise ValueError(f"extraction for document {ex.doc_id!r} has no Document in the batch")

    entities: dict[str, dict] = {}
    mentions: dict[tuple[str, str], dict] = {}
    actions: dict[str, dict] = {}
    roles: dict[tuple[str, str, str], _Evidence] = {}
    reported: dict[tuple[str, str, int, int], dict] = {}
    relations: dict[tuple, tuple[dict, _Evidence]] = {}

    for ex in extractions:
        doc = docs_by_id[ex.doc_id]
        text = doc.text
        local_ids: set[str] = set()
        for ent in ex.entities:
            local_ids.add(ent.id)
            row = entities.get(ent.id)
            if row is None:
                row = entities[ent.id] = {
                    "id": ent.id,
                    "name": ent.name,
                    "type": ent.type,
                    "kind": ent.kind,
                    "aliases": [],
                }
            elif row["type"] != ent.type:
                batch.warnings.append(
                    f"entity {ent.id!r} typed {ent.type} in {ex.doc_id}, kept {row['type']}"
                )
            if row["kind"] is None and ent.kind is not None:
                row["kind"] = ent.kind
            for alias in (ent.name, *ent.aliases):
                if alias and alias not in row["aliases"]:
                    row["aliases"].append(alias)
            spans = sorted({(m.start, m.end, m.text or text[m.start : m.end]) for m in ent.mentions})
            key = (ent.id, ex.doc_id)
            prev = mentions.get(key)
            if prev is not None:  # the same entity listed twice in one extraction: union its mentions
                spans = sorted(set(spans) | {tuple(s) for s in json.loads(prev["spans"])})
            mentions[key] = {
                "entity_id": ent.id,
                "doc_id": ex.doc_id,
                "count": len(spans),
                "starts": [s[0] for s in spans],
                "ends": [s[1] for s in spans],
                "spans": json.dumps([list(s) for s in spans]),
            }

        for act in ex.actions:
            row = actions.get(act.id)
            if row is None:
                actions[act.id] = {
                    "id": act.id,
                    "kind": act.kind,
                    "status": act.status,
                    "date": act.date,
                    "confidence": _score(act.confidence),
                }
            else:  # one action reported by several documents: keep the first kind/status, any known date
                row["date"] = row["date"] or act.date
                row["confidence"] = max(row["confidence"], _score(act.confidence))
            for span in act.evidence:
                quote = span.text if span.text is not None else text[span.start : span.end]
                reported.setdefault(
                    (act.id, ex.doc_id, span.start, span.end),
                    {"action_id": act.id, "doc_id": ex.doc_id, "start": span.start, "end": span.end,
                     "quote": quote},
                )
            if not act.evidence:  # still reported in this document, just without a located sentence
                reported.setdefault(
                    (act.id, ex.doc_id, -1, -1),
                    {"action_id": act.id, "doc_id": ex.doc_id, "start": -1, "end": -1, "quote": ""},
                )
            for role, rel_type in ROLE_RELATIONSHIPS.items():
                for entity_id in getattr(act, role):
                    if entity_id not in local_ids:
                        batch.warnings.append(
                            f"action {act.id!r} in {ex.doc_id}: {role} {entity_id!r} is not an entity "
                            "of that extraction; skipped"
                        )
                        continue
                    ev = roles.setdefault((rel_type, act.id, entity_id), _Evidence())
                    ev.add(ex.doc_id, (), act.confidence, text)  # its sentences are the action's REPORTED_IN

        for rel in ex.relations:
            if rel.source not in local_ids or rel.target not in local_ids:
                batch.warnings.append(
                    f"relation {rel.type} {rel.source!r}->{rel.target!r} in {ex.doc_id} refers to an "
                    "entity the extraction does not list; skipped"
                )
                continue
            key_props = {k: rel.properties.get(k) for k in KEY_PROPERTIES.get(rel.type, ())}
            missing = [k for k, v in key_props.items() if v in (None, "")]
            if missing:
                batch.warnings.append(
                    f"relation {rel.type} {rel.source!r}->{rel.target!r} in {ex.doc_id} lacks {missing}; "
                    "skipped"
                )
                continue
            key = (rel.type, rel.source, rel.target, *key_props.values())
            if key not in relations:
                extra = {
                    k: v
                    for k, v in rel.properties.items()
                    if k not in key_props and isinstance(v, str | int | float | bool) and _PROP_KEY.match(k)
                }
                relations[key] = ({"id": relation_id(key), "source": rel.source, "target": rel.target,
                                   **key_props, "props": extra}, _Evidence())
            relations[key][1].add(ex.doc_id, rel.evidence, rel.confidence, text)

    for row in entities.values():
        # a name in another script is also found by its transliteration ("ОАО" by "oao")
        row["search_terms"] = _unique(
            form for a in row["aliases"]
            for form in ((search_form(a),) if a.isascii() else (search_form(a), search_form(transliterate(a))))
        )
    batch.entities = list(entities.values())
    batch.mentions = list(mentions.values())
    batch.actions = list(actions.values())
    batch.reported_in = list(reported.values())
    for (rel_type, action_id, entity_id), ev in roles.items():
        batch.roles.setdefault(rel_type, []).append(
            {"action_id": action_id, "entity_id": entity_id, "doc_ids": ev.doc_ids, "confidence": ev.confidence}
        )
    for key, (row, ev) in relations.items():
        batch.relations.setdefault(key[0], []).append({**row, **ev.columns()})

    extracted = {ex.doc_id: ex for ex in extractions}
    for d in docs_by_id.values():
        ex = extracted.get(d.id)
        if ex is None:
            continue  # a document without its extraction is not written: it would be "known" but empty
        batch.documents.append(
            {
                "id": d.id,
                "title": d.title or ex.title,
                "published": d.published or ex.published,
                "url": d.url,
                "source": source_label(d.source),  # the file name: no server path is ever stored
                "author": d.author,
                "text": d.text,
                "text_length": len(d.text),
            }
        )
    _check_names(batch)
    return batch


def _score(value: float) -> float:
    # FalkorDB returns doubles with 15 significant digits: 0.7000000000000001 comes back as 0.7. Six decimals
    # are plenty for a confidence and read back identically from every store.
    return round(float(value), 6)


def _unique(items) -> list[str]:
    out: list[str] = []
    for i in items:
        if i and i not in out:
            out.append(i)
    return out


def _check_names(batch: GraphBatch) -> None:
    # Labels and relationship types are interpolated into Cypher (they cannot be parameters):
    # only names declared by the ontology may get there.
    for row in batch.entities:
        if row["type"] not in ENTITY_TYPES:
            raise ValueError(f"unknown entity type {row['type']!r}")
    for rel_type in batch.relations:
        if rel_type not in RELATION_TYPES:
            raise ValueError(f"unknown relation type {rel_type!r}")
    for rel_type in batch.roles:
        if rel_type not in ROLE_RELATIONSHIPS.values():
            raise ValueError(f"unknown role relationship {rel_type!r}")


def relationship_types() -> list[str]:
    """Every relationship type a store may hold, from the ontology."""
    return [*ROLE_RELATIONSHIPS.values(), *RELATION_TYPES, *ONTOLOGY.provenance]
