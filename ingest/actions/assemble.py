"""From trigger readings to contract Actions: implied actors, merging, stable ids, evidence, confidence.

Merging (one action per measure): readings of the same kind and status merge when their actors overlap
(or one has none yet), their legal bases are compatible (equal, overlapping, or one unknown) and their
dates are compatible (equal, one inside the other, or one unknown). Targets, bases and evidence are
unioned. Another legal basis, another actor or another date makes another action.

Ids (one node for one measure across documents): sha1 over
    kind | status | date | key actors | key legal bases | (targets, only when the date is not a full day)
    (| the first evidence sentence, for an unnamed indefinite measure such as "a bill", which nothing else
    tells apart from another unnamed bill of the same actor)
where "key" drops an entity that is the PART_OF parent of another one in the same set (so "OFAC" and
"Treasury's OFAC" give the same key; the parent is still in `by`). A full-day date plus kind, actor and
basis already singles out an announcement, and different reports of it name different subsets of its
targets, so targets stay out of the id then; without a full date the targets are what tells two
undated measures of one actor apart.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field, replace

from ingest.contract import Action, Span
from policygraph.ontology import KIND_FAMILY, KIND_SPECIFICITY

# a kind's rank in its family (0 = least specific), from policygraph/ontology.yaml action_families
SPECIFICITY = KIND_SPECIFICITY


@dataclass
class Reading:
    """One trigger's reading, before merging."""

    kind: str
    status: str
    by: list[str]
    targets: list[str]
    under: list[str]
    date: str | None
    evidence: tuple[int, int]
    token_i: int
    implied_by: bool = False
    anaphoric: bool = False  # "the designation", no roles: evidence for the latest measure of its family
    orphan: bool = False  # targets but no actor: joins a measure of the same kind aimed at the same target
    elaboration: bool = False  # implied actor, no targets: joins the latest measure of the same kind
    list_addition: bool = False  # "added X to <list>"
    date_expr: str | None = None  # a date expression that could not be resolved ("last year", no base)
    background: bool = False  # read from a relative clause about an earlier measure
    distinct: bool = False  # "a bill": a new measure, merged with no other report
    nominal: bool = False  # read from a noun ("Full blocking sanctions on ..."), not a verb
    points_to: tuple[int, int] | None = None  # "these individuals" named by the measure with this evidence


@dataclass
class Cluster:
    kind: str
    status: str
    by: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    under: list[str] = field(default_factory=list)
    date: str | None = None
    evidence: list[tuple[int, int]] = field(default_factory=list)
    implied_by: bool = True
    readings: int = 0
    date_exprs: set[str] = field(default_factory=set)
    background: bool = False
    distinct: bool = False

    def absorb(self, r: Reading) -> None:
        for role in ("by", "targets", "under"):
            lst = getattr(self, role)
            for x in getattr(r, role):
                if x not in lst:
                    lst.append(x)
        self.targets = [t for t in self.targets if t not in self.by]
        if r.date and (not self.date or (r.date.startswith(self.date) and len(r.date) > len(self.date))):
            self.date = r.date
        if r.evidence not in self.evidence:
            self.evidence.append(r.evidence)
        self.implied_by = self.implied_by and (r.implied_by or not r.by)
        if r.date_expr:
            self.date_exprs.add(r.date_expr)
        self.readings += 1


def _dates_compatible(a: str | None, b: str | None) -> bool:
    return not a or not b or a.startswith(b) or b.startswith(a)


def _coarse(expr: str) -> bool:
    """A month- or year-scale expression ('last year', 'in September') marks a measure of another time
    than the undated news of the day; a weekday ('on Tuesday') usually is that news."""
    return any(w in expr for w in ("year", "month", "week")) or bool(
        re.search(r"\b(19|20)\d\d\b|january|february|march|april|june|july|august|september|october|"
                  r"november|december", expr))


