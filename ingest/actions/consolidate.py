"""Per-document consolidation of the measures read: the PART_OF table that makes 'OFAC' and 'Treasury's OFAC'
one actor, the Person behind '<surname> administration', and export bans by the keeper of the Entity List
that are additions to it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

from spacy.tokens import Doc

from ingest.actions.assemble import Reading
from ingest.actions.context import DocContext
from ingest.extensions import doc_text
from ingest.lexicon import load_lexicon

LISTED_GROUP = re.compile(
    r"\b(?:to|on|against)\s+(?:\d+|[a-z]+(?:-[a-z]+)?)\s+(?:[\w.-]+\s+){0,3}(?:companies|entities|firms|organizations|"
    r"bureaus|institutes|universities|individuals|persons|parties|subsidiaries|affiliates)\b", re.I)


def listings_from_export_bans(ctx: DocContext, clusters: list) -> None:
    """'the Commerce Department's export restrictions ... to ban the sale of U.S. products to 20 Chinese police
    bureaus ... and eight Chinese companies' in a text that calls the measure 'the Commerce Department's
    list': export restrictions on a number of organisations by the body that keeps the Entity List (an
    ADMINISTERS relation of this document) are additions to that list."""
    lists: dict[str, str] = {}
    for r in ctx.doc._.pg_relations or []:
        if getattr(r, "type", None) == "ADMINISTERS" and any("entity list" in n for n in ctx.names(r.target)):
            lists[r.source] = r.target
    if not lists:
        return
    text = doc_text(ctx.doc)
    for c in clusters:
        if c.kind != "export_control" or c.status != "enacted":
            continue
        owner = next((b for b in c.by if b in lists), None)
        if owner is None or not any(LISTED_GROUP.search(text[s:e]) for s, e in c.evidence):
            continue
        c.kind = "entity_listing"
        if lists[owner] not in c.under:
            c.under.append(lists[owner])


def same_actors(ctx: DocContext, part_of: dict[str, set[str]]) -> dict[str, set[str]]:
    """For merging only: 'Trump banned imports of cotton' and 'the Trump administration announced ...
    restrictions on imports' name one actor. A Person counts as part of the '<surname> administration'."""
    admins = {}
    for rec in ctx.entities.values():
        if rec.type == "Authority":
            for n in [rec.name, *rec.aliases]:
                m = re.match(r"^(?:the\s+)?([A-Z][\w-]+)\s+administration$", n.strip(), re.I)
                if m:
                    admins[m.group(1).lower()] = rec.id
    if not admins:
        return part_of
    out = {k: set(v) for k, v in part_of.items()}
    for rec in ctx.entities.values():
        if rec.type != "Person":
            continue
        surname = rec.name.split()[-1].lower() if rec.name.split() else ""
        if surname in admins:
            out.setdefault(rec.id, set()).add(admins[surname])
    return out


def part_of_table(doc: Doc) -> dict[str, set[str]]:
    """PART_OF as the document states it, plus the lexicon's parents of the bodies it names: 'the U.S.
    Department of the Treasury imposed sanctions' in the lead and 'OFAC' in a later paragraph are one actor
    even when no sentence ties them (for merging and for the action id, not a relation of the document)."""
    out: dict[str, set[str]] = defaultdict(set)
    for r in doc._.pg_relations or []:
        if getattr(r, "type", None) == "PART_OF":
            out[r.source].add(r.target)
    lex = load_lexicon()
    for eid in doc._.pg_entities or {}:
        for _ in range(6):
            entry = lex.get(eid)
            if entry is None or not entry.parent or entry.parent in out[eid]:
                break
            out[eid].add(entry.parent)
            eid = entry.parent
    return out


# Measures that each government takes under its own law: read together ("designated by OFAC under E.O. 13382
# and the UN pursuant to UNSCR 2270", "also sanctioned by Australia, Canada and the EU") they are one action
# per actor. Arrests, detentions, charges and investigations can be joint (Meng's arrest by Canada and the U.S.).
PARALLEL_KINDS = {"designation", "sanction", "asset_freeze", "entity_listing", "export_control", "import_ban",
                  "visa_restriction", "tariff"}
# Bodies that act for a group of states: each is its own actor, whatever country hosts it.
INTERGOVERNMENTAL = re.compile(
    r"^(?:the )?(?:interpol|nato|g7|g-7|g20|osce|world trade organization|wto)$", re.I)
