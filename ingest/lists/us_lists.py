"""U.S. restricted-party lists in the JSON shape of ../shared/reference/us-lists/: one file a list,
`{list_id, source_file, extracted, count, entities: [{name, aliases, country, address, status,
effective_date, federal_register, notes}]}`, and `lists.json` describing them all.

The entries carry no publisher id: an entry's id is a hash of its list, name, country and address, the same
on every import of the same row. The snapshot date is `extracted`. Fresh copies come from the publishers
named in catalog.yaml (`download`); the U.S. Consolidated Screening List (trade.gov) carries most of them in
one file and would need its own reader.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from ingest.lists.records import ListEntryRecord, add_unique, catalog, fr_citations, iso_date


def is_list_file(data: Any) -> bool:
    return isinstance(data, dict) and isinstance(data.get("list_id"), str) and isinstance(data.get("entities"), list)


def is_lists_index(data: Any) -> bool:
    return isinstance(data, dict) and isinstance(data.get("lists"), list) and "list_id" not in data


class UnknownList(ValueError):
    """A list file whose list_id catalog.yaml does not know (no Law, no kinds to corroborate)."""


def _text(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def read_list(path: Path, data: dict) -> list[ListEntryRecord]:
    list_id = data["list_id"]
    if list_id not in catalog():
        raise UnknownList(f"{path.name}: list {list_id!r} is not in ingest/lists/catalog.yaml")
    snapshot = iso_date(_text(data.get("extracted")))
    out: dict[str, ListEntryRecord] = {}
    for raw in data["entities"]:
        if not isinstance(raw, dict):
            continue
        name = _text(raw.get("name"))
        if not name:
            continue  # nothing to link or show: the row is dropped (and counted by the caller)
        country, address = _text(raw.get("country")), _text(raw.get("address"))
        key = "|".join((list_id, name.casefold(), (country or "").casefold(), (address or "").casefold()))
        entry_id = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
        entry = out.get(entry_id) or ListEntryRecord(list_id, entry_id, name)
        out[entry_id] = entry
        add_unique(entry.aliases, *(_text(a) for a in raw.get("aliases") or ()))
        add_unique(entry.countries, country)
        add_unique(entry.addresses, address)
        citations = fr_citations(_text(raw.get("federal_register")))
        add_unique(entry.federal_register, *(c for c, _ in citations))
        cited = sorted(d for _, d in citations if d)
        entry.listed_since = iso_date(_text(raw.get("effective_date"))) or (cited[0] if cited else None)
        entry.status = _text(raw.get("status"))
        entry.notes = _text(raw.get("notes"))
        add_unique(entry.files, path.name)
        add_unique(entry.snapshots, snapshot)
        entry.first_seen = entry.last_seen = entry.coverage_start = snapshot
        if "Target Type: State-Owned Enterprise" in (entry.notes or ""):
            entry.party = "entity"
    return list(out.values())
