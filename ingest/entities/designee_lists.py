"""Lists of designees: the bulleted or numbered entries under a lead line that ends with a colon and states a
measure ("The following Russia-based entities were designated pursuant to E.O. 14024 for ...:",
"The property and interests in property of the following Sovcombank subsidiaries are blocked:").

Each entry opens with the designee's name, written as the list's convention has it, with no cue that NER
knows: "- Lazerbi develops and manufactures laser equipment ...", "3. Sovkom Faktoring is a company located in
Russia.", "- Mufflin Trading L.L.C.". The name is the run of capitalised words that opens the entry (with
the lower-case joining words of names: "of", "de", "al"...), up to the first verb, bracket, comma or
semicolon; a legal form after a comma stays ("Co., Ltd."). Its type is the lead's noun when that says
individuals or officials, else what the name's own words say (ingest.entities.classify.org_type).

`designee_lists(doc)` finds the lists once per Doc (cached in doc.user_data); pg_actions reads the same
lists to make the entries targets of the measure their lead states (ingest/actions/list_targets.py).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc

from ingest.entities.candidates import P_LEXICON, Cand
from ingest.entities.classify import org_type
from ingest.entities.forms import has_patronymic
from ingest.entities.head_words import LEGAL_SUFFIXES
from ingest.extensions import doc_text, doc_tokens

CACHE_KEY = "pg_designee_lists"
# Below the lexicon (a listed body keeps its id), above NER, suffix and bold spans (the entry's convention fixes
# the name's edges better than they do).
P_DESIGNEE = P_LEXICON - 1
# A bullet, dash or number opening a list entry.
ITEM = re.compile(r"[ \t\u00a0]*(?:[-*\u2022\u25aa\u25e6\u2013]|\(?\d{1,3}[.)])[ \t\u00a0]+(?=\S)")
# The lead states a measure taken on what follows.
MEASURE = re.compile(r"\b(?:designat\w*|sanction\w*|block\w*|identif\w*|target\w*|listed|listing|added|adding|"
                     r"impos\w*|froze\w*|freez\w*)", re.I)
# "... the following individuals ...": the lead's noun tells persons from entities.
PERSON_NOUNS = re.compile(r"\b(?:individuals|officials|executives|people|leaders|members|nationals|relatives|"
                          r"oligarchs|elites|officers|commanders|judges|ministers)\b", re.I)
ENTITY_NOUNS = re.compile(r"\b(?:entities|companies|firms|banks|subsidiaries|institutions|organizations|groups|"
                          r"businesses|enterprises|funds|providers|exchanges|manufacturers|suppliers)\b", re.I)
# Vessels and aircraft are property, not entities: a lead that lists them, an entry that numbers them.
PROPERTY_LEAD = re.compile(r"\bfollowing\s+(?:[\w-]+\s+){0,3}(?:vessels|aircraft|tankers|ships)\b"
                           r"|\bas (?:blocked )?property\b|\bproperty in which\b", re.I)
PROPERTY_ITEM = re.compile(r"\b(?:IMO|MSN)\b|\bTail Number\b|\bCall Sign\b")
# The end of a sentence inside the lead paragraph (not "E.O. 14024", "U.S. persons").
SENTENCE_END = re.compile(r"(?<=[a-z0-9)\u201d\"])[.;]\s+(?=[A-Z\u201c\"])")
FOLLOWING = re.compile(r"\bthe following\b", re.I)
# A lead that points back to the sentence before it.
ANAPHORIC_LEAD = re.compile(
    r"(?:These|They|Those|The(?: \d{1,3}| two| three| four| five| six| seven| eight| nine| ten)? (?:individuals|"
    r"entities|persons|companies|subsidiaries)) (?:are|include)(?: the following)?:", re.I)
# Lower-case words inside names ("Bank of Moscow", "Brigada Especial Nacional del Ministerio", "Abd al-Aziz").
JOINERS = {"of", "de", "del", "la", "le", "les", "the", "and", "for", "al", "el", "bin", "ibn", "bint", "y", "da",
           "do", "dos", "das", "van", "von", "der", "den", "im", "po", "na", "i", "&", "-", "'", "\u2019", "e", "di"}


@dataclass(frozen=True)
class DesigneeList:
    lead: int  # character offset where the sentence that states the measure starts
    colon: int  # character offset of the colon (or the full stop after "the following ...") that ends the lead
    items: tuple[int, ...]  # character offsets where each entry's text starts (after its bullet or number)
    persons: bool | None  # the lead's noun: individuals (True), entities (False), or not said


def designee_lists(doc: Doc) -> list[DesigneeList]:
    cached = doc.user_data.get(CACHE_KEY)
    if cached is None:
        cached = find_lists(doc_text(doc))
        doc.user_data[CACHE_KEY] = cached
    return cached


def find_lists(text: str) -> list[DesigneeList]:
    if ":" not in text and not FOLLOWING.search(text):
        return []
    lines: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    out: list[DesigneeList] = []
    for i, (start, line) in enumerate(lines):
        stripped = line.rstrip(" \t\u00a0")
        if not stripped.endswith((":", ".")) or ITEM.match(line):
            continue
        lead_at = _last_sentence(stripped)
        lead = stripped[lead_at:]
        if stripped.endswith(".") and not FOLLOWING.search(lead):
            continue  # "the following 15 individuals are designated ... ." points forward even without a colon
        if ANAPHORIC_LEAD.fullmatch(lead) and lead_at:
            # "Today, OFAC is designating all of Matviyenko's 169 Federation Council colleagues ... These are:"
            lead_at = _last_sentence(stripped[:lead_at].rstrip())
            lead = stripped[lead_at:]
        if not MEASURE.search(lead) or PROPERTY_LEAD.search(lead):
            continue
        items: list[int] = []
        for start2, line2 in lines[i + 1 :]:
            if not line2.strip(" \t\u00a0"):
                continue  # blank lines between entries
            m = ITEM.match(line2)
            if m is None:
                break
            if not PROPERTY_ITEM.search(line2):
                items.append(start2 + m.end())
        if items:
            persons = True if PERSON_NOUNS.search(lead) else False if ENTITY_NOUNS.search(lead) else None
            out.append(DesigneeList(start + lead_at, start + len(stripped) - 1, tuple(items), persons))
    return out


def _last_sentence(line: str) -> int:
    """Offset where the line's last sentence starts."""
    cuts = list(SENTENCE_END.finditer(line))
    return cuts[-1].end() if cuts else 0


