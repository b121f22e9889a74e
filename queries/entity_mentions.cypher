// name: entity_mentions
// description: The documents that mention an entity, newest first, capped at `limit`, with the mention count and spans there (JSON [[start, end, text], ...]); plus, in every row, the total number of documents and of actions it takes part in.
// params: id:str, limit:int=50
// columns: doc_id, doc_title, published, count, spans, documents, action_count
MATCH (e:Entity {id: $id})
OPTIONAL MATCH (e)-[m:MENTIONED_IN]->(d:Document)
WITH e, count(m) AS documents
OPTIONAL MATCH (e)<-[role]-(a:Action)
WITH e, documents, count(DISTINCT a) AS action_count
MATCH (e)-[m:MENTIONED_IN]->(d:Document)
WITH d, m, documents, action_count
ORDER BY coalesce(d.published, '') DESC, d.id
LIMIT $limit
RETURN d.id AS doc_id, d.title AS doc_title, d.published AS published, m.count AS count, m.spans AS spans,
       documents, action_count
