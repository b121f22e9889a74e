// name: entity_timeline
// description: Every action aimed at an entity (TARGETS), oldest first (undated last), one page at a time (keyset on (date, id): pass the last item's sort_key and id as after_key/after_id), with status, the participants (parts: role BY/TARGETS/UNDER + entity) and the evidence sentences. The actions aimed at its PART_OF children: entity_timeline_children.
// params: id:str, after_key:str?, after_id:str?, limit:int=50
// columns: action_id, kind, status, date, confidence, sort_key, via, parts, evidence
// Participants and evidence come from OPTIONAL MATCH + collect over the page (one expansion per kind of link)
// rather than pattern comprehensions, which FalkorDB re-plans for every row (several times slower).
MATCH (:Entity {id: $id})<-[:TARGETS]-(a:Action)
WITH a, coalesce(a.date, '9999-12-31') AS sort_key
WHERE $after_id IS NULL OR sort_key > $after_key OR (sort_key = $after_key AND a.id > $after_id)
WITH a, sort_key
ORDER BY sort_key, a.id
LIMIT $limit
OPTIONAL MATCH (a)-[role]->(x:Entity)
WITH a, sort_key, collect({role: type(role), id: x.id, name: x.name, type: x.type}) AS parts
OPTIONAL MATCH (a)-[r:REPORTED_IN]->(d:Document)
WITH a, sort_key, parts, collect({doc_id: d.id, doc_title: d.title, published: d.published, url: d.url,
                                  start: r.start, end: r.end, quote: r.quote}) AS evidence
RETURN a.id AS action_id, a.kind AS kind, a.status AS status, a.date AS date, a.confidence AS confidence,
       sort_key, null AS via, parts, evidence
ORDER BY sort_key, action_id
