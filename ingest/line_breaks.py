"""`pg_line_breaks`: a line break ends a sentence, before the parser runs.

After the readers (hard-wrapped text is unwrapped there), a line break in a document separates a headline,
a heading, a paragraph, a bullet or a dateline from what follows. en_core_web_sm's parser often reads across
it: a headline without a final full stop ("Trump bans sales of chip design software to China") becomes the
subject of the next paragraph's first sentence, and the actions of both are lost. The parser respects
sentence starts that are already set, so this component sets one after each line break, except where the
text plainly goes on: the line ends in ':' ',' ';' '(' or a dash (an introduction to a list, a clause cut by
the line) or the next line opens in lower case.
"""

from __future__ import annotations

import bisect
import re

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

from ingest.extensions import doc_text

_BREAK = re.compile(r"[ \t\u00a0]*\n\s*")
_GOES_ON = frozenset(":,;(-\u2013\u2014")


class LineBreaks:
    def __init__(self, name: str = "pg_line_breaks"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        if "\n" not in text or len(doc) < 2:
            return doc
        starts: list[int] | None = None
        for m in _BREAK.finditer(text):
            last = text[m.start() - 1] if m.start() else ""  # the pattern took the spaces before the break
            nxt = text[m.end() : m.end() + 1]
            if not last or not nxt or last in _GOES_ON or nxt.islower():
                continue
            if starts is None:
                starts = doc.to_array(IDX).tolist()
            i = bisect.bisect_left(starts, m.end())
            if 0 < i < len(doc) and starts[i] == m.end():
                doc[i].is_sent_start = True
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)


@Language.factory("pg_line_breaks")
def make_line_breaks(nlp: Language, name: str) -> LineBreaks:
    return LineBreaks(name)
