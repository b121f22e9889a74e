"""Where the designees are based is not what is sanctioned: "OFAC sanctioned seven individuals and four entities
based in Iran, the People's Republic of China (PRC), Russia, and Turkiye", "OFAC is targeting 32 individuals and
entities based in Iran, the United Arab Emirates (UAE), Turkiye, China ...", "Treasury is also imposing
sanctions on eight companies located in multiple countries ...: Caucasus Energy (Georgia), ... KSN Foundation
(Liechtenstein)".

Read as "sanctions on <countries>", such a lead is a country-wide `sanction` (which kept Treasury's sanction
from being read as its blocking designation) aimed at the places its designees are in. ONTOLOGY: a designation
lists persons; the country is a target only where the text frames the measure as against it ("sanctions on
Russia"). So a place named only as where the targets are (the object of "based / located / registered in", a
bracketed place after a name, an "X-based" modifier) leaves the targets of a sanction or designation; a
sanction by the body whose sanctions are its designations (`actor_kinds` in the trigger lexicon) is then that
designation, and a lead left with no target of its own joins today's designation by the same actors as its
evidence instead of standing as an empty extra measure.
"""

from __future__ import annotations

from spacy.tokens import Token

from ingest.actions.assemble import Cluster
from ingest.actions.context import DocContext

PLACES = {"Country", "Place"}
LOCATING = {"base", "locate", "register", "incorporate", "headquarter", "establish", "situate", "domicile"}
# Groups of designees a place can locate ("entities in Iran"); not "the Situation in Nicaragua" of an order's title.
GROUPS = {"individual", "entity", "person", "company", "firm", "business", "national", "network", "subsidiary",
          "affiliate", "supplier", "facilitator", "front", "official", "member", "people", "organization"}


def _conj_root(tok: Token) -> Token:
    """The first conjunct of a list ('in Iran, the UAE, Turkiye, and China': China -> Iran)."""
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    return tok


def _locative(tok: Token) -> bool:
    """The place mention rooted at `tok` says where someone is, not what the measure is on."""
    doc = tok.doc
    before = next((doc[i] for i in range(tok.i - 1, max(-1, tok.i - 4), -1) if not doc[i].is_space), None)
    if before is not None and before.text == "(":
        return True  # "Caucasus Energy (Georgia)"
    j = tok.i + 1
    while j < len(doc) and doc[j].text == "," and j + 1 < len(doc) and doc[j + 1].ent_type_ in ("GPE", "LOC"):
        j += 2  # "a Wuhan, China-based front company"
    if j + 1 < len(doc) and doc[j].text in ("-", "\u2011") and doc[j + 1].lower_ == "based":
        return True  # "a Wuhan-based front company"
    root = _conj_root(tok)
    if root.dep_ == "pobj" and root.head.lower_ in ("in", "within"):
        gov = root.head.head
        # "based in X", "companies located in X", "entities in X" (the persons, not the measure)
        return gov.lemma_.lower() in LOCATING or gov.lemma_.lower() in GROUPS
    return False


def _listed_after_locating(ctx: DocContext, start: int) -> bool:
    """The mention at token `start` continues a list of places opened by "based / located ... in" ("based in
    Iran, the People's Republic of China (PRC), Russia, and Turkiye", which the parser may cut into objects of
    the measure verb): walking left over the other places and the list's punctuation reaches that "in"."""
    toks = ctx.tokens
    i = start - 1
    while i >= 0:
        t = toks[i]
        m = ctx.mention(i)
        if m is not None and ctx.etype(m) in PLACES:
            i = m.token_start - 1
        elif t.is_space or t.lower_ in (",", "and", "or", "the", "(", ")", "and/or"):
            i -= 1
        else:
            break
    return i > 0 and toks[i].lower_ == "in" and toks[i - 1].lemma_.lower() in LOCATING


def _places_named_as_locations(ctx: DocContext, c: Cluster) -> set[str]:
    spans = c.evidence
    places = {t for t in c.targets if ctx.etype_of(t) in PLACES}
    if not places:
        return set()
    seen: dict[str, list[bool]] = {p: [] for p in places}
    for m in ctx.doc._.pg_mentions or []:
        if m.entity_id not in places:
            continue
        start = ctx.tokens[m.token_start].idx
        if not any(s <= start < e for s, e in spans):
            continue
        seen[m.entity_id].append(_locative(ctx.tokens[m.token_end - 1]) or _listed_after_locating(ctx, m.token_start))
    # a designation lists no place: one mention placing a designee there is enough (a place named inside a short
    # form, "affiliated with Wuhan XRZ", is not framed as a target either); a sanction's country is a target
    # unless every mention of it only places someone
    enough = any if c.kind == "designation" else all
    return {p for p, flags in seen.items() if flags and enough(flags)}


def fold_located_leads(ctx: DocContext, clusters: list[Cluster], upgrades: dict[str, tuple[str, ...]],
                       published: str | None) -> None:
    designators = set(upgrades.get("designation", ()))
    for c in list(clusters):
        if c.kind not in ("sanction", "designation") or c.status != "enacted":
            continue
        located = _places_named_as_locations(ctx, c)
        if not located:
            continue
        c.targets = [t for t in c.targets if t not in located]
        if c.kind == "sanction" and any(ctx.names(b) & designators for b in c.by):
            c.kind = "designation"
        if c.kind != "designation" or c.targets or published is None or c.date != published:
            continue
        # (not a lead under another order than the designation's: that is a measure of its own)
        host = next((h for h in clusters if h is not c and h.kind == "designation" and h.status == "enacted"
                     and h.date == published and h.targets and set(h.by) & set(c.by)
                     and (not c.under or not h.under or set(c.under) <= set(h.under))), None)
        if host is not None:
            host.evidence += [ev for ev in c.evidence if ev not in host.evidence]
            host.under += [u for u in c.under if u not in host.under]
            clusters.remove(c)
