// Neo4j has no indegree(): the in-degree is a COUNT subquery (which reads the degree from the node store).
MATCH (e:Entity {id: $id})
WITH e, COUNT { (e)<-[:TARGETS]-() } AS targeted
WITH e, targeted, CASE WHEN targeted <= $hub THEN e END AS t
OPTIONAL MATCH (t)<-[:TARGETS]-(a:Action)
WHERE $after_id IS NULL OR coalesce(a.date, '9999-12-31') > $after_key
   OR (coalesce(a.date, '9999-12-31') = $after_key AND a.id > $after_id)
WITH e, targeted, a, coalesce(a.date, '9999-12-31') AS sort_key
ORDER BY sort_key, a.id
LIMIT $limit
OPTIONAL MATCH (a)-[role]->(x:Entity)
WITH e, targeted, a, sort_key, collect([type(role), x.id, x.name, x.type]) AS parts
OPTIONAL MATCH (a)-[r:REPORTED_IN]->(d:Document)
WITH e, targeted, a, sort_key, parts,
     collect([d.id, d.title, d.published, d.url, r.start, r.end, r.quote]) AS evidence
RETURN e.id AS entity_id, e.name AS entity_name, e.type AS entity_type, targeted,
       a.id AS action_id, a.kind AS kind, a.status AS status, a.date AS date, a.confidence AS confidence,
       sort_key, null AS via, parts, evidence
ORDER BY sort_key, action_id
