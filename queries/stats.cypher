// name: stats
// description: Counts of the graph of the complete documents: documents, the entities mentioned and actions reported in them (total and per type/kind), and the relationships they support (total and per type). A document being written (an ingest in progress, or one a crash left unfinished) counts with none of its rows until it is complete, so the figures never run ahead of the documents; once an ingest is done they are the whole graph's.
// params:
// columns: documents, entities, actions, relationships, entities_by_type, actions_by_kind, relationships_by_type
// Relationships with evidence (roles, entity relations) count when a complete document is among their doc_ids.
// First, so that a grouped count over no rows (an empty graph) is folded into one row by the collect after it.
MATCH ()-[r]->()
WHERE r.doc_ids IS NOT NULL
UNWIND r.doc_ids AS doc_id
MATCH (src:Document {id: doc_id})
WHERE src.complete = true
WITH DISTINCT r
WITH type(r) AS rtype, count(r) AS n
ORDER BY rtype
WITH collect({type: rtype, count: n}) AS evidenced
OPTIONAL MATCH (d:Document)
WHERE d.complete = true
WITH evidenced, count(d) AS documents
OPTIONAL MATCH (e:Entity)-[:MENTIONED_IN]->(d:Document)
WHERE d.complete = true
WITH evidenced, documents, e.type AS type, count(DISTINCT e) AS n
ORDER BY type
WITH evidenced, documents, collect(CASE WHEN type IS NULL THEN null ELSE {type: type, count: n} END) AS entities_by_type
OPTIONAL MATCH (a:Action)-[:REPORTED_IN]->(d:Document)
WHERE d.complete = true
WITH evidenced, documents, entities_by_type, a.kind AS kind, count(DISTINCT a) AS n
ORDER BY kind
WITH evidenced, documents, entities_by_type, collect(CASE WHEN kind IS NULL THEN null ELSE {kind: kind, count: n} END) AS actions_by_kind
// provenance (MENTIONED_IN, REPORTED_IN): counted when they end at a complete document
OPTIONAL MATCH ()-[r]->(d:Document)
WHERE d.complete = true
WITH evidenced, documents, entities_by_type, actions_by_kind, type(r) AS rtype, count(r) AS n
ORDER BY rtype
WITH evidenced, documents, entities_by_type, actions_by_kind,
     collect(CASE WHEN rtype IS NULL THEN null ELSE {type: rtype, count: n} END) AS provenance
WITH documents, entities_by_type, actions_by_kind, provenance + evidenced AS relationships_by_type
RETURN documents,
       reduce(s = 0, x IN entities_by_type | s + x.count) AS entities,
       reduce(s = 0, x IN actions_by_kind | s + x.count) AS actions,
       reduce(s = 0, x IN relationships_by_type | s + x.count) AS relationships,
       entities_by_type, actions_by_kind, relationships_by_type
