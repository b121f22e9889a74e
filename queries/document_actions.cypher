// name: document_actions
// description: The actions a document reports, each with its participants (parts: role BY/TARGETS/UNDER + entity) and its evidence spans in that document (start, end, quote; start = -1 when the action has no located sentence).
// params: id:str, limit:int=500
// columns: id, kind, status, date, parts, spans
MATCH (a:Action)-[r:REPORTED_IN]->(d:Document {id: $id})
WITH a, collect({start: r.start, end: r.end, text: r.quote}) AS spans
ORDER BY a.id
LIMIT $limit
OPTIONAL MATCH (a)-[role]->(x:Entity)
WITH a, spans, collect({role: type(role), id: x.id, name: x.name, type: x.type}) AS parts
RETURN a.id AS id, a.kind AS kind, a.status AS status, a.date AS date, parts, spans
ORDER BY id
