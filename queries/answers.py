"""The answers every caller gets, built once from catalog rows: the CLI prints them, the API serialises them.

They are plain data (dataclasses of dicts and lists, no HTTP or pydantic types); api/models.py documents the
same shapes for OpenAPI. Start with `enabled_by`, the project's headline question. Unknown ids raise NotFound,
store failures graph.store's errors: api/ turns both into HTTP statuses, the CLI into exit codes.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from graph.store import Store
from policygraph.ontology import ONTOLOGY, EnabledByRole
from queries import action_windows, convert
from queries.catalog import ask

# An entity that more actions than this aim at gets its timeline by date windows (entity_timeline_window).
# Measured at 10^6 entities (FalkorDB, bench/api.py graph, first page): the one query reads and sorts every
# action aimed at the entity, a month window checks each of the month's ~2,000 actions against it (one
# adjacency lookup each) and the page takes as many months as it needs. Both cost the same at ~5,500 targeted
# actions (~13 ms); at 8,700 the windows take 11 ms against 15, at 3,000 the one query 10 ms against 19.
HUB_TARGETS = 6_000
TIMELINE_UNDATED = "9999-12-31"  # sort key of an undated action in a timeline (they come last)


class NotFound(LookupError):
    """The id the caller asked about is not in the store."""


@dataclass
class EnabledByItem:
    entity: dict  # {id, name, type}
    reason: str  # ontology.yaml enabled_by.<role>.reason
    role: str  # the catalog's role name (enabled_by.cypher)
    via: dict | None  # the entity the item is reached from; None: straight from the action
    path: list[dict]  # typed, correctly directed steps {source, type, target}, the action first
    confidence: float | None
    evidence: list[dict]  # the sentences that state the last link
    path_evidence: list[list[dict]]  # the evidence of every step of `path`


@dataclass
class EnabledBy:
    action: dict  # the action's summary (queries.convert.action_summary)
    action_evidence: list[dict]  # the sentences that report the action
    items: list[EnabledByItem] = field(default_factory=list)
    nodes: list[dict] = field(default_factory=list)  # every entity on a path (and the action), for a graph view
    edges: list[dict] = field(default_factory=list)  # every step of every path, once

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def entity_ref(store: Store, entity_id: str) -> dict:
    """id, name, type, kind and aliases of an entity. Raises NotFound."""
    rows = ask(store, "entity_ref", id=entity_id)
    if not rows:
        raise NotFound(f"no entity with id {entity_id!r}")
    return rows[0]


def entity(store: Store, entity_id: str, relations: int = 100, mentions: int = 50) -> dict:
    """An entity with its strongest `relations` and newest `mentions` (GET /entities/{id}, `policygraph query
    entity`): bounded queries, since a hub like "the U.S." is mentioned in thousands of documents."""
    ref = entity_ref(store, entity_id)
    rel_rows = ask(store, "entity_relations", id=entity_id, limit=relations) if relations else []
    men_rows = ask(store, "entity_mentions", id=entity_id, limit=max(mentions, 1))
    rels = [
        {"type": r["type"], "direction": r["direction"], "other": r["other"],
         "properties": {"title": r["title"]} if r.get("title") else {}, "confidence": r.get("confidence"),
         "evidence": convert.relation_evidence(r, r.get("docs"))}
        for r in rel_rows
    ]
    ments = [
        {"doc_id": m["doc_id"], "doc_title": m.get("doc_title"), "published": m.get("published"),
         "count": m.get("count") or 0, "spans": convert.mention_spans(m.get("spans"))}
        for m in men_rows[:mentions]
    ]
    counts = men_rows[0] if men_rows else {}
    action_count = counts.get("action_count") or ask(store, "entity_action_count", id=entity_id)[0]["n"]
    return {**ref, "aliases": ref.get("aliases") or [], "relations": rels, "mentions": ments,
            "action_count": action_count, "document_count": counts.get("documents") or 0}


def timeline_rows(store: Store, bounds: action_windows.BoundsCache, entity_id: str, include_children: bool,
                  after_key: str | None, after_id: str | None, limit: int
                  ) -> tuple[dict, list[dict], tuple[str, str] | None]:
    """The entity, up to limit + 1 timeline rows after the cursor, and a resume cursor (hub walks only).

    Most entities are the target of a few actions: one query names the entity and reads and sorts its actions.
    A hub (thousands of actions aimed at it) would make that query read and sort all of them for every page, so
    the same query only names it, and its timeline walks calendar months oldest first through the Action.date
    index (queries.action_windows), each window returning the details of its part of the page."""
    if include_children:
        entity = entity_ref(store, entity_id)
        return entity, ask(store, "entity_timeline_children", id=entity_id, after_key=after_key,
                           after_id=after_id, limit=limit + 1), None
    rows = ask(store, "entity_timeline", id=entity_id, after_key=after_key, after_id=after_id, limit=limit + 1,
               hub=HUB_TARGETS)
    if not rows:
        raise NotFound(f"no entity with id {entity_id!r}")
    first = rows[0]
    entity = {"id": first["entity_id"], "name": first.get("entity_name"), "type": first.get("entity_type")}
    if (first.get("targeted") or 0) <= HUB_TARGETS:
        return entity, [r for r in rows if r.get("action_id") is not None], None

    def fetch(w: action_windows.Window) -> list[dict]:
        return ask(store, "entity_timeline_window", id=entity_id, dates=w.dates, after_key=w.after_date,
                   after_id=w.after_id, limit=w.limit)

    def fetch_undated(undated_after: str | None, room: int) -> list[dict]:
        return ask(store, "entity_timeline_undated", id=entity_id, after_id=undated_after, limit=room)

    bounds_now = bounds.get(lambda: ask(store, "actions_date_bounds")[0])
    walked = action_windows.walk(fetch, fetch_undated, bounds=bounds_now, limit=limit + 1, after_date=after_key,
                                 after_id=after_id, ascending=True, undated_key=TIMELINE_UNDATED)
    return entity, walked.rows, walked.resume


def top_action(store: Store) -> str | None:
    """The id of the best-attested action (the default question), None in an empty store."""
    rows = ask(store, "top_actions", limit=1)
    return rows[0]["id"] if rows else None


def enabled_by(store: Store, action_id: str) -> EnabledBy:
    """Which authorities enabled the action: its actors and the bodies they are part of, its legal bases and
    the laws those belong to, and the authorities those laws empower or that administer them; each with its
    path from the action and the evidence of every step. Raises NotFound for an unknown action."""
    found = ask(store, "action", id=action_id)
    if not found:
        raise NotFound(f"no action with id {action_id!r}")
    action_row = found[0]
    rows = ask(store, "enabled_by", action_id=action_id)
    # evidence of each link (via -> entity) so every step of a path can be shown with its sentence
    link_evidence: dict[tuple[str, str], list[dict]] = {}
    for r in rows:
        link_evidence.setdefault((r["via"], r["id"]), convert.action_evidence(r.get("evidence")))
    action_evidence = convert.action_evidence(action_row.get("evidence"))
    names = {action_id: {"id": action_id, "name": action_row.get("kind"), "type": ONTOLOGY.node_labels["action"],
                         "kind": action_row.get("kind")}}
    for group in ONTOLOGY.action_roles:
        for e in action_row.get(group) or []:
            if e:
                names[e["id"]] = {"id": e["id"], "name": e.get("name"), "type": e.get("type"), "kind": e.get("kind")}
    for r in rows:
        names.setdefault(r["id"], {"id": r["id"], "name": r.get("name"), "type": r.get("type"), "kind": r.get("kind")})

    answer = EnabledBy(action=convert.action_summary(action_row), action_evidence=action_evidence)
    edges: dict[tuple[str, str, str], dict] = {}
    for r in rows:
        role = ONTOLOGY.enabled_by.get(r["role"])
        if role is None:  # a role the catalog query returns but the ontology does not declare
            raise ValueError(f"enabled_by returned role {r['role']!r}, not declared in ontology.yaml enabled_by")
        steps = path_steps(r["path"], role)
        evidence = link_evidence.get((r["via"], r["id"])) or []
        if role.own_evidence and not evidence:
            evidence = action_evidence
        via = names.get(r["via"]) if r["via"] != action_id else None
        answer.items.append(EnabledByItem(
            entity={"id": r["id"], "name": r.get("name"), "type": r.get("type")},
            reason=role.reason, role=role.name,
            via={"id": via["id"], "name": via.get("name"), "type": via.get("type")} if via else None,
            path=steps, confidence=r.get("confidence"), evidence=evidence,
            path_evidence=[link_evidence.get((s["source"], s["target"]))
                           or link_evidence.get((s["target"], s["source"])) or [] for s in steps],
        ))
        for s in steps:
            edges.setdefault((s["source"], s["target"], s["type"]),
                             {**s, "category": "role" if s["source"] == action_id else "relation", "weight": 1,
                              "actions": [], "title": None})
    node_ids = {action_id} | {i for s in edges.values() for i in (s["source"], s["target"])}
    answer.nodes = [{**names.get(i, {"id": i}), "depth": None, "weight": 0} for i in sorted(node_ids)]
    answer.edges = sorted(edges.values(), key=lambda e: (e["source"], e["target"], e["type"]))
    return answer


def path_steps(path: list[str], role: EnabledByRole) -> list[dict]:
    """A path of ids (the action first) and the role that reached its end -> typed, correctly directed steps:
    the role relationship out of the action, the chain (PART_OF) between entities, and the role's own last
    relationship, pointing backward when the ontology says so (an authority ADMINISTERS the law before it)."""
    steps = [{"source": path[0], "type": role.first, "target": path[1]}]
    middle = path[1:]
    chain = middle[:-1] if role.last else middle
    steps += [{"source": a, "type": ONTOLOGY.enabled_by_chain, "target": b}
              for a, b in zip(chain, chain[1:], strict=False)]
    if role.last:
        source, target = (middle[-1], middle[-2]) if role.backward else (middle[-2], middle[-1])
        steps.append({"source": source, "type": role.last, "target": target})
    return steps
