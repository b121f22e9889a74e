"""What a body can do is not a measure it took: the closing paragraphs of Treasury releases state the standing
consequences of a designation ("Exports, reexports, or transfers of items subject to U.S. export controls
involving persons included on the SDN List pursuant to E.O. 13224, as amended, may be subject to additional
restrictions administered by the Department of Commerce, Bureau of Industry and Security", "OFAC can prohibit
or impose strict conditions on opening or maintaining, in the United States, a correspondent account ..."),
and were read as targetless, undated measures of their own: an export control by the United States, a sanction
by BIS, a designation by OFAC, in nearly every recent release.

ONTOLOGY: no threats with no specific measure, no statements of principle; "may be exposed to designation" is
dropped. A measure with no target and no date whose every sentence is governed by "can / could / may / might"
is such a statement and is dropped; a measure that any sentence reports as taken, names a target or has a date
stays.
"""

from __future__ import annotations

from ingest.actions.assemble import Cluster
from ingest.actions.context import DocContext

MODALS = {"can", "could", "may", "might"}


def _modal_sentence(ctx: DocContext, start: int, end: int) -> bool:
    """The main verb of every sentence in the span carries a modal of possibility."""
    roots = [t for t in ctx.doc.char_span(start, end, alignment_mode="expand") or [] if t.dep_ == "ROOT"
             and not t.is_space and not t.is_punct]
    return bool(roots) and all(any(c.dep_ == "aux" and c.lower_ in MODALS for c in r.children) for r in roots)


def drop_capability_statements(ctx: DocContext, clusters: list[Cluster]) -> None:
    for c in list(clusters):
        if c.targets or c.date is not None or c.status != "enacted" or not c.evidence:
            continue
        if all(_modal_sentence(ctx, s, e) for s, e in c.evidence):
            clusters.remove(c)
