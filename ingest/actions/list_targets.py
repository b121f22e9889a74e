"""The entries of a designee list are targets of the measure its lead states.

"The following Russia-based entities were designated pursuant to E.O. 14024 for operating ...:" names no
designee itself: its targets are the entries below it (ingest/entities/designee_lists.py finds the lists and
the names opening their entries). A trigger in the lead's last sentence takes the entities those names were
resolved to; its actor and legal basis are read from the lead as for any other sentence, so every entry
joins the measure under the basis its own list cites, and lists under two bases make two measures.
"""

from __future__ import annotations

from ingest.actions.context import DocContext
from ingest.actions.triggers import Trigger
from ingest.entities.designee_lists import designee_lists, entry_lines

# Types a designee can have (not places, countries or the instruments a list cites).
DESIGNEE_TYPES = {"Person", "Company", "Organization", "Authority"}


def list_targets(ctx: DocContext, trig: Trigger, by: list[str]) -> list[str]:
    """Entity ids of the entries of the list the trigger leads: the lines under its sentence when that ends
    with a colon, or the names after a colon later in its own sentence ([] when it leads no list)."""
    out = _inline_entries(ctx, trig, by)
    lists = designee_lists(ctx.doc)
    if not lists:
        return out
    start, end = ctx.unit_chars(trig.token)
    # the trigger's sentence is the lead's, or the one a "These are:" lead points back to
    led = [lst for lst in lists if start <= lst.colon <= end + 1 or lst.lead <= trig.token.idx < lst.colon]
    for s, line_end, _persons in entry_lines(ctx.doc, led):
        for eid in _entry_names(ctx, s, line_end):
            if eid not in by and eid not in out:
                out.append(eid)
    return out


def _entry_names(ctx: DocContext, s: int, end: int) -> list[str]:
    """The designees an entry names before its first verb: the name that opens it, the names joined to it
    ("X Limited Liability Company (X) and Y Limited Liability Company (Y) are ..."), or the names after a
    colon ("21 German companies: A GmbH, B GmbH & Co. KG, ...")."""
    toks = ctx.tokens
    out: list[str] = []
    depth = 0
    colon = False
    for i in range(s, end):
        t = toks[i]
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
        if depth:
            continue
        if t.text == ":" and not colon:
            colon, out = True, []  # the count before the colon ("21 German companies") names nobody
            continue
        m = ctx.mention(i)
        if m is not None and m.token_start == i and ctx.etype(m) in DESIGNEE_TYPES:
            prev = _before(toks, i, s)
            if (i == s or prev in (",", ";", "and", ":") or (colon and prev is None)) and m.entity_id not in out:
                out.append(m.entity_id)
            continue
        if m is None and t.pos_ in ("VERB", "AUX") and t.text.islower():
            break  # "... develops radar systems": the entry's description starts
    return out


def _before(toks: list, i: int, s: int) -> str | None:
    """The word before token i, skipping a bracketed short form ("X (X) and Y"); None at the entry's start."""
    k = i - 1
    while k >= s and toks[k].is_space:
        k -= 1
    if k >= s and toks[k].lower_ == "and":
        return "and"
    if k >= s and toks[k].text == ")":
        return ")"
    return toks[k].text if k >= s else None


def _inline_entries(ctx: DocContext, trig: Trigger, by: list[str]) -> list[str]:
    """ "... his family members who are being designated today: Esther Godoy Arellano (mother), Angelberto
    Rincon Godoy (brother), and Moises Gonzalez Anguiano (brother-in-law)": the names that open the colon's
    segment and each item after a comma, semicolon or "and"."""
    toks = ctx.tokens
    _, end = ctx.unit(trig.token)
    colon = next((i for i in range(trig.token.i + 1, end) if toks[i].text == ":"), None)
    if colon is None:
        return []
    first = colon + 1
    while first < len(toks) and toks[first].is_space:
        first += 1
    if first >= end:
        if first >= len(toks) or "\n" in toks[colon].whitespace_ or any("\n" in t.text for t in toks[colon:first]):
            return []  # the colon ends a line: a list under it, read from the lines (designee_lists)
        end = ctx.unit_end[first]  # the parser cut the sentence at the colon
    m = ctx.mention(first)
    if m is None or m.token_start != first or ctx.etype(m) not in DESIGNEE_TYPES:
        return []  # the colon opens a quotation or a clause, not a list of names
    out: list[str] = []
    for i in range(first, end):
        m = ctx.mention(i)
        if m is None or m.token_start != i or ctx.etype(m) not in DESIGNEE_TYPES:
            continue
        prev = toks[i - 1]
        item = i == first or prev.text in (",", ";") or (prev.lower_ == "and" and (
            toks[i - 2].text in (",", ";") or not any(t.text == "," for t in toks[first:i])))
        if item and m.entity_id not in by and m.entity_id not in out:
            out.append(m.entity_id)
    return out
