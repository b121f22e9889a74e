// name: entity_timeline_undated
// description: The undated actions aimed at an entity, by id after `after_id` (they end its timeline).
// params: id:str, after_id:str?, limit:int=50
// columns: action_id, sort_key
MATCH (:Entity {id: $id})<-[:TARGETS]-(a:Action)
WITH a
WHERE a.date IS NULL AND ($after_id IS NULL OR a.id > $after_id)
RETURN a.id AS action_id, '9999-12-31' AS sort_key
ORDER BY action_id
LIMIT $limit
