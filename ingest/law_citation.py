"""The record of one legal citation found in a text (ingest/laws.py and ingest/law_codes.py make them)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Citation:
    start: int  # character offsets of the whole citation
    end: int
    id: str
    name: str
    kind: str
    parent: Citation | None = None  # the instrument a section belongs to (its own offsets inside)
    short: str | None = None  # a short alias ("Section 7031(c)")
