// name: search_fuzzy
// description: Typo-tolerant candidates for entity search: the store's full-text index queried with fuzzy terms (built by queries.search per store: RediSearch %word% / Lucene word~1), with the entity's search words so the API can apply one edit-distance rule on both stores. Portable version: a prefix scan on the first two letters of each word (the stores override it with their index).
// params: expr:str, first:str, type:entity_type?, limit:int=200
// columns: id, name, type, kind, aliases, search_terms, mention_count
MATCH (node:Entity)
WHERE node._search_text CONTAINS (' ' + $first)
  AND ($type IS NULL OR node.type = $type)
WITH node
LIMIT $limit
OPTIONAL MATCH (node)-[m:MENTIONED_IN]->(:Document)
WITH node, count(m) AS mention_count
RETURN node.id AS id, node.name AS name, node.type AS type, node.kind AS kind, node.aliases AS aliases,
       node._search_terms AS search_terms, mention_count
