// name: actions_search
// description: actions_list for a text search: the actions that have a participant among `ids` (the entities the API's name search found) or an evidence quote containing `text` (lower case), with the same filters, order and pagination. Scans the actions that pass the other filters.
// params: ids:list, text:str, kind:str?, status:str?, date_from:str?, date_to:str?, by:str?, target:str?, law:str?, after_date:str?, after_id:str?, limit:int=50
// columns: id, kind, status, date, confidence, parts, sort_date
MATCH (a:Action)
WHERE true
  AND ($kind IS NULL OR a.kind = $kind)
  AND ($status IS NULL OR a.status = $status)
  AND ($date_from IS NULL OR a.date >= $date_from)
  AND ($date_to IS NULL OR a.date <= $date_to)
  AND ($by IS NULL OR (a)-[:BY]->(:Entity {id: $by}))
  AND ($target IS NULL OR (a)-[:TARGETS]->(:Entity {id: $target}))
  AND ($law IS NULL OR (a)-[:UNDER]->(:Entity {id: $law}))
OPTIONAL MATCH (a)-[]->(p:Entity)
WITH a, collect(p.id) AS participant_ids
OPTIONAL MATCH (a)-[r:REPORTED_IN]->(:Document)
WITH a, participant_ids, collect(toLower(r.quote)) AS quotes
WHERE any(i IN participant_ids WHERE i IN $ids) OR any(q IN quotes WHERE q CONTAINS $text)
WITH a, coalesce(a.date, '') AS sort_date
WHERE $after_id IS NULL OR sort_date < $after_date OR (sort_date = $after_date AND a.id > $after_id)
WITH a, sort_date
ORDER BY sort_date DESC, a.id
LIMIT $limit
OPTIONAL MATCH (a)-[role]->(x:Entity)
WITH a, sort_date, collect({role: type(role), id: x.id, name: x.name, type: x.type}) AS parts
RETURN a.id AS id, a.kind AS kind, a.status AS status, a.date AS date, a.confidence AS confidence, parts,
       sort_date
ORDER BY sort_date DESC, id