def _with_parents(ids: list[str], part_of: dict[str, set[str]]) -> set[str]:
    out, todo = set(ids), list(ids)
    while todo:
        for p in part_of.get(todo.pop(), ()):
            if p not in out:
                out.add(p)
                todo.append(p)
    return out


def compatible(c: Cluster, r: Reading, part_of: dict[str, set[str]] | None = None) -> bool:
    if c.kind != r.kind or c.status != r.status:
        return False
    # "Treasury" and "Treasury's OFAC" are the same actor: compare the sets with their PART_OF parents
    if c.by and r.by and not _with_parents(c.by, part_of or {}) & _with_parents(r.by, part_of or {}):
        return False
    if c.under and r.under and not set(c.under) & set(r.under):
        return False
    if r.date and not c.date and c.readings:
        return False  # "In December 2016, OFAC designated X" does not join an undated report
    if r.date_expr and (c.date or (c.date_exprs and r.date_expr not in c.date_exprs)
                        or (not c.date_exprs and _coarse(r.date_expr))):
        return False  # "sanctioned ... last year" is another measure than today's, even unresolved
    if c.date_exprs and (r.date or (not r.date_expr and any(_coarse(x) for x in c.date_exprs))):
        return False
    if c.background != r.background and not (c.date and r.date and c.date == r.date):
        return False  # "entities that were sanctioned as SDNs" is not today's announcement
    if c.background and r.background and not (c.date and r.date) and c.targets and r.targets and not (
            set(c.targets) & set(r.targets)):
        return False  # two undated earlier measures against different names: nothing says they were one
    return _dates_compatible(c.date, r.date)


SAME_EVENT = {"arrest": {"arrest", "detention"}, "detention": {"arrest", "detention"}}