EU_BODIES = re.compile(r"^(?:the )?(?:european union|eu|council of the (?:european union|eu)|eu council|"
                       r"european (?:commission|council|parliament))$", re.I)
# Instruments that a body of states issues: their listings are that body's ("designated pursuant to E.O. 13382
# and UNSCR 1718" is OFAC's designation and the UN's).
UN_BODY = re.compile(r"^(?:the )?(?:un|u\.n\.|united nations|security council)(?:\s|$)", re.I)
UN_LAW = re.compile(r"\b(?:unscr|(?:un|u\.n\.|united nations) security council resolution|security council "
                    r"resolution)\b", re.I)
EU_LAW = re.compile(r"\bcouncil (?:implementing )?(?:regulation|decision)\b|\((?:eu|cfsp)\)|\bregulation \(eu\)",
                    re.I)
UN_NAMES = ("united nations", "un", "u.n.", "the un", "un security council", "united nations security council")
EU_NAMES = ("european union", "eu", "the eu")


def sovereign(ctx: DocContext, eid: str) -> str | None:
    """The state or body of states an actor acts for: a Country is its own; an intergovernmental body or an
    EU institution its own ('eu'); a body of the lexicon its country (U.S. bodies and their parents'); else
    unknown (None: a person, an unlisted agency), which goes with any actor it is read with."""
    rec = ctx.record(eid)
    if rec is None:
        return None
    if rec.type == "Country" and not any(EU_BODIES.match(n.strip()) for n in [rec.name, *rec.aliases]):
        return eid
    lex = load_lexicon()
    cur: str | None = eid
    names = [rec.name, *rec.aliases]
    for _ in range(6):
        # "the UN 1267 Sanctions Committee" acts for the UN; EU institutions for the EU
        if any(EU_BODIES.match(n.strip()) for n in names):
            return "eu"
        if any(UN_BODY.match(n.strip()) for n in names):
            return "un"
        if any(INTERGOVERNMENTAL.match(n.strip()) for n in names):
            return cur
        entry = lex.get(cur) if cur else None
        if entry is None:
            break
        names = [entry.name, *entry.aliases]
        if entry.us:
            return _us(ctx)
        if entry.government_of or entry.country:
            return entry.government_of or entry.country
        cur = entry.parent
        parent = lex.get(cur) if cur else None
        names = [parent.name, *parent.aliases] if parent is not None else []
    m = re.match(r"^government-of-(.+)$", eid)
    return m.group(1) if m else None


def _us(ctx: DocContext) -> str:
    return ctx.find_entity(("united states", "u.s.", "united states of america", "us")) or "united-states"


def _law_issuer(ctx: DocContext, law: str) -> tuple[str, str] | None:
    """(sovereign key, entity id) of the body of states that issued a law, when the document names it."""
    names = ctx.names(law)
    if any(UN_LAW.search(n) for n in names):
        eid = ctx.find_entity(UN_NAMES)
        return ("un", eid) if eid is not None else None
    if any(EU_LAW.search(n) for n in names):
        eid = ctx.find_entity(EU_NAMES)
        return ("eu", eid) if eid is not None else None
    return None


def split_parallel(ctx: DocContext, readings: list[Reading]) -> list[Reading]:
    """One reading per actor of a parallel measure: the actors of different states (or bodies of states) read
    from one trigger become one reading each, and each law of the sentence goes to the actor named just
    before it; a law that a body of states issued ('UNSCR 1718') makes that body's measure of its own."""
    out: list[Reading] = []
    for r in readings:
        if r.kind not in PARALLEL_KINDS or r.anaphoric:
            out.append(r)
            continue
        groups: dict[str, list[str]] = {}
        loose: list[str] = []
        for b in r.by:
            key = sovereign(ctx, b)
            if key is None:
                loose.append(b)
            else:
                groups.setdefault(key, []).append(b)
        issued: dict[str, tuple[str, list[str]]] = {}
        for law in r.under:
            hit = _law_issuer(ctx, law)
            if hit is not None:
                issued.setdefault(hit[0], (hit[1], []))[1].append(law)
        if len(groups) < 2 and not (issued and (set(issued) - set(groups)) and r.by):
            out.append(r)
            continue
        first = next(iter(groups), None)
        if first is not None:
            groups[first] = loose + groups[first]
        elif loose:
            groups["?"] = loose
        laws = _laws_by_actor(ctx, r, groups)
        for key, (eid, own) in issued.items():
            if key not in groups:
                groups[key] = [eid]
                laws[key] = list(own)
            for other in groups:
                if other != key:
                    laws[other] = [u for u in laws[other] if u not in own]
        for key, by in groups.items():
            out.append(replace(r, by=list(by), targets=[t for t in r.targets if t not in by], under=laws[key]))
    return out


