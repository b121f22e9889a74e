"""White House texts (presidential orders, fact sheets, statements): the measures they take, read as a whole.

Every fixture is a real White House text from ../shared/corpora/whitehouse/ that is in neither dev set.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.contract import Extraction
from ingest.pipeline import extract_batch
from ingest.readers import read_markdown

WHITEHOUSE = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "whitehouse"
BURMA_ORDER = ("presidential-actions__2021-02__2021-02-11-executive-order-on-blocking-property-with-respect-to-the-"
               "situation-in-burma.md")


def extract(nlp, name: str) -> Extraction:
    path = WHITEHOUSE / name
    if not path.exists():
        pytest.skip(f"corpus file not present: {path}")
    return extract_batch(nlp, [read_markdown(path.read_text(encoding="utf-8"), source=name)])[0]


def law_named(ex: Extraction, name: str) -> str:
    want = " ".join(name.split()).lower()
    for e in ex.entities:
        if e.type == "Law" and any(" ".join(n.split()).lower() == want for n in [e.name, *e.aliases]):
            return e.id
    raise AssertionError(f"no Law named {name!r}")


def test_an_orders_measures_are_taken_under_the_order_itself(nlp) -> None:
    # 'Executive Order on Blocking Property with Respect to the Situation in Burma' heads the document: the
    # blocking and the entry suspension it orders rest on it as well as on the laws of its authority clause.
    ex = extract(nlp, BURMA_ORDER)
    own = law_named(ex, "Executive Order on Blocking Property with Respect to the Situation in Burma")
    taken = [a for a in ex.actions if a.kind in ("designation", "sanction", "visa_restriction")]
    assert taken
    for a in taken:
        assert own in a.under, (a.kind, a.under)
