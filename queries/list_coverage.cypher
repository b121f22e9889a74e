// name: list_coverage
// description: Per official list imported: its entries, and the first and last snapshot dates they were read
//   from (what "on the list" can be known for: before the first snapshot, only that an entry was listed by then).
// columns: list_id, entries, first_snapshot, last_snapshot, removed
MATCH (l:ListEntry)
RETURN l.list_id AS list_id, count(l) AS entries, min(coalesce(l.coverage_start, l.first_seen)) AS first_snapshot,
       max(l.last_seen) AS last_snapshot, sum(CASE WHEN l.removed THEN 1 ELSE 0 END) AS removed
ORDER BY list_id
