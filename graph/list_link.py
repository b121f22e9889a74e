"""Link the store's extracted entities to its list entries (LISTED_AS {score, method}), then judge every
action against the lists (Action.corroboration, CORROBORATED_BY {verdict, target, reason} to the entries).

Both steps read what the store holds (entities from the texts, entries from `policygraph lists import`) and
replace what an earlier run wrote, so a run after new ingests or imports leaves the same graph as a first
run on everything; the matching itself is ingest.lists.matching, the verdicts ingest.lists.verdicts. Entities
are never created here: the lists enrich what the texts mention.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from graph.store import Store
from graph.writes import chunks
from ingest.lists.matching import LINKABLE_TYPES, Candidate, Linker
from ingest.lists.records import ListEntryRecord
from ingest.lists.verdicts import EntryDates, action_verdict, corroborable_kinds
from policygraph.list_names import CORROBORATED_BY, LIST_ENTRY_LABEL, LISTED_AS
from policygraph.ontology import ACTION_LABEL, DOCUMENT_LABEL, ENTITY_LABEL, REPORTED_IN, ROLE_RELATIONSHIPS

_NAMES = {"entry": LIST_ENTRY_LABEL, "entity": ENTITY_LABEL, "action": ACTION_LABEL, "document": DOCUMENT_LABEL,
          "listed_as": LISTED_AS, "corroborated_by": CORROBORATED_BY, "reported_in": REPORTED_IN,
          "targets": ROLE_RELATIONSHIPS["targets"], "under": ROLE_RELATIONSHIPS["under"]}


def _cypher(template: str) -> str:
    """A statement with its labels and relationship types filled in from the ontology's names."""
    return template % _NAMES
PAGE = 20_000

ENTITIES_PAGE = _cypher("""
MATCH (e:%(entity)s)
WHERE e.type IN $types AND ($after IS NULL OR e.id > $after)
WITH e ORDER BY e.id LIMIT $limit
OPTIONAL MATCH (e)-[:BASED_IN]->(c:%(entity)s)
RETURN e.id AS id, e.type AS type, e.name AS name, e.aliases AS aliases, collect(c.name) AS countries
ORDER BY id
""")

ENTRIES_PAGE = _cypher("""
MATCH (l:%(entry)s)
WHERE $after IS NULL OR l.id > $after
WITH l ORDER BY l.id LIMIT $limit
RETURN l.id AS id, l.list_id AS list_id, l.entry_id AS entry_id, l.name AS name, l.aliases AS aliases,
       l.party AS party, l.countries AS countries, l.first_seen AS first_seen, l.last_seen AS last_seen,
       l.removed AS removed, l.listed_since AS listed_since, l.programs AS programs
ORDER BY id
""")

DELETE_LINKS = _cypher("MATCH (:%(entity)s)-[r:%(listed_as)s]->(:%(entry)s) DELETE r")
WRITE_LINKS = _cypher("""
UNWIND $rows AS row
MATCH (e:%(entity)s {id: row.entity_id})
MATCH (l:%(entry)s {id: row.entry_id})
MERGE (e)-[r:%(listed_as)s]->(l)
SET r.score = row.score, r.method = row.method
""")

# Actions whose targets are linked to an entry: one row per (action, target, entry).
LINKED_TARGETS = _cypher("""
MATCH (a:%(action)s)-[:%(targets)s]->(t:%(entity)s)-[:%(listed_as)s]->(l:%(entry)s)
WHERE a.kind IN $kinds
RETURN a.id AS action_id, t.id AS target_id, l.id AS entry_id, l.list_id AS list_id,
       l.first_seen AS first_seen, l.last_seen AS last_seen, l.removed AS removed,
       l.listed_since AS listed_since, l.programs AS programs, l.added_after AS added_after,
       l.removed_by AS removed_by
""")
ACTION_FACTS = _cypher("""
UNWIND $ids AS id
MATCH (a:%(action)s {id: id})
OPTIONAL MATCH (a)-[:%(reported_in)s]->(d:%(document)s)
WITH a, min(d.published) AS published
OPTIONAL MATCH (a)-[:%(under)s]->(u:%(entity)s)
RETURN a.id AS id, a.kind AS kind, a.status AS status, coalesce(a.date, published) AS date,
       collect(u.id) AS under
""")
COVERAGE = _cypher("MATCH (l:%(entry)s) RETURN l.list_id AS list_id, "
                   "min(coalesce(l.coverage_start, l.first_seen)) AS start")
DELETE_VERDICTS = _cypher("MATCH (:%(action)s)-[r:%(corroborated_by)s]->(:%(entry)s) DELETE r")
RESET_VERDICTS = _cypher("MATCH (a:%(action)s) WHERE a.kind IN $kinds SET a.corroboration = $unverified")
WRITE_VERDICTS = _cypher("""
UNWIND $rows AS row
MATCH (a:%(action)s {id: row.action_id})
SET a.corroboration = row.verdict
WITH a, row
UNWIND row.entries AS ev
MATCH (l:%(entry)s {id: ev.entry_id})
MERGE (a)-[r:%(corroborated_by)s {target: ev.target}]->(l)
SET r.verdict = ev.verdict, r.reason = ev.reason, r.programme_match = ev.programme_match
""")


