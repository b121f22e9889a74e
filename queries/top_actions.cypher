// name: top_actions
// description: Actions ranked by how much of an "enabled by" answer they carry: legal bases and actors
//   first, then the number of sentences that report them. The CLI's `enabled-by` with no id picks the first.
// params: limit:int=10
// columns: id, kind, status, date, by, targets, under, reports
MATCH (a:Action)
OPTIONAL MATCH (a)-[:BY]->(b:Entity)
WITH a, collect(DISTINCT b.name) AS by
OPTIONAL MATCH (a)-[:TARGETS]->(t:Entity)
WITH a, by, collect(DISTINCT t.name) AS targets
OPTIONAL MATCH (a)-[:UNDER]->(l:Entity)
WITH a, by, targets, collect(DISTINCT l.name) AS under
OPTIONAL MATCH (a)-[rep:REPORTED_IN]->(:Document)
WITH a, by, targets, under, count(rep) AS reports
RETURN a.id AS id, a.kind AS kind, a.status AS status, a.date AS date, by, targets, under, reports
ORDER BY size(under) * 2 + size(by) DESC, reports DESC, id
LIMIT $limit
