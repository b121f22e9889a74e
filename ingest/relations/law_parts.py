"""PART_OF between laws that the text states outside a section citation:

IEEPA (50 U.S.C. 1702)                         a code section in brackets after an act -> PART_OF the act
the ASPA (22 U.S.C. 7421 et seq.) ... 22 U.S.C. 7421(9)
                                               a subsection of the code section an act is codified at
E.O. 13694, as amended by E.O. 13757           the amending instrument -> PART_OF the amended one
E.O. 13818, which builds upon and implements the Global Magnitsky Act / E.O. N implementing the X Act
                                               the implementing instrument -> PART_OF the act
Decision (CFSP) 2024/1738 amending Decision 2014/145/CFSP; the X Regulations 2019, made under the Y Act 2018
                                               the amending / subordinate instrument -> PART_OF the other
"""

from __future__ import annotations

import re

from ingest.extensions import doc_text
from ingest.relations.context import Context, Relations

_CODE_ID = re.compile(r"^usc-(\d+)-(\d+[a-z]?)")
_CODE_ALIAS = re.compile(r"^(\d{1,2})[\s\u00a0]+U\.S\.C\.[\s\u00a0]*(?:§[\s\u00a0]*)?(\d+[a-z]?)$")
_OPEN = re.compile(r"^[\s\u00a0]*\([\s\u00a0]*$")
# between two law mentions: "<A>, as amended by <B>" -> B PART_OF A
_AMENDED_BY = re.compile(
    r"^[\s\u00a0]*\(?[^()]{0,40}?\)?,?[\s\u00a0]+as[\s\u00a0]+amended[\s\u00a0]+by[\s\u00a0]+(?:the[\s\u00a0]+)?$"
)
# "<B>, which builds upon and implements the <A>", "<B> implementing the <A>" -> B PART_OF A
_IMPLEMENTS = re.compile(
    r"^[\s\u00a0]*(?:\([^()]{0,20}\)[\s\u00a0]*)?[^.;()]{0,60}?(?:,[\s\u00a0]*which[\s\u00a0]+|[\s\u00a0]+)"
    r"(?:(?:builds|built)[\s\u00a0]+(?:up)?on[\s\u00a0]+and[\s\u00a0]+)?(?:implements|implementing|implemented)"
    r"[\s\u00a0]+(?:the[\s\u00a0]+)?$"
)

# "<B> amending <A>", "<B>, which amends the <A>", "<B>, made under the <A>" -> B PART_OF A (ONTOLOGY: an instrument
# the text says amends or implements another is PART_OF it; UK regulations are made under their Act)
_AMENDS = re.compile(
    r"^[\s\u00a0]*,?[\s\u00a0]*(?:which[\s\u00a0]+)?(?:amending|amends|made[\s\u00a0]+under|adopted[\s\u00a0]+under)"
    r"[\s\u00a0]+(?:the[\s\u00a0]+)?$"
)


def law_parts(ctx: Context, out: Relations) -> None:
    text = doc_text(ctx.doc)
    laws = [m for m in ctx.mentions if ctx.type_of(m) == "Law"]
    if not laws:
        return
    # acts codified at a code section: "(22 U.S.C. 7421 et seq.)" made "22 U.S.C. 7421" an alias of the act
    codified: dict[tuple[str, str], str] = {}
    for eid in {m.entity_id for m in laws}:
        rec = ctx.entities[eid]
        if rec.kind == "section":
            continue
        for a in rec.aliases:
            am = _CODE_ALIAS.match(a)
            if am:
                codified[(am.group(1), am.group(2))] = eid
    top = [m for m in laws if ctx.by_token[m.token_start] is m]  # outermost mentions, in text order
    for prev, m in zip(top, top[1:], strict=False):
        if ctx.sent_of[prev.token_start] != ctx.sent_of[m.token_start] or prev.entity_id == m.entity_id:
            continue
        between = text[prev.end : m.start]
        rec, prec = ctx.entities[m.entity_id], ctx.entities[prev.entity_id]
        if _CODE_ID.match(m.entity_id) and prec.kind != "section" and _OPEN.match(between):
            out.add("PART_OF", m.entity_id, prev.entity_id, 0.85, m.token_start)
        elif _AMENDED_BY.match(between):
            out.add("PART_OF", m.entity_id, prev.entity_id, 0.8, m.token_start)
        elif _AMENDS.match(between) and prec.kind != "section":
            out.add("PART_OF", prev.entity_id, m.entity_id, 0.8, prev.token_start)
        elif _IMPLEMENTS.match(between) and rec.kind != "section":
            out.add("PART_OF", prev.entity_id, m.entity_id, 0.8, m.token_start)
    if codified:
        for m in laws:
            cm = _CODE_ID.match(m.entity_id)
            act = codified.get((cm.group(1), cm.group(2))) if cm else None
            if act is not None and act != m.entity_id:
                out.add("PART_OF", m.entity_id, act, 0.75, m.token_start)
