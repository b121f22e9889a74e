"""Earlier measures named in passing by a modifier of their target: 'U.S.-designated IRGC-QF official Mohammad
Hejazi', 'a subsidiary of U.S.-designated Khatam al-Anbia Construction Headquarters', 'previously designated FARC
financial associate Jose Cayetano Melo Perilla'. ONTOLOGY: earlier measures restated against named targets are
actions of their own (date null when none is given; a passive one takes the implied actor).

No trigger reads these: the participle is glued to its actor ('U.S.-designated' is one token) or is a bare
modifier of a name. One pass over the tokens, looking only at hyphenated or 'previously' participles.
"""

from __future__ import annotations

import re

from ingest.actions.assemble import Reading
from ingest.actions.context import DocContext
from ingest.actions.signed_orders import signed_order_readings

GLUED = re.compile(r"^(?P<actor>[\w.]+)-(?P<verb>designated|sanctioned|listed|blacklisted)$", re.I)
PARTICIPLES = {"designated", "sanctioned", "listed", "blacklisted"}
EARLIER = {"previously", "already", "formerly", "earlier"}
TARGET_TYPES = {"Person", "Company", "Organization", "Authority"}
# Actors a glued prefix names: the usual short forms, then any entity of the document with that name.
PREFIXES = {"u.s.": ("united states", "u.s.", "us"), "us": ("united states", "u.s.", "us"),
            "eu": ("european union", "eu"), "un": ("united nations", "un", "u.n."), "u.n.": ("united nations", "un"),
            "uk": ("united kingdom", "uk", "u.k."), "u.k.": ("united kingdom", "uk")}


def _target(ctx: DocContext, tok) -> str | None:
    """The named entity the participle modifies: its head noun's mention ('... official Mohammad Hejazi')."""
    head = tok.head
    for _ in range(4):  # "previously designated La Oficina underboss Fredy Alonso Mira Perez": the phrase's head
        if head.dep_ not in ("compound", "nmod") or head.head is head or head.head.pos_ not in ("NOUN", "PROPN"):
            break
        head = head.head
    for _ in range(3):
        m = ctx.mention(head.i)
        if m is not None and ctx.etype(m) in TARGET_TYPES:
            return m.entity_id
        # "another U.S.-designated Mahan Air front company, UAE-based Avia Trust": the name in apposition
        for app in (c for c in head.children if c.dep_ == "appos"):
            m = ctx.mention(app.i)
            if m is not None and ctx.etype(m) in TARGET_TYPES:
                return m.entity_id
        if head.dep_ != "compound" or head.head is head:
            break
        head = head.head
    return None


def restated_readings(ctx: DocContext, implied: dict[str, tuple[str, ...]]) -> list[Reading]:
    """`implied`: kind -> the names of the body that takes such a measure when no one is named (OFAC, Treasury
    for a designation), looked up in the document (ONTOLOGY: a passive past measure takes the implied actor)."""
    out: list[Reading] = []
    for tok in ctx.tokens:
        if "-" not in tok.text and tok.lower_ not in PARTICIPLES:
            continue
        glued = GLUED.match(tok.text)
        # the tagger may call the glued form anything that hangs on the noun ('punct' included)
        if tok.dep_ != "amod" and not (glued is not None and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i > tok.i):
            continue
        by: list[str] = []
        if glued is not None:
            prefix = glued["actor"].lower()
            actor = ctx.find_entity(PREFIXES.get(prefix, (prefix,)))
            if actor is None or ctx.etype_of(actor) not in ("Country", "Authority"):
                continue
            by = [actor]
            verb = glued["verb"].lower()
        elif tok.lower_ in PARTICIPLES and any(c.dep_ == "advmod" and c.lower_ in EARLIER for c in tok.children):
            verb = tok.lower_
        else:
            continue
        target = _target(ctx, tok)
        if target is None or target in by:
            continue
        # a foreign government's measure described only as "sanctioned" is a `sanction` (ONTOLOGY)
        foreign = by and ctx.etype_of(by[0]) == "Country" and by[0] != ctx.find_entity(PREFIXES["us"])
        kind = "sanction" if verb == "sanctioned" and foreign else "designation"
        implied_by = False
        if not by:
            actor = ctx.find_entity(tuple(implied.get(kind, ())))
            by, implied_by = ([actor], True) if actor is not None else ([], False)
        out.append(Reading(kind=kind, status="enacted", by=by, targets=[target], under=[], date=None,
                           evidence=ctx.unit_chars(tok), token_i=tok.i, orphan=not by, background=True,
                           implied_by=implied_by))
    # Orders a fact sheet or statement reports signed are measures told in passing too: read them here, where
    # every document's passing mentions are collected (not an order's own clauses, which orders.py reads).
    out += signed_order_readings(ctx)
    return out