def _laws_by_actor(ctx: DocContext, r: Reading, groups: dict[str, list[str]]) -> dict[str, list[str]]:
    """Each law of the reading goes to the group whose actor is named last before it in the sentence; a law
    named before every actor (or not found) goes to all."""
    s, e = ctx.unit_start[r.token_i], ctx.unit_end[r.token_i]
    owner = {b: key for key, by in groups.items() for b in by}
    seen: list[tuple[int, str]] = []  # (token index, group) of the actor mentions, in order
    law_at: dict[str, int] = {}
    for m in ctx.mentions_in(range(s, e)):
        if m.entity_id in owner:
            seen.append((m.token_start, owner[m.entity_id]))
        elif m.entity_id in r.under and m.entity_id not in law_at:
            law_at[m.entity_id] = m.token_start
    out: dict[str, list[str]] = {key: [] for key in groups}
    for law in r.under:
        before = [g for i, g in seen if law in law_at and i < law_at[law]]
        for key in ([before[-1]] if before else list(groups)):
            out[key].append(law)
    return out


def mark_restated(readings: list[Reading]) -> list[Reading]:
    """'... in support of the previously designated entities Tanchon Commercial Bank and Korea Hyoksin Trading
    Corporation. Both of those entities were designated pursuant to E.O. 13382 and UNSCR 1718': an undated
    report whose targets were all introduced as designated before tells that earlier measure, not today's."""
    earlier = {t for r in readings if r.background for t in r.targets}
    for r in readings:
        if (not r.background and not r.anaphoric and r.targets and r.date is None and r.date_expr is None
                and set(r.targets) <= earlier):
            r.background = True
    return readings


def join_state_and_agency(ctx: DocContext, readings: list[Reading]) -> list[Reading]:
    """'KKBC, which was previously designated by the United States' and 'KKBC was designated by OFAC under
    E.O. 13382': an earlier measure restated once with the state, once with its agency, as actor is one
    measure (by both)."""
    earlier = [r for r in readings if r.background and r.targets and r.by]
    for r in earlier:
        if not all(ctx.etype_of(b) == "Country" for b in r.by):
            continue
        for o in earlier:
            if o is r or o.kind != r.kind or not set(o.targets) & set(r.targets):
                continue
            if any(ctx.etype_of(b) != "Country" for b in o.by) and {sovereign(ctx, b) for b in o.by} <= set(r.by):
                both = r.by + [b for b in o.by if b not in r.by]
                r.by, o.by = list(both), list(both)
    return readings


AGENT_TYPES = {"Authority", "Country"}


def split_by_dates(ctx: DocContext, r: Reading, segments: list[tuple[int, int, str]]) -> list[Reading]:
    """One reading per dated complement of one trigger (see dating.dated_segments): each takes the laws and
    the actors named in its own stretch of the sentence, and those named before the trigger (or in no
    stretch) as well; the targets are shared."""
    placed: dict[str, int] = {}
    agents: dict[int, list[str]] = {}
    for k, (start, end, _) in enumerate(segments):
        for m in ctx.mentions_in(range(start, end)):
            placed.setdefault(m.entity_id, k)
            # "..., and by the United Nations on November 9, 2001": the agent of this stretch
            j = m.token_start - 1
            while j > start and ctx.tokens[j].lower_ == "the":
                j -= 1
            if j >= 0 and ctx.tokens[j].lower_ == "by" and ctx.etype(m) in AGENT_TYPES:
                agents.setdefault(k, []).append(m.entity_id)
    out: list[Reading] = []
    for k, (_, _, value) in enumerate(segments):
        by = agents.get(k) or [b for b in r.by if placed.get(b, k) == k]
        under = [u for u in r.under if placed.get(u, k) == k]
        out.append(replace(r, by=by or list(r.by), under=under, date=value, date_expr=None,
                           targets=list(r.targets), background=r.background or value != r.date))
    return out


