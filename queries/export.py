"""Export the graph (or a subgraph around an entity): GraphML, CSV (nodes.csv + edges.csv in a zip), and
FollowTheMoney-style JSON lines (entities with FtM schemata, sanctions as `Sanction`, other measures as `Event`).

The full graph is read page by page (keyset on id) through the catalog; nodes are entities and actions,
edges are the action roles (BY/TARGETS/UNDER) and the entity relations. Documents are not nodes of the
export: each action carries its evidence count, first quote and source URLs as attributes instead.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field

import networkx as nx

from graph.store import Store
from policygraph.ontology import RESTRICTIVE_KINDS, ROLE_RELATIONSHIPS
from queries.answers import NotFound
from queries.catalog import ask
from queries.network import NetworkBuilder

PAGE = 5000
FORMATS = ("graphml", "csv", "json")
FTM_SCHEMA = {"Person": "Person", "Company": "Company", "Organization": "Organization",
              "Authority": "PublicBody", "Country": "LegalEntity", "Place": "Address", "Law": "Thing"}
SANCTION_KINDS = RESTRICTIVE_KINDS  # what FtM calls a Sanction: policygraph/ontology.yaml restrictive_kinds


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
    for e in data.entities:
        g.add_node(e["id"], label="Entity", type=e.get("type") or "", name=e.get("name") or "",
                   kind=e.get("kind") or "", aliases=" | ".join(e.get("aliases") or []))
    for a in data.actions:
        g.add_node(a["id"], label="Action", type="Action", name=a.get("kind") or "", kind=a.get("kind") or "",
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


NODE_COLUMNS = ["id", "label", "type", "name", "kind", "aliases", "status", "date", "confidence", "evidence",
                "quote", "sources"]
EDGE_COLUMNS = ["source", "target", "type", "title", "confidence", "evidence"]


def csv_zip(data: GraphData) -> bytes:
    g = to_networkx(data)
    nodes, edges = io.StringIO(), io.StringIO()
    w = csv.DictWriter(nodes, NODE_COLUMNS, extrasaction="ignore")
    w.writeheader()
    for n, attrs in g.nodes(data=True):
        w.writerow({"id": n, **attrs})
    w = csv.DictWriter(edges, EDGE_COLUMNS, extrasaction="ignore")
    w.writeheader()
    for s, t, attrs in g.edges(data=True):
        w.writerow({"source": s, "target": t, **attrs})
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("nodes.csv", nodes.getvalue())
        zf.writestr("edges.csv", edges.getvalue())
    return buf.getvalue()


def ftm_lines(data: GraphData) -> Iterator[str]:
    names = {e["id"]: e.get("name") for e in data.entities}
    for e in data.entities:
        props: dict[str, list] = {"name": [e.get("name") or e["id"]]}
        aliases = [a for a in e.get("aliases") or [] if a != e.get("name")]
        if aliases:
            props["alias"] = aliases
        if e.get("type") == "Place":
            props["full"] = props["name"]
        yield json.dumps({"id": e["id"], "schema": FTM_SCHEMA.get(e.get("type") or "", "LegalEntity"),
                          "properties": props, "policygraph:type": e.get("type")}, ensure_ascii=False)
    for a in data.actions:
        ev = [x for x in a.get("evidence") or [] if x and x.get("doc_id")]
        common = {
            "sourceUrl": sorted({x["url"] for x in ev if x.get("url")}),
            "summary": [x["quote"] for x in ev if x.get("quote")][:5],
        }
        if a.get("date"):
            common["startDate" if a.get("kind") in SANCTION_KINDS else "date"] = [a["date"]]
        if a.get("kind") in SANCTION_KINDS:
            for target in a.get("targets") or [None]:
                props = {**common, "authority": [names.get(b) or b for b in a.get("by") or []],
                         "program": [names.get(u) or u for u in a.get("under") or []],
                         "status": [a.get("status")], "reason": [a.get("kind")]}
                if target:
                    props["entity"] = [target]
                yield json.dumps({"id": a["id"] if target is None else f"{a['id']}.{target}", "schema": "Sanction",
                                  "properties": {k: v for k, v in props.items() if v and v != [None]}},
                                 ensure_ascii=False)
        else:
            props = {**common, "name": [a.get("kind")], "organizer": list(a.get("by") or []),
                     "involved": list(a.get("targets") or []) + list(a.get("under") or [])}
            yield json.dumps({"id": a["id"], "schema": "Event",
                              "properties": {k: v for k, v in props.items() if v}}, ensure_ascii=False)


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
        body = csv_zip(data)
    else:
        body = "".join(line + "\n" for line in ftm_lines(data)).encode("utf-8")
    return body, data.truncated
