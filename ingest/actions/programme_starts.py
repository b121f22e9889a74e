"""A sanctions order told as issued on a date: the start of its programme, an action of its own.

"Building upon the Global Magnitsky Human Rights Accountability Act, E.O. 13818 was issued on December 20,
2017, in recognition that ..." (the boilerplate of every Global Magnitsky release); "This new authority builds
on E.O. 13338, which was issued by President Bush in May 2004"; "pursuant to Executive Order (E.O.) 13661,
which was signed by President Obama on March 16, 2014". ONTOLOGY: a sanctions programme's start is an enacted
`sanction` with its date; a passive past measure with no agent is the state's ("the United States").

Read from the parse: an executive order's mention is the passive subject of "issue"/"sign" (or the antecedent
of a relative clause with that verb), and a date hangs on that verb. Not: "since E.O. 13382 was issued, the
Treasury Department has designated 41 proliferators" (a subordinate time clause framing a tally), an order
the document itself is, or an order that is no basis of any sanctions measure the document reports (unless
its title says it blocks property).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ingest.actions.assemble import Reading
from ingest.actions.context import DocContext
from ingest.actions.dating import action_date
from ingest.actions.orders import is_order
from ingest.extensions import doc_text
from policygraph.ontology import KIND_FAMILY

ISSUING = {"issue", "sign"}
# "since / after / until E.O. N was issued": the issuance frames another statement
FRAMING_MARKS = {"since", "after", "until", "before", "when", "once"}
STATE_NAMES = ("united states", "u.s.", "united states of america", "us")


def programme_start_readings(ctx: DocContext, earlier: list[Reading], date_cands: list[Span],
                             base: str | None) -> list[Reading]:
    """`earlier`: the readings taken so far (an order is a sanctions order when one of them rests on it)."""
    if is_order(doc_text(ctx.doc)):
        return []  # an order's own issuance is the measures it takes (orders.py)
    family = KIND_FAMILY.get("sanction", "sanction")  # the sanctions family (ontology.yaml action_families)
    bases = {law for r in earlier if KIND_FAMILY.get(r.kind, r.kind) == family for law in r.under}
    out: list[Reading] = []
    seen: set[str] = set()
    for m in ctx.doc._.pg_mentions or []:
        rec = ctx.record(m.entity_id)
        if rec is None or rec.type != "Law" or rec.kind != "executive_order" or rec.id in seen:
            continue
        if rec.id not in bases and "blocking" not in rec.name.lower():
            continue
        root = ctx.doc[m.token_start:m.token_end].root
        verb = _issuing_verb(root)
        if verb is None or any(c.dep_ == "mark" and c.lower_ in FRAMING_MARKS for c in verb.children):
            continue
        date, _ = action_date(ctx, verb, verb, date_cands, base, prefer_future=False, present_default=False,
                              restated=True)
        if date is None:
            continue  # "since E.O. 13224 was issued": no start the text fixes
        by = _agent(ctx, verb) or [x for x in [ctx.find_entity(STATE_NAMES)] if x]
        if not by:
            continue
        seen.add(rec.id)
        out.append(Reading(kind="sanction", status="enacted", by=by, targets=[], under=[rec.id], date=date,
                           evidence=ctx.unit_chars(verb), token_i=verb.i, background=True, distinct=True))
    return out


def _issuing_verb(root: Token) -> Token | None:
    """'E.O. 13818 was issued' (nsubjpass), 'E.O. 13661, which was signed by ...' (relative clause)."""
    if root.dep_ == "nsubjpass" and root.head.lemma_.lower() in ISSUING:
        return root.head
    for c in root.children:
        if c.dep_ in ("relcl", "acl") and c.lemma_.lower() in ISSUING and (
                c.tag_ == "VBN" or any(a.dep_ == "auxpass" for a in c.children)):
            return c
    return None


def _agent(ctx: DocContext, verb: Token) -> list[str]:
    """'issued by President Bush': the signing Person (a bare title gives none: the state is the actor)."""
    for agent in (c for c in verb.children if c.dep_ == "agent"):
        for i in range(agent.i + 1, agent.right_edge.i + 1):
            m = ctx.mention(i)
            if m is not None and ctx.etype(m) in ("Person", "Authority", "Country"):
                return [m.entity_id]
    return []
