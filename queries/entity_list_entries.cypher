// name: entity_list_entries
// description: The official list entries an entity is linked to (LISTED_AS {score, method}), with the list
//   (its Law entity), the entry's dates (first / last snapshot holding it, removal, the listing date the list
//   gives), programmes, Federal Register citations and provenance (files, snapshot).
// params: id:str
// columns: entry_id, list_id, law, name, aliases, party, programs, countries, first_seen, last_seen, removed,
//   listed_since, federal_register, files, snapshot, score, method, added_after
MATCH (e:Entity {id: $id})-[k:LISTED_AS]->(l:ListEntry)
OPTIONAL MATCH (l)-[o:ON_LIST]->(law:Entity)
RETURN l.id AS entry_id, l.list_id AS list_id, {id: law.id, name: law.name, type: law.type} AS law, l.name AS name,
       l.aliases AS aliases, l.party AS party, l.programs AS programs, l.countries AS countries,
       l.first_seen AS first_seen, l.last_seen AS last_seen, l.removed AS removed, l.listed_since AS listed_since,
       l.federal_register AS federal_register, o.files AS files, o.snapshot AS snapshot, k.score AS score,
       k.method AS method, l.added_after AS added_after
ORDER BY list_id, entry_id
