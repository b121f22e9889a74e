"""Does the official list bear out an extracted action? (pure: an action's kind, status and date, and the list
entries linked to its targets, in; a verdict with its reason out.)

The list an action's kind implies is catalog.yaml's (`kinds`): an SDN entry speaks to a designation, an
Entity List entry to an entity listing. For one target and one entry of such a list, with D the action's date
(else the date its first report was published):

- enacted: `confirmed` when the entry was listed by D + GRACE_AFTER (the listing date the list gives, else the
  first snapshot that holds it; an entry already in a list's first snapshot was listed on or before that
  snapshot, which is consistent with any earlier D) and not removed before D; `contradicted` when the list
  shows it removed before D (its last snapshot before D, and absent from a later one); `unverified` when it
  was listed only long after D, or the list gives no date at all.
- lifted: `confirmed` when the list shows the entry removed around D (last seen between D - GRACE_AFTER and
  D + GRACE_BEFORE); `contradicted` when it is still listed more than GRACE_AFTER after D.
- proposed / advocated: nothing to check, `unverified`.

A target is confirmed by any entry that confirms it, else contradicted by any that contradicts it. An action
is `contradicted` if one of its targets is (a contradiction is what a reader must see), else `confirmed` if one
is, else `unverified`. Programmes are reported (`programme_match`: an executive order the action is under
among the entry's programmes), not required: most SDN programme tags name no order.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ingest.lists.records import catalog
from policygraph.list_names import CONFIRMED, CONTRADICTED, UNVERIFIED

GRACE_AFTER = dt.timedelta(days=60)  # a listing may reach the list's file weeks after the announcement
GRACE_BEFORE = dt.timedelta(days=7)  # a release may trail the listing by a few days
_EO_LAW = re.compile(r"^eo-(\d{5})$")
_EO_PROGRAM = re.compile(r"EO ?(\d{5})")


@dataclass(frozen=True)
class EntryDates:
    entry_id: str
    list_id: str
    first_seen: str | None
    last_seen: str | None
    removed: bool
    listed_since: str | None
    programs: tuple[str, ...] = ()
    added_after: str | None = None  # the snapshot before first_seen (added in between)
    removed_by: str | None = None  # the first snapshot without it after last_seen (removed in between)


@dataclass
class EntryVerdict:
    target_id: str
    entry_id: str
    verdict: str
    reason: str
    programme_match: bool | None = None


@dataclass
class ActionVerdict:
    verdict: str
    entries: list[EntryVerdict] = field(default_factory=list)


def implied_lists(kind: str) -> frozenset[str]:
    return frozenset(list_id for list_id, spec in catalog().items() if kind in spec.kinds)


def corroborable_kinds() -> frozenset[str]:
    return frozenset(k for spec in catalog().values() for k in spec.kinds)


def _day(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10]) if text and len(text) >= 10 else None
    except ValueError:
        return None


def _period(text: str | None) -> tuple[dt.date, dt.date] | None:
    """A date's first and last day: '2022-08-08' is one day, '2022-08' a month, '2022' a year (a text that says
    "in 2022" claims no more than that)."""
    if not text:
        return None
    try:
        if len(text) >= 10:
            day = dt.date.fromisoformat(text[:10])
            return day, day
        if len(text) == 7:
            first = dt.date.fromisoformat(text + "-01")
            following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            return first, following - dt.timedelta(days=1)
        if len(text) == 4:
            return dt.date(int(text), 1, 1), dt.date(int(text), 12, 31)
    except ValueError:
        return None
    return None


def _programme_match(under: tuple[str, ...], programs: tuple[str, ...]) -> bool | None:
    orders = {m.group(1) for u in under if (m := _EO_LAW.match(u))}
    if not orders:
        return None
    listed = {n for p in programs for n in _EO_PROGRAM.findall(p)}
    return bool(orders & listed)


def entry_verdict(status: str, date: str | None, entry: EntryDates, coverage_start: str | None,
                  under: tuple[str, ...] = ()) -> tuple[str, str]:
    """(verdict, reason) for one entry of an implied list. `coverage_start`: the list's first snapshot read."""
    period = _period(date)
    if status not in ("enacted", "lifted"):
        return UNVERIFIED, f"a {status} measure: nothing the list can confirm yet"
    if period is None:
        return UNVERIFIED, "the action has no date to compare with the list's"
    d_first, d_last = period
    when = date if d_first == d_last else f"{date} ({d_first} to {d_last})"
    listed, first_seen, last = _day(entry.listed_since), _day(entry.first_seen), _day(entry.last_seen)
    after, gone = _day(entry.added_after), _day(entry.removed_by) or last
    start = _day(coverage_start)
    # an entry already in the first snapshot read was listed on or before it: from when, the file does not say
    in_first_snapshot = listed is None and first_seen is not None and start is not None and first_seen <= start
    # the earliest date the listing can have been made: the list's own date, else the day after the last
    # snapshot without the entry, else the first snapshot with it
    earliest = listed or ((after + dt.timedelta(days=1)) if after else first_seen)
    if status == "lifted":
        if entry.removed and last and gone and last <= d_last + GRACE_BEFORE and gone >= d_first - GRACE_AFTER:
            removal = f"between {last} and {gone} (snapshots)" if gone != last else f"after {last} (last snapshot)"
            return CONFIRMED, f"removed from the list {removal}"
        if last and not entry.removed and last > d_last + GRACE_AFTER:
            return CONTRADICTED, f"still on the list on {last}, after the lifting dated {when}"
        return UNVERIFIED, "the list's dates do not show a removal at that time"
    if entry.removed and gone and gone < d_first:
        removal = f"between {last} and {gone} (snapshots)" if gone != last else f"after {last} (last snapshot)"
        return CONTRADICTED, f"removed from the list {removal}, before the action's date {when}"
    if earliest is None:
        return UNVERIFIED, "on the list, but the list gives no listing date"
    if in_first_snapshot:
        return CONFIRMED, f"on the list at its first snapshot read ({first_seen}): listed on or before that date"
    if earliest <= d_last + GRACE_AFTER:
        if listed:
            return CONFIRMED, f"listed since {listed} (the list's own date)"
        window = f"added between {after} and {first_seen}" if after else f"on the list since {first_seen}"
        return CONFIRMED, f"{window} (snapshots)"
    return UNVERIFIED, f"listed only from {earliest}, long after the action's date {when}"


def action_verdict(kind: str, status: str, date: str | None, targets: dict[str, list[EntryDates]],
                   coverage: dict[str, str], under: tuple[str, ...] = ()) -> ActionVerdict:
    """The verdict on one action from the entries linked to each of its targets."""
    lists = implied_lists(kind)
    out = ActionVerdict(UNVERIFIED)
    per_target: dict[str, set[str]] = {}
    for target_id, entries in targets.items():
        for e in entries:
            if e.list_id not in lists:
                continue
            verdict, reason = entry_verdict(status, date, e, coverage.get(e.list_id), under)
            out.entries.append(EntryVerdict(target_id, e.entry_id, verdict, reason,
                                            _programme_match(under, e.programs)))
            per_target.setdefault(target_id, set()).add(verdict)
    # a target is confirmed by any entry that confirms it, else contradicted by any that contradicts it
    verdicts = {next((v for v in (CONFIRMED, CONTRADICTED) if v in found), UNVERIFIED)
                for found in per_target.values()}
    out.verdict = CONTRADICTED if CONTRADICTED in verdicts else CONFIRMED if CONFIRMED in verdicts else UNVERIFIED
    return out
