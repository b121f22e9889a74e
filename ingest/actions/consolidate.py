"""Per-document consolidation of the measures read: the PART_OF table that makes 'OFAC' and 'Treasury's OFAC'
one actor, the Person behind '<surname> administration', and export bans by the keeper of the Entity List
that are additions to it.
"""

from __future__ import annotations

import re
from collections import defaultdict

from spacy.tokens import Doc

from ingest.actions.context import DocContext
from ingest.extensions import doc_text
from ingest.lexicon import load_lexicon

LISTED_GROUP = re.compile(
    r"\b(?:to|on|against)\s+(?:\d+|[a-z]+(?:-[a-z]+)?)\s+(?:[\w.-]+\s+){0,3}(?:companies|entities|firms|organizations|"
    r"bureaus|institutes|universities|individuals|persons|parties|subsidiaries|affiliates)\b", re.I)


def listings_from_export_bans(ctx: DocContext, clusters: list) -> None:
    """'the Commerce Department's export restrictions ... to ban the sale of U.S. products to 20 Chinese police
    bureaus ... and eight Chinese companies' in a text that calls the measure 'the Commerce Department's
    list': export restrictions on a number of organisations by the body that keeps the Entity List (an
    ADMINISTERS relation of this document) are additions to that list."""
    lists: dict[str, str] = {}
    for r in ctx.doc._.pg_relations or []:
        if getattr(r, "type", None) == "ADMINISTERS" and any("entity list" in n for n in ctx.names(r.target)):
            lists[r.source] = r.target
    if not lists:
        return
    text = doc_text(ctx.doc)
    for c in clusters:
        if c.kind != "export_control" or c.status != "enacted":
            continue
        owner = next((b for b in c.by if b in lists), None)
        if owner is None or not any(LISTED_GROUP.search(text[s:e]) for s, e in c.evidence):
            continue
        c.kind = "entity_listing"
        if lists[owner] not in c.under:
            c.under.append(lists[owner])


def same_actors(ctx: DocContext, part_of: dict[str, set[str]]) -> dict[str, set[str]]:
    """For merging only: 'Trump banned imports of cotton' and 'the Trump administration announced ...
    restrictions on imports' name one actor. A Person counts as part of the '<surname> administration'."""
    admins = {}
    for rec in ctx.entities.values():
        if rec.type == "Authority":
            for n in [rec.name, *rec.aliases]:
                m = re.match(r"^(?:the\s+)?([A-Z][\w-]+)\s+administration$", n.strip(), re.I)
                if m:
                    admins[m.group(1).lower()] = rec.id
    if not admins:
        return part_of
    out = {k: set(v) for k, v in part_of.items()}
    for rec in ctx.entities.values():
        if rec.type != "Person":
            continue
        surname = rec.name.split()[-1].lower() if rec.name.split() else ""
        if surname in admins:
            out.setdefault(rec.id, set()).add(admins[surname])
    return out


def part_of_table(doc: Doc) -> dict[str, set[str]]:
    """PART_OF as the document states it, plus the lexicon's parents of the bodies it names: 'the U.S.
    Department of the Treasury imposed sanctions' in the lead and 'OFAC' in a later paragraph are one actor
    even when no sentence ties them (for merging and for the action id, not a relation of the document)."""
    out: dict[str, set[str]] = defaultdict(set)
    for r in doc._.pg_relations or []:
        if getattr(r, "type", None) == "PART_OF":
            out[r.source].add(r.target)
    lex = load_lexicon()
    for eid in doc._.pg_entities or {}:
        for _ in range(6):
            entry = lex.get(eid)
            if entry is None or not entry.parent or entry.parent in out[eid]:
                break
            out[eid].add(entry.parent)
            eid = entry.parent
    return out
