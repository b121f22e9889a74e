"""BASED_IN: a company or organisation located by the text (not by its own name).

  modifier     "Chinese technology firm X", "Two leading Xinjiang surveillance companies, A and B"
  apposition   "Huawei, the Chinese telecommunications company", "X, a Hong Kong-based company"
  possessive   "China's Academy of Military Medical Sciences", "China's XPCC"
  -based       "Iran-based Etemad Tejarate Pars Co."
  located in   "X, located in Iran", "X, based in Dubai", "headquartered in"
  lists        "eight Chinese technology firms ..., including drone maker DJI", "American firms ... like Cargill"
  anaphora     "The companies operate in China's surveillance technology sector" -> the companies of the
               sentence before
Names that only contain a place ("Beijing Superred", "Xinjiang Public Security Bureau") get nothing, and
national bodies (Authorities) get nothing.
"""

from __future__ import annotations

from ingest.extensions import Mention
from ingest.relations.context import POSSESSIVE, Context, Relations

_FIRM_NOUNS = {
    "company",
    "companies",
    "firm",
    "firms",
    "maker",
    "makers",
    "giant",
    "giants",
    "manufacturer",
    "manufacturers",
    "producer",
    "producers",
    "supplier",
    "suppliers",
    "operator",
    "carrier",
    "conglomerate",
    "corporation",
    "corporations",
    "entity",
    "entities",
    "enterprise",
    "enterprises",
    "business",
    "businesses",
    "bank",
    "banks",
    "group",
    "organization",
    "organisation",
    "institute",
    "institutes",
    "university",
    "exporter",
    "importer",
    "distributor",
    "provider",
    "developer",
    "subsidiary",
    "affiliate",
    "startup",
    "vendor",
    "contractor",
    "multinational",
    "multinationals",
    "brand",
    "brands",
    "outlet",
    "platform",
    "platforms",
    "network",
    "party",
    "militia",
    "front",
    "company's",
}
_HOLDERS = ("Company", "Organization")
_LIST_MARKERS = {"including", "like", "such"}


def based_in(ctx: Context, out: Relations) -> None:
    doc = ctx.doc
    n = len(doc)
    for m in ctx.mentions:
        if ctx.type_of(m) not in _HOLDERS:
            continue
        _modifier_before(ctx, m, out)
        _apposition_after(ctx, m, out)
        _possessive(ctx, m, out)
    # "The companies operate in China('s) ..." -> the companies of the previous sentence
    for si, sent in enumerate(ctx.sents):
        words = []  # the first four non-space tokens are all the test reads
        for i in range(sent.start, sent.end):
            if not ctx.tokens[i].is_space:
                words.append(ctx.tokens[i])
                if len(words) == 4:
                    break
        if len(words) < 4:
            continue
        noun = words[2] if words[1].like_num and len(words) > 2 else words[1]
        if words[0].lower_ in {"the", "these", "those", "all"} and noun.lower_ in _GROUP_NOUNS:
            # "The five companies designated today – A, B, C – operate out of a single address in Medellin,
            # Antioquia, Colombia": the firms named in the sentence itself, else those of the sentence before
            verb = next((t.i for t in ctx.tokens[noun.i + 1:sent.end] if t.lower_ in _GROUP_VERBS), None)
            if verb is not None:
                own = [pm for pm in ctx.sent_mentions[si] if ctx.type_of(pm) in _HOLDERS and pm.token_start < verb]
                locs = _chain_after(ctx, verb, sent.end)
                for pm in own or (ctx.sent_mentions[si - 1] if si else []):
                    if ctx.type_of(pm) in _HOLDERS:
                        for loc in locs:
                            out.add("BASED_IN", pm.entity_id, loc, 0.55, sent.start)
                continue
            loc = _location_after(ctx, noun.i + 1, sent.end, ("operate", "operates", "are", "based", "located"))
            if loc is None or si == 0:
                continue
            for pm in ctx.sent_mentions[si - 1]:
                if ctx.type_of(pm) in _HOLDERS:
                    out.add("BASED_IN", pm.entity_id, loc, 0.55, sent.start)
    _ = n


_GROUP_NOUNS = {"companies", "firms", "entities", "businesses", "enterprises"}
_GROUP_VERBS = {"operate", "operates", "based", "located", "headquartered", "registered"}


def _chain_after(ctx: Context, k: int, end: int) -> list[str]:
    """'operate out of a single address in Medellin, Antioquia, Colombia': the first place after 'in' (within a
    few words) and the country that ends its comma chain."""
    toks = ctx.tokens
    b = next((x for x in range(k + 1, min(end, k + 9)) if toks[x].lower_ == "in"), None)
    if b is None or b + 1 >= end:
        return []
    first = _place_of(ctx, b + 1)
    if first is None:
        return []
    out = [first[0]]
    m = ctx.mention_at(b + 1)
    j = m.token_end if m is not None else b + 2
    for _ in range(3):  # ", Antioquia, Colombia"
        if j + 1 >= end or toks[j].text != ",":
            break
        m = ctx.mention_at(j + 1)
        if m is None or ctx.type_of(m) not in ("Country", "Place"):
            break
        if ctx.type_of(m) == "Country":
            if m.entity_id not in out:
                out.append(m.entity_id)
            break
        j = m.token_end
    return out


