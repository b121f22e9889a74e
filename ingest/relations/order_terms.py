"""Relations stated by a presidential order's own boilerplate.

  signature   "By the authority vested in me as President by the Constitution and the laws of the United States
              of America ... DONALD J. TRUMP": the signer holds the office of President of the United States
  definitions "the term "Government of Burma" means the Government of Burma, any political subdivision, agency,
              or instrumentality thereof, including the Central Bank of Myanmar, ...": the bodies the definition
              includes are PART_OF the government it defines
"""

from __future__ import annotations

from ingest.extensions import doc_text
from ingest.relations.context import Context, Relations

_VESTED = "vested in me as President"


def order_terms(ctx: Context, out: Relations) -> None:
    _signer(ctx, out)
    _definitions(ctx, out)


def _signer(ctx: Context, out: Relations) -> None:
    text = doc_text(ctx.doc)
    at = text.find(_VESTED)
    if at < 0 or "united-states" not in ctx.entities:
        return
    # the signature: the last person of the order, written in capitals on its own line
    signer = next((m for m in reversed(ctx.mentions) if ctx.type_of(m) == "Person" and m.start > at), None)
    if signer is None or not any(c.isalpha() for c in signer.text) or signer.text.upper() != signer.text:
        return
    out.add("HOLDS_ROLE", signer.entity_id, "united-states", 0.8, signer.token_start, title="President")


def _definitions(ctx: Context, out: Relations) -> None:
    toks = ctx.tokens
    n = len(toks)
    for i, t in enumerate(toks):
        if t.lower_ != "means" or not any(toks[k].lower_ == "term" for k in range(max(0, i - 12), i)):
            continue
        j = i + 1
        while j < n and (toks[j].is_space or toks[j].lower_ == "the"):
            j += 1
        gov = ctx.mention_at(j)
        if gov is None or ctx.type_of(gov) != "Authority":
            continue
        including = False
        for k in range(gov.token_end, min(n, gov.token_end + 60)):
            if toks[k].text in {";", "."}:
                break
            if toks[k].lower_ == "including":
                including = True
                continue
            if including and toks[k].lower_ == "and" and k + 1 < n and toks[k + 1].lower_ == "any":
                break  # "..., and any person owned or controlled by ..."
            m = ctx.mention_at(k)
            if including and m is not None and m.token_start == k and m.entity_id != gov.entity_id:
                out.add("PART_OF", m.entity_id, gov.entity_id, 0.8, k)
