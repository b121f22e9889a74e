"""National chapters and branches of an organisation are organisations of their own (ONTOLOGY: named divisions are
entities, PART_OF as the text states):

  "the Lebanese chapter of the Muslim Brotherhood"   -> Organization "Lebanese Muslim Brotherhood"
  "the Bosnian branch of Al-Haramain Foundation"     -> Organization "Bosnian Al-Haramain Foundation"
  "Jordanian Muslim Brotherhood leaders"             -> the same form, once the document speaks of the parent's
                                                        chapters or branches

The candidate covers "<Demonym> chapter" (the parent keeps its own mention after "of"); ingest/relations/chapters.py
gives PART_OF the parent and BASED_IN the demonym's country.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ingest.entities.candidates import P_COMPOUND, P_PATTERN, Cand
from ingest.extensions import doc_text, doc_tokens
from ingest.lexicon import Lexicon
from ingest.names import norm

SOURCE = "chapter"
_UNITS = {"chapter", "branch", "chapters", "branches"}
_MAX_PARENT = 6


def chapter_cands(doc: Doc, lex: Lexicon) -> list[Cand]:
    toks = doc_tokens(doc)
    n = len(toks)
    out: list[Cand] = []
    parents: set[str] = set()
    for i, t in enumerate(toks):
        if t.lower_ not in _UNITS:
            continue
        if t.lower_ in {"chapter", "branch"} and i >= 1 and i + 2 < n and toks[i + 1].lower_ == "of":
            k = i + 3 if toks[i + 2].lower_ == "the" else i + 2
            parent = _parent_run(toks, k)
            demonym, start = _demonym_before(toks, i, lex)
            if parent:
                parents.add(parent)
            if parent and demonym:
                name = f"{demonym} {parent}"
                out.append(Cand(start, i + 1, "Organization", P_PATTERN, SOURCE, key=f"N:{norm(name)}", name=name))
        elif t.lower_ in {"chapters", "branches"} and i >= 1 and toks[i - 1].text[:1].isupper():
            # "Muslim Brotherhood chapters": the document speaks of the parent's chapters
            j = i - 1
            while j > 0 and i - j < _MAX_PARENT and toks[j - 1].text[:1].isupper() and toks[j - 1].is_alpha:
                j -= 1
            parents.add(" ".join(x.text for x in toks[j:i]))
    if parents:
        out += _demonym_forms(doc, lex, parents, {(c.start, c.end) for c in out})
    return out


def _parent_run(toks: list, k: int) -> str:
    """The capitalised name after "of (the)": "Muslim Brotherhood", "Al-Haramain Foundation", "AL-AQSA FOUNDATION"."""
    j = k
    while j < len(toks) and j - k < _MAX_PARENT and (
            (toks[j].text[:1].isupper() and (toks[j].is_alpha or "-" in toks[j].text))
            or (toks[j].text == "-" and j > k and j + 1 < len(toks) and toks[j + 1].text[:1].isupper())):
        j += 1
    return " ".join(x.text for x in toks[k:j]).replace(" - ", "-")


def _demonym_before(toks: list, i: int, lex: Lexicon) -> tuple[str, int]:
    if i >= 2 and f"{toks[i - 2].lower_} {toks[i - 1].lower_}" in lex.demonyms and toks[i - 2].text[:1].isupper():
        return f"{toks[i - 2].text} {toks[i - 1].text}", i - 2
    if toks[i - 1].lower_ in lex.demonyms and toks[i - 1].text[:1].isupper():
        return toks[i - 1].text, i - 1
    return "", i


def _demonym_forms(doc: Doc, lex: Lexicon, parents: set[str], taken: set[tuple[int, int]]) -> list[Cand]:
    """ "Jordanian Muslim Brotherhood" where the document speaks of the Muslim Brotherhood's chapters."""
    text = doc_text(doc)
    out: list[Cand] = []
    alternatives = "|".join(re.escape(p) for p in sorted(parents, key=len, reverse=True) if " " in p or len(p) > 4)
    if not alternatives:
        return out
    for m in re.finditer(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?) (" + alternatives + r")\b", text):
        demonym = m.group(1)
        if demonym.lower() not in lex.demonyms:
            demonym = demonym.split()[-1]
            if demonym.lower() not in lex.demonyms:
                continue
        start = m.start(2) - len(demonym) - 1
        span = doc.char_span(start, m.end(), alignment_mode="expand")
        if span is None or (span.start, span.end) in taken:
            continue
        name = f"{demonym} {m.group(2)}"
        # stronger than the lexicon's parent inside it: the whole form names the chapter
        out.append(Cand(span.start, span.end, "Organization", P_COMPOUND, SOURCE, key=f"N:{norm(name)}", name=name))
    return out
