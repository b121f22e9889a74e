// name: actions_by_ids
// description: Summaries (kind, status, date, confidence, participants) of the actions with these ids, in
//   no particular order: the page the API's windowed listing picked.
// params: ids:list
// columns: id, kind, status, date, confidence, parts, sort_date
UNWIND $ids AS action_id
MATCH (a:Action {id: action_id})
OPTIONAL MATCH (a)-[role]->(x:Entity)
WITH a, collect({role: type(role), id: x.id, name: x.name, type: x.type}) AS parts
RETURN a.id AS id, a.kind AS kind, a.status AS status, a.date AS date, a.confidence AS confidence, parts,
       coalesce(a.date, '') AS sort_date
