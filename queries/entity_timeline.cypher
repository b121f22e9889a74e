// name: entity_timeline
// description: One page of the sanction history of an entity: the actions aimed at it (TARGETS), oldest first
//   (undated last), after the keyset cursor (after_key / after_id: the last item's sort_key and id), with status,
//   participants (parts: [role BY/TARGETS/UNDER, id, name, type] lists) and evidence sentences (evidence:
//   [doc_id, doc_title, published, url, start, end, quote] lists; lists, not maps, because a page holds ~250
//   of them and map keys made up a third of the reply and of its parsing). Every row also names the
//   entity and `targeted`, the number of actions aimed at it, so the API needs no separate existence query: no
//   row = no such entity; one row with a null action_id = no action left. A hub (targeted > hub) gets that one
//   row only: sorting its tens of thousands of actions for every page costs more than the date windows of
//   entity_timeline_window. The actions aimed at its PART_OF children: entity_timeline_children.
// params: id:str, after_key:str?, after_id:str?, limit:int=50, hub:int=6000
// columns: entity_id, entity_name, entity_type, targeted, action_id, kind, status, date, confidence, sort_key, via, parts, evidence
// The CASE leaves the traversal no start node for a hub (a WHERE on targeted would be checked after it).
// Participants and evidence come from OPTIONAL MATCH + collect over the page (one expansion per kind of link)
// rather than pattern comprehensions, which FalkorDB re-plans for every row (several times slower).
MATCH (e:Entity {id: $id})
WITH e, indegree(e, 'TARGETS') AS targeted
WITH e, targeted, CASE WHEN targeted <= $hub THEN e END AS t
OPTIONAL MATCH (t)<-[:TARGETS]-(a:Action)
WHERE $after_id IS NULL OR coalesce(a.date, '9999-12-31') > $after_key
   OR (coalesce(a.date, '9999-12-31') = $after_key AND a.id > $after_id)
WITH e, targeted, a, coalesce(a.date, '9999-12-31') AS sort_key
ORDER BY sort_key, a.id
LIMIT $limit
OPTIONAL MATCH (a)-[role]->(x:Entity)
WITH e, targeted, a, sort_key, collect([type(role), x.id, x.name, x.type]) AS parts
OPTIONAL MATCH (a)-[r:REPORTED_IN]->(d:Document)
WITH e, targeted, a, sort_key, parts,
     collect([d.id, d.title, d.published, d.url, r.start, r.end, r.quote]) AS evidence
RETURN e.id AS entity_id, e.name AS entity_name, e.type AS entity_type, targeted,
       a.id AS action_id, a.kind AS kind, a.status AS status, a.date AS date, a.confidence AS confidence,
       sort_key, null AS via, parts, evidence
ORDER BY sort_key, action_id
