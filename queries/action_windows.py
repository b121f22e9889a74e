"""Newest-first listings of actions without reading every action: walk calendar windows back in time.

Action dates are ISO strings: `YYYY-MM-DD`, or a partial `YYYY-MM` / `YYYY`. In descending string order a
month's days come first, then the bare month, and a bare year right after its January, so a calendar month
maps to a fixed list of exact date strings (31 days + the month, + the year in January). Each window is one
index lookup on Action.date with those exact values (`IN`): FalkorDB's range index returns wrong rows for
string ranges, exact values are right on both stores. The walk:

- queries one month at a time while months hold actions, with the page's remaining room as LIMIT;
- over empty stretches doubles the window (2, 4, ... MAX_SPAN months) and, when a wide window does hold
  something, halves it again until it reaches the newest month with actions;
- starts at the newest action date and stops at the oldest (`actions_date_bounds`, one scan of the actions,
  cached per store for BOUNDS_TTL seconds and dropped when the API ingests), narrowed by the `from`/`to`
  filters, then lists the undated actions (a scan, reached only after every dated action, skipped when there
  are none or a date filter is set, since undated actions never match one).

`budget` bounds the lookups of one request, `max_months` the calendar months they may read: with a filter
that few actions pass (a rare kind, a text search) an empty window still reads its actions, so filtered
listings read at most that many months per request. A page that ran out of budget is returned short with a cursor
that resumes the walk at the next window (`sort_key = 'YYYY-MM-99'`, `id = ''`: before every date of that
month), so a client that follows next_cursor sees every action exactly once.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

BOUNDS_TTL = 60.0  # seconds a store's (oldest, newest, undated) is trusted; writes through the API drop it
MAX_SPAN = 120  # months in one widened lookup (~3,900 date strings)
UNDATED = ""  # sort key of an undated action (it sorts after every date in newest-first order)


def month_keys(year: int, month: int) -> list[str]:
    keys = [f"{year:04d}-{month:02d}-{day:02d}" for day in range(31, 0, -1)] + [f"{year:04d}-{month:02d}"]
    return [*keys, f"{year:04d}"] if month == 1 else keys


def _index(year: int, month: int) -> int:
    return year * 12 + month - 1


def _month(index: int) -> tuple[int, int]:
    return index // 12, index % 12 + 1


def _parse_month(key: str) -> int | None:
    """'YYYY-MM-DD' / 'YYYY-MM-99' / 'YYYY-MM' -> that month; 'YYYY' -> its January (where the bare year sorts)."""
    try:
        year = int(key[:4])
        month = int(key[5:7]) if len(key) >= 7 else 1
    except ValueError:
        return None
    return _index(year, min(max(month, 1), 12))


def resume_key(month_index: int) -> str:
    year, month = _month(month_index)
    return f"{year:04d}-{month:02d}-99"


@dataclass(frozen=True)
class Bounds:
    oldest: str | None  # None: no dated action
    newest: str | None
    undated: int


class BoundsCache:
    """One app's cached date range of its store's actions (kept on app.state: a new app reads it afresh)."""

    def __init__(self) -> None:
        self._value: tuple[float, Bounds] | None = None
        self._lock = threading.Lock()

    def get(self, load: Callable[[], dict]) -> Bounds:
        """The cached range, or `load()` (runs actions_date_bounds) once it is older than BOUNDS_TTL."""
        now = time.monotonic()
        with self._lock:
            cached = self._value
        if cached and cached[0] > now:
            return cached[1]
        row = load()
        bounds = Bounds(row.get("oldest"), row.get("newest"), int(row.get("undated") or 0))
        with self._lock:
            self._value = (now + BOUNDS_TTL, bounds)
        return bounds

    def forget(self) -> None:
        """After a write: the next listing reads the range again."""
        with self._lock:
            self._value = None


@dataclass
class Window:
    """What one lookup asks: the exact date strings, the cursor, the room left."""

    dates: list[str]
    after_date: str | None
    after_id: str | None
    limit: int


@dataclass
class WalkResult:
    rows: list[dict]  # {id, sort_date}, newest first, at most `limit` + 1
    resume: tuple[str, str] | None  # a cursor (sort_key, id) to continue from when the budget ran out
    lookups: int


def walk(
    fetch: Callable[[Window], list[dict]],
    fetch_undated: Callable[[str | None, int], list[dict]],
    *,
    bounds: Bounds,
    limit: int,
    after_date: str | None = None,
    after_id: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    budget: int = 60,
    max_months: int | None = None,
    probe: Callable[[Window], bool] | None = None,
    ascending: bool = False,
    undated_key: str = UNDATED,
) -> WalkResult:
    """Up to `limit` rows (ids + sort keys) in (date DESC, id ASC) order after the cursor (date ASC with
    `ascending`; undated last either way, with sort key `undated_key`); see the module doc.
    `fetch(window)` runs the dated lookup, `fetch_undated(after_id, limit)` the undated one, `probe(window)`
    says whether a window holds any action at all (default: a one-row `fetch`). With a filter, pass an
    unfiltered probe: empty stretches of the calendar are then skipped without counting against max_months."""
    rows: list[dict] = []
    lookups = months = 0
    want = limit
    step = 1 if ascending else -1
    oldest = _parse_month(bounds.oldest) if bounds.oldest else None
    newest = _parse_month(bounds.newest) if bounds.newest else None
    cur: int | None = None
    first = last = 0  # the walk goes from `first` towards `last` (inclusive), `step` months at a time
    if oldest is not None and newest is not None and not (after_date == undated_key and after_id is not None):
        lo = max(oldest, _parse_month(date_from) or oldest) if date_from else oldest
        hi = min(newest, _parse_month(date_to) or newest) if date_to else newest
        if after_date:  # the cursor's month: every month before it (in walking order) is done
            at = _parse_month(after_date)
            if at is not None:
                lo, hi = (max(lo, at), hi) if ascending else (lo, min(hi, at))
        first, last = (lo, hi) if ascending else (hi, lo)
        cur = first

    def inside(m: int) -> bool:
        return m <= last if ascending else m >= last

    def keys(start: int, span: int) -> list[str]:
        out = []
        for i in range(span):
            m = start + i * step
            if not inside(m):
                break
            out += month_keys(*_month(m))
        # the date filters are applied here, on the exact strings, not as ranges in Cypher
        return [k for k in out if (not date_from or k >= date_from) and (not date_to or k <= date_to)]

    def resume(m: int) -> tuple[str, str]:  # a cursor just before month m in walking order
        return (resume_key(m), "") if not ascending else (resume_key(m - 1), "")

    has_actions = probe or (lambda w: bool(fetch(Window(w.dates, w.after_date, w.after_id, 1))))
    span = 1
    while cur is not None and inside(cur) and len(rows) < want:
        if lookups >= budget or (span == 1 and max_months is not None and months >= max_months):
            # resume at this window: every month before it has been read completely
            return WalkResult(rows, resume(cur), lookups)
        dates = keys(cur, span)
        lookups += 1
        if span == 1:  # read one month (this is what max_months counts)
            got = fetch(Window(dates, after_date, after_id, want - len(rows))) if dates else []
            rows += got
            months += 1
            cur += step
            span = 1 if got else 2
        elif dates and has_actions(Window(dates, after_date, after_id, 1)):
            span //= 2  # something in there: close in on the first month that holds it
        else:
            cur += span * step
            span = min(span * 2, MAX_SPAN)
    if len(rows) < want and bounds.undated and not date_from and not date_to:  # undated never pass a date filter
        if lookups >= budget:
            return WalkResult(rows, (undated_key, ""), lookups)
        rows += fetch_undated(after_id if after_date == undated_key else None, want - len(rows))
        lookups += 1
    return WalkResult(rows, None, lookups)
