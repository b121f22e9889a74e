// name: entities_top
// description: Entities for browsing when there is no search text, in name order (a bounded top-k, no aggregation over the graph), optional type filter, with the number of documents mentioning each; keyset-paginated on (name, id) after `after_name`, `after_id`.
// params: type:entity_type?, limit:int=20, after_name:str?, after_id:str?
// columns: id, name, type, kind, aliases, mention_count, sort_name
MATCH (node:Entity)
WHERE ($type IS NULL OR node.type = $type)
  AND ($after_id IS NULL OR coalesce(node.name, '') > $after_name
       OR (coalesce(node.name, '') = $after_name AND node.id > $after_id))
WITH node
ORDER BY coalesce(node.name, ''), node.id
LIMIT $limit
OPTIONAL MATCH (node)-[m:MENTIONED_IN]->(:Document)
WITH node, count(m) AS mention_count
RETURN node.id AS id, node.name AS name, node.type AS type, node.kind AS kind, node.aliases AS aliases,
       mention_count, coalesce(node.name, '') AS sort_name
ORDER BY sort_name, id