def _place_of(ctx: Context, i: int) -> tuple[str, int] | None:
    """(country/place id, first token) named at token i: a Country/Place mention or a demonym."""
    m = ctx.mention_at(i)
    if m is not None and ctx.type_of(m) in ("Country", "Place"):
        return m.entity_id, m.token_start
    low = ctx.tokens[i].lower_
    if i >= 1 and f"{ctx.tokens[i - 1].lower_} {low}" in ctx.lex.demonyms:
        cid = ctx.lex.demonyms[f"{ctx.tokens[i - 1].lower_} {low}"]  # "North Korean-based KKBC"
        if cid in ctx.entities:
            return cid, i - 1
    if low in ctx.lex.demonyms:
        cid = ctx.lex.demonyms[low]
        if cid in ctx.entities:
            return cid, i
    if low in _US_FORMS and "united-states" in ctx.entities:
        return "united-states", i  # "U.S." as a modifier is a mention of the United States (ONTOLOGY)
    return None


_US_FORMS = {"u.s.", "us", "u.s", "american"}


def _based_token(ctx: Context, i: int) -> str | None:
    """ "U.S.-based" tokenised as one word: the place its prefix names."""
    low = ctx.tokens[i].lower_
    if not low.endswith("-based"):
        return None
    prefix = low[: -len("-based")]
    if prefix in _US_FORMS:
        return "united-states" if "united-states" in ctx.entities else None
    cid = ctx.lex.demonyms.get(prefix)
    return cid if cid in ctx.entities else None


def _modifier_before(ctx: Context, m: Mention, out: Relations) -> None:
    """ "Chinese technology firm X" / "Xinjiang surveillance companies, X and Y" / "Iran-based X"."""
    toks = ctx.tokens
    i = m.token_start - 1
    while i >= 0 and set(toks[i].text) <= {"*", "_"} and not toks[i].is_space:
        i -= 1  # "Russia-based financial services firm** Aktsionernoe Obshchestvo Iliadis"
    # skip list separators back to the first firm of a list ("..., A and B"): only for the noun + comma form
    lo = ctx.sents[ctx.sent_of[m.token_start]].start
    j = i
    skipped = 0  # list separators and other firms between the noun and this mention
    while j >= lo:
        pm = ctx.mention_at(j)
        if pm is not None and ctx.type_of(pm) in _HOLDERS:
            j = pm.token_start - 1
            skipped += 2
            continue
        if toks[j].text in {",", "and"}:
            j -= 1
            skipped += 1
            continue
        if toks[j].is_space:
            j -= 1  # a line break or double space is no separator ("organization   CNA")
            continue
        break
    # "Nicaragua's state mining company, ENIMINAS": a singular noun with one name in apposition is no list
    comma_list = skipped > 1 or (skipped == 1 and toks[j + 1:i + 1] and any(
        t.lower_ == "and" for t in toks[j + 1:i + 1]))
    k = j
    # "European-based al Qaida organizers": the place qualifies the plural noun the mention modifies, not the mention
    e = m.token_end
    if e < len(toks) and toks[e].tag_ == "NNS" and toks[e].text[:1].islower() and toks[e - 1].head.i == e:
        return
    # "-based": "Iran-based Etemad ..."
    if k >= 1 and toks[k].lower_ == "based" and toks[k - 1].text == "-":
        p = _place_of(ctx, k - 2)
        if p is not None:
            out.add("BASED_IN", m.entity_id, p[0], 0.85, m.token_start)
        return
    if k >= 0 and _based_token(ctx, k):
        out.add("BASED_IN", m.entity_id, _based_token(ctx, k) or "", 0.85, m.token_start)
        return
    if k < lo or toks[k].lower_ not in _FIRM_NOUNS:
        return
    if comma_list and toks[k].lower_ not in {
        "companies",
        "firms",
        "entities",
        "businesses",
        "enterprises",
        "makers",
        "suppliers",
        "banks",
        "institutes",
    }:
        return
    # walk left over the noun phrase: adjectives/nouns, then a place or demonym, then quantity/determiners
    x = k - 1
    while x >= lo and x >= k - 6:
        p = _place_of(ctx, x)
        if p is not None:
            out.add("BASED_IN", m.entity_id, p[0], 0.8, m.token_start)
            return
        t = toks[x]
        if (
            t.pos_ in {"ADJ", "NOUN", "NUM", "DET"}
            and t.text[:1].islower()
            or t.is_space
            or t.text == "-"
            or t.like_num
            or t.lower_ in {"owned", "run", "controlled"} and toks[x - 1].text == "-"  # "state-owned oil company"
        ):
            x -= 1
            continue
        if t.lower_ in {"based"} and x >= 1 and toks[x - 1].text == "-":
            x -= 2
            continue
        if _based_token(ctx, x):  # "U.S.-based security research organization CNA"
            out.add("BASED_IN", m.entity_id, _based_token(ctx, x) or "", 0.8, m.token_start)
            return
        if t.text in POSSESSIVE and x >= 1 and ctx.mention_at(x - 1) is not None:
            p = _place_of(ctx, x - 1)  # "Nicaragua's state mining company, ENIMINAS"
            if p is not None:
                out.add("BASED_IN", m.entity_id, p[0], 0.75, m.token_start)
        break


