// name: entity_timeline
// description: Every action aimed at an entity (TARGETS), oldest first (undated last), with status, the other
//   participants and the evidence sentences. With include_children, also the actions aimed at the bodies that
//   are PART_OF it (up to 3 levels); `via` then names the child the action targeted.
// params: id:str, include_children:bool=false, limit:int=100
// columns: action_id, kind, status, date, confidence, via, by, targets, under, evidence
MATCH (e:Entity {id: $id})
MATCH (t:Entity)-[:PART_OF*0..3]->(e)
WHERE t = e OR $include_children
MATCH (a:Action)-[:TARGETS]->(t)
WITH e, a, collect(DISTINCT t) AS aimed
WITH e, a, CASE WHEN e IN aimed THEN null ELSE aimed[0] END AS child
ORDER BY coalesce(a.date, '9999-12-31'), a.id
LIMIT $limit
RETURN a.id AS action_id, a.kind AS kind, a.status AS status, a.date AS date, a.confidence AS confidence,
       CASE WHEN child IS NULL THEN null ELSE {id: child.id, name: child.name, type: child.type} END AS via,
       [(a)-[:BY]->(x:Entity) | {id: x.id, name: x.name, type: x.type}] AS by,
       [(a)-[:TARGETS]->(y:Entity) | {id: y.id, name: y.name, type: y.type}] AS targets,
       [(a)-[:UNDER]->(z:Entity) | {id: z.id, name: z.name, type: z.type}] AS under,
       [(a)-[r:REPORTED_IN]->(d:Document) | {doc_id: d.id, doc_title: d.title, published: d.published,
         url: d.url, start: r.start, end: r.end, quote: r.quote}] AS evidence
ORDER BY coalesce(date, '9999-12-31'), action_id
