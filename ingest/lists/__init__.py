"""Readers of official lists: files in -> `ListEntryRecord`s out (pure: no store).

`read_lists(paths)` walks files and directories and tells each file by its shape, not its name: an sdn.csv
snapshot (no header, 12 columns, a number first), the SDN entry history (its header), a U.S. list JSON
(`list_id` + `entities`), the lists index (`lists.json`, read for nothing but recognised). Anything else is
named in `failures` with its reason; the rest is read.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ingest.lists import ofac, us_lists
from ingest.lists.records import ListEntryRecord, OfficialList, catalog

__all__ = ["ListEntryRecord", "OfficialList", "ReadResult", "catalog", "read_lists"]


@dataclass
class ReadResult:
    entries: list[ListEntryRecord] = field(default_factory=list)
    files: dict[str, int] = field(default_factory=dict)  # file -> rows read
    failures: dict[str, str] = field(default_factory=dict)  # file -> why it was not read


def _files(paths: Iterable[Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in (".csv", ".json")))
        else:
            out.append(p)
    return out


def read_lists(paths: Iterable[Path]) -> ReadResult:
    result = ReadResult()
    sdn: dict[str, ListEntryRecord] = {}
    histories: list[Path] = []
    for path in _files(paths):
        try:
            if path.suffix.lower() == ".csv":
                with path.open(encoding="utf-8", errors="replace", newline="") as fh:
                    first = next(csv.reader(fh), [])
                if ofac.is_history(first):
                    histories.append(path)  # after the snapshots: its first/last seen refine theirs
                elif ofac.is_snapshot(first):
                    result.files[path.name] = ofac.read_snapshot(path, sdn)
                else:
                    result.failures[str(path)] = "a CSV that is neither an sdn.csv snapshot nor the SDN history"
            elif path.suffix.lower() == ".json":
                data = json.loads(path.read_text(encoding="utf-8"))
                if us_lists.is_list_file(data):
                    entries = us_lists.read_list(path, data)
                    result.entries.extend(entries)
                    result.files[path.name] = len(entries)
                elif us_lists.is_lists_index(data):
                    result.files[path.name] = 0
                else:
                    result.failures[str(path)] = "a JSON file without list_id and entities"
            else:
                result.failures[str(path)] = "not a .csv or .json list file"
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, us_lists.UnknownList) as exc:
            result.failures[str(path)] = str(exc)
    for path in histories:
        try:
            result.files[path.name] = ofac.read_history(path, sdn)
        except (OSError, UnicodeDecodeError) as exc:
            result.failures[str(path)] = str(exc)
    result.entries.extend(ofac.finish(sdn))
    return result
