// name: entity_timeline
// description: Every action aimed at an entity (TARGETS), oldest first (undated last), with status, the participants (parts: role BY/TARGETS/UNDER + entity) and the evidence sentences. With include_children, also the actions aimed at the bodies that are PART_OF it (up to 3 levels); `via` then names the child the action targeted.
// params: id:str, include_children:bool=false, limit:int=200
// columns: action_id, kind, status, date, confidence, via, parts, evidence
// Participants and evidence are gathered with OPTIONAL MATCH + collect (one expansion per kind of link over
// the whole page) rather than pattern comprehensions, which FalkorDB re-plans for every row (several x slower).
MATCH (e:Entity {id: $id})
MATCH (t:Entity)-[:PART_OF*0..3]->(e)
WHERE t = e OR $include_children
MATCH (a:Action)-[:TARGETS]->(t)
WITH e, a, collect(DISTINCT t) AS aimed
WITH a, CASE WHEN e IN aimed THEN null ELSE aimed[0] END AS child
ORDER BY coalesce(a.date, '9999-12-31'), a.id
LIMIT $limit
OPTIONAL MATCH (a)-[role]->(x:Entity)
WITH a, child, collect({role: type(role), id: x.id, name: x.name, type: x.type}) AS parts
OPTIONAL MATCH (a)-[r:REPORTED_IN]->(d:Document)
WITH a, child, parts, collect({doc_id: d.id, doc_title: d.title, published: d.published, url: d.url,
                               start: r.start, end: r.end, quote: r.quote}) AS evidence
RETURN a.id AS action_id, a.kind AS kind, a.status AS status, a.date AS date, a.confidence AS confidence,
       CASE WHEN child IS NULL THEN null ELSE {id: child.id, name: child.name, type: child.type} END AS via,
       parts, evidence
ORDER BY coalesce(date, '9999-12-31'), action_id
