// name: actions_undated
// description: The undated actions (they come last in newest-first listings), by id, after `after_id`,
//   passing the kind/status filters. A scan of the actions (no index finds a missing date): the listing
//   reaches it only after every dated action.
// params: kind:str?, status:str?, after_id:str?, limit:int=50
// columns: id, sort_date
MATCH (a:Action)
WHERE a.date IS NULL
  AND ($kind IS NULL OR a.kind = $kind)
  AND ($status IS NULL OR a.status = $status)
  AND ($after_id IS NULL OR a.id > $after_id)
RETURN a.id AS id, '' AS sort_date
ORDER BY id
LIMIT $limit
