MATCH (e:Entity {id: $id})
RETURN e.id AS id, e.name AS name, e.type AS type, e.kind AS kind, e.aliases AS aliases,
       COUNT { (e)<-[:TARGETS]-() } AS targeted
