// name: entity_timeline_window
// description: The actions aimed at an entity (TARGETS) among those dated with one of `dates` (a calendar
//   window), oldest first, after the keyset cursor (after_key, after_id); ids and sort keys only. For hubs:
//   the window's actions come from the Action.date index and each is checked for the entity, instead of
//   reading and sorting every action aimed at it.
// params: id:str, dates:list, after_key:str?, after_id:str?, limit:int=50
// columns: action_id, sort_key
MATCH (a:Action)
WHERE a.date IN $dates
  AND ($after_id IS NULL OR a.date > $after_key OR (a.date = $after_key AND a.id > $after_id))
// from each action to its few targets (a pattern predicate on the hub would scan the hub's edges per action)
WITH a
MATCH (a)-[:TARGETS]->(t)
WHERE t.id = $id
RETURN a.id AS action_id, a.date AS sort_key
ORDER BY sort_key, action_id
LIMIT $limit
