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
UNWIND (CASE WHEN size(coalesce(r.ev_doc_ids, [])) = 0 THEN [-1] ELSE range(0, size(coalesce(r.ev_doc_ids, [])) - 1) END) AS i
OPTIONAL MATCH (d:Document {id: r.ev_doc_ids[i]})
WITH x, role, rank, path, r,
     collect(CASE WHEN i < 0 THEN null ELSE
       {doc_id: r.ev_doc_ids[i], doc_title: d.title, published: d.published, url: d.url,
        start: r.ev_starts[i], end: r.ev_ends[i], quote: r.ev_quotes[i]} END) AS evidence
RETURN x.id AS id, x.name AS name, x.type AS type, x.kind AS kind, role, path,
       path[size(path) - 2] AS via, type(r) AS relationship, r.confidence AS confidence, evidence
ORDER BY rank, id
