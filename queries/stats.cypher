// name: stats
// description: Counts of the whole graph: complete documents, entities (total and per type), actions (total and per kind), relationships (total and per type).
// params:
// columns: documents, entities, actions, relationships, entities_by_type, actions_by_kind, relationships_by_type
OPTIONAL MATCH (d:Document)
WHERE d.complete = true
WITH count(d) AS documents
OPTIONAL MATCH (e:Entity)
WITH documents, e.type AS type, count(e) AS n
ORDER BY type
WITH documents, collect(CASE WHEN type IS NULL THEN null ELSE {type: type, count: n} END) AS entities_by_type
OPTIONAL MATCH (a:Action)
WITH documents, entities_by_type, a.kind AS kind, count(a) AS n
ORDER BY kind
WITH documents, entities_by_type, collect(CASE WHEN kind IS NULL THEN null ELSE {kind: kind, count: n} END) AS actions_by_kind
OPTIONAL MATCH ()-[r]->()
WITH documents, entities_by_type, actions_by_kind, type(r) AS rtype, count(r) AS n
ORDER BY rtype
WITH documents, entities_by_type, actions_by_kind,
     collect(CASE WHEN rtype IS NULL THEN null ELSE {type: rtype, count: n} END) AS relationships_by_type
RETURN documents,
       reduce(s = 0, x IN entities_by_type | s + x.count) AS entities,
       reduce(s = 0, x IN actions_by_kind | s + x.count) AS actions,
       reduce(s = 0, x IN relationships_by_type | s + x.count) AS relationships,
       entities_by_type, actions_by_kind, relationships_by_type
