"""Stores written by an older PolicyGraph brought to today's graph shape when they are opened (both backends).

Users keep their stores across upgrades, so every change of shape comes with its migration here, run by each
store's `setup_schema` (that is, by `open_store`). Each step finds only what is still in the old shape and
rewrites it in pages, so running it again - or on a store that never had the old shape - changes nothing:

1. entity search fields `search_terms`, `search_text`, `aliases_text` -> `_search_terms`, `_search_text`,
   `_aliases_text` (internal: a Neo4j user reading an entity should not take them for facts); the full-text
   index over the old names is dropped first and built again over the new ones (`drop_stale_fulltext`, and
   FalkorDBStore.setup_schema);
2. evidence as parallel lists on relationships (`ev_doc_ids`, `ev_starts`, `ev_ends`, `ev_quotes`): dropped from
   the role edges of actions (their sentences are the action's REPORTED_IN edges), moved from entity
   relations to REPORTED_IN edges of each relation's `Relation` node (graph/writes.py);
3. Document.source holding the path a file was ingested from, absolute or relative to where the ingest ran ->
   its label (ingest.documents.source_label); a label with a slash ('fr.jsonl/<record>') is read and left as it is.
"""

from __future__ import annotations

import logging

from graph.batch import KEY_PROPERTIES, relation_id
from graph.writes import FULLTEXT_PROPERTIES, RELATIONS
from ingest.documents import source_label
from policygraph.ontology import ACTION_LABEL, DOCUMENT_LABEL, ENTITY_LABEL, RELATION_TYPES

log = logging.getLogger(__name__)

PAGE = 5000
_OLD_SEARCH = ("search_terms", "search_text", "aliases_text")
_OLD_EVIDENCE = ("ev_doc_ids", "ev_starts", "ev_ends", "ev_quotes")
_UNSET_EVIDENCE = ", ".join(f"r.{p} = null" for p in _OLD_EVIDENCE)

SEARCH_FIELDS = f"""
MATCH (e:{ENTITY_LABEL}) WHERE e.search_text IS NOT NULL OR e.search_terms IS NOT NULL OR e.aliases_text IS NOT NULL
WITH e LIMIT {PAGE}
SET e._search_terms = coalesce(e._search_terms, e.search_terms), e._search_text = coalesce(e._search_text,
    e.search_text), e._aliases_text = coalesce(e._aliases_text, e.aliases_text),
    e.search_terms = null, e.search_text = null, e.aliases_text = null
RETURN count(e) AS n
"""
ROLE_EVIDENCE = f"""
MATCH (:{ACTION_LABEL})-[r]->(:{ENTITY_LABEL}) WHERE r.ev_doc_ids IS NOT NULL
WITH r LIMIT {PAGE}
SET {_UNSET_EVIDENCE}
RETURN count(r) AS n
"""
OLD_RELATIONS = f"""
MATCH (s:{ENTITY_LABEL})-[r]->(t:{ENTITY_LABEL}) WHERE r.ev_doc_ids IS NOT NULL AND type(r) IN $types
RETURN s.id AS source, t.id AS target, type(r) AS type, r.title AS title, r.ev_doc_ids AS docs,
       r.ev_starts AS starts, r.ev_ends AS ends, r.ev_quotes AS quotes
LIMIT {PAGE}
"""
MOVED_RELATIONS = f"""
MATCH (:{ENTITY_LABEL})-[r]->(:{ENTITY_LABEL}) WHERE r.ev_doc_ids IS NOT NULL AND r.id IS NOT NULL
WITH r LIMIT {PAGE}
SET {_UNSET_EVIDENCE}
RETURN count(r) AS n
"""
SERVER_PATHS = f"""
MATCH (d:{DOCUMENT_LABEL}) WHERE d.source CONTAINS '/' OR d.source CONTAINS '\\\\'
RETURN d.id AS id, d.source AS source
"""
SET_SOURCE = f"UNWIND $rows AS row MATCH (d:{DOCUMENT_LABEL} {{id: row.id}}) SET d.source = row.source"


