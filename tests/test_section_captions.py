"""Section captions of executive orders ("Sec. 6. Effective Date. This order ...") are not names."""

from __future__ import annotations

from pathlib import Path

from ingest.documents import Document
from ingest.entities.excluded_text import heading_ranges
from ingest.pipeline import extract_batch
from ingest.readers import read_paths

ORDER = (Path(__file__).resolve().parents[2] / "shared" / "corpora" / "whitehouse"
         / "presidential-actions__2025-03__2025-03-24-imposing-tariffs-on-countries-importing-venezuelan-oil.md")


def test_caption_ranges():
    text = ("I hereby order:\n\nSection 1. Findings. (a) The Tren de Aragua gang, a transnational criminal "
            "organization with origins in Venezuela, has been designated as a Foreign Terrorist Organization.\n\n"
            "Sec. 6. Effective Date. This order is effective at 12:01 a.m. eastern daylight time on April 2, 2025.")
    captions = [text[a:b] for a, b in heading_ranges(text)]
    assert captions == ["Findings", "Effective Date"]


def test_order_captions_are_no_entities_and_the_text_keeps_its_names(nlp):
    (doc,) = [d for d in read_paths([ORDER]) if isinstance(d, Document)]
    assert "Findings." in doc.text and "Effective Date." in doc.text
    (ex,) = extract_batch(nlp, [doc])
    names = {e.name for e in ex.entities}
    assert not names & {"Findings", "Effective Date"}
    assert any("Tren de Aragua" in n for n in names)


