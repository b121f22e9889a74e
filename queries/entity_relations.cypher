// name: entity_relations
// description: The direct relations of an entity in both directions (PART_OF, HOLDS_ROLE {title}, ADMINISTERS, AUTHORIZES, BASED_IN), most evidence first, capped at `limit`, with the other end, confidence, the number of evidence sentences and at most `evidence` of them (the REPORTED_IN edges of the relation's Relation node, oldest document first, with the document's title, date and url). Bounded for hubs, unlike `entity`.
// params: id:str, limit:int=100, evidence:int=3
// columns: type, direction, other, title, confidence, n_evidence, evidence
MATCH (e:Entity {id: $id})-[r]-(o:Entity)
OPTIONAL MATCH (:Relation {id: r.id})-[q:REPORTED_IN]->(:Document)
WITH e, r, o, count(q) AS n_evidence
ORDER BY n_evidence DESC, type(r), o.id
LIMIT $limit
OPTIONAL MATCH (:Relation {id: r.id})-[q:REPORTED_IN]->(d:Document)
WITH e, r, o, n_evidence, q, d
ORDER BY coalesce(d.published, ''), d.id, q.start, q.end
WITH e, r, o, n_evidence,
     collect(CASE WHEN q IS NULL THEN null ELSE
       {doc_id: d.id, doc_title: d.title, published: d.published, url: d.url,
        start: q.start, end: q.end, quote: q.quote} END)[0..$evidence] AS evidence
RETURN type(r) AS type, CASE WHEN startNode(r) = e THEN 'out' ELSE 'in' END AS direction,
       {id: o.id, name: o.name, type: o.type} AS other, r.title AS title, r.confidence AS confidence, n_evidence,
       evidence
ORDER BY n_evidence DESC, type, other.id
