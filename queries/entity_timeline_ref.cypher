// name: entity_timeline_ref
// description: entity_ref plus the number of actions aimed at the entity (TARGETS in-degree): the timeline
//   reads a hub's actions (tens of thousands) month by month through the Action.date index instead of
//   sorting all of them.
// params: id:str
// columns: id, name, type, kind, aliases, targeted
MATCH (e:Entity {id: $id})
RETURN e.id AS id, e.name AS name, e.type AS type, e.kind AS kind, e.aliases AS aliases,
       indegree(e, 'TARGETS') AS targeted
