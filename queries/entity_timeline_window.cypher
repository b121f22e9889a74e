// name: entity_timeline_window
// description: The timeline items (as entity_timeline: parts and evidence as lists) of the actions aimed at an entity (TARGETS) among those
//   dated with one of `dates` (a calendar window), oldest first, after the keyset cursor (after_key, after_id).
//   For hubs: the window's actions come from the Action.date index and each is checked against the entity
//   (an expand-into, one adjacency lookup per action), instead of reading and sorting every action aimed at
//   the hub. Each window's rows all belong to the page (LIMIT = the room left), so they carry their details.
// params: id:str, dates:list, after_key:str?, after_id:str?, limit:int=50
// columns: action_id, kind, status, date, confidence, sort_key, via, parts, evidence
// The entity is bound first and the actions second, in separate MATCH clauses: one pattern from the hub
// would let the planner walk the hub's own edges.
MATCH (e:Entity {id: $id})
WITH e
MATCH (a:Action)
WHERE a.date IN $dates
  AND ($after_id IS NULL OR a.date > $after_key OR (a.date = $after_key AND a.id > $after_id))
WITH e, a
MATCH (a)-[:TARGETS]->(e)
WITH a, a.date AS sort_key
ORDER BY sort_key, a.id
LIMIT $limit
OPTIONAL MATCH (a)-[role]->(x:Entity)
WITH a, sort_key, collect([type(role), x.id, x.name, x.type]) AS parts
OPTIONAL MATCH (a)-[r:REPORTED_IN]->(d:Document)
WITH a, sort_key, parts,
     collect([d.id, d.title, d.published, d.url, r.start, r.end, r.quote]) AS evidence
RETURN a.id AS action_id, a.kind AS kind, a.status AS status, a.date AS date, a.confidence AS confidence,
       sort_key, null AS via, parts, evidence
ORDER BY sort_key, action_id
