// name: entity_timeline_children
// description: entity_timeline with the actions aimed at the bodies PART_OF the entity (up to 3 levels) too; `via` names the child an action targeted (null when it targeted the entity itself). Same order, keyset pagination and list forms of parts and evidence.
// params: id:str, after_key:str?, after_id:str?, limit:int=50
// columns: action_id, kind, status, date, confidence, sort_key, via, parts, evidence
MATCH (e:Entity {id: $id})
MATCH (t:Entity)-[:PART_OF*0..3]->(e)
MATCH (a:Action)-[:TARGETS]->(t)
WITH e, a, collect(DISTINCT t) AS aimed
WITH a, CASE WHEN e IN aimed THEN null ELSE aimed[0] END AS child, coalesce(a.date, '9999-12-31') AS sort_key
WHERE $after_id IS NULL OR sort_key > $after_key OR (sort_key = $after_key AND a.id > $after_id)
WITH a, child, sort_key
ORDER BY sort_key, a.id
LIMIT $limit
OPTIONAL MATCH (a)-[role]->(x:Entity)
WITH a, child, sort_key, collect([type(role), x.id, x.name, x.type]) AS parts
OPTIONAL MATCH (a)-[r:REPORTED_IN]->(d:Document)
WITH a, child, sort_key, parts, collect([d.id, d.title, d.published, d.url, r.start, r.end, r.quote]) AS evidence
RETURN a.id AS action_id, a.kind AS kind, a.status AS status, a.date AS date, a.confidence AS confidence,
       sort_key, CASE WHEN child IS NULL THEN null ELSE {id: child.id, name: child.name, type: child.type} END AS via,
       parts, evidence
ORDER BY sort_key, action_id
