"""Designees named outside the designation statement: per-document consolidation of today's designation.

A release states the measure once ("OFAC today designated seventeen entities ... and one individual") and names
its designees in later sentences that carry no trigger of their own:
- "Treasury's designations today include the Minerals Marketing Corporation of Zimbabwe (a.k.a MMCZ), the sole
  ...; the Zimbabwe Mining Development Corporation ...; and ..." (a today's-measure subject with "include");
- "Key Colombian individuals designated today include Ricardo Espitia Pinilla, a Colombian lawyer ..."
  (a subject qualified by a today's participle);
- "Also designated today are Thamer Bin Saeed Ahmed Al-Shanfari, an Omani national ..., as well as his
  company, Oryx Natural Resources, ..." (an inverted passive);
- "The following eight of these individuals and entities are linked to ...: Airfix Aviation Oy, IPP Oil
  Products (Cyprus) Limited, Kai Paananen, ..." (a colon list led by "the following" group).
ONTOLOGY: targets named together in one announcement under one legal basis are one action; the items of these
sentences join the designation the release reports as taken today (the nearest one before them when it reports
several), and each such sentence becomes evidence of it. Only the names that open an item count: names inside
an item's description ("a property company whose Chairman is SDN David Chapfika") are not said to be targeted.
"""

from __future__ import annotations

import re

from ingest.actions.assemble import Cluster
from ingest.actions.context import DocContext
from ingest.actions.list_targets import group_types
from ingest.extensions import doc_text

TARGET_TYPES = {"Person", "Company", "Organization", "Authority"}
# Participles that, with "today", say a name is among today's designees.
TODAY_PARTICIPLES = {"designated", "targeted", "sanctioned", "identified", "named", "listed"}
# Nouns for the measure itself ("Today's designations include ...").
MEASURE_NOUNS = {"designation", "designations", "action", "actions", "sanctions", "designees", "targets"}
GROUP_NOUNS = {"individuals", "entities", "persons", "companies", "people", "firms", "businesses",
               "organizations", "banks", "officials", "members", "nationals", "vessels"}
BE_FORMS = {"is", "are", "was", "were"}
MEASURE_LEMMAS = {"designate", "target", "sanction", "identify", "name", "list", "block"}
# "The individuals and entities are all targeted in today's action": a group pointing back at the names told
# before it in its paragraph.
POINTERS = {"the", "these", "those", "both", "all"}
OPENERS = {"also", "additionally", "further", "furthermore", ",", "in", "addition", "finally", "similarly"}
# Words right before a name that mark it as someone designated before, not today.
EARLIER_MARKS = {"previously", "already", "formerly", "sdn", "sdns", "sdnt", "sdgt", "earlier"}
ITEM_OPENERS = {",", ";", "and", ":", "including"}
POSSESSIVES = {"his", "her", "its", "their"}


def _units(ctx: DocContext) -> list[tuple[int, int]]:
    out = []
    i, n = 0, len(ctx.tokens)
    while i < n:
        e = max(i + 1, ctx.unit_end[i])
        out.append((i, e))
        i = e
    return out


def _today_hosts(clusters: list[Cluster], published: str | None) -> list[Cluster]:
    return [c for c in clusters if c.kind == "designation" and c.status == "enacted" and not c.background
            and c.by and published is not None and c.date == published]


def _words(ctx: DocContext, s: int, e: int) -> list[str]:
    return [t.lower_ for t in ctx.tokens[s:e] if not t.is_space]


def _todays(lead: list[str]) -> bool:
    """The words before a list say it is today's measure: "today" with a measure noun or a participle
    ("Today's designations include", "designated today include", "are also targeted in today's action,
    including"), and nothing marks it as an earlier one."""
    # "These designations include, Reza Taghipour ...": the measure the paragraph announced
    pointed = any(a == "these" and b in MEASURE_NOUNS for a, b in zip(lead, lead[1:], strict=False))
    if not pointed and not any(w in ("today", "today's", "today\u2019s") for w in lead):
        return False
    if any(w in EARLIER_MARKS or w in ("previous", "prior", "re-designated") for w in lead):
        return False
    return any(w in MEASURE_NOUNS or w in TODAY_PARTICIPLES for w in lead)


