// FalkorDB: the RediSearch full-text index of label Entity, queried with %fuzzy% terms.
CALL db.idx.fulltext.queryNodes('Entity', $expr) YIELD node
WITH node
WHERE $type IS NULL OR node.type = $type
WITH node
LIMIT $limit
OPTIONAL MATCH (node)-[m:MENTIONED_IN]->(:Document)
WITH node, count(m) AS mention_count
RETURN node.id AS id, node.name AS name, node.type AS type, node.kind AS kind, node.aliases AS aliases,
       node._search_terms AS search_terms, mention_count
