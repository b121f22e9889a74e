// name: export_entities
// description: Entities for export, in id order, one page at a time (keyset on id: pass the last id as `after`).
// params: after:str='', limit:int=5000
// columns: id, name, type, kind, aliases
MATCH (e:Entity)
WHERE e.id > $after
RETURN e.id AS id, e.name AS name, e.type AS type, e.kind AS kind, e.aliases AS aliases
ORDER BY id
LIMIT $limit
