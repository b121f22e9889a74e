// name: shortest_paths
// description: All shortest undirected paths between two entities through actions (BY/TARGETS/UNDER) and
//   entity relations, never through documents. Action nodes appear with type "Action". Hops are
//   relationships, so entity-action-entity is 2 hops. Neo4j form (allShortestPaths; the hop bound cannot be a
//   parameter there, so the pattern is bounded at 6 and max_hops filters).
// params: source:str, target:str, types:list, max_hops:int=4, limit:int=10
// columns: length, nodes, edges
MATCH (a:Entity {id: $source}), (b:Entity {id: $target})
MATCH p = allShortestPaths((a)-[*..6]-(b))
WHERE all(r IN relationships(p) WHERE type(r) IN $types) AND length(p) <= $max_hops
RETURN length(p) AS length,
       [n IN nodes(p) | {id: n.id, name: coalesce(n.name, n.kind), type: coalesce(n.type, 'Action'),
                         kind: n.kind}] AS nodes,
       [r IN relationships(p) | {source: startNode(r).id, type: type(r), target: endNode(r).id}] AS edges
LIMIT $limit
