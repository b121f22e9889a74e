"""Markdown bodies -> the plain text that is ingested (and that offsets index).

Treasury and White House releases carry inline links glued to their neighbours
("OFAC[designated](https://...)the CBI"), emphasis markers and stray HTML tags. Left in, one link
becomes one token and the sentence around it is lost to the parser. Headings ("### Designated
Individuals") are kept: they structure lists of designees.
"""

from __future__ import annotations

import re

from ingest.unwrap import unwrap

_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"\n]*\")?\)")
_REF_LINK = re.compile(r"\[([^\]\n]+)\]\[[^\]\n]*\]")
_EMPHASIS = re.compile(r"(\*{1,3}|_{2,3})(?=\S)(.+?)(?<=\S)\1")
_TAGS = re.compile(r"</?(?:p|font|u|b|i|em|strong|br|span|div|a|sup|sub)\b[^>\n]*>", re.IGNORECASE)
_SPACES = re.compile(r"[ \t]{2,}")
# Asterisks left after the emphasis pairs are markup that did not pair up ("**Andrey), Igor Sechin ...
# Vedyakhin.**", "Sec. 6. ** **For"): dropped, except a bullet marker opening a line and an escaped "\\*".
_STARS = re.compile(r"(?m)(^[ \t]*\*(?=[ \t]))|(?<!\\)\*+")
# Backslash escapes of Markdown punctuation ("\\(ii\\)" in executive orders): the character itself.
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~])")
# A bold run-in heading glued to the sentence after it ("**Morteza Farasatpour and Rahim Ahmadi** OFAC sanctioned
# ...", "...ISIL.** Hussam Jamous** Treasury designated ...": ~1,450 in 450 Treasury releases) is read as a
# paragraph of its own: left in, it fuses with the sentence's subject ("Rahim Ahmadi OFAC" as the actor) and the
# designees and authorities that Treasury sets out under such headings lose their structure. Opening a line,
# or after a sentence's end with the old exports' space inside the opener; a capital must follow it (a bold
# name that is a sentence's subject is followed by its verb), and its text ends in no comma or bracket.
_RUN_IN = re.compile(
    r"(?m)(^[ \t\xa0]*\*\*[ \xa0]*|(?<=[.!?\u201d\"])\*\*[ \xa0]+)"
    r"([A-Z0-9\u201c\"][^*\n]{1,118}?[^*\n,;:(\s\u2013\u2014-])[ \xa0]*\*\*[ \xa0]+(?=[A-Z\u201c\"])")


def _link(match: re.Match, text: str) -> str:
    label = match.group(1).strip()
    before = text[match.start() - 1] if match.start() > 0 else " "
    after = text[match.end()] if match.end() < len(text) else " "
    # Treasury's exports lost the spaces around links: put them back only where words would fuse.
    lead = " " if label and (before.isalnum() or before in ".,;:)") else ""
    tail = " " if label and (after.isalnum() or after in "(") else ""
    return f"{lead}{label}{tail}"


def _emphasis(match: re.Match) -> str:
    # Treasury's exports also glued emphasis to its neighbours ("owned by*Firm S.A.*and*Firm Ltda*"): a space
    # goes back only where a word would fuse with the emphasised name.
    text, inner = match.string, match.group(2)
    before = text[match.start() - 1] if match.start() > 0 else " "
    after = text[match.end()] if match.end() < len(text) else " "
    # A pair that is really two stray stars around punctuation ("Firm*, the lab*Lab*") takes no space.
    lead = " " if (before.isalnum() or before in ",;:)") and inner[0].isalnum() else ""
    tail = " " if (after.isalnum() or after == "(") and (inner[-1].isalnum() or inner[-1] in ".)") else ""
    return f"{lead}{inner}{tail}"


def _star(match: re.Match) -> str:
    if match.group(1):
        return match.group(1)
    text = match.string
    # A stray star between two words stood for a space ("Ltda *and*Firm"): keep the words apart.
    before = text[match.start() - 1] if match.start() > 0 else " "
    after = text[match.end()] if match.end() < len(text) else " "
    return " " if before.isalnum() and after.isalnum() else ""


def _run_in(match: re.Match) -> str:
    # a heading after a sentence's end opens a paragraph of its own; one opening a line already does
    lead = "" if match.start() == 0 or match.string[match.start() - 1] == "\n" else "\n\n"
    return f"{lead}{match.group(2)}\n\n"


def markdown_to_text(text: str) -> str:
    text = unwrap(text)  # first: a link or a name cut by a soft line break is whole again
    text = _IMAGE.sub("", text)
    text = _LINK.sub(lambda m: _link(m, m.string), text)
    text = _REF_LINK.sub(r"\1", text)
    text = _RUN_IN.sub(_run_in, text)
    text = _EMPHASIS.sub(_emphasis, text)
    text = _TAGS.sub("", text)
    text = _STARS.sub(_star, text)
    text = _ESCAPE.sub(r"\1", text)
    return _SPACES.sub(" ", text)