@dataclass
class LinkReport:
    entities: int = 0
    entries: int = 0
    links: int = 0
    by_method: dict[str, int] = field(default_factory=dict)
    seconds_read: float = 0.0
    seconds_match: float = 0.0
    seconds_write: float = 0.0


@dataclass
class CorroborationReport:
    actions: int = 0  # actions of a kind some list speaks to
    verdicts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def _pages(store: Store, cypher: str, params: dict) -> list[dict]:
    rows: list[dict] = []
    after = None
    while True:
        page = store.query(cypher, {**params, "after": after, "limit": PAGE})
        rows.extend(page)
        if len(page) < PAGE:
            return rows
        after = page[-1]["id"]


def read_entries(store: Store) -> list[ListEntryRecord]:
    out = []
    for r in _pages(store, ENTRIES_PAGE, {}):
        out.append(ListEntryRecord(
            r["list_id"], r["entry_id"], r["name"], party=r["party"] or "unknown", aliases=list(r["aliases"] or []),
            countries=list(r["countries"] or []), first_seen=r["first_seen"], last_seen=r["last_seen"],
            removed=bool(r["removed"]), listed_since=r["listed_since"], programs=list(r["programs"] or [])))
    return out


def read_candidates(store: Store) -> list[Candidate]:
    rows = _pages(store, ENTITIES_PAGE, {"types": sorted(LINKABLE_TYPES)})
    return [Candidate(r["id"], r["type"], tuple(dict.fromkeys([r["name"], *(r["aliases"] or [])])),
                      tuple(c for c in r["countries"] if c)) for r in rows if r["name"]]


def link_entities(store: Store) -> LinkReport:
    report = LinkReport()
    started = time.perf_counter()
    entries = read_entries(store)
    candidates = read_candidates(store)
    report.entries, report.entities = len(entries), len(candidates)
    report.seconds_read = time.perf_counter() - started
    started = time.perf_counter()
    links = Linker(entries).link(candidates)
    report.seconds_match = time.perf_counter() - started
    started = time.perf_counter()
    store.query(DELETE_LINKS, read_only=False)
    rows = [{"entity_id": x.entity_id, "entry_id": x.entry_id, "score": x.score, "method": x.method} for x in links]
    for chunk in chunks(rows, store.batch_size):
        store._write_chunk(WRITE_LINKS, chunk)
    report.seconds_write = time.perf_counter() - started
    report.links = len(links)
    for x in links:
        report.by_method[x.method] = report.by_method.get(x.method, 0) + 1
    return report


def corroborate(store: Store) -> CorroborationReport:
    from policygraph.list_names import UNVERIFIED

    started = time.perf_counter()
    kinds = sorted(corroborable_kinds())
    coverage = {r["list_id"]: r["start"] for r in store.query(COVERAGE)}
    linked: dict[str, dict[str, list[EntryDates]]] = {}
    for r in store.query(LINKED_TARGETS, {"kinds": kinds}):
        linked.setdefault(r["action_id"], {}).setdefault(r["target_id"], []).append(EntryDates(
            r["entry_id"], r["list_id"], r["first_seen"], r["last_seen"], bool(r["removed"]), r["listed_since"],
            tuple(r["programs"] or ()), r["added_after"], r["removed_by"]))
    rows = []
    report = CorroborationReport()
    for chunk in chunks([{"id": a} for a in sorted(linked)], 5000):
        for fact in store.query(ACTION_FACTS, {"ids": [c["id"] for c in chunk]}):
            verdict = action_verdict(fact["kind"], fact["status"], fact["date"], linked[fact["id"]], coverage,
                                     tuple(fact["under"] or ()))
            rows.append({"action_id": fact["id"], "verdict": verdict.verdict, "entries": [
                {"entry_id": e.entry_id, "target": e.target_id, "verdict": e.verdict, "reason": e.reason,
                 "programme_match": e.programme_match} for e in verdict.entries]})
    store.query(DELETE_VERDICTS, read_only=False)
    store.query(RESET_VERDICTS, {"kinds": kinds, "unverified": UNVERIFIED}, read_only=False)
    for chunk in chunks(rows, 1000):
        store._write_chunk(WRITE_VERDICTS, chunk)
    report.actions = store.query(_cypher("MATCH (a:%(action)s) WHERE a.kind IN $kinds RETURN count(a) AS n"),
                                 {"kinds": kinds})[0]["n"]
    for r in store.query(_cypher("MATCH (a:%(action)s) WHERE a.corroboration IS NOT NULL "
                         "RETURN a.corroboration AS v, count(a) AS n")):
        report.verdicts[r["v"]] = r["n"]
    report.seconds = time.perf_counter() - started
    return report
