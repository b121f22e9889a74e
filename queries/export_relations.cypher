// name: export_relations
// description: The entity relations (PART_OF, HOLDS_ROLE, ADMINISTERS, AUTHORIZES, BASED_IN) leaving the given entities, with confidence, title and evidence count; the exporter pages through entities and asks for their relations.
// params: ids:list
// columns: source, target, type, title, confidence, evidence, doc_ids
UNWIND $ids AS sid
MATCH (s:Entity {id: sid})-[r]->(t:Entity)
OPTIONAL MATCH (:Relation {id: r.id})-[q:REPORTED_IN]->(:Document)
WITH s, t, r, count(q) AS evidence
RETURN s.id AS source, t.id AS target, type(r) AS type, r.title AS title, r.confidence AS confidence,
       evidence, r.doc_ids AS doc_ids
ORDER BY source, target, type, title