def merge(readings: list[Reading], part_of: dict[str, set[str]] | None = None,
          published: str | None = None) -> list[Cluster]:
    clusters: list[Cluster] = []
    orphans: list[Reading] = []
    early: list[Reading] = []
    own_bases = {u for x in readings if not x.anaphoric for u in x.under}  # bases given to designees themselves
    for r in readings:
        if r.anaphoric:
            # "The designation could threaten ...": evidence for, and a sharper kind of, the latest measure
            # of the same family.
            fam = KIND_FAMILY.get(r.kind, r.kind)
            for c in reversed(clusters):
                if KIND_FAMILY.get(c.kind, c.kind) == fam:
                    if SPECIFICITY.get(r.kind, 0) > SPECIFICITY.get(c.kind, 0):
                        c.kind = r.kind
                    if r.evidence not in c.evidence:
                        c.evidence.append(r.evidence)
                    break
            if len(r.under) == 1 or (r.under and not set(r.under) & own_bases):
                # "These designations are being taken pursuant to E.O. 13224": the basis of the day's lead measure
                # (several bases listed together go to it only when the designees are not each given theirs)
                lead = next((c for c in clusters if KIND_FAMILY.get(c.kind, c.kind) == fam and not c.background
                             and published and c.date == published), None)
                if lead is not None:
                    lead.under.extend(u for u in r.under if u not in lead.under)
            continue
        if r.orphan:
            orphans.append(r)
            continue
        if r.elaboration:
            host = next((c for c in reversed(clusters) if c.kind == r.kind), None) if r.under else None
            if host is not None:
                _elaborate(host, r)
            elif r.under:
                early.append(r)  # "Today, the Secretary ... pursuant to section 1(a)(i) of E.O. 13902, which
                # authorizes Treasury to sanction ...": the basis is cited before the measure is told
            continue
        hosts = [] if r.distinct else [c for c in clusters if not c.distinct and compatible(c, r, part_of)]
        if hosts:
            # An undated report of a measure is today's announcement when there is one, else the first
            # undated measure it fits.
            if not r.date:
                hosts.sort(key=lambda c: (c.date != published or not published, bool(c.date)))
            hosts[0].absorb(r)
        else:
            c = Cluster(kind=r.kind, status=r.status, background=r.background, distinct=r.distinct)
            c.absorb(r)
            clusters.append(c)
    for r in orphans:
        # "the arrest of Meng Wanzhou" (no actor) is the same event as "Meng has been detained in Canada"
        kinds = SAME_EVENT.get(r.kind, {r.kind})
        host = next((c for c in clusters if c.kind in kinds and set(c.targets) & set(r.targets)
                     and _dates_compatible(c.date, r.date) and (c.background or not r.background or (
                         # "Iskra, the sanctioned Russian subsidiary": the measure the text dated before today
                         c.date and published and c.date != published))), None)
        fam = KIND_FAMILY.get(r.kind, r.kind)
        if host is None and published and r.targets and r.date != published and (r.date or r.background):
            # "Mahan Air was designated in October 2011 pursuant to E.O. 13224": an earlier measure restated in
            # the passive is the measure of the body that acts today in the release (ONTOLOGY: OFAC for a
            # designation in a Treasury release), with its own date and basis
            lead = next((c for c in clusters if c.date == published and c.by and not c.background
                         and KIND_FAMILY.get(c.kind, c.kind) == fam), None)
            if lead is not None:
                c = Cluster(kind=r.kind, status=r.status, background=True)
                c.absorb(replace(r, by=list(lead.by)))
                clusters.append(c)
                continue
        if host is None and published and not r.background and (
                r.date == published or (r.nominal and not r.date and not r.date_expr)):
            # "Today, they were sanctioned as entities operating in Iran's financial sector": a passive report
            # of today's measure, whose actor the release names in its lead; an undated heading ("Full blocking
            # sanctions on ...: - A - B") spells out today's measure too
            host = next((c for c in reversed(clusters) if c.date == published and c.status == r.status
                         and KIND_FAMILY.get(c.kind, c.kind) == fam), None)
        if host is not None:
            host.targets.extend(t for t in r.targets if t not in host.targets)
            if r.under and (not host.under or set(host.under) & set(r.under)):
                # "These entities and this individual have been designated pursuant to E.O. 13224"
                host.under.extend(u for u in r.under if u not in host.under)
            if r.evidence not in host.evidence:
                host.evidence.append(r.evidence)
            if r.kind == "arrest":
                host.kind = "arrest"
            elif KIND_FAMILY.get(r.kind) and KIND_FAMILY.get(r.kind) == KIND_FAMILY.get(host.kind) and (
                    SPECIFICITY.get(r.kind, 0) > SPECIFICITY.get(host.kind, 0)):
                host.kind = r.kind  # "Full blocking sanctions on ...": the sanctions announced are designations
            host.date = host.date or r.date
    for r in early:
        host = next((c for c in clusters if c.kind == r.kind and (c.date == published or not published)), None)
        if host is not None:
            _elaborate(host, r)
    return _merge_arrests(_join_today(clusters, part_of, published))


def _elaborate(host: Cluster, r: Reading) -> None:
    host.under.extend(u for u in r.under if u not in host.under)
    if r.evidence not in host.evidence:
        host.evidence.append(r.evidence)


def _join_today(
    clusters: list[Cluster], part_of: dict[str, set[str]] | None, published: str | None
) -> list[Cluster]:
    """An undated measure read before the dated 'today' report of the same measure joins it."""
    if not published:
        return clusters
    out: list[Cluster] = []
    for c in clusters:
        if not c.date and not c.date_exprs and not c.background:
            today = [t for t in clusters if t is not c and t.date == published and t.kind == c.kind
                     and t.status == c.status and _fits(t, c, part_of)]
            if today:
                # the one that shares most targets with it, then the most reported
                t = max(today, key=lambda t: (len(set(t.targets) & set(c.targets)), t.readings))
                for role in ("by", "targets", "under"):
                    lst = getattr(t, role)
                    lst.extend(x for x in getattr(c, role) if x not in lst)
                t.evidence.extend(e for e in c.evidence if e not in t.evidence)
                t.implied_by = t.implied_by and c.implied_by
                continue
        out.append(c)
    return out


