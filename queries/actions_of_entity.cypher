// name: actions_of_entity
// description: actions_list anchored on one participant (anchor, with its role BY/TARGETS/UNDER): same filters, order and pagination, but it starts from the entity's actions instead of scanning every action.
// params: anchor:str, anchor_role:str, kind:str?, status:str?, date_from:str?, date_to:str?, by:str?, target:str?, law:str?, after_date:str?, after_id:str?, limit:int=50
// columns: id, kind, status, date, confidence, parts, sort_date
MATCH (anchor:Entity {id: $anchor})<-[anchor_role]-(a:Action)
// the WITH keeps the planner from starting at (a:Action) because the filters below mention `a`
WITH a, anchor_role
WHERE type(anchor_role) = $anchor_role
  AND ($kind IS NULL OR a.kind = $kind)
  AND ($status IS NULL OR a.status = $status)
  AND ($date_from IS NULL OR a.date >= $date_from)
  AND ($date_to IS NULL OR a.date <= $date_to)
  AND ($by IS NULL OR (a)-[:BY]->(:Entity {id: $by}))
  AND ($target IS NULL OR (a)-[:TARGETS]->(:Entity {id: $target}))
  AND ($law IS NULL OR (a)-[:UNDER]->(:Entity {id: $law}))
WITH a, coalesce(a.date, '') AS sort_date
WHERE $after_id IS NULL OR sort_date < $after_date OR (sort_date = $after_date AND a.id > $after_id)
WITH a, sort_date
ORDER BY sort_date DESC, a.id
LIMIT $limit
OPTIONAL MATCH (a)-[role]->(x:Entity)
WITH a, sort_date, collect({role: type(role), id: x.id, name: x.name, type: x.type}) AS parts
RETURN a.id AS id, a.kind AS kind, a.status AS status, a.date AS date, a.confidence AS confidence, parts,
       sort_date
ORDER BY sort_date DESC, id
