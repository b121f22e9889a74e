// name: action_corroboration_many
// description: The verdicts of the official lists (confirmed, contradicted, unverified; null for a kind no list
//   speaks to, or before `policygraph lists link` ran) for many actions at once: a page of action rows
//   badged in one request instead of one per row. Unknown ids give no row.
// params: ids:list
// columns: id, corroboration
MATCH (a:Action)
WHERE a.id IN $ids
RETURN a.id AS id, a.corroboration AS corroboration
ORDER BY id
