// name: stats
// description: Counts of the graph: complete documents, entities (total and per type), actions (total and per kind), relationships (total and per type). A row counts once a complete document brings it, or when no document does (an official list's entries and their links): while an ingest writes a batch (its documents are completed last) or after a crash left a document unfinished, nothing only that document brings is counted, so the figures never run ahead of the documents. With no write in progress, the whole graph.
// params:
// columns: documents, entities, actions, relationships, entities_by_type, actions_by_kind, relationships_by_type
// A relationship with evidence (doc_ids: roles, entity relations) counts when a complete document is among its
// doc_ids; one ending at a document (MENTIONED_IN, REPORTED_IN) when that document is complete; any other
// always. Relationships first: a grouped count over no rows is folded into one row by the collect after it.
MATCH ()-[r]->()
WHERE r.doc_ids IS NOT NULL
UNWIND r.doc_ids AS doc_id
MATCH (src:Document {id: doc_id})
WHERE src.complete = true
WITH DISTINCT r
WITH type(r) AS rtype, count(r) AS n
ORDER BY rtype
WITH collect({type: rtype, count: n}) AS evidenced
OPTIONAL MATCH ()-[r]->(x)
WHERE r.doc_ids IS NULL AND (NOT x:Document OR x.complete = true)
WITH evidenced, type(r) AS rtype, count(r) AS n
ORDER BY rtype
WITH evidenced, collect(CASE WHEN rtype IS NULL THEN null ELSE {type: rtype, count: n} END) AS others
WITH evidenced + others AS relationships_by_type
OPTIONAL MATCH (d:Document)
WHERE d.complete = true
WITH relationships_by_type, count(d) AS documents
// An entity or action counts when a complete document mentions or reports it, or an official list's entry
// (ListEntry, written by no document) is linked to it. Not "has no mention": a batch's new entities have none
// until its MENTIONED_IN rows are written.
OPTIONAL MATCH (e:Entity)-[:MENTIONED_IN]->(d:Document)
WHERE d.complete = true
WITH relationships_by_type, documents, collect(DISTINCT e) AS mentioned
OPTIONAL MATCH (e:Entity)--(:ListEntry)
WITH relationships_by_type, documents, mentioned, collect(DISTINCT e) AS listed
WITH relationships_by_type, documents, mentioned + listed AS held
UNWIND CASE WHEN size(held) = 0 THEN [null] ELSE held END AS e
WITH relationships_by_type, documents, e.type AS type, count(DISTINCT e) AS n
ORDER BY type
WITH relationships_by_type, documents,
     collect(CASE WHEN type IS NULL THEN null ELSE {type: type, count: n} END) AS entities_by_type
OPTIONAL MATCH (a:Action)-[:REPORTED_IN]->(d:Document)
WHERE d.complete = true
WITH relationships_by_type, documents, entities_by_type, collect(DISTINCT a) AS reported
OPTIONAL MATCH (a:Action)--(:ListEntry)
WITH relationships_by_type, documents, entities_by_type, reported, collect(DISTINCT a) AS listed
WITH relationships_by_type, documents, entities_by_type, reported + listed AS held
UNWIND CASE WHEN size(held) = 0 THEN [null] ELSE held END AS a
WITH relationships_by_type, documents, entities_by_type, a.kind AS kind, count(DISTINCT a) AS n
ORDER BY kind
WITH relationships_by_type, documents, entities_by_type,
     collect(CASE WHEN kind IS NULL THEN null ELSE {kind: kind, count: n} END) AS actions_by_kind
RETURN documents,
       reduce(s = 0, x IN entities_by_type | s + x.count) AS entities,
       reduce(s = 0, x IN actions_by_kind | s + x.count) AS actions,
       reduce(s = 0, x IN relationships_by_type | s + x.count) AS relationships,
       entities_by_type, actions_by_kind, relationships_by_type
