"""The network view of an entity: breadth-first, one catalog query per hop and kind of link.

Nodes are entities. Edges are direct relations (PART_OF, HOLDS_ROLE, ...) and actions projected onto their
participants (actor -> target, typed by the action kind; actor -> law for UNDER, or target -> law when
the action names no actor). Weights count evidence sentences. Everything is capped: `limit` nodes in all,
`scan` entity-action links read per hop, so a hub (OFAC, "the U.S.") cannot blow the answer up.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.store import Store
from policygraph.ontology import REPORTED_IN, ROLE_RELATIONSHIPS
from queries.catalog import ask

BY, TARGETS, UNDER = (ROLE_RELATIONSHIPS[r] for r in ("by", "targets", "under"))
ROLES = frozenset(ROLE_RELATIONSHIPS.values())
MAX_ACTIONS_PER_EDGE = 20  # action ids listed on an edge (its weight still counts them all)


@dataclass
class _Edge:
    source: str
    target: str
    type: str
    category: str
    weight: int = 0
    actions: list[str] = field(default_factory=list)
    title: str | None = None


@dataclass
class NetworkBuilder:
    store: Store
    depth: int
    limit: int
    types: set[str] | None = None
    scan: int = 500
    nodes: dict[str, dict] = field(default_factory=dict)
    edges: dict[tuple[str, str, str, str], _Edge] = field(default_factory=dict)
    truncated: bool = False
    _seen: set[tuple] = field(default_factory=set)

    def _admit(self, entity: dict, depth: int) -> bool:
        """Add a node if it passes the type filter and the cap; True when it is (now) in the graph."""
        if entity["id"] in self.nodes:
            return True
        if self.types and entity.get("type") not in self.types:
            return False
        if len(self.nodes) >= self.limit:
            self.truncated = True
            return False
        self.nodes[entity["id"]] = {**entity, "depth": depth, "weight": 0}
        return True

    def _edge(self, source: str, target: str, etype: str, category: str, weight: int, action: str | None,
              title: str | None = None) -> None:
        key = (source, target, etype, title or "")
        edge = self.edges.setdefault(key, _Edge(source, target, etype, category, title=title))
        if action is not None:
            if (key, action) in self._seen:
                return  # the same action seen from both ends of the edge
            self._seen.add((key, action))
            if len(edge.actions) < MAX_ACTIONS_PER_EDGE:
                edge.actions.append(action)
        edge.weight += max(1, weight)

    def build(self, center: dict) -> None:
        self.nodes[center["id"]] = {**center, "depth": 0, "weight": 0}
        frontier = [center["id"]]
        for hop in range(1, self.depth + 1):
            if not frontier:
                break
            found: list[str] = []
            rows = ask(self.store, "network_relations", ids=frontier, limit=self.scan * len(frontier))
            for row in sorted(rows, key=lambda r: (r["source"], r["target"], r["type"], r.get("title") or "")):
                if not self._reach(row["other"], hop, found):
                    continue
                self._edge(row["source"], row["target"], row["type"], "relation", row.get("evidence") or 1, None,
                           title=row.get("title"))
            rows = ask(self.store, "network_actions", ids=frontier, scan=self.scan, limit=self.scan * 8)
            if len(rows) >= self.scan * 8:
                self.truncated = True
            for row in self._action_rows(rows):
                pair = self._action_edge(row)
                if pair is None:
                    continue
                if not self._reach(row["other"], hop, found):
                    continue
                self._edge(*pair, row["evidence"], row["action_id"])
            frontier = sorted(set(found))
        self._finish()

    def _reach(self, other: dict, hop: int, found: list[str]) -> bool:
        """Admit a neighbour; one seen for the first time joins the next hop's frontier."""
        new = other["id"] not in self.nodes
        if not self._admit(other, hop):
            return False
        if new:
            found.append(other["id"])
        return True

    @staticmethod
    def _action_rows(rows: list[dict]) -> list[dict]:
        """Flat (source, action, link, other) rows -> one row per (source, action, participant), with the
        action's evidence count and whether it names an actor, in a stable order."""
        evidence: dict[str, int] = {}
        has_actor: dict[str, bool] = {}
        for r in rows:
            if r["link"] == REPORTED_IN:
                evidence[r["action_id"]] = evidence.get(r["action_id"], 0) + 1
            elif r["link"] == BY or r["source_role"] == BY:
                has_actor[r["action_id"]] = True
        out = [
            {"source": r["source"], "source_role": r["source_role"], "action_id": r["action_id"], "kind": r["kind"],
             "other_role": r["link"], "evidence": evidence.get(r["action_id"], 0),
             "has_actor": has_actor.get(r["action_id"], False),
             "other": {"id": r["other_id"], "name": r["other_name"], "type": r["other_type"],
                       "kind": r["other_kind"]}}
            for r in rows if r["link"] in ROLES
        ]
        return sorted(out, key=lambda r: (r["source"], r["action_id"], r["other"]["id"], r["other_role"]))

    @staticmethod
    def _action_edge(row: dict) -> tuple[str, str, str, str] | None:
        s, o, sr, orole = row["source"], row["other"]["id"], row["source_role"], row["other_role"]
        kind = row.get("kind") or "action"
        if sr == BY and orole == TARGETS:
            return s, o, kind, "action"
        if sr == TARGETS and orole == BY:
            return o, s, kind, "action"
        if sr == BY and orole == UNDER:
            return s, o, UNDER, "role"
        if sr == UNDER and orole == BY:
            return o, s, UNDER, "role"
        # target <-> law: only drawn when the action has no actor (else the actor carries the law)
        if {sr, orole} == {TARGETS, UNDER} and not row.get("has_actor", True):
            return (s, o, UNDER, "role") if sr == TARGETS else (o, s, UNDER, "role")
        return None

    def _finish(self) -> None:
        for edge in self.edges.values():
            for end in (edge.source, edge.target):
                if end in self.nodes:
                    self.nodes[end]["weight"] += edge.weight

    def result(self) -> tuple[list[dict], list[dict]]:
        nodes = sorted(self.nodes.values(), key=lambda n: (n["depth"], n["id"]))
        edges = [
            {"source": e.source, "target": e.target, "type": e.type, "category": e.category,
             "weight": e.weight, "actions": sorted(e.actions), "title": e.title}
            for e in self.edges.values()
            if e.source in self.nodes and e.target in self.nodes
        ]
        edges.sort(key=lambda e: (e["source"], e["target"], e["type"], e["title"] or ""))
        return nodes, edges
