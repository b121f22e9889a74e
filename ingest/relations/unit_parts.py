"""PART_OF between bodies where the text states it (ONTOLOGY relation conventions):

  the FARC's 48th Front / the Commerce Department's BIS         possessive (owner an Authority or Organization)
  the Civil Division of the Justice Department                  "<unit> of <body>", the unit's head a unit word
  the 48th Front, which forms a part of the Southern bloc /
  X, a component of Y / X, subordinate to Y                     stated membership
"""

from __future__ import annotations

import re

from ingest.extensions import doc_text
from ingest.relations.context import POSSESSIVE, Context, Relations

_BODIES = ("Authority", "Organization")
# head words of a body's subdivision: "the Civil Division of the Justice Department", "the Southern bloc of the FARC"
_UNIT_HEADS = {
    "division", "section", "institute", "directorate", "department", "bureau", "office", "front", "bloc", "unit",
    "brigade", "command", "center", "centre", "branch", "wing", "chapter", "cabinet", "committee", "battalion",
    "regiment", "corps", "agency", "service", "administration", "secretariat", "council",
}
_W = r"[\s\u00a0]+"
_UNIT = r"(?:part|component|unit|subdivision|branch)"
# the unit is the subject of the membership: a relative clause or an apposition right after it, never a sentence's
# main clause ("Today's action, supported by the DEA, is part of Treasury's efforts")
_MEMBER_OF = re.compile(
    r"^[\s\u00a0]*(?:\([^()]{1,20}\)[\s\u00a0]*)?,[\s\u00a0]*(?:(?:which|that)" + _W + r"(?:forms|is|are|form)" + _W
    + r"(?:a" + _W + r")?" + _UNIT + r"|(?:a|an)" + _W + _UNIT + r"|(?:which|that)" + _W + r"(?:is|are)" + _W
    + r"subordinate|subordinate)" + _W + r"(?:of|to)" + _W + r"(?:the" + _W + r")?$"
)
_OF = re.compile(
    r"^[\s\u00a0]*(?:\([^()]{1,20}\)[\s\u00a0]*)?,?[\s\u00a0]*(?:which|that|who)?[\s\u00a0]*(?:forms|is|are|form)?"
    r"[\s\u00a0]*(?:a|an)?[\s\u00a0]*(?:part|component|unit|subdivision|subsidiary body|branch)[\s\u00a0]+of"
    r"[\s\u00a0]+(?:the[\s\u00a0]+)?$|^[\s\u00a0]*,?[\s\u00a0]*(?:which|that)?[\s\u00a0]*(?:is|are)?[\s\u00a0]*"
    r"subordinate[\s\u00a0]+to[\s\u00a0]+(?:the[\s\u00a0]+)?$"
)
_OF = re.compile(r"^[\s\u00a0]+of[\s\u00a0]+(?:the[\s\u00a0]+)?$")


def unit_parts(ctx: Context, out: Relations) -> None:
    text = doc_text(ctx.doc)
    for i, tok in enumerate(ctx.tokens):
        if tok.text not in POSSESSIVE:
            continue
        owner, owned = ctx.mention_at(i - 1), ctx.mention_at(i + 1)
        if owner is None or owned is None or owner.entity_id == owned.entity_id:
            continue
        if ctx.type_of(owner) == "Organization" and ctx.type_of(owned) in _BODIES:
            out.add("PART_OF", owned.entity_id, owner.entity_id, 0.75, i)
    top = [m for m in ctx.mentions if ctx.by_token[m.token_start] is m and ctx.type_of(m) in _BODIES]
    for a, b in zip(top, top[1:], strict=False):
        if a.entity_id == b.entity_id or ctx.sent_of[a.token_start] != ctx.sent_of[b.token_start]:
            continue
        between = text[a.end : b.start]
        if len(between) > 60:
            continue
        head = a.text.split()[-1].lower() if a.text.split() else ""
        if not ((_OF.match(between) and head in _UNIT_HEADS) or _MEMBER_OF.match(between)):
            continue
        after = ctx.skip_alias(b.token_end)
        if after < len(ctx.tokens) and ctx.tokens[after].text in POSSESSIVE:
            continue  # "which is part of the Russian Main Intelligence Directorate's (GRU) efforts": its efforts
        out.add("PART_OF", a.entity_id, b.entity_id, 0.75, a.token_start)
