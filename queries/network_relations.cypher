// name: network_relations
// description: One hop of the network view through direct entity relations (PART_OF, HOLDS_ROLE, ADMINISTERS,
//   AUTHORIZES, BASED_IN): for each frontier entity, its relations in both directions, weighted by the
//   number of evidence sentences (REPORTED_IN edges of its Relation node).
// params: ids:list, limit:int=2000
// columns: source, target, type, title, other, evidence
UNWIND $ids AS sid
MATCH (s:Entity {id: sid})-[r]-(o:Entity)
WHERE o <> s
WITH r, o
LIMIT $limit
OPTIONAL MATCH (:Relation {id: r.id})-[q:REPORTED_IN]->(:Document)
WITH r, o, count(q) AS evidence
RETURN startNode(r).id AS source, endNode(r).id AS target, type(r) AS type, r.title AS title,
       {id: o.id, name: o.name, type: o.type, kind: o.kind} AS other, evidence
