// name: actions_list
// description: Actions filtered by kind, status, date range, participant ids and a text match on the evidence,
//   newest first (undated last), one page at a time: keyset pagination on (date, id) so pages stay stable
//   while the graph grows. Null filters are off. The API anchors on an entity (actions_of_entity) when it can.
// params: kind:str?, status:str?, date_from:str?, date_to:str?, by:str?, target:str?, law:str?, ids:list?, text:str?, after_date:str?, after_id:str?, limit:int=50
// columns: id, kind, status, date, confidence, by, targets, under, sort_date
MATCH (a:Action)
WHERE ($kind IS NULL OR a.kind = $kind)
  AND ($status IS NULL OR a.status = $status)
  AND ($date_from IS NULL OR a.date >= $date_from)
  AND ($date_to IS NULL OR a.date <= $date_to)
WITH a, coalesce(a.date, '') AS sort_date
WHERE $after_id IS NULL OR sort_date < $after_date OR (sort_date = $after_date AND a.id > $after_id)
WITH a, sort_date,
     [(a)-[:BY]->(b:Entity) | {id: b.id, name: b.name, type: b.type}] AS by,
     [(a)-[:TARGETS]->(t:Entity) | {id: t.id, name: t.name, type: t.type}] AS targets,
     [(a)-[:UNDER]->(u:Entity) | {id: u.id, name: u.name, type: u.type}] AS under,
     CASE WHEN $text IS NULL THEN [] ELSE [(a)-[ev:REPORTED_IN]->(:Document) | toLower(ev.quote)] END AS quotes
WHERE ($by IS NULL OR any(x IN by WHERE x.id = $by))
  AND ($target IS NULL OR any(x IN targets WHERE x.id = $target))
  AND ($law IS NULL OR any(x IN under WHERE x.id = $law))
  AND ($ids IS NULL AND $text IS NULL
       OR ($ids IS NOT NULL AND any(x IN by + targets + under WHERE x.id IN $ids))
       OR ($text IS NOT NULL AND any(q IN quotes WHERE q CONTAINS $text)))
RETURN a.id AS id, a.kind AS kind, a.status AS status, a.date AS date, a.confidence AS confidence,
       by, targets, under, sort_date
ORDER BY sort_date DESC, id
LIMIT $limit
