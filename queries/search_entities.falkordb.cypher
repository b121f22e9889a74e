// FalkorDB: the full-text index of label Entity (RediSearch), then the exact word filter on _search_text.
CALL db.idx.fulltext.queryNodes('Entity', $q) YIELD node
WHERE all(t IN $q_terms WHERE node._search_text CONTAINS (' ' + t + ' '))
  AND ($q_prefix = '' OR node._search_text CONTAINS (' ' + $q_prefix))
  AND ($type IS NULL OR node.type = $type)
OPTIONAL MATCH (node)-[m:MENTIONED_IN]->(:Document)
WITH node, count(m) AS documents
WITH node, documents,
     CASE WHEN head(node._search_terms) = $q_text THEN 3
          WHEN $q_text IN node._search_terms THEN 2
          WHEN head(node._search_terms) STARTS WITH $q_text THEN 1
          ELSE 0 END AS score
RETURN node.id AS id, node.name AS name, node.type AS type, node.kind AS kind, node.aliases AS aliases,
       documents AS mention_count, score
ORDER BY score DESC, mention_count DESC, name, id
LIMIT $limit
