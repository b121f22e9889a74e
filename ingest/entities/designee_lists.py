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
from ingest.entities.forms import has_patronymic, is_legal_form
from ingest.entities.head_words import LEGAL_SUFFIXES
from ingest.extensions import doc_text, doc_tokens

CACHE_KEY = "pg_designee_lists"
# Below the lexicon (a listed body keeps its id), above NER, suffix and bold spans (the entry's convention fixes
# the name's edges better than they do).
P_DESIGNEE = P_LEXICON - 1
# A bullet, dash or number opening a list entry.
ITEM = re.compile(r"[ \t\u00a0]*(?:[-*\u2022\u25aa\u25e6\u2013]|\(?\d{1,3}[.)])[ \t\u00a0]+(?=\S)")
ANY_ITEM = re.compile(r"(?m)^" + ITEM.pattern)
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
# A last sentence that points back to the one before it ("These subsidiaries provide a variety of financial
# services:", "Specifically, the individuals are:").
POINTS_BACK = re.compile(r"(?:Specifically, )?(?:These|They|Those|The (?:individuals|entities|persons|companies|"
                         r"subsidiaries|designees|officials))\b")
NUMBER_WORDS = {w: k for k, w in enumerate((
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"))}
# A count of designees: the number and, within a few words, the group's noun.
COUNT = re.compile(r"\b(\d{1,3}|" + "|".join(NUMBER_WORDS) + r")\s+(?:[\w\u2019'-]+\s+){0,4}?(?:individuals|persons|"
                   r"people|officials|nationals|members|leaders|executives|entities|companies|firms|businesses|"
                   r"organizations|banks|subsidiaries|affiliates|targets)\b", re.I)
# An entry that is nothing but a name: capitalised words and their joiners, a bracketed short form or country.
BARE_NAME = re.compile(r"[*\s]*[A-Z\u00c0-\u024f][\w.\u2019'&-]*(?:[\s*]+(?:[A-Z\u00c0-\u024f0-9][\w.\u2019'&-]*|"
                       r"of|de|del|la|al|el|bin|ibn|and|y|da|do|van|von|der))*[\s*]*(?:\([^()\n]{1,60}\))?[\s*]*")
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
    if ANY_ITEM.search(text) is None:
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
        items, bare = _items_under(lines, i + 1)
        if not items:
            continue
        lead_span = _lead(stripped, len(items), bare)
        if lead_span is None:
            continue
        lead_at, lead_end = lead_span
        lead = stripped[lead_at:lead_end]
        persons = True if PERSON_NOUNS.search(lead) else False if ENTITY_NOUNS.search(lead) else None
        out.append(DesigneeList(start + lead_at, start + lead_end - 1, tuple(items), persons))
    return out


def _items_under(lines: list[tuple[int, str]], first: int) -> tuple[list[int], bool]:
    """Offsets where the entries of the bulleted or numbered lines from line `first` on start (blank lines
    between them skipped, vessels and aircraft left out), and whether every entry is a bare name."""
    items: list[int] = []
    bare = True
    for start2, line2 in lines[first:]:
        if not line2.strip(" \t\u00a0"):
            continue  # blank lines between entries
        m = ITEM.match(line2)
        if m is None:
            break
        if not PROPERTY_ITEM.search(line2):
            items.append(start2 + m.end())
            bare = bare and BARE_NAME.fullmatch(line2[m.end():].strip(" \t\u00a0*;,.")) is not None
    return items, bare and len(items) > 1


def _lead(line: str, n_items: int, bare: bool) -> tuple[int, int] | None:
    """(start, end) in the line of the sentence that states the measure on the entries below it, or None.

    The lead is the line's last sentence when that states a measure and ends with a colon or points forward
    ("the following 15 individuals are designated ... ."); else an earlier sentence of the paragraph that does,
    when the last one points back to it ("These are:", "These subsidiaries provide ...:") or counts as many
    designees as there are entries ("designating the remaining 109 State Duma members ... . This action
    follows ..." above 109 names); else, above a list of bare names, a last sentence that states a measure."""
    cuts = [0, *(m.end() for m in SENTENCE_END.finditer(line))]
    sents = [(a, (cuts[k + 1] if k + 1 < len(cuts) else len(line))) for k, a in enumerate(cuts)]
    last_at, _ = sents[-1]
    last = line[last_at:]
    if PROPERTY_LEAD.search(last):
        return None
    colon = line.endswith(":")
    if MEASURE.search(last) and (colon or FOLLOWING.search(last)) and not ANAPHORIC_LEAD.fullmatch(last):
        return last_at, len(line)
    back = colon and (ANAPHORIC_LEAD.fullmatch(last) or POINTS_BACK.match(last))
    for a, e in reversed(sents[-4:-1]):
        sent = line[a:e].rstrip()
        if not MEASURE.search(sent) or PROPERTY_LEAD.search(sent):
            continue
        if back or (not colon and _counted(sent) in _about(n_items)):
            return a, a + len(sent)
    if bare and MEASURE.search(last) and not colon:
        return last_at, len(line)
    return None


def _about(n: int) -> range:
    """Counts a list of n entries may have been announced with: a few entries glued to the line before
    ("5. Alexander Babakov*6. Konstantin Bakharev") or left out as vessels are not read as entries."""
    return range(n, n + max(1, n // 10) + 1)


def _counted(sentence: str) -> int | None:
    """The number of designees a sentence counts ("designating the remaining 109 State Duma members",
    "designating six Alfa-Bank subsidiaries"), or None."""
    m = COUNT.search(sentence)
    if m is None:
        return None
    word = m.group(1).lower()
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word)


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
                nxt.text[:1].isupper() or nxt.text[:1].isdigit()) and not (
                w.lower() in ("and", "&") and is_legal_form(toks[k - 1])):  # "X EOOD and Y EAD": two firms
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
    """(first token, token just past the line, persons) of each entry of the lists. An entry that opens with
    the designee's post starts at the person's name after it (`_after_post`)."""
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
            end = bisect_left(starts, line_end if line_end >= 0 else len(text))
            out.append((_after_post(toks, s, end) if lst.persons is not False else s, end, lst.persons))
    return out


def _after_post(toks: list, s: int, end: int) -> int:
    """ "2. UDV board member Aleksey Nikolaevich Chumakov;", "5. Boroday's aide and UDV's Southern Military
    District representative Tamerlan Borisovich Enaldiev;": an entry whose first clause (up to its first comma
    or semicolon) is a post written in lower-case words, with no finite verb, and closes with a person's name
    starts at that name: the statistical NER's last person there, or the given name before a patronymic."""
    k = s
    while k < end and toks[k].text not in (",", ";", "(", ":"):
        k += 1
    clause = toks[s:k]
    if not any(t.is_alpha and t.text.islower() and t.lower_ not in JOINERS for t in clause) or any(
            t.tag_ in ("VBZ", "VBP", "VBD", "MD") for t in clause):
        return s
    j = k
    while j > s and toks[j - 1].text[:1].isupper() and toks[j - 1].is_alpha:
        j -= 1  # the capitalised run that closes the clause
    for i in range(j + 1, k):
        if has_patronymic([toks[i - 1].text, toks[i].text]):
            return i - 1
    return next((i for i in range(j, k) if toks[i].ent_type_ == "PERSON" and toks[i].ent_iob_ == "B"), s)


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
