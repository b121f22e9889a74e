"""`pg_line_breaks`: a line break that ends a block ends a sentence, before the parser runs.

After the readers (hard-wrapped text is unwrapped there), a blank line in a document separates a headline,
a heading, a paragraph or a dateline from what follows. en_core_web_sm's parser often reads across it: a
headline without a final full stop ("Trump bans sales of chip design software to China") becomes the subject
of the next paragraph's first sentence, and the actions of both are lost. The parser respects sentence
starts that are already set, so this component sets one:
- after a blank line, unless the text plainly goes on (the line ends in ':' ',' ';' '(' or a dash: an
  introduction to a list, a clause cut by the break; or the next line opens in lower case);
- after a single line break only where the line closes a sentence (. ! ? or a closing quote) or the next
  line opens a bullet, a numbered item or a heading. Elsewhere a single break may be a wrap the readers did
  not recognise (a short snippet), and "into the\nUnited States" must stay one clause.
"""

from __future__ import annotations

import bisect
import re

from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START
from spacy.tokens import Doc

from ingest.extensions import doc_text

_GOES_ON = frozenset(":,;(-\u2013\u2014")
_CLOSES = frozenset(".!?\"\u201d")
_OPENS_BLOCK = re.compile(r"(?:[-*+\u2022#]|\d{1,3}[.)])\s")


# What may close a sentence inside a line (one ending in a bare ")" is rare; "(HoR) Agila Saleh Issa" is not one).
_ENDS = frozenset(".!?:;\"'\u201d\u2019\u2026")


def _within_lines(doc: Doc, text: str, marked: list[int] | None) -> Doc:
    """Set the block starts found (`marked`) and forbid a sentence start inside a line after a token that closes
    no sentence. en_core_web_sm cuts long Treasury sentences after a bracketed short form or mid-name ("sanctioned
    Libyan Speaker and President of the House of Representatives (HoR) | Agila Saleh Issa (Issa) pursuant to
    E.O. 13726", "Stephen | Lo was ..."), and the target and legal basis fall into a sentence of their own."""
    arr = doc.to_array([IDX, LENGTH, IS_SPACE]).tolist()
    inside: list[int] = []
    last = -1
    for i, (start, length, space) in enumerate(arr):
        if space:
            continue
        if last > 0 and text[last - 1] not in _ENDS and text.find("\n", last, start) == -1:
            inside.append(i)
        last = start + length
    if not marked and not inside:
        return doc
    # one array write: Token.is_sent_start's setter checks the whole Doc for a parse on every call
    flags = doc.to_array(SENT_START).view("int64")  # -1 (no start here) in the uint64 array spaCy expects
    flags[inside] = -1
    if marked:
        flags[marked] = 1
    doc.from_array([SENT_START], flags.view("uint64").reshape(-1, 1))
    return doc


class LineBreaks:
    def __init__(self, name: str = "pg_line_breaks"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        if len(doc) < 2:
            return doc
        if "\n" not in text:
            return _within_lines(doc, text, None)
        starts: list[int] | None = None
        marked: list[int] = []
        n = len(text)
        pos = text.find("\n")
        while pos != -1:
            end = pos + 1
            while end < n and text[end].isspace():
                end += 1
            last = pos - 1
            while last >= 0 and text[last] in " \t\u00a0":
                last -= 1
            if (
                last >= 0
                and end < n
                and text[last] not in _GOES_ON
                and not text[end].islower()
                and (
                    "\n" in text[pos + 1 : end]  # a blank line
                    or text[last] in _CLOSES
                    or _OPENS_BLOCK.match(text, end) is not None
                )
            ):
                if starts is None:
                    starts = doc.to_array(IDX).tolist()
                i = bisect.bisect_left(starts, end)
                if 0 < i < len(starts) and starts[i] == end:
                    marked.append(i)
            pos = text.find("\n", end)
        return _within_lines(doc, text, marked)

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)

