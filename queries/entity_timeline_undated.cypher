// name: entity_timeline_undated
// description: The timeline items (as entity_timeline: parts and evidence as lists) of the undated actions aimed at an entity, by id after
//   `after_id`: they end its timeline (a hub's walk reaches them after its last date window).
// params: id:str, after_id:str?, limit:int=50
// columns: action_id, kind, status, date, confidence, sort_key, via, parts, evidence
MATCH (:Entity {id: $id})<-[:TARGETS]-(a:Action)
WITH a
WHERE a.date IS NULL AND ($after_id IS NULL OR a.id > $after_id)
WITH a, '9999-12-31' AS sort_key
ORDER BY a.id
LIMIT $limit
OPTIONAL MATCH (a)-[role]->(x:Entity)
WITH a, sort_key, collect([type(role), x.id, x.name, x.type]) AS parts
OPTIONAL MATCH (a)-[r:REPORTED_IN]->(d:Document)
WITH a, sort_key, parts,
     collect([d.id, d.title, d.published, d.url, r.start, r.end, r.quote]) AS evidence
RETURN a.id AS action_id, a.kind AS kind, a.status AS status, a.date AS date, a.confidence AS confidence,
       sort_key, null AS via, parts, evidence
ORDER BY action_id