def _fits(a: Cluster, b: Cluster, part_of: dict[str, set[str]] | None) -> bool:
    if a.by and b.by and not _with_parents(a.by, part_of or {}) & _with_parents(b.by, part_of or {}):
        return False
    return not (a.under and b.under and not set(a.under) & set(b.under))


def _merge_arrests(clusters: list[Cluster]) -> list[Cluster]:
    """Arrests and detentions of the same person in one document are one event (an arrest if any
    report calls it one), whoever each report names as acting."""
    out: list[Cluster] = []
    position = {id(c): i for i, c in enumerate(clusters)}
    ordered = sorted(clusters, key=lambda c: c.kind != "arrest")  # arrests host detentions
    for c in ordered:
        if c.kind in ("arrest", "detention") and c.targets:
            host = next((a for a in out if a.kind in ("arrest", "detention") and a.status == c.status
                         and set(a.targets) & set(c.targets)), None)
            if host is not None:
                for role in ("by", "targets", "under"):
                    lst = getattr(host, role)
                    lst.extend(x for x in getattr(c, role) if x not in lst)
                host.evidence.extend(e for e in c.evidence if e not in host.evidence)
                host.date = host.date or c.date
                host.implied_by = host.implied_by and c.implied_by
                continue
        out.append(c)
    return sorted(out, key=lambda c: position[id(c)])


def key_ids(ids: list[str], part_of: dict[str, set[str]]) -> list[str]:
    """Drop the ids that are PART_OF parents of other ids in the same set."""
    parents = set()
    for i in ids:
        parents |= part_of.get(i, set())
    kept = [i for i in ids if i not in parents]
    return sorted(kept or ids)


def action_id(c: Cluster, part_of: dict[str, set[str]], text: str = "") -> str:
    full_day = bool(c.date and len(c.date) == 10)
    payload = [
        c.kind,
        c.status,
        c.date or "",
        key_ids(c.by, part_of),
        key_ids(c.under, part_of),
        [] if full_day else sorted(c.targets),
    ]
    if c.distinct and c.evidence:
        # an unnamed "a bill": nothing but its sentence tells it from another unnamed bill of the same actor
        start, end = min(c.evidence)
        payload.append(" ".join(text[start:end].split()))
    digest = hashlib.sha1(json.dumps(payload, separators=(",", ":")).encode("utf-8")).hexdigest()
    return "act-" + digest[:16]


def confidence(c: Cluster) -> float:
    score = 0.35
    score += 0.0 if c.implied_by else 0.2
    score += 0.15 if c.targets else 0.0
    score += 0.15 if c.under else 0.0
    score += 0.1 if c.date else 0.0
    score += 0.05 if len(c.evidence) > 1 else 0.0
    return round(min(score, 0.95), 2)


def to_actions(clusters: list[Cluster], text: str, part_of: dict[str, set[str]]) -> list[Action]:
    by_id: dict[str, Action] = {}
    for c in clusters:
        aid = action_id(c, part_of, text)
        spans = [Span(start=s, end=e, text=text[s:e]) for s, e in sorted(c.evidence)]
        if aid in by_id:  # same kind, actor, basis and day: the same measure
            a = by_id[aid]
            a.targets += [t for t in c.targets if t not in a.targets]
            a.evidence += [s for s in spans if s not in a.evidence]
            continue
        by_id[aid] = Action(
            id=aid,
            kind=c.kind,
            status=c.status,
            date=c.date,
            by=list(c.by),
            targets=list(c.targets),
            under=list(c.under),
            confidence=confidence(c),
            evidence=spans,
        )
    return list(by_id.values())
