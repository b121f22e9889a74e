// name: actions_window_search
// description: actions_window for a text search: of the actions dated with one of `dates`, those with a
//   participant among `ids` (the entities the name search found) or an evidence quote containing `text`
//   (lower case); same filters, order and cursor.
// params: dates:list, ids:list, text:str, kind:str?, status:str?, after_date:str?, after_id:str?, limit:int=50
// columns: id, sort_date
MATCH (a:Action)
WHERE a.date IN $dates
  AND ($kind IS NULL OR a.kind = $kind)
  AND ($status IS NULL OR a.status = $status)
  AND ($after_id IS NULL OR a.date < $after_date OR (a.date = $after_date AND a.id > $after_id))
OPTIONAL MATCH (a)-[]->(p:Entity)
WITH a, collect(p.id) AS participant_ids
OPTIONAL MATCH (a)-[r:REPORTED_IN]->(:Document)
WITH a, participant_ids, collect(toLower(r.quote)) AS quotes
WHERE any(i IN participant_ids WHERE i IN $ids) OR any(q IN quotes WHERE q CONTAINS $text)
RETURN a.id AS id, a.date AS sort_date
ORDER BY sort_date DESC, id
LIMIT $limit
