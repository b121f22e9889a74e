"""The named-act pattern stays linear on long runs of capitalised words that end in no "Act".

Before, " and " and "A-B" could each be read two ways, so such a run was tried in 2^n splittings: 5.6 s on one
Treasury release (2005-05-04-js2426), and hours on a longer list of charity names."""

from __future__ import annotations

import json
import time
from pathlib import Path

from ingest.laws import find_citations

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "treasury-press-releases.jsonl"


def test_release_that_took_seconds_is_read_at_once_and_right():
    text = next(json.loads(line)["text"] for line in CORPUS.open(encoding="utf-8") if "2005-05-04-js2426" in line)
    started = time.perf_counter()
    cites = find_citations(text)
    assert time.perf_counter() - started < 1.0  # 5.6 s before; a few milliseconds now
    assert {c.name for c in cites} == {"Executive Order 13224"}


def test_long_run_of_hyphenated_names_joined_by_and():
    text = "Al-Haramain " * 3 + " and ".join(["Islamic-Relief Foundation-Branch"] * 12) + " offices, under the "
    text += "International Emergency Economic Powers Act."
    started = time.perf_counter()
    cites = find_citations(text)
    assert time.perf_counter() - started < 1.0  # exponential before: not done after minutes
    assert [c.name for c in cites] == ["International Emergency Economic Powers Act"]
