// name: actions_undated_search
// description: actions_undated for a text search (participant among `ids` or a quote containing `text`).
// params: ids:list, text:str, kind:str?, status:str?, after_id:str?, limit:int=50
// columns: id, sort_date
MATCH (a:Action)
WHERE a.date IS NULL
  AND ($kind IS NULL OR a.kind = $kind)
  AND ($status IS NULL OR a.status = $status)
  AND ($after_id IS NULL OR a.id > $after_id)
OPTIONAL MATCH (a)-[]->(p:Entity)
WITH a, collect(p.id) AS participant_ids
OPTIONAL MATCH (a)-[r:REPORTED_IN]->(:Document)
WITH a, participant_ids, collect(toLower(r.quote)) AS quotes
WHERE any(i IN participant_ids WHERE i IN $ids) OR any(q IN quotes WHERE q CONTAINS $text)
RETURN a.id AS id, '' AS sort_date
ORDER BY id
LIMIT $limit
