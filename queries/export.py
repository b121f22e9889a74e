"""Export the graph (or a subgraph around an entity): GraphML, CSV in neo4j-admin import form (a zip of
entities.csv, actions.csv, relationships.csv: queries/export_csv.py), and FollowTheMoney JSON lines
(queries/export_ftm.py).

The full graph is read page by page (keyset on id) through the catalog; nodes are entities and actions,
edges are the action roles (BY/TARGETS/UNDER) and the entity relations. Documents are not nodes of the
export: each action carries its evidence count, first quote and source URLs as attributes instead.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field

import networkx as nx

from graph.store import Store
from policygraph.ontology import ROLE_RELATIONSHIPS
from queries.answers import NotFound
from queries.catalog import ask
from queries.export_csv import action_name, csv_zip
from queries.export_ftm import ftm_lines
from queries.network import NetworkBuilder

PAGE = 5000
FORMATS = ("graphml", "csv", "json")
# what each format is written as: file suffix and media type (the CLI's default --out, the API's headers)
SUFFIX = {"graphml": "graphml", "csv": "csv.zip", "json": "ftm.json"}
MEDIA = {"graphml": "application/graphml+xml", "csv": "application/zip", "json": "application/x-ndjson"}


@dataclass
class GraphData:
    entities: list[dict] = field(default_factory=list)
    actions: list[dict] = field(default_factory=list)
    relations: list[dict] = field(default_factory=list)
    truncated: bool = False


def _pages(store: Store, name: str, max_rows: int) -> Iterator[dict]:
    after, seen = "", 0
    while seen < max_rows:
        want = min(PAGE, max_rows - seen)
        rows = ask(store, name, after=after, limit=want)
        yield from rows
        seen += len(rows)
        if len(rows) < want:
            return
        after = rows[-1]["id"]


def collect_full(store: Store, max_nodes: int) -> GraphData:
    data = GraphData()
    data.entities = list(_pages(store, "export_entities", max_nodes))
    data.actions = list(_pages(store, "export_actions", max_nodes))
    data.truncated = len(data.entities) >= max_nodes or len(data.actions) >= max_nodes
    known = {e["id"] for e in data.entities}
    ids = sorted(known)
    for i in range(0, len(ids), PAGE):
        data.relations += [r for r in ask(store, "export_relations", ids=ids[i : i + PAGE]) if r["target"] in known]
    if data.truncated:  # keep only actions whose participants are all exported
        data.actions = [a for a in data.actions
                        if all(x in known for role in ("by", "targets", "under") for x in a.get(role) or [])]
    return data


def collect_subgraph(store: Store, center: dict, depth: int, max_nodes: int) -> GraphData:
    """Entities of the network view around `center`, their relations, and the actions among them."""
    builder = NetworkBuilder(store, depth=depth, limit=max_nodes)
    builder.build(center)
    nodes, edges = builder.result()
    data = GraphData(entities=[], truncated=builder.truncated)
    known = {n["id"] for n in nodes}
    action_ids = sorted({a for e in edges for a in e["actions"]})
    data.entities = [{"id": n["id"], "name": n.get("name"), "type": n.get("type"), "kind": n.get("kind"),
                      "aliases": []} for n in nodes]
    for aid in action_ids:
        row = ask(store, "action", id=aid)
        if row:
            a = row[0]
            data.actions.append({
                **{k: a.get(k) for k in ("id", "kind", "status", "date", "confidence", "evidence")},
                **{role: [x["id"] for x in a.get(role) or [] if x and x["id"] in known]
                   for role in ("by", "targets", "under")},
            })
    data.relations = [r for r in ask(store, "export_relations", ids=sorted(known)) if r["target"] in known]
    return data


def _action_attrs(a: dict) -> dict:
    ev = [e for e in a.get("evidence") or [] if e and e.get("doc_id")]
    urls = sorted({e["url"] for e in ev if e.get("url")})
    quote = next((e["quote"] for e in ev if e.get("quote")), "")
    return {"evidence": len(ev), "quote": quote, "sources": " ".join(urls)}


def to_networkx(data: GraphData) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    names = {e["id"]: e.get("name") or e["id"] for e in data.entities}
    for e in data.entities:
        g.add_node(e["id"], label="Entity", type=e.get("type") or "", name=e.get("name") or "",
                   kind=e.get("kind") or "", aliases=" | ".join(e.get("aliases") or []))
    for a in data.actions:
        g.add_node(a["id"], label="Action", type="Action", name=action_name(a, names), kind=a.get("kind") or "",
                   status=a.get("status") or "", date=a.get("date") or "",
                   confidence=float(a.get("confidence") or 0.0), **_action_attrs(a))
        for role, rel in ROLE_RELATIONSHIPS.items():
            for target in a.get(role) or []:
                g.add_edge(a["id"], target, key=rel, type=rel)
    for r in data.relations:
        g.add_edge(r["source"], r["target"], key=f"{r['type']}:{r.get('title') or ''}", type=r["type"],
                   title=r.get("title") or "", confidence=float(r.get("confidence") or 0.0),
                   evidence=int(r.get("evidence") or 0))
    return g


def graphml(data: GraphData) -> bytes:
    buf = io.BytesIO()
    nx.write_graphml(to_networkx(data), buf, named_key_ids=True)
    return buf.getvalue()


def export(store: Store, fmt: str, entity: str | None = None, depth: int = 1,
           max_nodes: int = 100_000) -> tuple[bytes, bool]:
    """The whole graph, or the network `depth` steps around `entity`, as `fmt` (one of FORMATS); and whether
    it was cut at `max_nodes`. Raises NotFound for an unknown entity."""
    if entity:
        rows = ask(store, "entity_ref", id=entity)
        if not rows:
            raise NotFound(f"no entity with id {entity!r}")
        data = collect_subgraph(store, rows[0], depth, max_nodes)
    else:
        data = collect_full(store, max_nodes)
    if fmt == "graphml":
        body = graphml(data)
    elif fmt == "csv":
        body = csv_zip(data.entities, data.actions, data.relations)
    else:
        lines = ftm_lines(data.entities, data.actions, data.relations, _document_urls(store, data.relations))
        body = "".join(line + "\n" for line in lines).encode("utf-8")
    return body, data.truncated


def _document_urls(store: Store, relations: list[dict]) -> dict[str, str | None]:
    """The original's URL of every document a relation's evidence names (actions carry theirs)."""
    ids = sorted({d for r in relations for d in r.get("doc_ids") or []})
    out: dict[str, str | None] = {}
    for i in range(0, len(ids), PAGE):
        out.update({row["id"]: row["url"] for row in ask(store, "export_documents", ids=ids[i : i + PAGE])})
    return out