def entry_name_end(toks: list, s: int, line_end: int) -> int:
    """Token index just past the name that opens an entry at token s (s itself when there is none)."""
    n = len(toks)
    k = s
    while k < n and toks[k].idx < line_end:
        t = toks[k]
        w = t.text
        if w[:1].isupper() or w[:1].isdigit():
            k += 1
            continue
        nxt = toks[k + 1] if k + 1 < n and toks[k + 1].idx < line_end else None
        if nxt is not None and (w.lower() in JOINERS or w in "-'\u2019.") and k > s and (
                nxt.text[:1].isupper() or nxt.text[:1].isdigit()):
            k += 1
            continue
        if w == "," and nxt is not None and nxt.lower_ in LEGAL_SUFFIXES and k > s:
            after = toks[k + 2] if k + 2 < n and toks[k + 2].idx < line_end else None
            if after is None or not after.text[:1].isupper():  # "Co., Ltd., has" but not "Co, Limited Liability X"
                k += 2
                continue
        break
    while k > s and (toks[k - 1].lower_ in JOINERS or toks[k - 1].text in "-'\u2019"):
        k -= 1
    return k


def entry_lines(doc: Doc, lists: list[DesigneeList]) -> list[tuple[int, int, bool | None]]:
    """(first token, token just past the line, persons) of each entry of the lists."""
    toks = doc_tokens(doc)
    text = doc_text(doc)
    starts = [t.idx for t in toks]
    out = []
    for lst in lists:
        for off in lst.items:
            s = bisect_left(starts, off)
            if s >= len(toks) or toks[s].idx != off:
                continue
            line_end = text.find("\n", off)
            out.append((s, bisect_left(starts, line_end if line_end >= 0 else len(text)), lst.persons))
    return out


def entry_spans(doc: Doc, lists: list[DesigneeList]) -> list[tuple[int, int, bool | None]]:
    """(token start, token end, persons) of the name opening each entry of the lists."""
    toks = doc_tokens(doc)
    out = []
    for s, end, persons in entry_lines(doc, lists):
        line_end = toks[end - 1].idx + 1 if end > s else toks[s].idx
        colon = next((k for k in range(s, end) if toks[k].text == ":"), None)
        if colon is None:
            starts = [s]
        else:  # "- 21 German companies: A GmbH, B GmbH & Co. KG, C GmbH": the names after the colon
            starts = [k for k in range(colon + 1, end) if not toks[k].is_space and toks[k].text not in ",;" and (
                toks[k - 1].text in (":", ",", ";") or toks[k - 1].lower_ == "and")]
        last = s
        for k in starts:
            if k < last or toks[k].lower_ in LEGAL_SUFFIXES:
                continue
            e = entry_name_end(toks, k, line_end)
            if e > k:
                out.append((k, e, persons))
                last = e
    return out


def entry_type(words: list[str], persons: bool | None) -> str | None:
    """Ontology type of an entry's name, or None when it is no entity (a law, a lone number)."""
    if not any(w[:1].isalpha() for w in words):
        return None
    typ = org_type(words)
    if typ == "Law":
        return None
    if typ == "Company" and (persons or has_patronymic(words)) and not any(
            w.lower() in LEGAL_SUFFIXES for w in words):
        return "Person"
    return typ


def designee_cands(doc: Doc, covered: list[Cand | None]) -> list[Cand]:
    """Candidates for the names opening the entries of designee lists (`covered`: the lexicon, citation and
    pattern candidates by token); a name they already read in full is left to them."""
    lists = designee_lists(doc)
    if not lists:
        return []
    toks = doc_tokens(doc)
    out = []
    for s, e, persons in entry_spans(doc, lists):
        have = covered[s]
        if have is not None and have.start == s and have.end == e:
            continue
        typ = entry_type([t.text for t in toks[s:e]], persons)
        if typ is not None:
            out.append(Cand(s, e, typ, P_DESIGNEE, "designee"))
    return out
