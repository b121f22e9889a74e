"""Hard-wrapped text -> one line per paragraph.

White House releases (and many plain-text or e-mail copies of policy texts) are wrapped at a fixed width
(72 columns): every sentence is cut by line breaks ("pursuant to Executive\\nOrder 13818"). spaCy's model
was trained on running text; a newline inside a name or a clause becomes a whitespace token that splits
entities, derails the parse and makes short lines look like headings to the rules. Joining the soft breaks
of a paragraph is what a Markdown renderer does too.

Only text that is visibly wrapped is touched: most lines end near one width and no line runs far past it.
Text with one paragraph a line (Treasury releases, news copies) is returned as it is, since there a
single line break separates paragraphs. Blank lines, headings, bullets, numbered items, quotes, tables and
Markdown hard breaks (two trailing spaces) stay line breaks. The document id folds whitespace, so a
document keeps its id whether it was read wrapped or unwrapped.
"""

from __future__ import annotations

import re

# A line that opens a block of its own: heading, bullet, numbered item, quote, table row.
_BLOCK_START = re.compile(r"[ \t]{0,3}(?:#{1,6}[ \t]|[-*+\u2022][ \t]|\d{1,3}[.)][ \t]|>|\|)")
_HEADING = re.compile(r"[ \t]{0,3}#{1,6}[ \t]")
_MIN_LINES = 8
_MAX_WIDTH = 100  # wrapped text is cut at 60-80 columns; a wider "width" means lines are paragraphs


def is_hard_wrapped(text: str) -> bool:
    lines = text.split("\n")
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(lengths) < _MIN_LINES:
        return False
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if not 40 <= width <= _MAX_WIDTH:
        return False
    too_long = sum(1 for n in lengths if n > width + 20)  # a URL or a table row may overflow; prose does not
    filled = sum(1 for n in lengths if n >= 0.75 * width)
    followed = sum(1 for a, b in zip(lines, lines[1:], strict=False) if a.strip() and b.strip())
    return too_long <= 0.05 * len(lengths) and filled >= 0.4 * len(lengths) and followed >= 0.4 * len(lengths)


def unwrap(text: str) -> str:
    """Join the soft line breaks of `text` when it is hard-wrapped; otherwise return it unchanged."""
    if not is_hard_wrapped(text):
        return text
    out: list[str] = []
    for line in text.split("\n"):
        prev = out[-1] if out else ""
        if (
            prev.strip()
            and line.strip()
            and not prev.endswith("  ")  # Markdown hard break
            and not _HEADING.match(prev)  # a heading ends at its line; a bullet item may go on
            and not prev.lstrip().startswith("|")
            and not _BLOCK_START.match(line)
        ):
            head = prev.rstrip(" \t")
            tail = line.lstrip(" \t")
            # a word hyphenated across the break ("state-\nowned") joins without a space
            glue = "" if head.endswith("-") and head[-2:-1].isalpha() and tail[:1].islower() else " "
            out[-1] = head + glue + tail
        else:
            out.append(line)
    return "\n".join(out)
