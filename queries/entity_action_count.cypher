// name: entity_action_count
// description: How many actions an entity takes part in (any role).
// params: id:str
// columns: n
MATCH (e:Entity {id: $id})
OPTIONAL MATCH (e)<-[role]-(a:Action)
RETURN count(DISTINCT a) AS n
