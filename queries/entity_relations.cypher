// name: entity_relations
// description: The direct relations of an entity in both directions (PART_OF, HOLDS_ROLE {title}, ADMINISTERS, AUTHORIZES, BASED_IN), strongest evidence first, capped at `limit`, with the other end, confidence and the evidence lists (ev_doc_ids/ev_starts/ev_ends/ev_quotes, parallel); at most `evidence` sentences per relation are resolved to their documents (title, date, url). Bounded for hubs, unlike `entity`.
// params: id:str, limit:int=100, evidence:int=3
// columns: type, direction, other, title, confidence, n_evidence, ev_doc_ids, ev_starts, ev_ends, ev_quotes, docs
MATCH (e:Entity {id: $id})-[r]-(o:Entity)
WITH e, r, o, size(coalesce(r.ev_doc_ids, [])) AS n_evidence
ORDER BY n_evidence DESC, type(r), o.id
LIMIT $limit
WITH e, r, o, n_evidence, coalesce(r.ev_doc_ids, [])[0..$evidence] AS doc_ids
OPTIONAL MATCH (d:Document)
WHERE d.id IN doc_ids
WITH e, r, o, n_evidence, doc_ids, collect({id: d.id, title: d.title, published: d.published, url: d.url}) AS docs
RETURN type(r) AS type, CASE WHEN startNode(r) = e THEN 'out' ELSE 'in' END AS direction,
       {id: o.id, name: o.name, type: o.type} AS other, r.title AS title, r.confidence AS confidence, n_evidence,
       doc_ids AS ev_doc_ids, coalesce(r.ev_starts, [])[0..$evidence] AS ev_starts,
       coalesce(r.ev_ends, [])[0..$evidence] AS ev_ends, coalesce(r.ev_quotes, [])[0..$evidence] AS ev_quotes, docs
ORDER BY n_evidence DESC, type, other.id
