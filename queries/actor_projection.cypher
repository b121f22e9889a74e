// name: actor_projection
// description: The actor -> target projection of the action graph (who acts against whom), one row per pair with the number of actions and their evidence count, heaviest first; capped at `limit` pairs so analytics work on a bounded subgraph. Optional kind and date filters.
// params: kind:str?, date_from:str?, date_to:str?, limit:int=20000
// columns: source, target, actions
MATCH (b:Entity)<-[:BY]-(a:Action)-[:TARGETS]->(t:Entity)
WHERE b <> t
  AND ($kind IS NULL OR a.kind = $kind)
  AND ($date_from IS NULL OR a.date >= $date_from)
  AND ($date_to IS NULL OR a.date <= $date_to)
WITH b, t, count(DISTINCT a) AS actions
RETURN {id: b.id, name: b.name, type: b.type} AS source, {id: t.id, name: t.name, type: t.type} AS target, actions
ORDER BY actions DESC, source.id, target.id
LIMIT $limit