def _apposition_after(ctx: Context, m: Mention, out: Relations) -> None:
    """ "Huawei, the Chinese telecommunications company" / "X, a Hong Kong-based company" /
    "X, located in Iran"."""
    toks = ctx.tokens
    j = ctx.skip_alias(m.token_end)
    end = ctx.sents[ctx.sent_of[m.token_start]].end
    if j >= end or (toks[j].text != "," and toks[j].lower_ not in {"is", "was"}):
        return  # ", a China-based company" or "is an Iran-based company"
    k = j + 1
    if k + 1 < end and toks[k].lower_ in {"which", "that"} and toks[k + 1].lower_ in {"is", "was", "are"}:
        k += 2  # ", which is based in Switzerland"
    if k < end and toks[k].lower_ in {"located", "based", "headquartered", "registered", "incorporated"}:
        for loc in _locations_after(ctx, k, end):
            out.add("BASED_IN", m.entity_id, loc, 0.85, m.token_start)
        return
    place = None
    b = k + 1
    if k + 1 < end and toks[k + 1].text in POSSESSIVE and ctx.mention_at(k) is not None:
        p = _place_of(ctx, k)  # "Rostelecom, Russia's state telecom operator"
        if p is None:
            return
        place, b = p[0], k + 2
    elif k >= end or toks[k].lower_ not in {"the", "a", "an"}:
        return
    while b < end and b - k < 8:
        t = toks[b]
        p = _place_of(ctx, b)
        if p is not None and place is None:
            place = p[0]
            pm = ctx.mention_at(b)
            b = pm.token_end if pm is not None else b + 1
            continue
        if t.lower_ in _FIRM_NOUNS:
            if place is not None:
                out.add("BASED_IN", m.entity_id, place, 0.8, m.token_start)
            return
        if t.text in {",", ".", ";", "(", ")"} or (t.pos_ in {"VERB", "AUX", "ADP"} and toks[b - 1].text != "-"):
            return
        b += 1


def _possessive(ctx: Context, m: Mention, out: Relations) -> None:
    toks = ctx.tokens
    i = m.token_start - 1
    if i < 1 or toks[i].text not in POSSESSIVE:
        return
    p = _place_of(ctx, i - 1)
    if p is not None and ctx.mention_at(i - 1) is not None:
        out.add("BASED_IN", m.entity_id, p[0], 0.75, m.token_start)


def _locations_after(ctx: Context, k: int, end: int) -> list[str]:
    """ "located in Dubai, United Arab Emirates": the place and the country that follows it."""
    first = _location_after(ctx, k, end, ())
    if first is None:
        return []
    out = [first]
    toks = ctx.tokens
    for b in range(k, min(end, k + 8)):
        m = ctx.mention_at(b)
        if m is not None and m.entity_id == first:
            j = m.token_end
            if j + 1 < end and toks[j].text == ",":
                p = _place_of(ctx, j + 1)
                if p is not None and ctx.type_of(ctx.mention_at(j + 1)) == "Country":
                    out.append(p[0])
            break
    return out


def _location_after(ctx: Context, k: int, end: int, verbs: tuple[str, ...]) -> str | None:
    """The first Country/Place after "located in" / "based in" / "operate in" within a few tokens."""
    toks = ctx.tokens
    for b in range(k, min(end, k + 6)):
        if toks[b].lower_ == "in" and b + 1 < end:
            for c in range(b + 1, min(end, b + 3)):
                p = _place_of(ctx, c)
                if p is not None:
                    return p[0]
            return None
    return None


def lists(ctx: Context, out: Relations) -> None:
    """ "N Chinese technology firms ..., including (drone maker) DJI": firms of a list introduced after a
    located plural firm noun ("American firms with major China exposure like Cargill")."""
    toks = ctx.tokens
    for i, t in enumerate(toks):
        if t.lower_ not in {"firms", "companies", "businesses", "entities", "enterprises"}:
            continue
        # the place modifying the plural noun
        place = None
        for x in range(i - 1, max(i - 5, ctx.sents[ctx.sent_of[i]].start - 1), -1):
            p = _place_of(ctx, x)
            if p is not None:
                place = p[0]
                break
            if not (toks[x].text[:1].islower() or toks[x].like_num):
                break
        if place is None:
            continue
        end = ctx.sents[ctx.sent_of[i]].end
        for y in range(i + 1, min(end, i + 12)):
            if toks[y].lower_ in _LIST_MARKERS:
                z = y + 1 + (toks[y].lower_ == "such")
                while z < end and z < y + 30:
                    pm = ctx.mention_at(z)
                    if pm is not None and ctx.type_of(pm) in _HOLDERS:
                        out.add("BASED_IN", pm.entity_id, place, 0.7, i)
                        z = pm.token_end
                        continue
                    if toks[z].text in {".", ";"}:
                        break
                    z += 1
                break
