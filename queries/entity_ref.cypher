// name: entity_ref
// description: The reference of one entity (id, name, type, kind, aliases): the cheap existence check the API runs before listing things about an entity.
// params: id:str
// columns: id, name, type, kind, aliases
MATCH (e:Entity {id: $id})
RETURN e.id AS id, e.name AS name, e.type AS type, e.kind AS kind, e.aliases AS aliases
