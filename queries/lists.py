"""Answers about the official lists: what they say about an action (corroboration), and the measures in force
against an entity on a date (status). Plain data for the CLI and the API; unknown ids raise NotFound.

Status on a date T folds two sources, each measure with its evidence:

- the texts: every restrictive action aimed at the entity (policygraph/ontology.yaml `restrictive_kinds`),
  enacted on D <= T (its date, else the date of its first report), is in force from D until a lifting of the
  same kind or family aimed at it, dated after D and on or before T;
- the lists: every entry the entity is linked to is in force from its listing date (the date the list gives,
  else the first snapshot holding it) to its last snapshot if it was removed after that. Before a list's first
  snapshot an entry already in it is `null` (unknown: listed by then, from when the file does not say);
  after the last snapshot of an entry still listed, `null` too (the file does not go further).

`in_force` at the top is true when one measure is, false when every one is known and none is, else null.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from graph.store import Store
from policygraph.ontology import KIND_FAMILY, RESTRICTIVE_KINDS
from queries import convert
from queries.answers import NotFound, entity_ref
from queries.catalog import ask


def corroboration(store: Store, action_id: str) -> dict[str, Any]:
    """{verdict, entries}: the action's verdict and the list entries behind it. Raises NotFound."""
    rows = ask(store, "action_corroboration", id=action_id)
    if not rows:
        raise NotFound(f"no action with id {action_id!r}")
    return corroboration_of(rows[0])


def verdicts(store: Store, action_ids: list[str]) -> list[dict[str, Any]]:
    """[{id, verdict}] for the known ids among `action_ids` (their order; an id given twice answers once)."""
    ids = list(dict.fromkeys(action_ids))
    found = {r["id"]: r["corroboration"] for r in ask(store, "action_corroboration_many", ids=ids)}
    return [{"id": i, "verdict": found[i]} for i in ids if i in found]


def corroboration_of(row: dict) -> dict[str, Any]:
    entries = [e for e in row.get("entries") or () if e and e.get("entry_id")]
    for e in entries:
        for key in ("aliases", "programs", "countries", "federal_register", "files"):
            e[key] = list(e.get(key) or [])  # a store may give null for a list it holds empty
        e["target"] = convert.ref(e.get("target"))
        e["law"] = convert.ref(e.get("law")) if e.get("law") and e["law"].get("id") else None
        e["removed"] = bool(e.get("removed"))
    return {"verdict": row.get("corroboration"), "entries": entries}


def _day(text: str | None) -> str | None:
    return text[:10] if text and len(text) >= 10 else None


def _lifts(action: dict, lifts: list[dict]) -> dict | None:
    """The first lifting after `action` of the same kind or family."""
    family = KIND_FAMILY.get(action["kind"], action["kind"])
    for lift in lifts:
        if KIND_FAMILY.get(lift["kind"], lift["kind"]) == family and (lift["day"] or "") > (action["day"] or ""):
            return lift
    return None


def _text_measures(store: Store, entity_id: str, as_of: str) -> list[dict]:
    rows = ask(store, "entity_status_actions", id=entity_id, kinds=sorted(RESTRICTIVE_KINDS))
    for r in rows:
        r["day"] = _day(r.get("date"))
    lifts = [r for r in rows if r["status"] == "lifted" and r["day"] and r["day"] <= as_of]
    out = []
    enacted_families = {KIND_FAMILY.get(r["kind"], r["kind"]) for r in rows if r["status"] == "enacted"}
    for r in rows:
        if r["status"] == "lifted" and r["day"] and KIND_FAMILY.get(r["kind"], r["kind"]) not in enacted_families:
            # a lifting whose measure no text read reports: in force before it (since when, unknown), not after
            before = as_of < r["day"]
            out.append({
                "source": "text", "kind": r["kind"], "since": None, "until": r["day"],
                "in_force": None if before else False,
                "basis": (f"lifted {r['day']}: in force before, since when the texts read do not say" if before
                          else f"lifted {r['day']}"),
                "action_id": r["id"], "entry_id": None, "law": None, "entry": None,
                "evidence": convert.action_evidence(r.get("evidence"))[:3],
            })
        if r["status"] != "enacted":
            continue
        lift = _lifts(r, lifts)
        if r["day"] is None:
            in_force, basis = None, "undated"
        elif r["day"] > as_of:
            in_force, basis = False, "not yet taken on that date"
        elif lift is not None:
            in_force, basis = False, f"lifted {lift['day']} ({lift['id']})"
        else:
            in_force, basis = True, f"enacted {r['day']} ({r['dated_by']} date), no lifting reported since"
        out.append({
            "source": "text", "kind": r["kind"], "since": r["day"], "until": lift["day"] if lift else None,
            "in_force": in_force, "basis": basis,
            "action_id": r["id"], "entry_id": None, "law": None, "entry": None,
            "evidence": convert.action_evidence(r.get("evidence"))[:3],
        })
    return out


def _list_measures(store: Store, entity_id: str, as_of: str, coverage: dict[str, dict]) -> list[dict]:
    out = []
    for e in ask(store, "entity_list_entries", id=entity_id):
        start = _day(e.get("listed_since")) or _day(e.get("first_seen"))
        last = _day(e.get("last_seen"))
        first_snapshot = _day((coverage.get(e["list_id"]) or {}).get("first_snapshot"))
        removed = bool(e.get("removed"))
        if start is None:
            in_force, basis = None, "the list gives no listing date"
        elif as_of < start and not e.get("listed_since") and (after := _day(e.get("added_after"))) and as_of > after:
            in_force, basis = None, f"added between {after} and {start} (snapshots); on that date unknown"
        elif as_of < start:
            early = first_snapshot is not None and start <= first_snapshot and not e.get("listed_since")
            in_force = None if early else False
            basis = f"listed by {start} (first snapshot); earlier unknown" if early else f"listed from {start}"
        elif last and as_of <= last:
            in_force, basis = True, f"on the list from {start} to at least {last}"
        elif removed:
            in_force, basis = False, f"removed after {last}"
        else:
            in_force, basis = None, f"on the list at its last snapshot here ({last}); later unknown"
        out.append({
            "source": "list", "kind": None, "since": start, "until": last if removed else None,
            "in_force": in_force, "basis": basis, "action_id": None, "entry_id": e["entry_id"],
            "law": convert.ref(e.get("law")) if e.get("law") and e["law"].get("id") else None,
            "entry": {"name": e["name"], "programs": e.get("programs") or [],
                      "federal_register": e.get("federal_register") or [], "files": e.get("files") or [],
                      "snapshot": e.get("snapshot"), "link_score": e.get("score"), "link_method": e.get("method")},
            "evidence": [],
        })
    return out


def status(store: Store, entity_id: str, as_of: str | None = None) -> dict[str, Any]:
    """The measures against `entity_id` and whether each is in force on `as_of` (default: today)."""
    as_of = as_of or dt.date.today().isoformat()
    dt.date.fromisoformat(as_of)  # ValueError for a malformed date: the caller's mistake
    entity = entity_ref(store, entity_id)
    coverage = {r["list_id"]: r for r in ask(store, "list_coverage")}
    measures = _text_measures(store, entity_id, as_of) + _list_measures(store, entity_id, as_of, coverage)
    states = [m["in_force"] for m in measures]
    in_force = True if True in states else (False if states and None not in states else None)
    if not measures:
        in_force = False
    return {"entity": convert.ref(entity), "as_of": as_of, "in_force": in_force, "measures": measures}
