"""The official who speaks for the acting body is not among its designees: "'Today's action ... underscores our
collective commitment ...,' said Under Secretary of the Treasury for Terrorism and Financial Intelligence Brian E.
Nelson. ... These individuals are being designated pursuant to Executive Order (E.O.) 13224" gave Brian Nelson
as the target that "These individuals" points back to.

ONTOLOGY: "A named person the text does not say is targeted is not a target"; spokespeople and officials
speaking for the body are not even in `by`. A Person who holds a role in a body of the measure's actors (or a
body they are PART_OF) and who speaks in the document (the subject of "said", "announced" ...) is dropped from
the targets of that body's measures.
"""

from __future__ import annotations

from ingest.actions.assemble import Cluster
from ingest.actions.context import DocContext
from ingest.actions.voice import SPEECH_VERBS


def _speakers(ctx: DocContext) -> set[str]:
    out: set[str] = set()
    for m in ctx.doc._.pg_mentions or []:
        tok = ctx.tokens[m.token_end - 1]
        # up the noun phrase: "said Under Secretary of the Treasury for ... Brian E. Nelson" hangs the name
        # under its title, and the title is the subject
        for _ in range(6):
            if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in SPEECH_VERBS or (
                    # '..." said Under Secretary ... Nelson', parsed as a phrase after "said" ("Under" a preposition)
                    tok.head.lemma_.lower() == "say" and tok.i > tok.head.i and tok.dep_ in ("prep", "dobj", "attr")):
                out.add(m.entity_id)
                break
            if tok.head is tok or tok.pos_ in ("VERB", "AUX") or tok.dep_ not in (
                    "pobj", "prep", "compound", "appos", "flat", "nsubj", "npadvmod", "nmod"):
                break
            tok = tok.head
    return out


def drop_speaking_officials(ctx: DocContext, clusters: list[Cluster], part_of: dict[str, set[str]]) -> None:
    roles: dict[str, set[str]] = {}
    for r in ctx.doc._.pg_relations or []:
        if getattr(r, "type", None) == "HOLDS_ROLE":
            roles.setdefault(r.source, set()).add(r.target)
    if not roles:
        return
    speakers = {p for p in _speakers(ctx) if p in roles and ctx.etype_of(p) == "Person"}
    for c in clusters:
        if not speakers & set(c.targets):
            continue
        bodies = set(c.by)
        for b in c.by:
            bodies |= part_of.get(b, set())
        c.targets = [t for t in c.targets if not (t in speakers and roles[t] & bodies)]
