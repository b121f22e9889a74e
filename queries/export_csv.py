"""The export as CSV files in `neo4j-admin database import` form, zipped: a fresh Neo4j loads them with

    neo4j-admin database import full neo4j --nodes=entities.csv --nodes=actions.csv --relationships=relationships.csv

Headers name the id (`id:ID`), the labels (`:LABEL`, `;`-separated), the ends and type of a relationship
(`:START_ID`, `:END_ID`, `:TYPE`) and typed columns (`confidence:float`, `evidence:int`, `aliases:string[]`);
arrays use `;`, neo4j-admin's default array delimiter, so no option is needed. pandas reads the same files
(`pd.read_csv`), the headers are only longer. tests/test_export_csv.py loads them into a real Neo4j.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable

from policygraph.ontology import ACTION_LABEL, ENTITY_LABEL, ROLE_RELATIONSHIPS

ARRAY_DELIMITER = ";"  # neo4j-admin's default --array-delimiter
ENTITY_HEADER = ["id:ID", ":LABEL", "name", "type", "kind", "aliases:string[]"]
ACTION_HEADER = ["id:ID", ":LABEL", "name", "kind", "status", "date", "confidence:float", "evidence:int", "quote",
                 "sources:string[]"]
RELATIONSHIP_HEADER = [":START_ID", ":END_ID", ":TYPE", "title", "confidence:float", "evidence:int"]
FILES = ("entities.csv", "actions.csv", "relationships.csv")


def _array(values: Iterable[str | None]) -> str:
    # the delimiter inside a value would split it: neo4j-admin has no escape for it
    return ARRAY_DELIMITER.join(v.replace(ARRAY_DELIMITER, ",") for v in values if v)


def _cell(value: object) -> object:
    # one line a record: neo4j-admin refuses a field across lines unless told --multiline-fields=true
    return "" if value is None else " ".join(value.split()) if isinstance(value, str) else value


def _table(header: list[str], rows: Iterable[list]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows([_cell(v) for v in row] for row in rows)
    return buf.getvalue()


def action_name(a: dict, names: dict[str, str]) -> str:
    """The action's caption as stored (graph/writes.py ACTION_NAMES), or made the same way for an action
    written before captions were: 'designation of Huawei by BIS (2019-05-16)', names in name order."""
    if a.get("name"):
        return a["name"]
    kind = (a.get("kind") or "action").replace("_", " ")
    targets = sorted(names.get(t, t) for t in a.get("targets") or [])
    by = sorted(names.get(x, x) for x in a.get("by") or [])
    name = kind
    if targets:
        name += " of " + ", ".join(targets[:3]) + (f" and {len(targets) - 3} more" if len(targets) > 3 else "")
    if by:
        name += " by " + ", ".join(by[:2])
    return name + (f" ({a['date']})" if a.get("date") else "")


def csv_files(entities: list[dict], actions: list[dict], relations: list[dict]) -> dict[str, str]:
    """File name -> CSV text, one file per node label and one for every relationship."""
    names = {e["id"]: e.get("name") or e["id"] for e in entities}
    # both labels, as the stores write them: (:Entity:Person)
    entity_rows = [[e["id"], _array([ENTITY_LABEL, e.get("type")]), e.get("name"), e.get("type"), e.get("kind"),
                    _array(e.get("aliases") or [])] for e in entities]
    action_rows = []
    rel_rows = []
    for a in actions:
        ev = [x for x in a.get("evidence") or [] if x and x.get("doc_id")]
        quote = next((x["quote"] for x in ev if x.get("quote")), None)
        urls = sorted({x["url"] for x in ev if x.get("url")})
        action_rows.append([a["id"], ACTION_LABEL, action_name(a, names), a.get("kind"), a.get("status"),
                            a.get("date"), a.get("confidence"), len(ev), quote, _array(urls)])
        for role, rel in ROLE_RELATIONSHIPS.items():
            rel_rows += [[a["id"], target, rel, None, None, None] for target in a.get(role) or []]
    rel_rows += [[r["source"], r["target"], r["type"], r.get("title"), r.get("confidence"), r.get("evidence") or 0]
                 for r in relations]
    return {
        "entities.csv": _table(ENTITY_HEADER, entity_rows),
        "actions.csv": _table(ACTION_HEADER, action_rows),
        "relationships.csv": _table(RELATIONSHIP_HEADER, rel_rows),
    }


def csv_zip(entities: list[dict], actions: list[dict], relations: list[dict]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in csv_files(entities, actions, relations).items():
            zf.writestr(name, text)
    return buf.getvalue()
