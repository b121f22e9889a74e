// name: shortest_paths
// description: FalkorDB form of shortest_paths: FalkorDB has no undirected shortestPath, so algo.SPpaths with
//   relDirection 'both' (unweighted: every hop costs 1), relTypes and maxLen as parameters.
// columns: length, nodes, edges
MATCH (a:Entity {id: $source}), (b:Entity {id: $target})
CALL algo.SPpaths({sourceNode: a, targetNode: b, relTypes: $types, relDirection: 'both', maxLen: $max_hops,
                   pathCount: $limit})
YIELD path
RETURN length(path) AS length,
       [n IN nodes(path) | {id: n.id, name: coalesce(n.name, n.kind), type: coalesce(n.type, 'Action'),
                            kind: n.kind}] AS nodes,
       [r IN relationships(path) | {source: startNode(r).id, type: type(r), target: endNode(r).id}] AS edges
LIMIT $limit
