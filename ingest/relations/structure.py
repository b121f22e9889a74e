"""PART_OF, ADMINISTERS and AUTHORIZES.

PART_OF    lexicon parents, when child and (nearest present) ancestor are named in one paragraph; text
           possessives "the Commerce Department's Bureau of Industry and Security"; a section
           citation -> the act it cites ("Section 7031(c) of the ... Act, 2019").
ADMINISTERS lexicon `administered_by` when the list/regulation is in the document (the administering
           body if present, else its nearest present ancestor: "the Commerce Department's list");
           text possessives "OFAC's SDN List".
AUTHORIZES a law named in a sentence that authorises/delegates/empowers a body ("authorizations for
           the State Department ... One of these is a visa ban authorized under Section 7031(c)").
"""

from __future__ import annotations

import re

from ingest.extensions import doc_text
from ingest.relations.context import POSSESSIVE, Context, Relations

_AUTHORIZE = re.compile(
    r"(?<!un)(?<!Un)\b(authori[sz](?:ation|ations|e|es|ed|ing)|delegat(?:e|es|ed|ing|ion)|empower(?:s|ed|ing)?|"
    r"authority (?:granted|vested|delegated|conferred))\b"
)
_NOT_AUTHORIZE = re.compile(r"\b(unless|un)\s*authori[sz]ed\b|\bauthori[sz]ed by (a |the )?(general|specific)\b", re.I)


def part_of(ctx: Context, out: Relations) -> None:
    present = {}
    for m in ctx.mentions:
        present.setdefault(m.entity_id, []).append(m)
    # lexicon parents, same paragraph
    for eid, ms in present.items():
        entry = ctx.lex.get(eid)
        if entry is None or not entry.parent:
            continue
        anc = entry.parent
        while anc and anc not in present:
            parent_entry = ctx.lex.get(anc)
            anc = parent_entry.parent if parent_entry else None
        if not anc:
            continue
        best = _same_paragraph(ctx, ms, present[anc])
        if best is not None:
            out.add("PART_OF", eid, anc, 0.85, best.token_start)
    # possessive: <Authority>'s <Authority|Organization>
    for i, tok in enumerate(ctx.tokens):
        if tok.text not in POSSESSIVE:
            continue
        owner, owned = ctx.mention_at(i - 1), ctx.mention_at(i + 1)
        if owner is None or owned is None or owner is owned:
            continue
        if ctx.type_of(owner) == "Authority" and ctx.type_of(owned) in ("Authority", "Organization"):
            out.add("PART_OF", owned.entity_id, owner.entity_id, 0.8, i)
    # a section and the act it cites
    for m in ctx.mentions:
        rec = ctx.entities.get(m.entity_id)
        if rec is None or rec.kind != "section":
            continue
        for n in ctx.sent_mentions[ctx.sent_of[m.token_start]]:
            if n is not m and n.start >= m.start and n.end <= m.end and ctx.type_of(n) == "Law":
                out.add("PART_OF", m.entity_id, n.entity_id, 0.95, m.token_start)


def _same_paragraph(ctx: Context, a, b):
    for x in a:
        px = ctx.paragraph(x.start)
        for y in b:
            if ctx.paragraph(y.start) == px:
                return x
    return None


def administers(ctx: Context, out: Relations) -> None:
    present = {m.entity_id for m in ctx.mentions}
    first = {}
    for m in ctx.mentions:
        first.setdefault(m.entity_id, m)
    for eid in first:  # in mention order (a set's order changes between runs)
        entry = ctx.lex.get(eid)
        if entry is None or not entry.administered_by:
            continue
        for body in entry.administered_by:
            b = body
            while b and b not in present:
                be = ctx.lex.get(b)
                b = be.parent if be else None
            if b:
                out.add("ADMINISTERS", b, eid, 0.8 if b == body else 0.6, first[eid].token_start)
    for i, tok in enumerate(ctx.tokens):
        if tok.text not in POSSESSIVE:
            continue
        owner, owned = ctx.mention_at(i - 1), ctx.mention_at(i + 1)
        if (
            owner is not None
            and owned is not None
            and ctx.type_of(owner) == "Authority"
            and ctx.type_of(owned) == "Law"
        ):
            out.add("ADMINISTERS", owner.entity_id, owned.entity_id, 0.75, i)


_BETWEEN = {
    "for",
    "to",
    "the",
    "upon",
    "on",
    "in",
    "of",
    "and",
    ",",
    "hereby",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
}


def _grantees(ctx: Context, sent, ms) -> list[str]:
    """Authorities that receive the authority: right after an authorising word, with only
    prepositions/determiners between ("authorizations for the State Department", "I hereby authorize
    the Secretary of the Treasury", "authority delegated to OFAC")."""
    out: list[str] = []
    for kw in _AUTHORIZE.finditer(doc_text(ctx.doc)[sent.start_char : sent.end_char]):
        span = ctx.doc.char_span(sent.start_char + kw.start(), sent.start_char + kw.end(), alignment_mode="expand")
        if span is None:
            continue
        i = span.end
        while i < sent.end and i - span.end < 6:
            m = ctx.mention_at(i)
            if m is not None:
                if ctx.type_of(m) == "Authority":
                    out.append(m.entity_id)
                    # "the Secretary of the Treasury, in consultation with the Secretary of State"
                    # names one grantee; coordinated ones ("X and Y") follow directly
                    j = m.token_end
                    if j + 1 < sent.end and ctx.tokens[j].lower_ == "and":
                        n = ctx.mention_at(j + 1) or ctx.mention_at(j + 2)
                        if n is not None and ctx.type_of(n) == "Authority":
                            out.append(n.entity_id)
                break
            t = ctx.tokens[i]
            if not (t.is_space or t.lower_ in _BETWEEN):
                break
            i += 1
    return out


def authorizes(ctx: Context, out: Relations) -> None:
    recent_bodies: list[tuple[int, list[str]]] = []  # (sentence index, authority ids) of authorising sentences
    full = doc_text(ctx.doc)
    for si, sent in enumerate(ctx.sents):
        text = full[sent.start_char : sent.end_char]  # sent.text would rebuild it token by token
        kw = _AUTHORIZE.search(text)
        if not kw or _NOT_AUTHORIZE.search(text):
            continue
        ms = ctx.sent_mentions[si]
        bodies = _grantees(ctx, sent, ms)
        laws = []
        for m in ms:
            rec = ctx.entities.get(m.entity_id)
            if rec is None or rec.type != "Law" or rec.kind == "list":
                continue
            # an act cited only inside its section's citation: the section is the authority
            if any(o is not m and o.start <= m.start and o.end >= m.end and o.entity_id != m.entity_id for o in ms):
                continue
            laws.append(m.entity_id)
        if bodies:
            recent_bodies.append((si, bodies))
        if not laws:
            continue
        if not bodies:
            bodies = next((b for sj, b in reversed(recent_bodies) if si - sj <= 2), [])
        for law in dict.fromkeys(laws):
            for body in dict.fromkeys(bodies):
                out.add("AUTHORIZES", law, body, 0.7, sent.start)
