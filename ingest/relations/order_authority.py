"""AUTHORIZES from an order's delegation clause (ONTOLOGY relation conventions): in a document that is an order
(its title a Law, ingest/entities/order_title.py), "The Secretary of the Treasury, in consultation with the
Secretary of State, is hereby authorized to ..." and "the Secretary of State or the Secretary of the Treasury, as
applicable, shall take all appropriate action" authorise the bodies the titles name; "in consultation with" gives
nothing. "I hereby delegate to the Secretary of State ..." names the grantee after the verb."""

from __future__ import annotations

import re

from ingest.entities.order_title import is_order_title
from ingest.extensions import doc_text
from ingest.relations.context import Context, Relations

_SUBJECT_FIRST = re.compile(
    r"\b(?:is|are)\s+hereby\s+(?:authorized|directed|empowered)\b|\bshall\s+take\s+all\s+appropriate\s+actions?\b"
)
_DELEGATE_TO = re.compile(r"\bI\s+hereby\s+delegate\s+to\b")
_CONSULT = re.compile(r"\bin\s+consultation\s+with\b[^,;]*")


def order_delegation(ctx: Context, out: Relations) -> None:
    order = next((r.id for r in ctx.entities.values() if is_order_title(r)), None)
    if order is None:
        return
    text = doc_text(ctx.doc)
    for si, sent in enumerate(ctx.sents):
        s_text = text[sent.start_char : sent.end_char]
        first, after = _SUBJECT_FIRST.search(s_text), _DELEGATE_TO.search(s_text)
        if first is None and after is None:
            continue
        consult = [(sent.start_char + m.start(), sent.start_char + m.end()) for m in _CONSULT.finditer(s_text)]
        if after is not None:
            lo, hi = sent.start_char + after.end(), sent.end_char
        else:
            lo, hi = sent.start_char, sent.start_char + first.start()
        for m in ctx.sent_mentions[si]:
            if not lo <= m.start < hi or ctx.type_of(m) != "Authority":
                continue
            if any(a <= m.start < b for a, b in consult):
                continue
            if after is not None and ctx.tokens[max(m.token_start - 1, 0)].lower_ not in ("the", "to", "and", ","):
                continue
            out.add("AUTHORIZES", order, m.entity_id, 0.7, m.token_start)
