// name: action
// description: One action with its participants (by, targets, under) and every sentence that reports it (document title, date, url, character offsets, quote).
// params: id:str
// columns: id, kind, status, date, confidence, by, targets, under, evidence, corroboration
MATCH (a:Action {id: $id})
OPTIONAL MATCH (a)-[:BY]->(b:Entity)
WITH a, b
ORDER BY b.id
WITH a, collect(CASE WHEN b IS NULL THEN null ELSE {id: b.id, name: b.name, type: b.type} END) AS by
OPTIONAL MATCH (a)-[:TARGETS]->(t:Entity)
WITH a, by, t
ORDER BY t.id
WITH a, by, collect(CASE WHEN t IS NULL THEN null ELSE {id: t.id, name: t.name, type: t.type} END) AS targets
OPTIONAL MATCH (a)-[:UNDER]->(u:Entity)
WITH a, by, targets, u
ORDER BY u.id
WITH a, by, targets,
     collect(CASE WHEN u IS NULL THEN null ELSE {id: u.id, name: u.name, type: u.type, kind: u.kind} END) AS under
OPTIONAL MATCH (a)-[r:REPORTED_IN]->(d:Document)
WITH a, by, targets, under, r, d
ORDER BY d.published, d.id, r.start
WITH a, by, targets, under,
     collect(CASE WHEN d IS NULL THEN null ELSE
       {doc_id: d.id, doc_title: d.title, published: d.published, url: d.url, start: r.start, end: r.end,
        quote: r.quote} END) AS evidence
RETURN a.id AS id, a.kind AS kind, a.status AS status, a.date AS date, a.confidence AS confidence,
       by, targets, under, evidence, a.corroboration AS corroboration
