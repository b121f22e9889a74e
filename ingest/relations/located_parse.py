"""BASED_IN read from the dependency parse, where the place is attached to a noun that describes the firm:

  "Two agricultural companies located in San Jose, Costa Rica ..., A and B"  (list in apposition to the noun)
  "X, a real estate company in Quito, Ecuador"                               (prepositional "in" on a firm noun)
  "X, a Beijing-based cybersecurity company"                                 ("-based" on the apposed noun)
  "X, which is headquartered in Y"                                           (relative clause)
Both the city and the country are used when both are named ("in Quito, Ecuador"). Only firm and organisation
nouns take the place ("a drug trafficking organization in Ecuador"); persons are never BASED_IN.
"""

from __future__ import annotations

from ingest.extensions import Mention
from ingest.relations.context import Context, Relations

_HOLDERS = ("Company", "Organization")
_PLACES = ("Country", "Place")
_LOCATING = {"base", "based", "locate", "located", "headquarter", "headquartered", "register", "registered",
             "establish", "established", "incorporate", "incorporated", "operate", "operating"}
# Nouns that describe a firm or a group; a place "in" after them locates it.
DESCRIBING_NOUNS = {
    "company", "companies", "firm", "firms", "entity", "entities", "business", "businesses", "enterprise",
    "enterprises", "bank", "banks", "organization", "organisation", "organizations", "group", "network", "exchange",
    "house", "subsidiary", "affiliate", "front", "operator", "manufacturer", "supplier", "producer", "distributor",
    "exporter", "importer", "provider", "developer", "conglomerate", "corporation", "institute", "university",
    "center", "centre", "cell", "cartel", "militia", "startup", "vendor", "contractor", "platform", "brand",
}


def based_in_parse(ctx: Context, out: Relations) -> None:
    for m in ctx.mentions:
        if ctx.type_of(m) not in _HOLDERS:
            continue
        for noun in _describing(ctx, m):
            for loc in _located(ctx, noun):
                out.add("BASED_IN", m.entity_id, loc, 0.7, m.token_start)


def _root(ctx: Context, m: Mention):
    toks = ctx.tokens
    for i in range(m.token_start, m.token_end):
        h = toks[i].head.i
        if not m.token_start <= h < m.token_end or toks[i].head is toks[i]:
            return toks[i]
    return toks[m.token_end - 1]


def _describing(ctx: Context, m: Mention) -> list:
    """The nouns that describe the mention: those in apposition to it (either way), followed through a list."""
    h = _root(ctx, m)
    # up a coordination: "A and B" in apposition to "companies" hangs B as conj of A
    while h.dep_ == "conj" and h.head.i != h.i:
        h = h.head
    nouns = []
    if h.dep_ == "appos":
        nouns.append(h.head)
    nouns.extend(c for c in h.children if c.dep_ == "appos")
    return [n for n in nouns if n.lower_ in DESCRIBING_NOUNS and not _is_mention(ctx, n)]


def _is_mention(ctx: Context, tok) -> bool:
    return ctx.mention_at(tok.i) is not None


def _located(ctx: Context, noun) -> list[str]:
    out: list[str] = []
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "in":
            out += _places(ctx, c)
        elif c.dep_ in ("acl", "relcl") and c.lower_ in _LOCATING:
            for p in c.children:
                if p.dep_ == "prep" and p.lower_ in ("in", "out"):
                    out += _places(ctx, p)
        elif c.dep_ in ("amod", "compound") and c.lower_ == "based" and c.i >= 2 and ctx.tokens[c.i - 1].text == "-":
            m = ctx.mention_at(c.i - 2)
            if m is not None and ctx.type_of(m) in _PLACES:
                out.append(m.entity_id)
    return list(dict.fromkeys(out))


def _places(ctx: Context, prep) -> list[str]:
    """The place a preposition governs, and the country that ends its comma chain ("in Quito, Ecuador")."""
    toks = ctx.tokens
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None:
        return []
    m = ctx.mention_at(obj.i)
    if m is None or ctx.type_of(m) not in _PLACES:
        # "in the Kandahar province": a place inside the object phrase
        m = next((ctx.mention_at(t.i) for t in obj.subtree if ctx.mention_at(t.i) is not None), None)
        if m is None or ctx.type_of(m) not in _PLACES:
            return []
    out = [m.entity_id]
    j = m.token_end
    for _ in range(3):
        if j + 1 >= len(toks) or toks[j].text != ",":
            break
        nxt = ctx.mention_at(j + 1)
        if nxt is None or ctx.type_of(nxt) not in _PLACES:
            break
        if nxt.entity_id not in out:
            out.append(nxt.entity_id)
        if ctx.type_of(nxt) == "Country":
            break
        j = nxt.token_end
    return out
