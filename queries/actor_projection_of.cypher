// name: actor_projection_of
// description: actor_projection over the given actions only (the bounded subgraph of central-actors: the
//   newest actions), one row per actor -> target pair with the number of those actions.
// params: ids:list
// columns: source, target, actions
UNWIND $ids AS action_id
MATCH (b:Entity)<-[:BY]-(a:Action {id: action_id})-[:TARGETS]->(t:Entity)
WHERE b <> t
WITH b, t, count(DISTINCT a) AS actions
RETURN {id: b.id, name: b.name, type: b.type} AS source, {id: t.id, name: t.name, type: t.type} AS target, actions
ORDER BY actions DESC, source.id, target.id
