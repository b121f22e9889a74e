"""Catalog rows -> response fields: evidence, entity references, spans.

The stores keep evidence on REPORTED_IN {start, end, quote} relationships only: from an action, and from the
`Relation` node of an entity relation (graph/writes.py); the queries collect them as maps and these helpers
turn them into `Evidence` dicts, dropping the placeholders Cypher leaves behind (OPTIONAL MATCH nulls,
start = -1 for "reported, sentence unknown").
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from ingest.documents import source_label
from policygraph.ontology import ROLE_RELATIONSHIPS

# bookkeeping of a relationship, not its own properties (ev_*: stores written before evidence moved to
# REPORTED_IN, until graph.migrations has moved it)
EVIDENCE_PROPS = frozenset({"id", "doc_ids", "ev_doc_ids", "ev_starts", "ev_ends", "ev_quotes", "confidence"})


# These run for every item of a page (a timeline page: 50 actions, each with 3 lists of participants and its
# evidence); written as plain loops with early outs, they cost a third of the first, generic version.


def _sorted_refs(found: dict[str, dict]) -> list[dict]:
    return [found[k] for k in sorted(found)] if len(found) > 1 else list(found.values())


def refs(items: Iterable[dict | None] | None) -> list[dict]:
    """Entity references without the nulls, sorted by id so both stores give the same order."""
    found: dict[str, dict] = {}
    for item in items or ():
        if item:
            id_ = item.get("id")
            if id_ is not None and id_ not in found:
                found[id_] = {"id": id_, "name": item.get("name"), "type": item.get("type")}
    return _sorted_refs(found)


def ref(item: dict | None) -> dict | None:
    found = refs([item])
    return found[0] if found else None


def _offset(value: Any) -> int | None:
    return None if value is None or value < 0 else int(value)


def action_evidence(items: Iterable[dict | None] | None) -> list[dict]:
    """REPORTED_IN maps {doc_id, doc_title, published, url, start, end, quote} -> Evidence, stable order."""
    out = []
    for item in items or ():
        if item and item.get("doc_id") is not None:
            out.append({**item, "start": _offset(item.get("start")), "end": _offset(item.get("end")),
                        "quote": item.get("quote") or None})
    if len(out) > 1:
        out.sort(key=lambda e: (e.get("published") or "", e["doc_id"], e["start"] or -1))
    return out


def relation_evidence(row: dict, docs: Iterable[dict | None] | None = None) -> list[dict]:
    """A relation's `evidence` column (REPORTED_IN maps from its Relation node, as action_evidence reads them)
    -> Evidence, in the same stable order. `docs` is not needed any more (each map carries its document's
    title, date and url) and is accepted for callers written against the old parallel lists."""
    return action_evidence(row.get("evidence"))


def relation_properties(props: dict) -> dict:
    """The relation's own properties (title, ...) without the evidence bookkeeping."""
    return {k: v for k, v in (props or {}).items() if k not in EVIDENCE_PROPS}


def mention_spans(spans_json: str | None, starts: list | None = None, ends: list | None = None) -> list[dict]:
    """MENTIONED_IN spans: JSON [[start, end, text], ...], or the parallel start/end lists."""
    if spans_json:
        try:
            return [{"start": s[0], "end": s[1], "text": s[2] if len(s) > 2 else None}
                    for s in json.loads(spans_json)]
        except (ValueError, TypeError, IndexError):
            pass
    return [{"start": s, "end": e, "text": None} for s, e in zip(starts or [], ends or [], strict=False)]


_ROLE_FIELDS = {rel: role for role, rel in ROLE_RELATIONSHIPS.items()}  # BY -> by, ...


def split_parts(parts: Iterable[dict | None] | None) -> dict[str, list[dict]]:
    """[{role: BY|TARGETS|UNDER, id, name, type}] (one collect over every role) -> {by, targets, under}."""
    out: dict[str, list[dict]] = {role: [] for role in ROLE_RELATIONSHIPS}
    for p in parts or ():
        if p and p.get("id") is not None and p.get("role") in _ROLE_FIELDS:
            out[_ROLE_FIELDS[p["role"]]].append(p)
    return out


def summary_with_parts(row: dict) -> dict:
    """`action_summary({**row, **split_parts(row["parts"])})` in one pass over the parts."""
    groups: dict[str, dict[str, dict]] = {role: {} for role in ROLE_RELATIONSHIPS}
    for p in row.get("parts") or ():
        if p:
            role, id_ = _ROLE_FIELDS.get(p.get("role")), p.get("id")
            if role is not None and id_ is not None and id_ not in groups[role]:
                groups[role][id_] = {"id": id_, "name": p.get("name"), "type": p.get("type")}
    return {**_summary_head(row), **{role: _sorted_refs(found) for role, found in groups.items()}}


def timeline_item(row: dict) -> dict:
    """A row of the entity_timeline queries -> TimelineItem. Their participants come as [role, id, name, type]
    lists and their evidence as [doc_id, doc_title, published, url, start, end, quote] lists (see the queries);
    nulls from OPTIONAL MATCH are dropped, references sorted by id, evidence in Evidence order."""
    groups: dict[str, dict[str, dict]] = {role: {} for role in ROLE_RELATIONSHIPS}
    for part in row.get("parts") or ():
        if part and part[1] is not None:
            found = groups.get(_ROLE_FIELDS.get(part[0], ""))
            if found is not None and part[1] not in found:
                found[part[1]] = {"id": part[1], "name": part[2], "type": part[3]}
    evidence = [
        {"doc_id": e[0], "doc_title": e[1], "published": e[2], "url": e[3], "start": _offset(e[4]),
         "end": _offset(e[5]), "quote": e[6] or None}
        for e in row.get("evidence") or () if e and e[0] is not None
    ]
    if len(evidence) > 1:
        evidence.sort(key=lambda e: (e["published"] or "", e["doc_id"], e["start"] or -1))
    via = row.get("via")
    return {
        **_summary_head(row), **{role: _sorted_refs(found) for role, found in groups.items()},
        "action_id": row["action_id"], "role": "targets", "via": ref(via) if via else None, "evidence": evidence,
    }


def _summary_head(row: dict) -> dict:
    """The scalar fields of an ActionSummary; rows name the action `id` or `action_id`."""
    return {
        "id": row["id"] if "id" in row else row["action_id"],
        "kind": row.get("kind"),
        "status": row.get("status"),
        "date": row.get("date"),
        "confidence": row.get("confidence"),
    }


def action_summary(row: dict) -> dict:
    return {
        **_summary_head(row),
        "by": refs(row.get("by")),
        "targets": refs(row.get("targets")),
        "under": refs(row.get("under")),
    }


def public_source(source: str | None) -> str | None:
    """What a reader may see of a document's source (ingest.documents.source_label): stores write the label
    already; a store written before that still holds paths, and none reaches a reader."""
    return source_label(source)
