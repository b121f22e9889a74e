"""Official lists into the store: ListEntry nodes tied to their list's Law entity, idempotently.

`import_entries(store, entries)` writes one `ListEntry` a list entry (MERGE on `<list>:<entry id>`) with its
names, a.k.a.s, party kind, programmes, countries, addresses, dates and Federal Register citations, and an
`ON_LIST {files, snapshot}` relationship to the list's Law entity (the lexicon's id, so the node the texts
already name; MERGEd with its name when no text named it yet). Re-importing the same files changes nothing;
files and snapshot dates seen before are kept.

Every row passes graph.validate's checks before a store sees it (FalkorDB dies on a bad unique value): a row
that fails is left out and named in the report, the rest is written. Labels and relationship types come from
policygraph/ontology.yaml (policygraph.list_names) and are interpolated, never written here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from graph.batch import GraphBatch, search_form
from graph.store import Store, StoreError
from graph.validate import id_problem, row_problem
from graph.writes import chunks
from ingest.lists.records import ListEntryRecord, catalog
from policygraph.list_names import LIST_ENTRY_LABEL, ON_LIST
from policygraph.ontology import ENTITY_LABEL

_NAMES = {"entry": LIST_ENTRY_LABEL, "entity": ENTITY_LABEL, "on_list": ON_LIST}


def _cypher(template: str) -> str:
    """A statement with its labels and relationship types filled in from the ontology's names."""
    return template % _NAMES

ENTRIES = _cypher("""
UNWIND $rows AS row
MERGE (l:%(entry)s {id: row.id})
SET l += row.props
WITH l, row, coalesce(l.files, []) AS known_files, coalesce(l.snapshots, []) AS known_snapshots
SET l.files = known_files + [f IN row.files WHERE NOT f IN known_files],
    l.snapshots = known_snapshots + [s IN row.snapshots WHERE NOT s IN known_snapshots]
WITH l, row
MATCH (law:%(entity)s {id: row.law_id})
MERGE (l)-[r:%(on_list)s]->(law)
SET r.files = l.files, r.snapshot = row.snapshot
""")

COUNT_ENTRIES = _cypher("MATCH (l:%(entry)s) RETURN l.list_id AS list_id, count(l) AS n ORDER BY list_id")

# Schema: an id index on both stores; Neo4j also takes the uniqueness constraint (FalkorDB's needs the
# server command the core store runs for its own labels; MERGE on the indexed id keeps ids unique there).
NEO4J_SCHEMA = (
    _cypher("CREATE CONSTRAINT list_entry_id IF NOT EXISTS FOR (n:%(entry)s) REQUIRE n.id IS UNIQUE"),
    _cypher("CREATE INDEX list_entry_list IF NOT EXISTS FOR (n:%(entry)s) ON (n.list_id)"),
)
FALKORDB_INDEXES = ("id", "list_id")
FALKORDB_INDEX = _cypher("CREATE INDEX FOR (n:%(entry)s) ON (n.%%s)")
FALKORDB_LIST_INDEXES = "CALL db.indexes() YIELD label, properties RETURN label, properties"


@dataclass
class ImportReport:
    entries: int = 0  # rows sent to the store
    per_list: dict[str, int] = field(default_factory=dict)
    nodes_created: int = 0
    relationships_created: int = 0
    refused: dict[str, str] = field(default_factory=dict)  # entry id -> why it was not written
    seconds: float = 0.0


def setup_list_schema(store: Store) -> None:
    if store.name == "neo4j":
        for statement in NEO4J_SCHEMA:
            store.query(statement, read_only=False)
        return
    existing = {(r["label"], p) for r in store.query(FALKORDB_LIST_INDEXES) for p in r["properties"]}
    for prop in FALKORDB_INDEXES:
        if (LIST_ENTRY_LABEL, prop) not in existing:
            store.query(FALKORDB_INDEX % prop, read_only=False)


def entry_row(entry: ListEntryRecord) -> dict:
    """The write row of one entry (a flat map of properties under `props`)."""
    law = catalog()[entry.list_id].law
    return {
        "id": entry.id,
        "law_id": law,
        "props": {
            "list_id": entry.list_id, "entry_id": entry.entry_id, "name": entry.name, "aliases": entry.aliases,
            "party": entry.party, "programs": entry.programs, "countries": entry.countries,
            "addresses": entry.addresses, "first_seen": entry.first_seen, "last_seen": entry.last_seen,
            "removed": entry.removed, "listed_since": entry.listed_since,
            "federal_register": entry.federal_register, "status": entry.status, "notes": entry.notes,
            "law_id": law, "coverage_start": entry.coverage_start, "added_after": entry.added_after,
            "removed_by": entry.removed_by,
        },
        "files": entry.files,
        "snapshots": entry.snapshots,
        "snapshot": max(entry.snapshots) if entry.snapshots else entry.last_seen,
    }


def entry_problem(row: dict) -> str | None:
    """Why a row cannot be written (graph.validate's rules for ids and values), or None."""
    if (why := id_problem(row["id"], f"{LIST_ENTRY_LABEL} id")) or (why := id_problem(row["law_id"], "law id")):
        return why
    if not (row["props"].get("name") or "").strip():
        return f"{LIST_ENTRY_LABEL} {row['id']} has no name"
    return row_problem(row, LIST_ENTRY_LABEL)


def law_batch(list_ids: Iterable[str]) -> GraphBatch:
    """The Law entities of these lists (MERGEd: a Law the texts already named keeps its name, gains an alias)."""
    rows: dict[str, dict] = {}
    for list_id in list_ids:
        spec = catalog()[list_id]
        row = rows.setdefault(spec.law, {"id": spec.law, "name": spec.name, "type": "Law", "kind": "list",
                                         "aliases": [], "search_terms": []})
        if spec.name not in row["aliases"]:
            row["aliases"].append(spec.name)
            row["search_terms"].append(search_form(spec.name))
    return GraphBatch(entities=list(rows.values()))


def import_entries(store: Store, entries: Iterable[ListEntryRecord]) -> ImportReport:
    import time

    started = time.perf_counter()
    report = ImportReport()
    rows = []
    for entry in entries:
        row = entry_row(entry)
        why = entry_problem(row)
        if why:
            report.refused[row["id"] or "(no id)"] = why
            continue
        rows.append(row)
        report.per_list[entry.list_id] = report.per_list.get(entry.list_id, 0) + 1
    setup_list_schema(store)
    laws = store.write(law_batch(report.per_list))
    report.nodes_created += laws.nodes_created
    for chunk in chunks(rows, store.batch_size):
        try:
            stats = store._write_chunk(ENTRIES, chunk)
        except StoreError as exc:
            raise StoreError(f"writing list entries {chunk[0]['id']} ...: {exc}") from exc
        report.nodes_created += stats.nodes_created
        report.relationships_created += stats.relationships_created
    report.entries = len(rows)
    report.seconds = time.perf_counter() - started
    return report


def count_entries(store: Store) -> dict[str, int]:
    return {r["list_id"]: r["n"] for r in store.query(COUNT_ENTRIES)}
