"""An order that sets designations in motion: "This order creates a process by which certain international cartels
... will be designated as Foreign Terrorist Organizations ...", "the Secretary of State or the Secretary of the
Treasury, as applicable, shall take all appropriate action ... with regard to the designation of ...".

The designation is not made by the order itself, so it is `proposed`, dated the day of the order (ONTOLOGY:
proposed actions take the date of the statement that proposes them), by the President who signs it with each
department the order charges with it (ONTOLOGY: a leader who directs the measure is in `by`; "in consultation
with" gives nothing), one action per department (different authorities make different actions). The targets are
those the order's title names and their named chapters (bodies the text makes PART_OF them).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ingest.actions.assemble import Reading
from ingest.actions.context import DocContext

PROCESS = re.compile(
    r"\b(?:will|shall|may|should)\s+be\s+(?:considered\s+for\s+)?designated\s+as\b|\bconsidered\s+for\s+designation\b"
    r"|\b(?:regarding|with\s+regard\s+to|with\s+respect\s+to)\s+the\s+designation\s+of\b", re.I)
CONSULT = re.compile(r"\bin\s+(?:consultation|coordination|concurrence)\s+with\b", re.I)
CONSULT_END = re.compile(r"\b(?:shall|will|is|are|to\s+(?!the\b)[a-z]+)\b|[;)]")
NOT_CHARGED = {"white-house"}


def designation_process_readings(ctx: DocContext, text: str, by: list[str], targets: list[str], under: list[str],
                                 published: str | None) -> list[Reading]:
    """One proposed designation per department the order charges with designating (or one by the signer alone
    when it names none)."""
    starts = [t.idx for t in ctx.doc]
    seen: set[str] = set()
    out: list[Reading] = []
    first: Reading | None = None
    for m in PROCESS.finditer(text):
        tok = ctx.tokens[max(0, bisect_right(starts, m.start()) - 1)]
        s, e = ctx.unit(tok)
        unit_laws = [x.entity_id for x in ctx.mentions_in(range(s, e)) if ctx.etype(x) == "Law"]
        laws = list(dict.fromkeys(under + unit_laws))
        reading = Reading(kind="designation", status="proposed", by=list(by), targets=list(targets), under=laws,
                          date=published, evidence=ctx.unit_chars(tok), token_i=tok.i, distinct=True)
        first = first or reading
        for dept in _charged(ctx, s, e):
            if dept in seen:
                continue
            seen.add(dept)
            out.append(Reading(kind="designation", status="proposed", by=[*by, dept], targets=list(targets),
                               under=laws, date=published, evidence=ctx.unit_chars(tok), token_i=tok.i,
                               distinct=True))
    if not out and first is not None:
        out.append(first)
    return out


def _charged(ctx: DocContext, s: int, e: int) -> list[str]:
    """The Authorities of the unit that are charged, not consulted ('the Secretary of State shall ..., in
    consultation with the Secretary of the Treasury, ...')."""
    out: list[str] = []
    text = ctx.doc.text
    lo, hi = ctx.tokens[s].idx, ctx.tokens[e - 1].idx + len(ctx.tokens[e - 1])
    # the consulted bodies: from "in consultation with" to the verb the charged body goes on with ("to make")
    consulted = [(c.end(), end.start() if (end := CONSULT_END.search(text, c.end(), hi)) else hi)
                 for c in CONSULT.finditer(text, lo, hi)]
    for m in ctx.mentions_in(range(s, e)):
        if ctx.etype(m) != "Authority" or m.entity_id in NOT_CHARGED or m.entity_id in out:
            continue
        if any(a <= m.start < b for a, b in consulted):
            continue
        out.append(m.entity_id)
    return out


def chapter_targets(ctx: DocContext, targets: list[str]) -> list[str]:
    """The named parts of the title's targets ('the Lebanese ... chapter' PART_OF the Muslim Brotherhood)."""
    parts = [r.source for r in ctx.doc._.pg_relations or [] if r.type == "PART_OF" and r.target in targets
             and ctx.etype_of(r.source) in ("Organization", "Company")]
    return [p for p in dict.fromkeys(parts) if p not in targets]