def drop_stale_fulltext(store, index: str) -> None:
    """Neo4j: drop the full-text index `index` if it covers other properties than FULLTEXT_PROPERTIES (a store
    of the old field names), so that `setup_schema` builds it again over the new ones."""
    rows = store.query("SHOW FULLTEXT INDEXES YIELD name, properties WHERE name = $name RETURN properties",
                       {"name": index})
    if rows and set(rows[0]["properties"] or []) != set(FULLTEXT_PROPERTIES):
        log.info("dropping full-text index %s over %s (old field names)", index, rows[0]["properties"])
        store.query(f"DROP INDEX {index}", read_only=False)


def migrate(store) -> dict[str, int]:
    """Bring `store` to the current shape; returns what each step rewrote (all 0 on a current store)."""
    done = {"search_fields": 0, "role_evidence": 0, "relation_evidence": 0, "document_sources": 0}
    keys = {r["k"] for r in store.query("CALL db.propertyKeys() YIELD propertyKey RETURN propertyKey AS k")}
    if keys & set(_OLD_SEARCH):
        done["search_fields"] = _repeat(store, SEARCH_FIELDS)
    if "ev_doc_ids" in keys:
        done["role_evidence"] = _repeat(store, ROLE_EVIDENCE)
        done["relation_evidence"] = _move_relation_evidence(store)
    if "source" in keys:
        done["document_sources"] = _label_sources(store)
    if any(done.values()):
        log.info("store migrated to the current graph shape: %s", done)
    return done


def _repeat(store, statement: str) -> int:
    """Run a paged update until it finds nothing more; the total it rewrote."""
    total = 0
    while True:
        n = store.query(statement, read_only=False)[0]["n"]
        total += n
        if n < PAGE:
            return total


def _move_relation_evidence(store) -> int:
    moved = 0
    while True:
        rows = store.query(OLD_RELATIONS, {"types": list(RELATION_TYPES)})
        if not rows:
            return moved
        by_type: dict[str, list[dict]] = {}
        for r in rows:
            keys = {k: r.get(k) for k in KEY_PROPERTIES.get(r["type"], ())}
            quotes, starts, ends = r["quotes"] or [], r["starts"] or [], r["ends"] or []
            by_type.setdefault(r["type"], []).append({
                "id": relation_id((r["type"], r["source"], r["target"], *keys.values())),
                "source": r["source"], "target": r["target"], **keys, "props": {}, "doc_ids": [],
                "confidence": None,  # keeps the stored one (graph.writes: the larger wins)
                "evidence": [{"doc_id": d, "start": starts[i], "end": ends[i], "quote": quotes[i]}
                             for i, d in enumerate(r["docs"] or []) if i < min(len(starts), len(ends), len(quotes))],
            })
        for rel, rel_rows in by_type.items():
            key = KEY_PROPERTIES.get(rel, ())
            key_map = " {" + ", ".join(f"{k}: row.{k}" for k in key) + "}" if key else ""
            statement = RELATIONS % {"rel": rel, "key": key_map, "verb": rel.lower().replace("_", " ")}
            store._write_chunk(statement, rel_rows)
        cleared = _repeat(store, MOVED_RELATIONS)
        moved += cleared
        if cleared == 0:  # nothing of this page could be moved: stop rather than read it again
            log.warning("%d relation(s) keep their old evidence lists: their ends are not entities", len(rows))
            return moved


def _label_sources(store) -> int:
    found = store.query(SERVER_PATHS)
    rows = [{"id": r["id"], "source": source_label(r["source"])} for r in found]
    old = {r["id"]: r["source"] for r in found}
    rows = [r for r in rows if r["source"] and r["source"] != old.get(r["id"])]
    for i in range(0, len(rows), PAGE):
        store._write_chunk(SET_SOURCE, rows[i : i + PAGE])
    return len(rows)
