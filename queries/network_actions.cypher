// name: network_actions
// description: One hop of the network view through actions: for each frontier entity, the actions it takes
//   part in (BY, TARGETS or UNDER) and the other participants of each, with the action's evidence count.
//   `scan` caps the action links read (hub entities have thousands); the API folds rows into weighted edges.
// params: ids:list, scan:int=500, limit:int=2000
// columns: source, source_role, action_id, kind, other_role, other, evidence, has_actor
UNWIND $ids AS sid
MATCH (s:Entity {id: sid})<-[r1]-(a:Action)
WITH s, type(r1) AS source_role, a
LIMIT $scan
MATCH (a)-[r2]->(o:Entity)
WHERE o <> s
RETURN s.id AS source, source_role, a.id AS action_id, a.kind AS kind, type(r2) AS other_role,
       {id: o.id, name: o.name, type: o.type, kind: o.kind} AS other,
       size([(a)-[ev:REPORTED_IN]->(:Document) | ev.start]) AS evidence,
       size([(a)-[:BY]->(actor:Entity) | actor.id]) > 0 AS has_actor
LIMIT $limit
