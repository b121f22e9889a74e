"""Resolve the date expressions found near action triggers to ISO dates, full or partial.

`resolve("on Monday", "2019-10-11")` -> "2019-10-07". The result keeps only what the text fixes:
"December 2018" -> "2018-12", "last year" -> "2018", "October 25, 2007" -> "2007-10-25".
Relative expressions need a base (the document's publication date); without one they resolve to None,
while absolute ones still resolve. Durations and vague references ("for years", "recently") give None.

The common shapes are handled by the regexes below (cheap, exact); dateparser is the fallback for
whatever else carries a month name or digits, and is imported lazily because its import is slow.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"

# Leading words that carry no date information ("on Monday", "in early 2019", "as of today").
_LEAD = re.compile(
    r"^(?:(?:on|in|at|as of|since|from|by|during|until|through|of|the|early|earlier|mid|late|later)[\s-]+)+"
)
# Expressions that are durations, frequencies or vague references, never a point in time.
_VAGUE = re.compile(
    r"\b(?:years|months|weeks|days|decades|annually|daily|weekly|monthly|yearly|recent|recently|"
    r"soon|ago|past|future|coming|next several|century|\d+-(?:day|year|month|week)|\d{1,3}0s)\b"
)
_FULL = re.compile(rf"^{_MONTH}\s+{_DAY},?\s+{_YEAR}$")
_DAY_FIRST = re.compile(rf"^{_DAY}\s+{_MONTH},?\s+{_YEAR}$")
_MONTH_YEAR = re.compile(rf"^{_MONTH},?\s+(?:of\s+)?{_YEAR}$")
_MONTH_DAY = re.compile(rf"^{_MONTH}\s+{_DAY}$")
_YEAR_ONLY = re.compile(rf"^{_YEAR}$")
_MONTH_ONLY = re.compile(rf"^(?P<rel>last|this|next|past)?\s*{_MONTH}$")
_WEEKDAY = re.compile(
    r"^(?P<rel>last|this|next|past)?\s*(?P<wd>" + "|".join(WEEKDAYS) + r")(?:\s+(?:morning|afternoon|evening|night))?$"
)
_NUMERIC = re.compile(r"^(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>\d{2}|\d{4})$")
_ISO = re.compile(r"^(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)$")
_RELATIVE = {
    "today": ("day", 0), "tonight": ("day", 0), "this morning": ("day", 0), "this afternoon": ("day", 0),
    "yesterday": ("day", -1), "tomorrow": ("day", 1),
    "this week": ("week", 0), "last week": ("week", -1), "past week": ("week", -1), "next week": ("week", 1),
    "this month": ("month", 0), "last month": ("month", -1), "next month": ("month", 1),
    "this year": ("year", 0), "last year": ("year", -1), "next year": ("year", 1), "past year": ("year", -1),
}


def to_date(value: str | date | None) -> date | None:
    """Accept an ISO date string ("2019-10-11", a datetime string) or a date; None or junk -> None."""
    if value is None or isinstance(value, date):
        return value
    m = re.match(r"^(\d{4})-(\d\d)-(\d\d)", str(value).strip())
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _month_shift(base: date, months: int) -> tuple[int, int]:
    index = base.year * 12 + (base.month - 1) + months
    return index // 12, index % 12 + 1


def _iso(y: int, m: int | None = None, d: int | None = None) -> str | None:
    try:
        if d is not None and m is not None:
            return date(y, m, d).isoformat()
    except ValueError:
        return None
    if m is not None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}"


def _week(base: date, weeks: int) -> str:
    """A week fixes at most its month: give the month when the whole week falls inside one."""
    monday = base - timedelta(days=base.weekday()) + timedelta(weeks=weeks)
    sunday = monday + timedelta(days=6)
    if (monday.year, monday.month) == (sunday.year, sunday.month):
        return _iso(monday.year, monday.month)
    anchor = base + timedelta(weeks=weeks)
    return _iso(anchor.year, anchor.month)


def _relative(kind: str, n: int, base: date) -> str | None:
    if kind == "day":
        return (base + timedelta(days=n)).isoformat()
    if kind == "week":
        return _week(base, n)
    if kind == "month":
        return _iso(*_month_shift(base, n))
    return _iso(base.year + n)


def _weekday(rel: str | None, wd: int, base: date, prefer_future: bool) -> str:
    if rel == "next" or (prefer_future and rel is None):
        delta = (wd - base.weekday()) % 7 or (7 if rel == "next" else 0)
        return (base + timedelta(days=delta)).isoformat()
    # News reports past events by weekday: "announced on Monday" in a Friday paper is four days back;
    # "last Monday" goes back at least one week only when the bare weekday would be today.
    delta = (base.weekday() - wd) % 7
    if rel in ("last", "past") and delta == 0:
        delta = 7
    return (base - timedelta(days=delta)).isoformat()


def resolve(text: str, base: str | date | None = None, prefer_future: bool = False) -> str | None:
    """ISO date (possibly partial) fixed by `text`, relative to `base`; None when the text fixes none."""
    if not text:
        return None
    b = to_date(base)
    s = text.strip().lower().replace("\u2019", "'").replace("\u00a0", " ")
    s = re.sub(r"'s$", "", s)
    s = re.sub(r"\s+", " ", s).strip(" ,.;:()")
    if s in _RELATIVE:
        return _relative(*_RELATIVE[s], b) if b else None
    s = _LEAD.sub("", s).strip()
    if s in _RELATIVE:  # "earlier this year", "later this month"
        return _relative(*_RELATIVE[s], b) if b else None
    if not s or _VAGUE.search(s):
        return None
    if m := _ISO.match(s):
        return _iso(int(m["y"]), int(m["m"]), int(m["d"]))
    if m := _FULL.match(s):
        return _iso(int(m["year"]), MONTHS[m["month"]], int(m["day"]))
    if m := _DAY_FIRST.match(s):
        return _iso(int(m["year"]), MONTHS[m["month"]], int(m["day"]))
    if m := _MONTH_YEAR.match(s):
        return _iso(int(m["year"]), MONTHS[m["month"]])
    if m := _YEAR_ONLY.match(s):
        return _iso(int(m["year"]))
    if m := _NUMERIC.match(s):
        y = int(m["y"])
        y = y + 2000 if y < 100 else y
        return _iso(y, int(m["m"]), int(m["d"]))
    if m := _WEEKDAY.match(s):
        return _weekday(m["rel"], WEEKDAYS[m["wd"]], b, prefer_future) if b else None
    if m := _MONTH_ONLY.match(s):
        if not b:
            return None
        month, rel = MONTHS[m["month"]], m["rel"]
        year = b.year
        if rel == "next" or (prefer_future and rel is None):
            year = b.year + (month <= b.month if rel == "next" else month < b.month)
        elif rel in ("last", "past"):
            year = b.year - (month >= b.month)
        elif rel is None and month > b.month:
            year = b.year - 1  # a bare past month: the latest one not after the base
        return _iso(year, month)
    if m := _MONTH_DAY.match(s):
        if not b:
            return None
        d = _iso(b.year, MONTHS[m["month"]], int(m["day"]))
        if d and not prefer_future and to_date(d) > b + timedelta(days=7):
            d = _iso(b.year - 1, MONTHS[m["month"]], int(m["day"]))
        return d
    return _fallback(s, b, prefer_future)


def _fallback(s: str, base: date | None, prefer_future: bool) -> str | None:
    """dateparser for the remaining shapes; only tried on text that carries a month name or digits."""
    has_month = any(w in MONTHS for w in re.findall(r"[a-z]+", s))
    if not has_month and not re.search(r"\d{1,4}[/.-]\d{1,2}", s):
        return None  # bare numbers ("2007220050", "13224") are not dates
    parsed = _dateparse(s, base.isoformat() if base else None, prefer_future)
    if parsed is None:
        return None
    value, period = parsed
    if base is None and not re.search(r"(?:19|20)\d\d", s):
        return None  # no base and no year written: the text does not fix the date
    if period == "year":
        return _iso(value.year)
    if period == "month":
        return _iso(value.year, value.month)
    return value.date().isoformat()


@lru_cache(maxsize=4096)
def _dateparse(s: str, base_iso: str | None, prefer_future: bool) -> tuple[datetime, str] | None:
    settings = {"PREFER_DATES_FROM": "future" if prefer_future else "past", "RETURN_TIME_AS_PERIOD": False}
    if base_iso:
        settings["RELATIVE_BASE"] = datetime.fromisoformat(base_iso)
    data = _parser(tuple(sorted(settings.items()))).get_date_data(s)
    if data is None or data.date_obj is None:
        return None
    return data.date_obj, data.period or "day"


@lru_cache(maxsize=8)
def _parser(settings: tuple):
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings=dict(settings))
