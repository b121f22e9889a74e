"""BASED_IN for the firms of a list that a located plural noun introduces or sums up (token frames; the small
model's parse hangs such lists anywhere):

  introduced  "two IRISL front companies based in Malta: Modality Limited and Malship Shipping Agency Ltd."
              "Two agricultural companies located in San Jose, Costa Rica owned by <Person>, A and B are ..."
              "front companies based in Culiacan, Sinaloa, including A, B, and C"
  summed up   "A and B, both Cali cartel front companies based in Colombia"

Every place of the chain counts ("in San Jose, Costa Rica" -> both). Persons in the list are never BASED_IN; a
finite verb or a second located noun ends the list.
"""

from __future__ import annotations

from ingest.relations.context import Context, Relations
from ingest.relations.located_parse import DESCRIBING_NOUNS

_HOLDERS = ("Company", "Organization")
_PLACES = ("Country", "Place")
_LOCATED = {"based", "located", "headquartered", "registered", "incorporated", "established"}
_PLURALS = {n for n in DESCRIBING_NOUNS if n.endswith("s") and n not in {"business", "house", "cartel"}} | {
    "businesses", "fronts", "exchanges", "stores", "houses"}
_SUMMING = {"both", "all", "each", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
_LIST_GLUE = {",", "and", ";", ":", "-", "\u2013", "\u2014", "including", "namely", "the", "(", ")", "as", "well"}
_FINITE = {"VBZ", "VBP", "VBD", "MD"}
_MAX_GAP = 14  # "... owned by previously designated FARC financial associate <Person>," before the list


def located_lists(ctx: Context, out: Relations) -> None:
    toks = ctx.tokens
    n = len(toks)
    for i, t in enumerate(toks):
        if t.lower_ not in _LOCATED or i + 2 >= n or toks[i + 1].lower_ not in {"in", "out"}:
            continue
        if i == 0 or toks[i - 1].lower_ not in _PLURALS:
            continue
        places, j = _place_chain(ctx, i + 2)
        if not places:
            continue
        holders = _list_after(ctx, j) or _list_before(ctx, i - 1)
        for m in holders:
            for p in places:
                out.add("BASED_IN", m.entity_id, p, 0.65, m.token_start)


def _place_chain(ctx: Context, k: int) -> tuple[list[str], int]:
    """ "in San Jose, Costa Rica" / "in Culiacan, Sinaloa": the places and the token after the chain."""
    toks = ctx.tokens
    if k < len(toks) and toks[k].lower_ == "the":
        k += 1
    places: list[str] = []
    while k < len(toks):
        m = ctx.mention_at(k)
        if m is None or ctx.type_of(m) not in _PLACES:
            break
        places.append(m.entity_id)
        k = m.token_end
        if k + 1 < len(toks) and toks[k].text == "," and (nxt := ctx.mention_at(k + 1)) is not None and (
                ctx.type_of(nxt) in _PLACES):
            k += 1
            continue
        break
    return list(dict.fromkeys(places)), k


def _list_after(ctx: Context, k: int) -> list:
    """The firms listed after the located noun, in its sentence: the first within _MAX_GAP tokens, then the rest
    as long as only list glue stands between them."""
    toks = ctx.tokens
    sent_end = ctx.sents[ctx.sent_of[k - 1]].end
    found: list = []
    gap = 0
    while k < sent_end:
        m = ctx.mention_at(k)
        if m is not None:
            t = ctx.type_of(m)
            nxt = toks[m.token_end] if m.token_end < sent_end else None
            if t in _HOLDERS and not found and nxt is not None and nxt.is_alpha and nxt.text.islower() and (
                    nxt.lower_ not in _LIST_GLUE):
                pass  # "owned by FARC financial associate X": the group only modifies a noun
            elif t in _HOLDERS:
                found.append(m)
                gap = 0
            elif t == "Person" and not found:
                gap = 0  # "owned by <Person>, A and B": the owner, then the list
            elif found:
                break
            k = m.token_end
            continue
        tok = toks[k]
        if tok.tag_ in _FINITE and not found:
            # "... companies located in Maicao, Colombia were also designated, including A and B"
            nxt = next((x for x in range(k + 1, min(sent_end, k + 6)) if toks[x].lower_ == "including"), None)
            if nxt is None:
                break
            k = nxt + 1
            continue
        if tok.tag_ in _FINITE or tok.lower_ in _PLURALS or (found and tok.lower_ in _LOCATED):
            break
        if not found and tok.pos_ == "ADP" and tok.lower_ not in {"by", "including"}:
            break  # "two companies based in Lebanon for providing financial services to Hizballah": no list
        if found and not (tok.lower_ in _LIST_GLUE or tok.is_space or set(tok.text) <= {"*", "_"}):
            break
        gap += 1
        if not found and gap > _MAX_GAP:
            break
        k += 1
    return found


def _list_before(ctx: Context, noun: int) -> list:
    """ "A and B, both Cali cartel front companies based in Colombia": the firms right before ", both ..."."""
    toks = ctx.tokens
    k = noun - 1
    while k >= 0 and toks[k].lower_ not in _SUMMING and noun - k < 6:
        m = ctx.mention_at(k)
        if toks[k].text in {",", ";"} or (m is not None and ctx.type_of(m) not in _PLACES):
            return []
        k -= 1
    if k < 1 or toks[k].lower_ not in _SUMMING or toks[k - 1].text != ",":
        return []
    k -= 2
    found: list = []
    while k >= 0:
        m = ctx.mention_at(k)
        if m is not None and ctx.type_of(m) in _HOLDERS:
            found.append(m)
            k = m.token_start - 1
            continue
        if found and toks[k].lower_ in {",", "and"}:
            k -= 1
            continue
        break
    return found