def share_pointed_targets(readings: list[Reading], clusters: list) -> None:
    """A measure whose targets are 'these individuals' of a measure told before takes that measure's
    targets once both are merged ('OFAC is sanctioning three former officials ... Concurrently, these
    individuals are now subject to visa restrictions by the Department of State')."""
    for r in readings:
        if r.points_to is None:
            continue
        own = next((c for c in clusters if r.evidence in c.evidence and c.kind == r.kind and not c.targets), None)
        host = next((c for c in clusters if r.points_to in c.evidence and c.targets and c is not own), None)
        if own is not None and host is not None:
            own.targets = [t for t in host.targets if t not in own.by]


def lifted_basis(clusters: list) -> None:
    """'OFAC concurrently removed sanctions on ... Bredenkamp and 20 companies ... This individual and these
    entities were previously designated under E.O. 13469 in 2008': a removal that names no basis lifts the
    measure the text says its targets were under."""
    for c in clusters:
        if c.status != "lifted" or c.under or not c.targets:
            continue
        src = next((o for o in clusters if o is not c and o.kind == c.kind and o.status != "lifted" and o.under
                    and set(o.targets) & set(c.targets)), None)
        if src is not None:
            c.under = list(src.under)


# A removal from a sanctions list, not from a stock exchange: the sentence names such a list.
SANCTIONS_LIST = re.compile(r"\bSDN\b|\bspecially designated\b|\bsanctions? list\b|\bconsolidated list\b", re.I)


def sanctions_delistings(ctx: DocContext, clusters: list, designators: tuple[str, ...]) -> None:
    """'the Treasury Department today is delisting America de Cali', 'OFAC delisted X from the SDN List': a
    removal by the body that designates, or from a sanctions list the sentence names, is that list's kind
    with status lifted (ONTOLOGY: an SDN removal is a `designation` `lifted`), not a stock-exchange delisting."""
    text = doc_text(ctx.doc)
    for c in clusters:
        if c.kind != "delisting":
            continue
        by_designator = any(ctx.names(b) & set(designators) for b in c.by)
        if by_designator or any(SANCTIONS_LIST.search(text[s:e]) for s, e in c.evidence):
            c.kind, c.status = "designation", "lifted"


def removed_names(ctx: DocContext, clusters: list) -> None:
    """'Hijab's name will be removed from Treasury's Specially Designated Nationals (SDN) and Blocked Persons
    List': a lifted designation whose subject is someone's name targets that someone."""
    starts = {t.idx: t for t in ctx.tokens}
    for c in clusters:
        if c.kind != "designation" or c.status != "lifted" or c.targets:
            continue
        for s, e in c.evidence:
            tok = starts.get(s)
            if tok is None:
                continue
            for i in range(tok.i, min(len(ctx.tokens), tok.i + 200)):
                t = ctx.tokens[i]
                if t.idx >= e:
                    break
                if t.lower_ not in ("name", "names") or not t.dep_.startswith("nsubj"):
                    continue
                for p in (ch for ch in t.children if ch.dep_ == "poss"):
                    m = ctx.mention(p.i)
                    if m is not None and ctx.etype(m) in ("Person", "Company", "Organization") and (
                            m.entity_id not in c.targets and m.entity_id not in c.by):
                        c.targets.append(m.entity_id)


DESIGNEES = {"Person", "Company", "Organization", "Authority"}


def drop_designated_places(ctx: DocContext, clusters: list) -> None:
    """'OFAC is targeting 32 individuals and entities based in Iran, the United Arab Emirates (UAE), Turkiye,
    China ...', 'Caucasus Energy (Georgia), ... KSN Foundation (Liechtenstein)': a blocking designation lists
    persons, never a country or a place (ONTOLOGY: a designation is a blocking / SDN listing; a measure on a
    whole country is a `sanction`). The countries are dropped from its targets when it names a designee; a
    designation that names only a country is left as read. Sub-national places go only where the text places a
    designee there (ingest/actions/located_leads.py): a name read as a place may be a person's, and a body
    read as a country ("Republic of the Sudan Central Reserve Police") is kept: only the lexicon's countries go."""
    countries = set(load_lexicon().country_forms.values())
    for c in clusters:
        if c.kind != "designation" or not any(ctx.etype_of(t) in DESIGNEES for t in c.targets):
            continue
        c.targets = [t for t in c.targets if not (ctx.etype_of(t) == "Country" and t in countries)]
