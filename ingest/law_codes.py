"""Citation grammars for the codes and instruments that ingest/laws.py's act grammar does not read:

  Title 18 of the United States Code / section 301 of title 3, United States Code   -> section PART_OF the Code
  chapter V of title 31 of the Code of Federal Regulations                          -> section PART_OF the C.F.R.
  (the Codes themselves are nodes only as the parent of a cited part: "published in the Code of Federal
  Regulations" names where a rule is printed, an official gazette, no instrument)
  Proclamation 8693 / Proclamation No. 10414                                        -> executive_order
  the Constitution (and the laws of the United States) / U.S. Constitution           -> statute
  OFAC's Frequently Asked Question 897 / FAQ 897                                    -> guidance
  the Zimbabwe sanctions program / ZIMBABWE SANCTIONS PROGRAM / Russia-related sanctions programs -> program

Why grammars: every presidential order opens with the same citation frame ("By the authority vested in me ...
by the Constitution and the laws of the United States of America, including ... and section 301 of title 3,
United States Code"), and Treasury releases cite "Title 18 of the United States Code" and numbered FAQs.
"""

from __future__ import annotations

import re

from ingest.law_citation import Citation
from ingest.names import slug

_WS = r"[\s\u00a0]+"
_CODES = {
    "united states code": ("united-states-code", "United States Code", "statute"),
    "u.s. code": ("united-states-code", "United States Code", "statute"),
    "code of federal regulations": ("code-of-federal-regulations", "Code of Federal Regulations", "regulation"),
}


def _w(pattern: str) -> str:
    """A pattern written with plain spaces, each read as any run of white space (line breaks and no-break
    spaces included): citations wrap anywhere."""
    return pattern.replace(" ", _WS)


_CODE_NAME = _w(r"(United States Code|U\.S\. Code|Code of Federal Regulations)")
# "[section 301 of] title 3, United States Code", "[chapter V of] title 31 of the Code of Federal Regulations"
_CODE_PART = re.compile(
    _w(r"\b(?:([Ss]ection|[Cc]hapter|[Pp]art|[Ss]ubtitle) "
       r"(\d{1,5}[A-Za-z]?(?:\([a-zA-Z0-9]{1,4}\))*|[IVXLC]{1,6}) of )?"
       r"([Tt]itle) (\d{1,2})(?:, | of (?:the )?)")
    + _CODE_NAME
    + r"\b"
)
_PROCLAMATION = re.compile(_w(r"\bProclamation (?:No\. )?(\d{4,5})\b"))
_CONSTITUTION = re.compile(
    _w(r"\b(?:(?:U\.S\.|United States) Constitution|Constitution of the United States(?: of America)?"
       # the order's opening frame: "by the Constitution and the laws of the United States"
       r"|Constitution(?= and (?:the )?laws of the United States))")
)
_FAQ = re.compile(_w(r"\b(?:Frequently Asked Questions?|FAQs?) (?:No\. |#[\s\u00a0]*)?(\d{1,4})\b"))


# a named sanctions programme: one to three capitalised words before "sanctions program(me)"
_PROGRAM = re.compile(
    r"\b((?:[A-Z][A-Za-z]+(?:-[Rr]elated|-RELATED)?" + _WS + r"){1,3})(?i:sanctions" + _WS + r"program(?:me)?s?)\b"
)
# words that open the run but name no programme ("Our Nicaragua sanctions program", "the OFAC ... program")
_PROGRAM_STOP = {"the", "our", "this", "these", "its", "their", "his", "her", "a", "an", "u", "us", "united", "states",
                 "american", "ofac", "treasury", "new", "existing", "current", "under", "and", "of", "to", "in", "all"}


def _programs(text: str) -> list[Citation]:
    out: list[Citation] = []
    for m in _PROGRAM.finditer(text):
        words = m.group(1).split()
        drop = 0
        while drop < len(words) and words[drop].lower().strip(".") in _PROGRAM_STOP:
            drop += 1
        if drop == len(words):
            continue
        start = m.start(1) + len(" ".join(words[:drop])) + (1 if drop else 0)
        label = " ".join(w if not w.isupper() or len(w) <= 4 else w.capitalize() for w in words[drop:])
        name = f"{label} sanctions program"
        out.append(Citation(start, m.end(), slug(name.lower()), name, "program"))
    return out


def _collapse(s: str) -> str:
    return re.sub(r"[\s\u00a0]+", " ", s).strip()


def _code(m: re.Match, group: int) -> Citation:
    cid, name, kind = _CODES[_collapse(m.group(group)).lower()]
    return Citation(m.start(group), m.end(group), cid, name, kind)


def code_citations(text: str) -> list[Citation]:
    out: list[Citation] = []
    for m in _CODE_PART.finditer(text):
        code = _code(m, 5)
        unit, num, title = m.group(1), m.group(2), m.group(4)
        # the name as written, its unit words capitalised ("Section 301 of Title 3, United States Code"); the id
        # from the numbers only, so "Title 18, United States Code" and "Title 18 of the United States Code" are one
        name = _collapse(text[m.start() : m.end()])
        name = re.sub(r"\b(section|chapter|part|subtitle|title)\b", lambda w: w.group(1).capitalize(), name)
        sid = f"{code.id}-title-{title}" + (f"-{unit.lower()}-{slug(num)}" if unit else "")
        out.append(Citation(m.start(), m.end(), sid, name, "section", parent=code))
    for m in _PROCLAMATION.finditer(text):
        out.append(
            Citation(m.start(), m.end(), f"proclamation-{m.group(1)}", f"Proclamation {m.group(1)}", "executive_order")
        )
    for m in _CONSTITUTION.finditer(text):
        out.append(
            Citation(
                m.start(), m.end(), "constitution-of-the-united-states", "Constitution of the United States", "statute"
            )
        )
    out += _programs(text)
    if "FAQ" in text or "Frequently" in text:
        # OFAC numbers its FAQs; a numbered FAQ in a text that names OFAC is OFAC's (one id in every release)
        owner = "OFAC " if "OFAC" in text or "Office of Foreign Assets Control" in text else ""
        for m in _FAQ.finditer(text):
            name = f"{owner}FAQ {m.group(1)}"
            out.append(Citation(m.start(), m.end(), slug(name), name, "guidance"))
    return out
