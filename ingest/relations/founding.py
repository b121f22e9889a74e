"""AUTHORIZES from a founding instrument: a body the text says a law established or created.

  "OIA was established by the Intelligence Authorization Act for FY 2004."           passive, body the subject
  "the Presidential Task Force on Wildlife Trafficking, established by E.O. 13648"   participle on the body
  "the Committee ... as recently established by the Hong Kong National Security Law" the same through "as"
A law that creates a body empowers it (ONTOLOGY: AUTHORIZES where the law authorises or empowers the body); the
relation's signature (Law -> Authority) leaves programmes and accounts "established by" an order out.
"""

from __future__ import annotations

from ingest.relations.context import Context, Relations

_FOUNDING = {"established", "created", "constituted", "founded", "set"}


def founding_laws(ctx: Context, out: Relations) -> None:
    for m in ctx.mentions:
        if ctx.type_of(m) != "Law":
            continue
        # the law is the object of "by" in a passive agent phrase
        head = ctx.tokens[m.token_end - 1]
        while head.head.i != head.i and m.token_start <= head.head.i < m.token_end:
            head = head.head
        prep = head.head
        if head.dep_ != "pobj" or prep.lower_ != "by" or prep.dep_ != "agent":
            continue
        verb = prep.head
        if verb.lower_ not in _FOUNDING:
            continue
        body = _founded_body(ctx, verb)
        if body is not None:
            out.add("AUTHORIZES", m.entity_id, body, 0.7, m.token_start)


def _founded_body(ctx: Context, verb) -> str | None:
    """The body the founding verb is said of: its passive subject, else the noun the participle modifies."""
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subj is None and verb.dep_ in ("acl", "relcl", "advcl"):
        subj = verb.head
    if subj is None:
        return None
    for t in (subj, *subj.subtree):
        pm = ctx.mention_at(t.i)
        if pm is not None and ctx.type_of(pm) == "Authority" and pm.token_start <= subj.i < pm.token_end:
            return pm.entity_id
    return None
