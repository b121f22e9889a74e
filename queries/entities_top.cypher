// name: entities_top
// description: Entities for browsing when there is no search text: the most mentioned first (documents that mention them), optional type filter. A scan: meant for the explorer's empty search box.
// params: type:entity_type?, limit:int=20
// columns: id, name, type, kind, aliases, mention_count
MATCH (node:Entity)
WHERE $type IS NULL OR node.type = $type
OPTIONAL MATCH (node)-[m:MENTIONED_IN]->(:Document)
WITH node, count(m) AS mention_count
RETURN node.id AS id, node.name AS name, node.type AS type, node.kind AS kind, node.aliases AS aliases,
       mention_count
ORDER BY mention_count DESC, name, id
LIMIT $limit
