// name: network_actions
// description: One hop of the network view through actions: for each frontier entity, the actions it takes part in (its role BY/TARGETS/UNDER) and every outgoing link of each action - the other participants (BY/TARGETS/UNDER -> Entity) and the reports (REPORTED_IN -> Document, counted as evidence by the API). `scan` caps the entity-action links read (hubs have thousands); flat rows, folded into weighted edges by queries/network.py.
// params: ids:list, scan:int=500, limit:int=4000
// columns: source, source_role, action_id, kind, link, other_id, other_name, other_type, other_kind
UNWIND $ids AS sid
MATCH (s:Entity {id: sid})<-[r1]-(a:Action)
WITH s, type(r1) AS source_role, a
LIMIT $scan
MATCH (a)-[r2]->(o)
WHERE o <> s
RETURN s.id AS source, source_role, a.id AS action_id, a.kind AS kind, type(r2) AS link, o.id AS other_id,
       o.name AS other_name, o.type AS other_type, o.kind AS other_kind
LIMIT $limit
