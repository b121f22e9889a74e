// name: export_actions
// description: Actions for export in id order (keyset on id), with their caption (name), participant ids per role and every evidence sentence (document id, url, offsets, quote).
// params: after:str='', limit:int=5000
// columns: id, name, kind, status, date, confidence, by, targets, under, evidence
MATCH (a:Action)
WHERE a.id > $after
WITH a
ORDER BY a.id
LIMIT $limit
RETURN a.id AS id, a.name AS name, a.kind AS kind, a.status AS status, a.date AS date, a.confidence AS confidence,
       [(a)-[:BY]->(b:Entity) | b.id] AS by,
       [(a)-[:TARGETS]->(t:Entity) | t.id] AS targets,
       [(a)-[:UNDER]->(u:Entity) | u.id] AS under,
       [(a)-[r:REPORTED_IN]->(d:Document) | {doc_id: d.id, doc_title: d.title, published: d.published,
         url: d.url, start: r.start, end: r.end, quote: r.quote}] AS evidence
ORDER BY id
