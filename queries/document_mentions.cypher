// name: document_mentions
// description: The entities a document mentions, each with its mention spans (parallel start/end lists and
//   the JSON `spans` [[start, end, text], ...] written by the batch builder), most mentioned first.
// params: id:str, limit:int=500
// columns: id, name, type, kind, count, starts, ends, spans
MATCH (e:Entity)-[m:MENTIONED_IN]->(d:Document {id: $id})
RETURN e.id AS id, e.name AS name, e.type AS type, e.kind AS kind, m.count AS count, m.starts AS starts,
       m.ends AS ends, m.spans AS spans
ORDER BY count DESC, id
LIMIT $limit
