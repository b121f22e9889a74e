// name: timeline_by_ids
// description: Timeline items (status, participants, evidence sentences) of the actions with these ids, in
//   timeline order: the page the windowed timeline of a hub picked. Same columns as entity_timeline.
// params: ids:list
// columns: action_id, kind, status, date, confidence, sort_key, via, parts, evidence
UNWIND $ids AS action_id
MATCH (a:Action {id: action_id})
WITH a, coalesce(a.date, '9999-12-31') AS sort_key
OPTIONAL MATCH (a)-[role]->(x:Entity)
WITH a, sort_key, collect({role: type(role), id: x.id, name: x.name, type: x.type}) AS parts
OPTIONAL MATCH (a)-[r:REPORTED_IN]->(d:Document)
WITH a, sort_key, parts, collect({doc_id: d.id, doc_title: d.title, published: d.published, url: d.url,
                                  start: r.start, end: r.end, quote: r.quote}) AS evidence
RETURN a.id AS action_id, a.kind AS kind, a.status AS status, a.date AS date, a.confidence AS confidence,
       sort_key, null AS via, parts, evidence
ORDER BY sort_key, action_id
