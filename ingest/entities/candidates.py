"""Mention candidates: the Cand record, the priorities of its sources, and the choice of one candidate per
token.

Sources, by priority (a higher one wins a token; at equal priority the longer span wins):
  citations (ingest/laws.py)  50   numbered/named legal instruments         ingest/entities/lexicon_cands.py
  defined forms               46   "Full Name (Short)", legal-form-first    ingest/entities/forms.py
  compound NER names          45   an NER name that starts with a lexicon place ("Xinjiang Public
                                   Security Bureau", "China Mobile") is a name of its own
  lexicon forms               40   (one-token forms 30)                     ingest/entities/lexicon_cands.py
  patterns                    35   governments as actors ("the Chinese government", "the Trump administration"):
                                   ingest/entities/government_cands.py
  bold names                  24   ingest/entities/firm_cands.py
  legal-suffix names          22   "Xinjiang Junggar Cotton and Linen Co." even when NER misses it
                                   (ingest/entities/firm_cands.py)
  NER                         20   typed by ingest/entities/classify.py (ingest/entities/ner_cands.py)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from ingest.entities.person_words import TITLE_WORDS
from ingest.extensions import doc_tokens
from ingest.laws import Citation
from ingest.names import NAME_PARTICLES

P_DEFINED = 46  # "Full Name (Short)" persons and legal-form-first firms (ingest/entities/forms.py)
P_CITATION, P_COMPOUND, P_LEXICON, P_PATTERN, P_LEXICON_1, P_BOLD, P_SUFFIX, P_NER = 50, 45, 40, 35, 30, 24, 22, 20
DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those"}
POSSESSIVE = {"'s", "\u2019s", "'", "\u2019"}

# Lower-case words allowed inside a multi-word name: person-name particles plus the joiners of org names.
NAME_WORDS = NAME_PARTICLES | {"and", "&", "of"}


@dataclass
class Cand:
    start: int  # token span
    end: int
    type: str
    prio: int
    source: str
    key: str | None = None  # fixed id (lexicon entry or citation)
    name: str | None = None  # fixed canonical name
    kind: str | None = None
    citation: Citation | None = None
    is_title: bool = False
    extra: dict = field(default_factory=dict)

    def __len__(self) -> int:
        return self.end - self.start


def span_tokens(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.start, span.end


HYPHEN_ADJ = re.compile(
    r"^.*-(designated|based|owned|controlled|linked|backed|affiliated|sanctioned|listed|registered|flagged|origin|made|run|led|operated)$"
)


def strip_hyphen_adjectives(doc: Doc, s: int, e: int) -> int:
    """ "U.S.-designated Koryo Bank", "UN- and U.S.-designated X", "Iran-based X": the name starts after."""
    toks = doc_tokens(doc)
    last = None
    for i in range(s, e - 1):
        t = toks[i].text
        if HYPHEN_ADJ.match(t) or (t == "-" and i + 1 < e and HYPHEN_ADJ.match("-" + toks[i + 1].text)):
            last = i + (0 if HYPHEN_ADJ.match(t) else 1)
    return s if last is None else last + 1


def cap_run(doc: Doc, i: int, covered: list[Cand | None], max_len: int = 5) -> int:
    """End of a run of capitalised, uncovered name tokens starting at i (i itself if none)."""
    toks = doc_tokens(doc)
    j = i
    while (
        j < len(doc)
        and j - i < max_len
        and covered[j] is None
        and (toks[j].text[:1].isupper() or (j > i and toks[j].text in {"&"}))
        and (toks[j].is_alpha or toks[j].text in {"&"} or toks[j].like_num or "-" in toks[j].text)
    ):
        if toks[j].lower_ in TITLE_WORDS and j == i:
            break
        j += 1
        # "SMT-iLogic", "Bona-Habitat": a name piece glued on by a hyphen
        while (
            j + 1 < len(doc)
            and toks[j].text == "-"
            and not toks[j - 1].whitespace_
            and not toks[j].whitespace_
            and covered[j] is None
            and covered[j + 1] is None
            and toks[j + 1].is_alpha
            and any(ch.isupper() for ch in toks[j + 1].text)
        ):
            j += 2
    return j


def select(cands: list[Cand], n_tokens: int) -> tuple[list[Cand], list[Cand | None]]:
    """One candidate per token: by priority, then length, then position."""
    owner: list[Cand | None] = [None] * n_tokens
    chosen: list[Cand] = []
    for c in sorted(cands, key=lambda c: (-c.prio, -len(c), c.start)):
        if any(owner[i] is not None for i in range(c.start, c.end)):
            continue
        for i in range(c.start, c.end):
            owner[i] = c
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen, owner


def coverage(cands: list[Cand], n_tokens: int) -> list[Cand | None]:
    owner: list[Cand | None] = [None] * n_tokens
    for c in sorted(cands, key=lambda c: (c.prio, len(c))):
        for i in range(c.start, c.end):
            owner[i] = c
    return owner
