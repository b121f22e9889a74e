"""Text that gives no entity from NER: the document's own byline and credits, the quoted titles of executive
orders, and headings (Markdown headings, short Title Case paragraphs, section captions).
"""

from __future__ import annotations

import re

from ingest.entities.forms import AIRCRAFT_LINE


def excluded_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges that are the document's own byline, credit, photo credit or paywall blurb."""
    out: list[tuple[int, int]] = []
    pos = 0
    lines_seen = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped and lines_seen < 3:
            # the byline: among the first lines (after a title heading: "# Title", then "*By Financial Times*")
            lines_seen += 1
            if re.match(r"^[*_]*(BY|By)\s+[A-Z]", stripped) and len(stripped) < 120:
                out.append((pos, pos + len(line)))
        if re.match(r"^[*_\s]*(?:\u00a9|\(c\)\s*\d{4}|Copyright\b)", stripped):
            out.append((pos, pos + len(line)))  # "© 2025 Global News, a division of Corus Entertainment Inc."
        elif AIRCRAFT_LINE.search(line):
            out.append((pos, pos + len(line)))  # aircraft identification lines: aircraft are not entities
        elif re.search(r"\bview or print the PDF\b|\bAdobe\W+(?:\w+\W+)?Reader\b", line, re.I):
            out.append((pos, pos + len(line)))  # a release's download note ("the free Adobe® Acrobat® Reader®")
        elif re.search(r"\b(first|originally) (appeared|published) (in|on)\b", line, re.I) or re.search(
            r"\b(subscribers? (receive|get)|sign up for a free|subscribe (now|today|to))\b", line, re.I
        ):
            out.append((pos, pos + len(line)))
        pos += len(line)
    for m in re.finditer(
        r"\((?:Photo:?\s*)?[A-Z][\w.\- ]{1,40}/[A-Z][\w.\- ]{1,40}\)"
        r"|\((?:Photos?|Photograph|Image|Credit):[^()\n]{1,120}\)"
        # a caption's credit after its bar: "... in 2023. | Jane Doe/EPA-EFE"
        r"|(?m:\|[ \t\u00a0]*[A-Z][\w.'\- ]{1,40}/[A-Z][\w.\-]{1,30}[ \t\u00a0]*$)",
        text,
    ):
        out.append((m.start(), m.end()))
    return out


_ORDER_TITLE = re.compile(
    r"(?:Executive[\s\u00a0]+Order|E\.[\s\u00a0]?O\.)[^\n\u201c\"]{0,60}?[\u201c\"]([^\u201d\"\n]{8,300})[\u201d\"]"
)


# the bracketed title after a dated order or proclamation: "Proclamation 8693 of July 24, 2011 (Suspension of Entry
# of Aliens Subject to United Nations Security Council Travel Bans ...)"
_BRACKETED_TITLE = re.compile(
    r"(?:Executive[\s\u00a0]+Order|E\.[\s\u00a0]?O\.|Proclamation)[\s\u00a0]+(?:No\.[\s\u00a0]+)?\d{4,5}[\s\u00a0]+of"
    r"[\s\u00a0]+[A-Z][a-z]+\.?[\s\u00a0]+\d{1,2},[\s\u00a0]+\d{4},?[\s\u00a0]*\(([A-Z][^()]{8,300})\)"
)


def order_title_ranges(text: str) -> list[tuple[int, int]]:
    """The quoted or bracketed titles of orders and proclamations ('E.O. 14059 of December 15, 2021, "Imposing
    Sanctions on Foreign Persons Involved in the Global Illicit Drug Trade"'): Title Case words that NER reads as
    names, and bodies named only inside another instrument's name."""
    out = [(m.start(1), m.end(1)) for m in _ORDER_TITLE.finditer(text)]
    if "(" in text:
        out += [(m.start(1), m.end(1)) for m in _BRACKETED_TITLE.finditer(text)]
    return out


# The caption of an order's section, run in before its text: "Sec. 6. Effective Date. This order ...",
# "Section 1. Findings. (a) The Tren de Aragua ...". NER reads the Title Case caption as a name.
_SECTION_CAPTION = re.compile(
    r"(?m)^[ \t\u00a0]*(?:Sec(?:tion)?|SEC(?:TION)?)\.?[ \t\u00a0]+\d{1,3}[A-Za-z]?\.[ \t\u00a0]+"
    r"([A-Z][\w\u2019'\-]*(?:[ \t\u00a0]+(?:[A-Z][\w\u2019'\-]*|of|and|or|the|for|with|to|on|in|by))*)\."
)


def heading_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of heading paragraphs: Markdown "#" lines and short Title Case paragraphs
    without final punctuation ("A Multilateral Approach", "Cutting-Edge Technology"). NER reads
    capitalised heading words as names; a name seen only in a heading is not taken from NER.
    Paragraphs are blank-line separated when the text has blank lines (hard-wrapped), else lines."""
    sep = re.compile(r"\n[ \t\u00a0]*\n") if re.search(r"\n[ \t\u00a0]*\n", text) else re.compile(r"\n")
    out: list[tuple[int, int]] = []
    pos = 0
    for m in [*sep.finditer(text), None]:
        end = m.start() if m is not None else len(text)
        para = text[pos:end]
        stripped = para.strip().strip("*#_ ").strip()
        words = re.findall(r"[A-Za-z][\w\u2019'\-]*", stripped)
        if para.lstrip().startswith("#") or (
            words
            and len(words) <= 20
            and not re.search(r"[.:;,!?\"\u201d)]$", stripped)
            and sum(w[0].isupper() for w in words) >= max(1, 0.6 * len(words))
        ):
            out.append((pos, end))
        pos = m.end() if m is not None else end
    out.extend((m.start(1), m.end(1)) for m in _SECTION_CAPTION.finditer(text))
    return sorted(out)
