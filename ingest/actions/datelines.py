"""A news dateline ('LONDON -', 'Ottawa, Canada \u2014', 'SYDNEY (Reuters) -') names where the story was filed: its
places are neither targets nor actors of the measure the sentence reports (ONTOLOGY: a dateline city is a `Place`
of the document, nothing more)."""

from __future__ import annotations

from spacy.tokens import Token

from ingest.actions.context import DocContext

DATELINE_DASHES = {"-", "\u2014", "\u2013", "--"}


def dateline_ids(ctx: DocContext, tok: Token) -> set[str]:
    """The places of the unit's dateline ('LONDON -', 'Ottawa, Canada \u2014', 'SYDNEY (Reuters) -') that the unit
    names nowhere else."""
    s, e = ctx.unit(tok)
    dash = next((k for k in range(s, min(e, s + 8)) if ctx.tokens[k].text in DATELINE_DASHES), None)
    if dash is None:
        return set()
    head = [m for m in ctx.mentions_in(range(s, dash))]
    if not head or any(ctx.etype(m) not in ("Place", "Country") for m in head):
        return set()
    ids = {m.entity_id for m in head}
    later = {m.entity_id for m in ctx.mentions_in(range(dash + 1, e))}
    return ids - later
