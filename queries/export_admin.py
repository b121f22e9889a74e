"""The whole store as `neo4j-admin database import full` files: every node and relationship with every property,
so a Neo4j loaded from them answers as the store does (documents, evidence, search fields included).

`policygraph export --format csv` is the user's table of entities, actions and their relationships; this is the
first-load path for a big corpus: ingest into the embedded store (or anywhere), dump, import into a fresh Neo4j
(docs/scale.md has the measured times), open it with PolicyGraph (indexes and constraints are made on open).

Files, in `out`: one a node label (`nodes-Entity.csv`, ...: the ontology's node labels, each its own ID space)
and one a relationship type and pair of end labels (`rels-REPORTED_IN-Action-Document.csv`); `import.args`, the
tool's options one a line (`neo4j-admin database import full neo4j @import.args`, run from `out`). Values are typed
from what the store holds (string, long, double, boolean and their arrays); arrays are split on U+001F, a control
character the texts do not hold (one in a list's string would become a space), so a `;` in a name stays in it; fields
may span lines.

The store is read a page of nodes at a time, in id order through the unique index, each node with its outgoing
relationships: memory stays one page, and every relationship is read once (from its start node).
"""

from __future__ import annotations

import csv
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from graph.store import Store
from graph.writes import UNIQUE_LABELS
from policygraph.ontology import ONTOLOGY

# every label a node is written under with a unique `id` (entity, action, document, relation, official-list entry):
# one ID space each; a node's other labels (an entity's type) go in its :LABEL column
NODE_LABELS = tuple(dict.fromkeys([*UNIQUE_LABELS, *ONTOLOGY.node_labels.values()]))

ARRAY_DELIMITER = "\x1f"
PAGE = 5000
PAGE_QUERY = """
MATCH (n:{label}) WHERE n.id > $after
WITH n ORDER BY n.id LIMIT $page
OPTIONAL MATCH (n)-[r]->(m)
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props,
       collect(CASE WHEN r IS NULL THEN null ELSE [type(r), labels(m), m.id, properties(r)] END) AS out
ORDER BY id
"""
IMPORT_OPTIONS = ["--id-type=string", "--array-delimiter=U+001F", "--multiline-fields=true"]


def _type(value: Any) -> str | None:
    """neo4j-admin's type of one stored value (None: an empty list, which says nothing)."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    if isinstance(value, list):
        kinds = {_type(v) for v in value if v is not None}
        if not kinds:
            return None
        return ("double" if kinds <= {"long", "double"} and "double" in kinds else
                kinds.pop() if len(kinds) == 1 else "string") + "[]"
    return "string"


def _merge(a: str | None, b: str | None) -> str | None:
    if a is None or a == b:
        return b if a is None else a
    if b is None:
        return a
    if {a, b} == {"long", "double"}:
        return "double"
    if {a, b} == {"long[]", "double[]"}:
        return "double[]"
    return "string[]" if a.endswith("[]") and b.endswith("[]") else "string"


def _cell(value: Any, kind: str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        scalar = (kind or "string[]")[:-2]
        return ARRAY_DELIMITER.join(_cell(v, scalar).replace(ARRAY_DELIMITER, " ") for v in value if v is not None)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _pages(store: Store, label: str) -> Iterator[list[dict]]:
    after = ""
    while True:
        rows = store.query(PAGE_QUERY.format(label=label), {"after": after, "page": PAGE}, timeout_ms=600_000)
        if rows:
            yield rows
        if len(rows) < PAGE:
            return
        after = rows[-1]["id"]


class _Table:
    """One CSV file: rows spooled as JSON lines while the columns' types are learned, written at the end."""

    def __init__(self, id_columns: list[str]) -> None:
        self.id_columns = id_columns
        self.types: dict[str, str | None] = {}
        # open across add() calls, closed by write(); an unnamed file, gone with the process if write() never runs
        self.spool = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115
        self.rows = 0

    def add(self, ids: list[Any], props: dict[str, Any]) -> None:
        for k, v in props.items():
            if v is not None:
                self.types[k] = _merge(self.types.get(k), _type(v))
        self.spool.write(json.dumps([ids, props], ensure_ascii=False) + "\n")
        self.rows += 1

    def write(self, path: Path) -> None:
        keys = sorted(self.types)
        header = self.id_columns + [f"{k}:{self.types[k] or 'string[]'}" for k in keys]
        self.spool.seek(0)
        with path.open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(header)
            for line in self.spool:
                ids, props = json.loads(line)
                w.writerow([*ids, *(_cell(props.get(k), self.types[k]) for k in keys)])
        self.spool.close()


def dump(store: Store, out: Path) -> dict[str, int]:
    """Write the store's whole graph into `out` (a directory); returns rows a file."""
    out.mkdir(parents=True, exist_ok=True)
    nodes: dict[str, _Table] = {}
    rels: dict[tuple[str, str, str], _Table] = {}
    for label in NODE_LABELS:
        for page in _pages(store, label):
            for row in page:
                props = {k: v for k, v in row["props"].items() if k != "id"}
                table = nodes.setdefault(label, _Table([f"id:ID({label})", ":LABEL"]))
                table.add([row["id"], ARRAY_DELIMITER.join(row["labels"])], props)
                for rel_type, end_labels, end_id, rel_props in filter(None, row["out"]):
                    end = next((lb for lb in end_labels if lb in NODE_LABELS), None)
                    if end is None or end_id is None:
                        raise ValueError(f"{rel_type} from {label} {row['id']} ends at a node without a unique id")
                    key = (rel_type, label, end)
                    table = rels.setdefault(key, _Table([f":START_ID({label})", f":END_ID({end})", ":TYPE"]))
                    table.add([row["id"], end_id, rel_type], rel_props or {})
    written: dict[str, int] = {}
    args = list(IMPORT_OPTIONS)
    for label, table in nodes.items():
        name = f"nodes-{label}.csv"
        table.write(out / name)
        written[name] = table.rows
        args.append(f"--nodes={name}")
    for (rel_type, start, end), table in sorted(rels.items()):
        name = f"rels-{rel_type}-{start}-{end}.csv"
        table.write(out / name)
        written[name] = table.rows
        args.append(f"--relationships={name}")
    (out / "import.args").write_text("\n".join(args) + "\n", encoding="utf-8")
    return written


def digest(store: Store) -> dict[str, dict[str, Any]]:
    """Count and content hash of every node label and relationship (type, start label, end label) in `store`: two
    stores holding the same graph give the same digest (an empty list counts as no property: the files have no way
    to say [])."""
    import hashlib

    def norm(props: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in sorted(props.items()) if v is not None and v != [] and k != "id"}

    items: dict[str, list[str]] = {}
    for label in NODE_LABELS:
        for page in _pages(store, label):
            for row in page:
                items.setdefault(label, []).append(json.dumps([row["id"], sorted(row["labels"]), norm(row["props"])]))
                for rel_type, end_labels, end_id, rel_props in filter(None, row["out"]):
                    end = next((lb for lb in end_labels if lb in NODE_LABELS), "")
                    items.setdefault(f"{rel_type} {label}->{end}", []).append(
                        json.dumps([row["id"], end_id, norm(rel_props or {})]))
    return {key: {"count": len(rows), "sha1": hashlib.sha1("\n".join(sorted(rows)).encode()).hexdigest()}
            for key, rows in sorted(items.items())}
