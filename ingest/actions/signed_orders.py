"""An executive order a White House fact sheet or statement reports signed: the President's own measure.

"President Biden signed an Executive Order (E.O.) that amends E.O. 13851 (Blocking Property of Certain Persons
Contributing to the Situation in Nicaragua) to expand the authorities available to increase targeted pressure
on the Ortega-Murillo regime"; "Today, President Biden will sign an Executive Order to continue tightening the
screws on Russia's war machine" (in a statement on expanding sanctions authorities). The order itself is not
in the text, so `orders.order_readings` has nothing to read; its trigger-less sentence names no measure noun.
ONTOLOGY: a sanctions programme's start (new authorities) is an enacted `sanction` by the President who signs
it; a measure the actor's own leader announces for later is `proposed`.

A sanctions order is told apart from others (on securities investment, on forced labour) by the sentence or
the document title speaking of sanctions or blocking. One regex pass over the text, compiled once.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ingest.actions.assemble import Reading
from ingest.actions.context import DocContext
from ingest.actions.orders import US_NAMES, _person_named, is_order
from ingest.dates import to_date
from ingest.extensions import doc_text

SIGNING = re.compile(
    r"\bPresident\s+(?P<name>[A-Z][\w.\u2019'-]*(?:\s+[A-Z][\w.\u2019'-]*){0,3})\s+"
    r"(?P<verb>(?:has\s+|today\s+)?signed|will\s+(?:today\s+)?sign|is\s+signing)\s+"
    r"(?:an?|the)\s+(?:new\s+)?Executive\s+Order\b")
SANCTIONS = re.compile(r"\bsanction|\bblocking\s+property\b", re.I)
OTHER_MEASURE = re.compile(r"\b(?:tariffs?|duties|export|import|investments?|visas?|entry)\b", re.I)
EARLIER = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
                     r"December|(?:19|20)\d\d|last|previously|earlier)\b")
TARGET_TYPES = ("Country", "Authority", "Organization", "Company", "Person")


def signed_order_readings(ctx: DocContext) -> list[Reading]:
    """One `sanction` reading per sentence that reports the President signing (or about to sign) an order
    about sanctions: by the President, aimed at the states, governments and others the sentence names,
    under the instruments it names (the order it amends)."""
    text = doc_text(ctx.doc)
    if is_order(text):
        return []  # an order's own measures are read from its operative clauses
    title_sanctions = SANCTIONS.search(ctx.doc._.title or "") is not None
    starts = [t.idx for t in ctx.doc]
    published = ctx.doc._.published
    out: list[Reading] = []
    for m in SIGNING.finditer(text):
        president = _person_named(ctx, m["name"])
        if president is None:
            continue
        tok = ctx.tokens[max(0, bisect_right(starts, m.start()) - 1)]
        s, e = ctx.unit(tok)
        sentence = text[ctx.tokens[s].idx:ctx.tokens[e - 1].idx + len(ctx.tokens[e - 1])] if e > s else ""
        if not (SANCTIONS.search(sentence) or (title_sanctions and not OTHER_MEASURE.search(sentence))):
            continue  # an order about tariffs or investment is read by its own measure noun, if any
        if EARLIER.search(text, ctx.tokens[s].idx, m.start()):
            continue  # "In January 2026, President Trump signed ...": an earlier order, told as background
        targets: list[str] = []
        under: list[str] = []
        for i in range(max(s, tok.i), e):
            mention = ctx.mention(i)
            if mention is None or mention.entity_id in targets or mention.entity_id in under:
                continue
            rec = ctx.record(mention.entity_id)
            if rec is None or mention.entity_id == president:
                continue
            if rec.type == "Law":
                under.append(rec.id)
            elif rec.type in TARGET_TYPES and _aimed_at(ctx, mention, rec):
                targets.append(rec.id)
        status = "proposed" if m["verb"].startswith(("will", "is")) else "enacted"
        day = to_date(published)
        date = day.isoformat() if day else None
        out.append(Reading(kind="sanction", status=status, by=[president], targets=targets, under=under,
                           date=date, evidence=ctx.unit_chars(tok), token_i=tok.i))
    return out


def _aimed_at(ctx: DocContext, mention, rec) -> bool:
    """Not the United States, not a body whose Secretary the order empowers ('gives the Secretary of the
    Treasury ... authority to sanction'), not a lower-case word the entity reader took for a name."""
    first = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if first is None or not (first[0].is_title or first[0].is_upper):
        return False
    names = {n.lower() for n in [rec.name, *rec.aliases]}
    if names & US_NAMES or any(n.startswith(("u.s. ", "us ", "united states ")) for n in names):
        return False
    before = [t.lower_ for t in ctx.doc[max(0, first.start - 3):first.start]]
    return not ("secretary" in before and "of" in before)
