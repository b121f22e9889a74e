// name: search_entities
// description: Entities whose name or an alias contains every search word (the last one as a prefix), case, accent and punctuation blind; optional type filter. Ranked: exact name (score 3), exact alias (2), name prefix (1), other (0), then by the number of documents mentioning them. This portable version scans; each store overrides it with its full-text index.
// params: q:fulltext, type:entity_type?, limit:int=20
// columns: id, name, type, kind, aliases, mention_count, score
MATCH (node:Entity)
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
