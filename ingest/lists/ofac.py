"""OFAC's SDN list: `sdn.csv` snapshots and an entry history (first / last seen across snapshots).

sdn.csv (https://ofac.treasury.gov/downloads/sdn.csv) has no header: ent_num, SDN_Name, SDN_Type, Program,
Title, Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks; "-0-" is OFAC's empty value,
programmes are joined by "] [", a.k.a.s and nationalities sit in the remarks. A snapshot's date is the
`YYYY-MM-DD` in its file name (`sdn_2024-07-02.csv`), else the file's modification date (a fresh download).
The entry history has a header: ent_num, sdn_name, sdn_type, program, first_seen_snapshot, last_seen_snapshot,
added_in_window, removed_in_window, remarks.
"""

from __future__ import annotations

import bisect
import csv
import datetime as dt
import re
from pathlib import Path

from ingest.lists.records import ListEntryRecord, add_unique

LIST_ID = "ofac-sdn"
HISTORY_HEADER = ("ent_num", "sdn_name", "sdn_type", "program", "first_seen_snapshot", "last_seen_snapshot")
SNAPSHOT_COLUMNS = 12
_EMPTY = "-0-"
_DATE_IN_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})")
_WINDOW_IN_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})_to_(\d{4}-\d{2}-\d{2})")  # the history's snapshots
_AKA = re.compile(r"\b(?:a\.k\.a\.|f\.k\.a\.|n\.k\.a\.)\s+'([^']+)'", re.I)
_NATIONALITY = re.compile(r"\b(?:nationality|citizen)\s+([A-Z][A-Za-z .'-]+?)\s*(?:;|\.\s|\.$|$|\balt\.)")
_PARTY = {"individual": "person", "vessel": "vessel", "aircraft": "aircraft"}


def is_history(header: list[str]) -> bool:
    return tuple(h.strip() for h in header[: len(HISTORY_HEADER)]) == HISTORY_HEADER


def is_snapshot(first_row: list[str]) -> bool:
    return len(first_row) == SNAPSHOT_COLUMNS and first_row[0].strip().isdigit()


def snapshot_date(path: Path) -> str:
    m = _DATE_IN_NAME.search(path.name)
    if m:
        return m.group(1)
    return dt.date.fromtimestamp(path.stat().st_mtime).isoformat()


def _value(text: str | None) -> str:
    text = (text or "").strip()
    return "" if text == _EMPTY else text


def _programs(text: str) -> list[str]:
    return [p.strip(" []") for p in _value(text).split("] [") if p.strip(" []")]


def _from_remarks(entry: ListEntryRecord, remarks: str) -> None:
    add_unique(entry.aliases, *(a.strip() for a in _AKA.findall(remarks)))
    add_unique(entry.countries, *(c.strip() for c in _NATIONALITY.findall(remarks)))


def read_snapshot(path: Path, entries: dict[str, ListEntryRecord]) -> int:
    """Fold one sdn.csv snapshot into `entries` (keyed by ent_num); returns its row count."""
    date = snapshot_date(path)
    count = 0
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        for row in csv.reader(fh):
            if len(row) < SNAPSHOT_COLUMNS or not row[0].strip().isdigit():
                continue
            count += 1
            ent_num, name = row[0].strip(), _value(row[1])
            entry = entries.get(ent_num)
            if entry is None:
                entry = entries[ent_num] = ListEntryRecord(LIST_ID, ent_num, name)
            elif name and name != entry.name:
                # the newest snapshot's name is the name; an older one stays an alias
                if entry.last_seen is None or date >= entry.last_seen:
                    add_unique(entry.aliases, entry.name)
                    entry.name = name
                else:
                    add_unique(entry.aliases, name)
            entry.party = _PARTY.get(_value(row[2]).lower(), "entity")
            add_unique(entry.programs, *_programs(row[3]))
            _from_remarks(entry, _value(row[11]))
            add_unique(entry.files, path.name)
            add_unique(entry.snapshots, date)
            entry.first_seen = min(filter(None, (entry.first_seen, date)))
            entry.last_seen = max(filter(None, (entry.last_seen, date)))
    return count


def read_history(path: Path, entries: dict[str, ListEntryRecord]) -> int:
    """Fold the entry history into `entries`: first / last seen and removals between snapshots."""
    window = _WINDOW_IN_NAME.search(path.name)
    count = 0
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        for row in csv.DictReader(fh):
            ent_num = (row.get("ent_num") or "").strip()
            if not ent_num.isdigit():
                continue
            count += 1
            name = (row.get("sdn_name") or "").strip()
            entry = entries.get(ent_num)
            if entry is None:
                entry = entries[ent_num] = ListEntryRecord(LIST_ID, ent_num, name)
            entry.party = _PARTY.get((row.get("sdn_type") or "").strip().lower(), "entity")
            add_unique(entry.programs, *_programs(row.get("program") or ""))
            _from_remarks(entry, row.get("remarks") or "")
            first, last = (row.get("first_seen_snapshot") or "").strip(), (row.get("last_seen_snapshot") or "").strip()
            entry.first_seen = min(filter(None, (entry.first_seen, first))) if first else entry.first_seen
            entry.last_seen = max(filter(None, (entry.last_seen, last))) if last else entry.last_seen
            entry.removed = (row.get("removed_in_window") or "").strip() == "True"
            add_unique(entry.files, path.name)
            if window:
                entry.coverage_start = min(filter(None, (entry.coverage_start, window.group(1))))
    return count


def finish(entries: dict[str, ListEntryRecord]) -> list[ListEntryRecord]:
    """After every file: an entry absent from the newest snapshot read was removed; the list's coverage starts
    at the oldest snapshot read (a snapshot's date, the history's window)."""
    newest = max((d for e in entries.values() for d in e.snapshots), default=None)
    oldest = min((d for e in entries.values() for d in (*e.snapshots, e.coverage_start) if d), default=None)
    # the snapshots the history saw: an entry first seen on one was added after the one before it (the
    # history has gaps: 1,746 entries are first seen on 2023-09-18, the first snapshot after 2023-01-07)
    calendar = sorted({d for e in entries.values() for d in (e.first_seen, e.last_seen, *e.snapshots) if d})
    for e in entries.values():
        if newest and e.last_seen and e.last_seen < newest:
            e.removed = True
        e.snapshots.sort()
        e.coverage_start = oldest
        if e.first_seen:
            i = bisect.bisect_left(calendar, e.first_seen)
            e.added_after = calendar[i - 1] if i > 0 else None
        if e.removed and e.last_seen:
            i = bisect.bisect_right(calendar, e.last_seen)
            e.removed_by = calendar[i] if i < len(calendar) else None
    return list(entries.values())
