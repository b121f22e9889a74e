"""PART_OF and BASED_IN for national chapters and branches (ingest/entities/chapters.py): "the Lebanese chapter of
the Muslim Brotherhood" is PART_OF the Muslim Brotherhood (the text states it) and BASED_IN Lebanon (the demonym
places it), when the document names both."""

from __future__ import annotations

from ingest.entities.chapters import SOURCE
from ingest.relations.context import Context, Relations

_PARENTS = ("Organization", "Authority")


def chapter_parts(ctx: Context, out: Relations) -> None:
    chapters = {m.entity_id: m for m in ctx.mentions if m.source == SOURCE}
    if not chapters:
        return
    names: dict[str, str] = {}
    for eid, rec in ctx.entities.items():
        if rec.type in _PARENTS:
            for a in (rec.name, *rec.aliases):
                names.setdefault(a.lower(), eid)
    for eid, m in chapters.items():
        rec = ctx.entities.get(eid)
        if rec is None or rec.type != "Organization":
            continue
        words = rec.name.split()
        for k in (2, 1):
            demonym, parent = " ".join(words[:k]).lower(), " ".join(words[k:]).lower()
            if demonym in ctx.lex.demonyms and parent:
                break
        else:
            continue
        pid = names.get(parent)
        if pid is not None and pid != eid:
            out.add("PART_OF", eid, pid, 0.75, m.token_start)
        country = ctx.lex.demonyms[demonym]
        if country in ctx.entities:
            out.add("BASED_IN", eid, country, 0.7, m.token_start)
