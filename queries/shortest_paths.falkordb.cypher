// name: shortest_paths
// description: FalkorDB form of shortest_paths. FalkorDB has no undirected shortestPath, and algo.SPpaths (the documented alternative) enumerates paths depth-first: through hub entities it ran for 40 s at 10^5 entities and cannot be interrupted by the query timeout. allShortestPaths with bound ends (WITH a, b) is undirected and breadth-first here, but a WHERE on relationship types is applied after the search (so a shorter path through documents would hide the right one): the types are therefore written into the pattern. They must be exactly api.routers.paths.FOLLOW (every role and relation of policygraph.ontology; tests/test_api.py checks it); `types` is accepted and unused.
// columns: length, nodes, edges
MATCH (a:Entity {id: $source}), (b:Entity {id: $target})
WITH a, b
MATCH p = allShortestPaths((a)-[:BY|TARGETS|UNDER|PART_OF|HOLDS_ROLE|ADMINISTERS|AUTHORIZES|BASED_IN*..6]-(b))
WITH p
WHERE length(p) <= $max_hops
RETURN length(p) AS length,
       [n IN nodes(p) | {id: n.id, name: coalesce(n.name, n.kind), type: coalesce(n.type, 'Action'),
                         kind: n.kind}] AS nodes,
       [r IN relationships(p) | {source: startNode(r).id, type: type(r), target: endNode(r).id}] AS edges
LIMIT $limit
