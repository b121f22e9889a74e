// name: entity
// description: One entity: its names, the documents that mention it (with the character spans), its relations to other entities in both directions with their evidence (the REPORTED_IN edges of each relation's Relation node, oldest document first), and how many actions it takes part in.
// params: id:str
// columns: id, name, type, kind, aliases, mentions, action_count, relations
MATCH (e:Entity {id: $id})
OPTIONAL MATCH (e)-[m:MENTIONED_IN]->(d:Document)
WITH e, m, d
ORDER BY d.published, d.id
WITH e, collect(CASE WHEN d IS NULL THEN null ELSE
       {doc_id: d.id, doc_title: d.title, published: d.published, url: d.url, count: m.count,
        starts: m.starts, ends: m.ends} END) AS mentions
OPTIONAL MATCH (a:Action)-[:BY|TARGETS|UNDER]->(e)
WITH e, mentions, count(DISTINCT a) AS action_count
OPTIONAL MATCH (e)-[r]->(o:Entity)
WITH e, mentions, action_count, collect(CASE WHEN o IS NULL THEN null ELSE {r: r, o: o, direction: 'out'} END) AS outs
OPTIONAL MATCH (e)<-[r]-(o:Entity)
WITH e, mentions, action_count, outs,
     collect(CASE WHEN o IS NULL THEN null ELSE {r: r, o: o, direction: 'in'} END) AS ins
WITH e, mentions, action_count, outs + ins AS rels
UNWIND (CASE WHEN size(rels) = 0 THEN [null] ELSE rels END) AS rel
WITH e, mentions, action_count, rel.r AS r, rel.o AS o, rel.direction AS direction
OPTIONAL MATCH (:Relation {id: r.id})-[q:REPORTED_IN]->(d:Document)
WITH e, mentions, action_count, r, o, direction, q, d
ORDER BY coalesce(d.published, ''), d.id, q.start, q.end
WITH e, mentions, action_count, r, o, direction,
     collect(CASE WHEN q IS NULL THEN null ELSE
       {doc_id: d.id, doc_title: d.title, published: d.published, url: d.url,
        start: q.start, end: q.end, quote: q.quote} END) AS evidence
ORDER BY type(r), direction, o.id, r.title
WITH e, mentions, action_count,
     collect(CASE WHEN r IS NULL THEN null ELSE
       {type: type(r), direction: direction, other: {id: o.id, name: o.name, type: o.type},
        title: r.title, confidence: r.confidence, doc_ids: r.doc_ids, evidence: evidence} END) AS relations
RETURN e.id AS id, e.name AS name, e.type AS type, e.kind AS kind, e.aliases AS aliases, mentions,
       action_count, relations
