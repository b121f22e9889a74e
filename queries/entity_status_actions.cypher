// name: entity_status_actions
// description: The restrictive measures the texts report against an entity (as target), with their date
//   (else the date of the first report), status and the sentences that report them, oldest first: what
//   queries.lists_status folds into "in force on a date".
// params: id:str, kinds:list
// columns: id, kind, status, date, dated_by, evidence
MATCH (e:Entity {id: $id})<-[:TARGETS]-(a:Action)
WHERE a.kind IN $kinds
OPTIONAL MATCH (a)-[r:REPORTED_IN]->(d:Document)
WITH a, r, d
ORDER BY d.published, d.id, r.start
WITH a, collect(CASE WHEN d IS NULL THEN null ELSE
       {doc_id: d.id, doc_title: d.title, published: d.published, url: d.url, start: r.start, end: r.end,
        quote: r.quote} END) AS evidence, min(d.published) AS first_published
RETURN a.id AS id, a.kind AS kind, a.status AS status, coalesce(a.date, first_published) AS date,
       CASE WHEN a.date IS NULL THEN 'report' ELSE 'text' END AS dated_by, evidence
ORDER BY coalesce(date, '9999-99-99'), id
