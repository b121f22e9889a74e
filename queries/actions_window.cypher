// name: actions_window
// description: The actions dated with one of `dates` (exact date strings: the days, months and years of a
//   calendar window), newest first, passing the kind/status filters and the keyset cursor (after_date,
//   after_id); ids and sort keys only. The API walks windows back in time (queries.action_windows), so a page
//   reads the actions of a few months through the Action.date index, never every action. Exact values
//   (IN), not a range: FalkorDB's range index returns wrong rows for string ranges.
// params: dates:list, kind:str?, status:str?, after_date:str?, after_id:str?, limit:int=50
// columns: id, sort_date
MATCH (a:Action)
WHERE a.date IN $dates
  AND ($kind IS NULL OR a.kind = $kind)
  AND ($status IS NULL OR a.status = $status)
  AND ($after_id IS NULL OR a.date < $after_date OR (a.date = $after_date AND a.id > $after_id))
RETURN a.id AS id, a.date AS sort_date
ORDER BY sort_date DESC, id
LIMIT $limit
