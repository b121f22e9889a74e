"""'Japan on Friday added 22 entities to its export control list. Japanese authorities also froze the assets of
X.': a measure told with "also" right after a dated measure of the same state, and with no date of its own, was
taken on the same occasion, so it takes that date. Earlier measures restated in the sentence before (background
readings) give nothing: previous_unit_reading skips them.
"""

from __future__ import annotations

from ingest.actions.assemble import Reading
from ingest.actions.consolidate import sovereign
from ingest.actions.context import DocContext
from ingest.actions.discourse import previous_unit_reading


def date_also_sequels(ctx: DocContext, readings: list[Reading]) -> None:
    """Give each undated simple-past 'also' measure the date of the same state's measure told just before."""
    for r in readings:
        if r.date or r.date_expr or r.status not in ("enacted", "lifted") or not r.by or r.background:
            continue
        tok = ctx.tokens[r.token_i]
        verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
        if verb.tag_ != "VBD" or not any(c.dep_ == "advmod" and c.lower_ == "also" for c in verb.children):
            continue  # (a simple past: present and future tenses are dated by their own rules)
        prev = previous_unit_reading(ctx, [x for x in readings if x.date], r.token_i)
        if prev is None:
            continue
        mine = {sovereign(ctx, b) or b for b in r.by}
        if mine & {sovereign(ctx, b) or b for b in prev.by}:
            r.date = prev.date
