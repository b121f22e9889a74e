// name: enabled_by
// description: Which authorities enabled action X (ONTOLOGY.md): (1) the actors in BY and the bodies they are PART_OF, transitively (role actor / parent_of_actor); (2) the legal bases in UNDER and the laws they are PART_OF (legal_basis / parent_law); (3) the authorities those laws AUTHORIZES (authorized_by_law) and those that ADMINISTERS them (administers_law). One row per item and role, with the shortest path of ids from the action, the entity it is reached from (via), and the evidence of that last link (quote, document id, title, published, url, offsets).
// params: action_id:str
// columns: id, name, type, kind, role, path, via, relationship, confidence, evidence
MATCH (a:Action {id: $action_id})
OPTIONAL MATCH (a)-[r:BY]->(x:Entity)
WITH a, collect(CASE WHEN x IS NULL THEN null ELSE
       {node: x, role: 'actor', rank: 0, path: [a.id, x.id], rel: r} END) AS items
OPTIONAL MATCH p = (a)-[:BY]->(:Entity)-[:PART_OF*1..8]->(x:Entity)
WITH a, items, collect(CASE WHEN x IS NULL THEN null ELSE
       {node: x, role: 'parent_of_actor', rank: 1, path: [n IN nodes(p) | n.id], rel: last(relationships(p))} END) AS more
WITH a, items + more AS items
OPTIONAL MATCH (a)-[r:UNDER]->(x:Entity)
WITH a, items, collect(CASE WHEN x IS NULL THEN null ELSE
       {node: x, role: 'legal_basis', rank: 2, path: [a.id, x.id], rel: r} END) AS more
WITH a, items + more AS items
OPTIONAL MATCH p = (a)-[:UNDER]->(:Entity)-[:PART_OF*1..8]->(x:Entity)
WITH a, items, collect(CASE WHEN x IS NULL THEN null ELSE
       {node: x, role: 'parent_law', rank: 3, path: [n IN nodes(p) | n.id], rel: last(relationships(p))} END) AS more
WITH a, items + more AS items
OPTIONAL MATCH p = (a)-[:UNDER]->(:Entity)-[:PART_OF*0..8]->(:Entity)-[:AUTHORIZES]->(x:Entity)
WITH a, items, collect(CASE WHEN x IS NULL THEN null ELSE
       {node: x, role: 'authorized_by_law', rank: 4, path: [n IN nodes(p) | n.id], rel: last(relationships(p))} END) AS more
WITH a, items + more AS items
OPTIONAL MATCH p = (a)-[:UNDER]->(:Entity)-[:PART_OF*0..8]->(:Entity)<-[:ADMINISTERS]-(x:Entity)
WITH a, items, collect(CASE WHEN x IS NULL THEN null ELSE
       {node: x, role: 'administers_law', rank: 5, path: [n IN nodes(p) | n.id], rel: last(relationships(p))} END) AS more
WITH a, items + more AS items
UNWIND items AS it
WITH it
ORDER BY size(it.path), reduce(s = '', i IN it.path | s + i + '>')
WITH it.node AS x, it.role AS role, it.rank AS rank, collect(it) AS options
WITH x, role, rank, options[0].path AS path, options[0].rel AS r
// The evidence of the last link: a relation's, on its Relation node; a role's (BY, UNDER: no `id`), the
// action's own REPORTED_IN sentences in the documents that name that role (r.doc_ids).
OPTIONAL MATCH (:Relation {id: r.id})-[q:REPORTED_IN]->(d:Document)
WITH x, role, rank, path, r, q, d
ORDER BY coalesce(d.published, ''), d.id, q.start, q.end
WITH x, role, rank, path, r,
     collect(CASE WHEN q IS NULL THEN null ELSE
       {doc_id: d.id, doc_title: d.title, published: d.published, url: d.url,
        start: q.start, end: q.end, quote: q.quote} END) AS evidence
OPTIONAL MATCH (:Action {id: $action_id})-[q:REPORTED_IN]->(d:Document)
WHERE r.id IS NULL AND d.id IN r.doc_ids AND q.start >= 0
WITH x, role, rank, path, r, evidence, q, d
ORDER BY coalesce(d.published, ''), d.id, q.start, q.end
WITH x, role, rank, path, r, evidence,
     collect(CASE WHEN q IS NULL THEN null ELSE
       {doc_id: d.id, doc_title: d.title, published: d.published, url: d.url,
        start: q.start, end: q.end, quote: q.quote} END) AS own
WITH x, role, rank, path, r, evidence + own AS evidence
RETURN x.id AS id, x.name AS name, x.type AS type, x.kind AS kind, role, path,
       path[size(path) - 2] AS via, type(r) AS relationship, r.confidence AS confidence, evidence
ORDER BY rank, id
