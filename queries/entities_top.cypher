// name: entities_top
// description: Entities for browsing when there is no search text, in name order (a bounded top-k, no aggregation over the graph), optional type filter, with the number of documents mentioning each.
// params: type:entity_type?, limit:int=20
// columns: id, name, type, kind, aliases, mention_count
MATCH (node:Entity)
WHERE $type IS NULL OR node.type = $type
WITH node
ORDER BY node.name, node.id
LIMIT $limit
OPTIONAL MATCH (node)-[m:MENTIONED_IN]->(:Document)
WITH node, count(m) AS mention_count
RETURN node.id AS id, node.name AS name, node.type AS type, node.kind AS kind, node.aliases AS aliases,
       mention_count
ORDER BY name, id