def _group_pointer(lead: list[str]) -> bool:
    """ "Specifically, the individuals include ...", "These seven companies include ...": the group a sentence
    before counted ("OFAC also designated seven other Mexican nationals ...")."""
    return any(w in ("the", "these", "those") and any(x in GROUP_NOUNS for x in lead[k + 1:k + 4])
               for k, w in enumerate(lead))


def _include_frame(ctx: DocContext, s: int, e: int, follows_today: bool = False) -> int | None:
    """Token index after which the items start: "<today's measure / those designated today> include(s) ...",
    "... are also targeted in today's action, including A, B, as well as C"; right after a sentence of today's
    measure, "the individuals include ..." names the group it counted."""
    toks = ctx.tokens
    for i in range(s, e):
        t = toks[i]
        lemma = t.lemma_.lower()
        verb = lemma == "include" and t.pos_ in ("VERB", "AUX") and t.tag_ in ("VBZ", "VBP")
        if not verb and t.lower_ != "including":
            continue
        if not verb and not (t.head.lemma_.lower() in MEASURE_LEMMAS or t.head.lower_ in GROUP_NOUNS | MEASURE_NOUNS):
            continue  # "... supplied weapons to groups including Hizballah": not the designees' list
        lead = _words(ctx, s, i)
        return i + 1 if _todays(lead) or (verb and follows_today and _group_pointer(lead)) else None
    return None


def _inverted_frame(ctx: DocContext, s: int, e: int) -> int | None:
    """ "Also designated today are X ...", "Designated today was X": the items follow the copula."""
    toks = ctx.tokens
    i = s
    while i < e and (toks[i].is_space or toks[i].lower_ in OPENERS or toks[i].text == "*"):
        i += 1
    if i < e and toks[i].lower_ == "among":
        # "Among the companies designated in today's action are X, ...; Y; and Z"
        be = next((j for j in range(i, min(e, i + 16)) if toks[j].lower_ in BE_FORMS), None)
        return be + 1 if be is not None and _todays(_words(ctx, i, be)) else None
    if i >= e or toks[i].lower_ not in TODAY_PARTICIPLES:
        return None
    j = i + 1
    lead = []
    while j < min(e, i + 8) and toks[j].lower_ not in BE_FORMS:
        lead.append(toks[j].lower_)
        j += 1
    if j >= min(e, i + 8) or "today" not in " ".join(lead).replace("\u2019", "'").replace("today's", "today"):
        return None
    return j + 1


def _following_frame(ctx: DocContext, s: int, e: int) -> int | None:
    """ "The following eight of these individuals and entities are linked to ...: A, B, and C"."""
    toks = ctx.tokens
    colon = next((i for i in range(s, e) if toks[i].text in (":", "):")), None)
    if colon is None:
        return None
    lead = _words(ctx, s, colon)
    if _todays(lead) or (any(w in ("targets", "designates", "designating", "targeting") for w in lead)
                         and any(w in ("today", "today's", "today\u2019s") for w in lead)):
        return colon + 1  # "In addition, today's OFAC action targets several Mexican nationals ...: A, B, C"
    if "following" not in lead[:4] or not any(w in GROUP_NOUNS for w in lead):
        return None
    # "The following individuals were previously designated:" tells an earlier measure
    if any(a in BE_FORMS | {"been"} and b in ("previously", "already", "formerly")
           for a, b in zip(lead, lead[1:], strict=False)):
        return None
    return colon + 1


def _pointer_frame(ctx: DocContext, s: int, e: int) -> set[str] | None:
    """The entity types of a sentence like "The individuals and entities are all targeted in today's action"
    ("These companies were designated today ..."): a group subject of a today's measure that names nobody."""
    words = _words(ctx, s, e)
    if len(words) < 4 or words[0] not in POINTERS:
        return None
    k = 1
    while k < len(words) and (words[k] in GROUP_NOUNS or words[k] in (",", "and")):
        k += 1
    if k == 1 or k >= len(words) or words[k] not in BE_FORMS | {"have", "has"}:
        return None
    if not _todays(words[k:]) or any(
            (m := ctx.mention(i)) is not None and ctx.etype(m) in TARGET_TYPES for i in range(s, e)):
        return None
    return group_types(" ".join(words[1:k]), 0, len(" ".join(words[1:k])))


