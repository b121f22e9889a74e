"""Law candidates that join two citations the single grammars read apart:

section 203(b)(2) of IEEPA / section 219 of the INA   a section of a lexicon law named by its acronym or name
                                                      -> section PART_OF that law (laws.py only reads sections
                                                      of acts its own grammar finds)
the International Emergency Economic Powers Act (50 U.S.C. 1701 et seq.) / section 219 of the INA (8 U.S.C. 1189)
                                                      a code citation in brackets after a law is where that
                                                      law is codified: the same node (an alias), when it cites
                                                      the whole act ("et seq.") or follows a section
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ingest.entities.candidates import P_CITATION, Cand, span_tokens
from ingest.extensions import doc_tokens
from ingest.law_citation import Citation
from ingest.laws import SECTION
from ingest.lexicon import Lexicon
from ingest.names import slug

_OPEN = re.compile(r"^[\s\u00a0]*\([\s\u00a0]*$")
_ET_SEQ = re.compile(r"^[\s\u00a0*_]*et[\s\u00a0]+seq\b")
_CODIFIED = ("usc-", "cfr-")


def known_law_sections(doc: Doc, text: str, fixed: list[Cand], lex: Lexicon) -> list[Cand]:
    """ "section 401(c) of the NEA": a section citation whose act is a lexicon law, as a section candidate."""
    laws = {doc_tokens(doc)[c.start].idx: c for c in fixed if c.type == "Law" and c.source == "lexicon" and c.key}
    if not laws:
        return []
    out: list[Cand] = []
    for m in SECTION.finditer(text):
        if not m.group(3):
            continue
        law = laws.get(m.end())
        if law is None:
            continue
        entry = lex.entries[law.key]
        if entry.kind not in ("statute", "regulation", "treaty", "executive_order"):
            continue
        num, sub = m.group(1), m.group(2) or ""
        short = f"Section {num}{sub}"
        law_end = doc_tokens(doc)[law.end - 1]
        end = law_end.idx + len(law_end.text)
        parent = Citation(m.end(), end, entry.id, entry.name, entry.kind)
        # the id is the one laws.py gives the same section cited by the act's full name
        sid = f"{slug(entry.name)}-section-{slug(num + sub).replace('-', '')}"
        cite = Citation(m.start(), end, sid, f"{short} of the {entry.name}", "section", parent=parent, short=short)
        span = span_tokens(doc, m.start(), end)
        if span is not None:
            out.append(
                Cand(*span, "Law", P_CITATION, "citation", key=sid, name=cite.name, kind="section", citation=cite)
            )
    return out


def code_aliases(doc: Doc, text: str, chosen: list[Cand]) -> None:
    """A code citation in brackets right after a law names where that law is codified: it joins the law when it
    cites the whole act ("(50 U.S.C. 1701 et seq.)") or follows a section; a single code section after an act
    ("IEEPA (50 U.S.C. 1702)") stays its own node (PART_OF the act, read by the relations)."""
    toks = doc_tokens(doc)
    prev: Cand | None = None
    joined: dict[str, Cand] = {}  # code citation id -> the law it was an alias of (later bare uses follow)
    for c in chosen:
        if c.key in joined:
            law = joined[c.key]
            c.key, c.name, c.kind, c.citation = law.key, law.name, law.kind, None
        if (
            prev is not None
            and prev.type == "Law"
            and prev.key
            and c.type == "Law"
            and c.key
            and c.key.startswith(_CODIFIED)
            and c.key != prev.key
        ):
            a = toks[prev.end - 1].idx + len(toks[prev.end - 1].text)
            b = toks[c.start].idx
            end = toks[c.end - 1].idx + len(toks[c.end - 1].text)
            if _OPEN.match(text[a:b]) and (prev.kind == "section" or _ET_SEQ.match(text[end : end + 16])):
                joined[c.key] = prev
                c.key, c.name, c.kind, c.citation = prev.key, prev.name, prev.kind, None
        prev = c
