"""A measure of the EU's Council is the EU's measure, and the EU's measure told in a Council text is the Council's.

"The Council adopted today the 17th package ...", "the EU is also imposing restrictive measures on X", "EU agrees
17th package of sanctions": a Council release and the news report the same measures with either as subject,
sentence by sentence. ONTOLOGY puts in `by` whoever the text says acts plus the parent it credits with the same
measure; the Council acts for the Union (the EU is a `Country`, so no PART_OF carries this), so where a document
names both, each measure taken by one alone is taken by both. A measure with any other actor is left alone.
"""

from __future__ import annotations

from ingest.actions.assemble import Cluster
from ingest.actions.context import DocContext

BLOC = "european-union"
BLOC_COUNCIL = "eu-council"


def credit_bloc(ctx: DocContext, clusters: list[Cluster]) -> None:
    if ctx.etype_of(BLOC) != "Country" or ctx.etype_of(BLOC_COUNCIL) != "Authority":
        return  # the document does not name both
    pair = [BLOC_COUNCIL, BLOC]
    credited: list[Cluster] = []
    for c in clusters:
        if c.by and set(c.by) <= set(pair):
            c.by = list(pair)
            c.targets = [t for t in c.targets if t not in pair]
            credited.append(c)
    # "The Council adopted today the 17th package ..." and "This round of sanctions on Russia ...": one measure
    # told once with each actor, now the same actors, kind, status and day, is one action
    for c in credited:
        host = next((h for h in credited if h is not c and h in clusters and (h.kind, h.status, h.date) == (
            c.kind, c.status, c.date) and c.date and not (h.background or c.background) and not (
            h.distinct or c.distinct) and (not h.under or not c.under or set(h.under) & set(c.under))), None)
        if host is None or clusters.index(host) > clusters.index(c):
            continue
        for role in ("targets", "under"):
            getattr(host, role).extend(x for x in getattr(c, role) if x not in getattr(host, role))
        host.evidence.extend(e for e in c.evidence if e not in host.evidence)
        clusters.remove(c)
