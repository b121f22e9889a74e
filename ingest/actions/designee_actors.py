"""The designee is no actor: three parse frames of Treasury releases in which the name read as the subject of a
designation verb is the one designated, and the body acting is the one the release implies (ONTOLOGY: "Actor
from context: a passive past measure takes the implied actor (OFAC for a designation in a Treasury release)").

- a participle hung on the name it describes: "Alisher Burhanovich Usmanov (Usmanov), designated on March 3,
  2022 pursuant to E.O. 14024, is one of Russia's wealthiest billionaires" (the parser makes the participle a
  `prep`/`acl` of the name, and the subject search climbs to the name);
- an inverted passive with the copula as root: "Also designated today, pursuant to E.O. 13573, was Major General
  Jamil Hassan, the head of Syrian Air Force Intelligence" (the participle is an `advcl` of "was", whose subject
  is the designee);
- an agent that belongs to an ownership or agency clause: "Al-Safir Oto is being designated pursuant to E.O.
  13894 for being owned or controlled, directly or indirectly, by Mohammad Hussein al-Jasim" (the parser hangs
  "by X" on "designated"; X owns the designee, it does not designate it).

Runs on the readings before they are merged, so a repaired reading joins the measure of its implied actor.
"""

from __future__ import annotations

from spacy.tokens import Token

from ingest.actions.assemble import Reading
from ingest.actions.context import DocContext

KINDS = {"designation", "sanction", "asset_freeze", "visa_restriction"}
# The verbs of the criteria clauses whose "by" names an owner, controller or principal of the designee.
CRITERIA_VERBS = {"own", "control", "direct", "operate", "manage", "act", "purport", "employ", "lead", "run",
                  "sponsor", "fund", "finance", "support", "assist", "establish", "found", "create", "use"}
NAME_TYPES = {"Person", "Company", "Organization"}


def _mentions_under(ctx: DocContext, tok: Token) -> list[str]:
    """Entities named in the noun phrase headed by `tok` (with its coordinated names), not in its clauses."""
    out: list[str] = []
    heads = [tok] + [c for c in tok.conjuncts if c.i > tok.i]
    for h in heads:
        m = ctx.mention(h.i)
        if m is not None and m.entity_id not in out:
            out.append(m.entity_id)
    return out


def _described_name(trig: Token) -> Token | None:
    """'X (X), designated on <date> ...': the name a bare participle describes (no auxiliary, no subject)."""
    if trig.tag_ != "VBN" or trig.dep_ not in ("prep", "acl") or trig.head.i >= trig.i:
        return None
    if trig.head.pos_ != "PROPN" or any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in trig.children):
        return None
    return trig.head


def _inverted_subject(trig: Token) -> Token | None:
    """'Also designated today ... was X': the subject of the copula the participle opens."""
    head = trig.head
    if trig.tag_ != "VBN" or trig.dep_ != "advcl" or head.i <= trig.i or head.lemma_ != "be":
        return None
    return next((c for c in head.children if c.dep_ == "nsubj" and c.i > head.i), None)


def _criteria_agents(ctx: DocContext, trig: Token, by: list[str]) -> set[str]:
    """Actors whose 'by' follows an ownership or agency verb of the same clause ('for being owned or
    controlled ... by X'): the parser attached the agent to the designation verb."""
    s, e = ctx.unit(trig)
    toks = ctx.tokens
    out: set[str] = set()
    for a in (c for c in trig.children if c.dep_ == "agent"):
        between = toks[trig.i + 1:a.i]
        if not any(t.lemma_.lower() in CRITERIA_VERBS and t.tag_ in ("VBN", "VBG") for t in between):
            continue
        for m in ctx.mentions_in(range(a.i, min(e, a.right_edge.i + 1))):
            if m.entity_id in by:
                out.add(m.entity_id)
    return out


def repair_designee_actors(ctx: DocContext, readings: list[Reading], implied: dict[str, tuple[str, ...]]) -> None:
    for r in readings:
        if r.kind not in KINDS or not r.by or r.token_i >= len(ctx.tokens):
            continue
        trig = ctx.tokens[r.token_i]
        if trig.pos_ not in ("VERB", "AUX"):
            continue
        designees: list[str] = []
        name = _described_name(trig)
        if name is not None:
            designees = _mentions_under(ctx, name)
        else:
            subj = _inverted_subject(trig)
            if subj is not None:
                designees = _mentions_under(ctx, subj)
        designees = [d for d in designees if ctx.etype_of(d) in NAME_TYPES]
        wrong = set(designees) & set(r.by)
        if designees and wrong:
            # the whole subject search went astray: keep only actors named with "by" after the participle
            agents = {m.entity_id for a in trig.children if a.dep_ == "agent"
                      for m in ctx.mentions_in(range(a.i, a.right_edge.i + 1))}
            wrong = set(r.by) - agents
            r.targets = [*r.targets, *[d for d in designees if d not in r.targets]]
        wrong |= _criteria_agents(ctx, trig, r.by)
        if not wrong:
            continue
        r.by = [b for b in r.by if b not in wrong]
        if not r.by:
            actor = ctx.find_entity(implied.get(r.kind, ()) or implied.get("designation", ()))
            if actor is not None:
                r.by = [actor]
                r.implied_by = True
        r.targets = [t for t in r.targets if t not in r.by]
