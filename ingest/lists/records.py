"""One entry of an official list, as every list reader returns it, and the catalog of lists (catalog.yaml).

An entry carries what the publishers give: names and a.k.a.s, the kind of party (person, entity, vessel,
aircraft, or unknown when the list does not say), programmes, countries and addresses, the dates the list
states or the snapshots show (first / last seen, listed since), the Federal Register citations, and where it
was read (file, snapshot date). Dates are ISO `YYYY-MM-DD` or None.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import dateparser

from policygraph.ontology import ACTION_KINDS
from policygraph.yamlfile import read_yaml

CATALOG_FILE = Path(__file__).with_name("catalog.yaml")
PARTY_KINDS = ("person", "entity", "vessel", "aircraft", "unknown")


@dataclass(frozen=True)
class OfficialList:
    id: str
    law: str  # id of the list's Law entity
    name: str
    kinds: tuple[str, ...]  # action kinds whose targets the list corroborates
    download: str = ""


@cache
def catalog() -> dict[str, OfficialList]:
    raw = read_yaml(CATALOG_FILE)["lists"]
    out = {}
    for list_id, spec in raw.items():
        unknown = set(spec.get("kinds") or ()) - set(ACTION_KINDS)
        if unknown:
            raise ValueError(f"{CATALOG_FILE}: list {list_id!r} names unknown action kinds {sorted(unknown)}")
        out[list_id] = OfficialList(list_id, spec["law"], spec["name"], tuple(spec.get("kinds") or ()),
                                    spec.get("download", ""))
    return out


@dataclass
class ListEntryRecord:
    list_id: str
    entry_id: str  # the publisher's id (SDN ent_num) or a stable hash of name, country and address
    name: str
    party: str = "unknown"  # one of PARTY_KINDS
    aliases: list[str] = field(default_factory=list)
    programs: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    addresses: list[str] = field(default_factory=list)
    first_seen: str | None = None  # first snapshot that holds the entry
    last_seen: str | None = None  # last snapshot that holds it
    removed: bool = False  # absent from a snapshot after last_seen
    listed_since: str | None = None  # the date the list itself gives (effective date, first FR citation)
    federal_register: list[str] = field(default_factory=list)
    status: str | None = None
    notes: str | None = None
    files: list[str] = field(default_factory=list)
    snapshots: list[str] = field(default_factory=list)
    coverage_start: str | None = None  # the list's first snapshot read: an entry in it was listed by then
    added_after: str | None = None  # the snapshot before first_seen: the entry was added in between
    removed_by: str | None = None  # the first snapshot after last_seen without the entry

    @property
    def id(self) -> str:
        return f"{self.list_id}:{self.entry_id}"

    @property
    def names(self) -> list[str]:
        return [self.name, *(a for a in self.aliases if a != self.name)]


def add_unique(items: list[str], *new: str | None) -> None:
    for item in new:
        if item and item not in items:
            items.append(item)


_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def iso_date(text: str | None) -> str | None:
    """'2021-08-02', 'June 21, 2022', '3/6/23' -> ISO; None when it is no date."""
    if not text or not text.strip():
        return None
    text = text.strip()
    if _ISO.match(text):
        return text
    parsed = dateparser.parse(text, languages=["en"], settings={"DATE_ORDER": "MDY", "STRICT_PARSING": True})
    return parsed.date().isoformat() if parsed else None


# "76 FR 71869, 11/21/11", "85 FR 83799, 12/23/2020", "91 FR 35189 (June 10, 2026)", "46 F.R. 46154 9/17/81"
_FR = re.compile(r"(\d{1,3})\s*F\.?\s*R\.?\s*(\d{1,6})\s*[,(]?\s*"
                 r"(\d{1,2}/\d{1,2}/\d{2,4}|[A-Z][a-z]+\.? \d{1,2}, \d{4})?")


def fr_citations(text: str | None) -> list[tuple[str, str | None]]:
    """Federal Register citations in a list's column: [(\"76 FR 71869\", \"2011-11-21\"), ...] in text order."""
    out = []
    for m in _FR.finditer(text or ""):
        when = m.group(3)
        date = None
        if when and "/" in when:
            mo, day, year = (int(p) for p in when.split("/"))
            year += 2000 if year < 50 else (1900 if year < 100 else 0)
            try:
                date = dt.date(year, mo, day).isoformat()
            except ValueError:
                date = None
        elif when:
            date = iso_date(when)
        out.append((f"{m.group(1)} FR {m.group(2)}", date))
    return out
