"""Title and publication date of a document, from metadata values or from the text itself."""

from __future__ import annotations

import datetime as dt
import re

# "This article first appeared in The Hill on 10/11/19 12:00 PM ET", "Published: March 3, 2021",
# "Originally published on 2020-09-14": publication lines that news reposts and newsletters carry.
_PUBLICATION_LINE = re.compile(
    r"(?im)^.{0,80}?\b(?:first\s+appeared|originally\s+published|published|posted|updated)\b[^\n]{0,80}?"
    r"\b(?:on|:)\s+(?P<date>[^\n]{4,40})$"
)
# "WASHINGTON, Oct. 5, 2019 -" datelines at the top of a release.
_DATELINE = re.compile(
    r"(?m)^[A-Z][A-Z .]{2,40},\s+(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4})\s*[-\u2013\u2014]"
)


def iso_date(value: object) -> str | None:
    """A metadata date (date, datetime, ISO string, '10/11/19', 'March 3, 2021') as YYYY-MM-DD, or None."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    if not text:
        return None
    m = re.match(r"^(\d{4}-\d{2}-\d{2})", text)
    if m:
        return m.group(1)
    return _parse_date(text)


def _parse_date(text: str) -> str | None:
    import dateparser

    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={"DATE_ORDER": "MDY", "PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": False,
                  "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    return parsed.date().isoformat() if parsed else None


def published_from_text(text: str) -> str | None:
    """Publication date stated in the text (a credit/publication line or a dateline), if any."""
    head_and_tail = text[:3000] + "\n" + text[-3000:]
    for pattern in (_DATELINE, _PUBLICATION_LINE):
        for m in pattern.finditer(head_and_tail):
            candidate = re.sub(r"\s+(?:at\s+)?\d{1,2}:\d{2}.*$", "", m.group("date")).strip(" .")
            found = _parse_date(candidate)
            if found:
                return found
    return None


def title_from_text(text: str) -> str | None:
    """The first line when it reads as a headline (short, no closing period, not a byline)."""
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if len(line) > 200 or line.endswith((".", ":", "?\"")) or re.match(r"(?i)^by\s", line):
            return None
        return line.lstrip("# ").strip() or None
    return None