def _paragraph_names(ctx: DocContext, s: int, want: set[str], excluded: set[str]) -> list[str]:
    """The names of the wanted types in the paragraph before token s, not marked as designated before."""
    toks = ctx.tokens
    text = doc_text(ctx.doc)
    para = text.rfind("\n\n", 0, toks[s].idx)
    out: list[str] = []
    i = s - 1
    while i >= 0 and toks[i].idx > para:
        i -= 1
    for j in range(i + 1, s):
        m = ctx.mention(j)
        if m is None or m.token_start != j or ctx.etype(m) not in want:
            continue
        before = {toks[k].lower_ for k in range(max(0, j - 3), j)}
        if not before & EARLIER_MARKS and m.entity_id not in excluded and m.entity_id not in out:
            out.append(m.entity_id)
    return out


def _items(ctx: DocContext, start: int, end: int, excluded: set[str]) -> list[str]:
    """The names that open the items of a list: at its start and after a comma, semicolon, "and" or "as well
    as", outside brackets, not marked as designated before."""
    toks = ctx.tokens
    out: list[str] = []
    depth = 0
    prev: str | None = None  # the last non-space token's text, None at the start
    prev2: str | None = None  # the one before it
    noun = False  # prev is a common noun ("his sisters Lupe ...", "; lawyers Luis ...")
    i = start
    while i < end:
        t = toks[i]
        if t.is_space:
            i += 1
            continue
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
        m = ctx.mention(i) if depth == 0 else None
        if m is not None and m.token_start == i:
            opens = prev is None or prev in ITEM_OPENERS or (prev == "as" and i >= 2 and toks[i - 2].lower_ == "well")
            # a kinship or occupation noun before the name: "his sisters X", "; lawyers Y and Z"
            opens = opens or (noun and (prev2 is None or prev2 in ITEM_OPENERS or prev2 in POSSESSIVES))
            before = {toks[k].lower_ for k in range(max(start, i - 3), i)}
            if opens and ctx.etype(m) in TARGET_TYPES and not before & EARLIER_MARKS and (
                    m.entity_id not in excluded and m.entity_id not in out):
                out.append(m.entity_id)
            prev2, prev, noun = prev, toks[m.token_end - 1].lower_, False
            i = max(i + 1, m.token_end)
            continue
        if t.lower_ not in ("the", "a", "an"):  # "...; the Zimbabwe Mining Development Corporation"
            prev2, prev = prev, t.lower_
            noun = t.pos_ == "NOUN" and t.text.isalpha() and t.text.islower()
        i += 1
    return out


# "The first set of designations is being taken pursuant to E.O. 13628 ...", "The second set of actions is
# being taken pursuant to E.O. 13224": a release that splits today's measure by legal basis.
SET_LEAD = re.compile(r"\b(?:first|second|third|fourth|final|last|next|other|remaining)\s+(?:set|group|round|tranche)"
                      r"\s+of\s+(?:designations|actions|sanctions)\b[^.;]{0,80}?\b(?:pursuant\s+to|under)\b", re.I)


def split_sets(ctx: DocContext, clusters: list[Cluster], published: str | None) -> list[Cluster]:
    """One designation per set a release announces under its own legal basis (ONTOLOGY: another legal basis
    makes another action): each set's sentence starts a measure by today's actors under the laws it names; the
    designees named after it (attach_designees) join it. The lead that announced the sets and named nobody is
    no measure of its own: its evidence goes to the first set."""
    hosts = _today_hosts(clusters, published)
    if not hosts:
        return []
    text = doc_text(ctx.doc)
    own = [h for h in hosts if any(ctx.etype_of(b) != "Country" for b in h.by)] or hosts
    lead = min(own, key=lambda h: min(h.evidence)[0] if h.evidence else 0)
    sets: list[Cluster] = []
    for m in SET_LEAD.finditer(text):
        tok = next((t for t in ctx.tokens if t.idx >= m.start()), None)
        if tok is None:
            continue
        s, e = ctx.unit(tok)
        laws = [x.entity_id for x in ctx.mentions_in(range(s, e)) if ctx.etype(x) == "Law"]
        if not laws:
            continue
        span = ctx.unit_chars(tok)
        sets.append(Cluster(kind="designation", status="enacted", by=list(lead.by), targets=[], under=laws[:1],
                            date=published, evidence=[span], implied_by=False, readings=1))
    if len(sets) < 2:
        return []
    laws = {u for st in sets for u in st.under}
    for h in hosts:  # a set's sentence read as an elaboration of the lead gave the lead that set's law
        h.under = [u for u in h.under if u not in laws]
    clusters.extend(sets)
    return sets


