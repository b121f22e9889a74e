"""Centrality of actors on the actor -> target projection (networkx).

PageRank on the directed, action-count-weighted graph; betweenness on the same graph, sampled (k pivots,
fixed seed so repeated calls agree) once it has more than EXACT_BETWEENNESS_NODES nodes — exact betweenness
is O(n·m); the projection is already bounded (the newest `max_actions` actions, api.routers.analytics).
"""

from __future__ import annotations

import networkx as nx

EXACT_BETWEENNESS_NODES = 2000
BETWEENNESS_SAMPLES = 500


def projection_graph(rows: list[dict]) -> nx.DiGraph:
    g = nx.DiGraph()
    for r in rows:
        s, t = r["source"], r["target"]
        g.add_node(s["id"], name=s.get("name"), type=s.get("type"))
        g.add_node(t["id"], name=t.get("name"), type=t.get("type"))
        g.add_edge(s["id"], t["id"], weight=int(r["actions"]))
    return g


def centrality(g: nx.DiGraph, limit: int) -> list[dict]:
    if g.number_of_nodes() == 0:
        return []
    # PageRank on reversed edges: being the actor of many actions (pointing at targets) is what we rank,
    # so rank flows from targets back to the bodies that act on them.
    pagerank = nx.pagerank(g.reverse(copy=False), weight="weight")
    k = None if g.number_of_nodes() <= EXACT_BETWEENNESS_NODES else BETWEENNESS_SAMPLES
    betweenness = nx.betweenness_centrality(g.to_undirected(as_view=True), k=k, seed=7, normalized=True)
    out_deg = dict(g.out_degree(weight="weight"))
    in_deg = dict(g.in_degree(weight="weight"))
    ranked = sorted(g.nodes, key=lambda n: (-pagerank[n], -betweenness[n], n))[:limit]
    return [
        {"entity": {"id": n, "name": g.nodes[n].get("name"), "type": g.nodes[n].get("type")},
         "pagerank": round(pagerank[n], 6), "betweenness": round(betweenness[n], 6),
         "actions_by": int(out_deg.get(n, 0)), "actions_targeted": int(in_deg.get(n, 0))}
        for n in ranked
    ]
