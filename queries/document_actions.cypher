// name: document_actions
// description: The actions a document reports, each with its evidence spans in that document (start, end,
//   quote; start = -1 when the action has no located sentence).
// params: id:str, limit:int=500
// columns: id, kind, status, date, spans
MATCH (a:Action)-[r:REPORTED_IN]->(d:Document {id: $id})
WITH a, collect({start: r.start, end: r.end, text: r.quote}) AS spans
RETURN a.id AS id, a.kind AS kind, a.status AS status, a.date AS date, spans
ORDER BY id
LIMIT $limit