def regroup_sets(ctx: DocContext, clusters: list[Cluster], sets: list[Cluster], published: str | None) -> None:
    """Each designee of today's measures goes to the set whose sentence comes last before its first mention;
    today's measures left with no designee and no basis of their own (the lead that announced the sets) give
    their evidence to the first set and are dropped."""
    first_at: dict[str, int] = {}
    for m in ctx.doc._.pg_mentions or []:
        first_at.setdefault(m.entity_id, ctx.tokens[m.token_start].idx)
    starts = sorted((st.evidence[0][0], k) for k, st in enumerate(sets))
    for h in _today_hosts(clusters, published):
        keep = []
        for t in h.targets:
            at = first_at.get(t, -1)
            owner = max((k for s0, k in starts if s0 <= at), key=lambda k: sets[k].evidence[0][0], default=None)
            if owner is None or sets[owner] is h:
                keep.append(t)
            elif t not in sets[owner].targets:
                sets[owner].targets.append(t)
        h.targets = keep
    for h in _today_hosts(clusters, published):
        if h not in sets and not h.targets and not h.under:
            clusters.remove(h)
            sets[0].evidence += [ev for ev in h.evidence if ev not in sets[0].evidence]


def attach_designees(ctx: DocContext, clusters: list[Cluster], published: str | None) -> None:
    """Adds the items of the sentences above to the designation taken today that precedes them."""
    sets = split_sets(ctx, clusters, published)
    hosts = _today_hosts(clusters, published)
    if not hosts:
        return
    actors = {b for h in hosts for b in h.by}
    # names the release reports as designated on an earlier date are not today's designees
    earlier = {t for c in clusters if c.kind == "designation" and c not in hosts for t in c.targets}
    earlier -= {t for h in hosts for t in h.targets}
    toks = ctx.tokens
    units = _units(ctx)
    for k, (s, e) in enumerate(units):
        end = e
        # the sentence before is one of today's measure's own ("OFAC also designated seven other Mexican nationals")
        follows_today = k > 0 and any(a <= toks[units[k - 1][0]].idx < b for h in hosts for a, b in h.evidence)
        first = _include_frame(ctx, s, e, follows_today)
        if first is None:
            first = next((f(ctx, s, e) for f in (_inverted_frame, _following_frame) if f(ctx, s, e) is not None), None)
        if first is not None:
            # "...; and 4 major subsidiaries of ZB Financial Holdings Limited: ..." cut into units at semicolons
            j = k + 1
            while j < len(units) and toks[end - 1].text == ";":
                end = units[j][1]
                j += 1
            last = next((toks[x] for x in range(end - 1, s - 1, -1) if not toks[x].is_space), None)
            if last is not None and last.text == ":" and j < len(units):
                end = units[j][1]  # "... six cartel lieutenants who report to X:  A, B, and C." cut at the colon
            names = _items(ctx, first, end, actors | earlier)
        else:
            want = _pointer_frame(ctx, s, e)
            if not want:
                continue
            names = _paragraph_names(ctx, s, want, actors | earlier)
        if not names:
            continue
        at = toks[s].idx
        # the office's own measure, not "the U.S. is imposing further sanctions" told beside it
        own = [h for h in hosts if any(ctx.etype_of(b) != "Country" for b in h.by)] or hosts
        # the measure whose statement comes nearest before the names ("The first set of designations ...")
        host = max((h for h in own if h.evidence and min(h.evidence)[0] <= at),
                   key=lambda h: max(ev[0] for ev in h.evidence if ev[0] <= at), default=own[0])
        # a name another of today's measures already holds stays there: a list read after it ("The following
        # individuals are being designated pursuant to E.O. 13894 ...:" in an annex) is no second basis for it
        others = {t for h in hosts if h is not host for t in h.targets}
        added = [n for n in names if n not in host.targets and n not in others]
        if not added:
            continue
        host.targets += added
        span = (ctx.unit_chars(toks[s])[0], ctx.unit_chars(toks[end - 1])[1])
        if span not in host.evidence:
            host.evidence.append(span)
    if sets:
        regroup_sets(ctx, clusters, sets, published)
