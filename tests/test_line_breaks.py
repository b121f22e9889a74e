"""pg_line_breaks: a line break ends a sentence before the parser runs, unless the text plainly goes on."""

from __future__ import annotations

from pathlib import Path

from ingest.documents import Document
from ingest.readers import read_paths

TREASURY_MD = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "treasury" / "2018-04-06-sm0338.md"


def _sentences(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


def test_a_headline_without_full_stop_is_its_own_sentence(nlp):
    (release,) = [d for d in read_paths([TREASURY_MD]) if isinstance(d, Document)]
    first = release.text.split("\n")[0]
    text = f"{release.title}\n\n{first}"
    sents = _sentences(nlp, text)
    assert sents[0] == release.title
    assert sents[1].startswith("WASHINGTON")


def test_a_line_that_goes_on_is_not_cut(nlp):
    # an introduction ending in ':' and a line continued in lower case keep one sentence with what follows
    text = ("OFAC today designated the following entities:\nRenova Group\n\n"
            "The individuals designated today include Oleg Deripaska, who has said\nthat he does not separate himself "
            "from the Russian state.")
    starts = {t.text for t in nlp(text) if t.is_sent_start}
    assert "Renova" not in starts and "that" not in starts
    # a single break before a capital in a wrapped snippet (too short for the readers to unwrap) is no end
    eo = ("I hereby find that the unrestricted immigrant and nonimmigrant entry into the\nUnited States of aliens "
          "determined to meet one or more of the criteria would be detrimental.\nSec. 2. Definitions.")
    sents = _sentences(nlp, eo)
    assert sents[0].startswith("I hereby find") and sents[0].endswith("detrimental.")
    assert sents[1].startswith("Sec. 2.")


