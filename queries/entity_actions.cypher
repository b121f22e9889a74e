// name: entity_actions
// description: The actions an entity takes part in, oldest first (undated last), with its role (by, targets or under: the contract field of the relationship), the other participants and how many documents report each action.
// params: id:str
// columns: id, kind, status, date, confidence, role, by, targets, under, documents
MATCH (e:Entity {id: $id})<-[rel:BY|TARGETS|UNDER]-(a:Action)
WITH a, toLower(type(rel)) AS role
OPTIONAL MATCH (a)-[:BY]->(b:Entity)
WITH a, role, b
ORDER BY b.id
WITH a, role, collect(CASE WHEN b IS NULL THEN null ELSE {id: b.id, name: b.name, type: b.type} END) AS by
OPTIONAL MATCH (a)-[:TARGETS]->(t:Entity)
WITH a, role, by, t
ORDER BY t.id
WITH a, role, by, collect(CASE WHEN t IS NULL THEN null ELSE {id: t.id, name: t.name, type: t.type} END) AS targets
OPTIONAL MATCH (a)-[:UNDER]->(u:Entity)
WITH a, role, by, targets, u
ORDER BY u.id
WITH a, role, by, targets,
     collect(CASE WHEN u IS NULL THEN null ELSE {id: u.id, name: u.name, type: u.type} END) AS under
OPTIONAL MATCH (a)-[:REPORTED_IN]->(d:Document)
WITH a, role, by, targets, under, count(DISTINCT d) AS documents
RETURN a.id AS id, a.kind AS kind, a.status AS status, a.date AS date, a.confidence AS confidence, role,
       by, targets, under, documents
ORDER BY coalesce(a.date, '9999-99-99'), id, role
