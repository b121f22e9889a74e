// name: action_corroboration
// description: What the official lists say about one action: its verdict (confirmed, contradicted, unverified;
//   null for a kind no list speaks to, or before `policygraph lists link` ran) and, for each of its targets
//   linked to an entry of a list its kind implies, that entry with the entry's own verdict and reason.
// params: id:str
// columns: id, corroboration, entries
MATCH (a:Action {id: $id})
OPTIONAL MATCH (a)-[c:CORROBORATED_BY]->(l:ListEntry)
OPTIONAL MATCH (l)-[o:ON_LIST]->(law:Entity)
OPTIONAL MATCH (t:Entity {id: c.target})-[k:LISTED_AS]->(l)
WITH a, c, l, law, o, t, k
ORDER BY c.target, l.id
RETURN a.id AS id, a.corroboration AS corroboration,
       collect(CASE WHEN l IS NULL THEN null ELSE
         {target: {id: t.id, name: t.name, type: t.type}, verdict: c.verdict, reason: c.reason,
          programme_match: c.programme_match, link_score: k.score, link_method: k.method,
          entry_id: l.id, list_id: l.list_id, law: {id: law.id, name: law.name, type: law.type}, name: l.name,
          aliases: l.aliases, party: l.party, programs: l.programs, countries: l.countries,
          first_seen: l.first_seen, last_seen: l.last_seen, removed: l.removed, listed_since: l.listed_since,
          federal_register: l.federal_register, files: o.files, snapshot: o.snapshot} END) AS entries
