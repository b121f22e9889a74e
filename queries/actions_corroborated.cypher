// name: actions_corroborated
// description: actions_list restricted to one corroboration verdict (confirmed, contradicted, unverified), newest
//   first, with the same kind/status filters and pagination (after_date, after_id).
// params: corroboration:str, kind:str?, status:str?, date_from:str?, date_to:str?, after_date:str?, after_id:str?, limit:int=50
// columns: id, kind, status, date, confidence, parts, sort_date
MATCH (a:Action)
WHERE a.corroboration = $corroboration
  AND ($kind IS NULL OR a.kind = $kind)
  AND ($status IS NULL OR a.status = $status)
  AND ($date_from IS NULL OR a.date >= $date_from)
  AND ($date_to IS NULL OR a.date <= $date_to)
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
