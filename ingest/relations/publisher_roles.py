"""HOLDS_ROLE for officials of the publishing department introduced by a bare title in its own release
("said Deputy Secretary Justin G. Muzinich", "Assistant Secretary Jane Doe" in a Treasury release): the title
names no body, the release's own department is the body (ONTOLOGY relation conventions).

The publishing department is the cabinet department the document names first, in its opening sentences,
and most often ("Today, the U.S. Department of the Treasury's Office of Foreign Assets Control ...").
"""

from __future__ import annotations

from collections import Counter

from ingest.relations.context import Context, Relations

# Words of a bare departmental title, capitalised as releases write them; the last one is the post.
_TITLE_WORDS = {"Acting", "Deputy", "Under", "Assistant", "Secretary", "Director", "Counselor", "Treasurer",
                "General", "Counsel", "Senior", "Advisor", "Adviser", "Principal", "Chief", "Special"}
_POSTS = {"Secretary", "Director", "Counselor", "Treasurer", "Counsel", "Advisor", "Adviser"}
_OPENING_SENTENCES = 3


def publisher_roles(ctx: Context, out: Relations) -> None:
    home = _home_department(ctx)
    if home is None:
        return
    held = {r.source for r in out.items.values() if r.type == "HOLDS_ROLE"}
    toks = ctx.tokens
    for p in ctx.mentions:
        if ctx.type_of(p) != "Person" or p.entity_id in held:
            continue
        i = p.token_start - 1
        words: list[str] = []
        while i >= 0 and toks[i].text in _TITLE_WORDS and len(words) < 5:
            words.insert(0, toks[i].text)
            i -= 1
        if not words or words[-1] not in _POSTS or ctx.mention_at(i) is not None:
            continue
        if out.add("HOLDS_ROLE", p.entity_id, home, 0.6, p.token_start, title=" ".join(words)):
            held.add(p.entity_id)


def _home_department(ctx: Context) -> str | None:
    counts: Counter[str] = Counter()
    early: set[str] = set()
    for m in ctx.mentions:
        if not m.entity_id.startswith("us-dept-"):
            continue
        counts[m.entity_id] += 1
        if ctx.sent_of[m.token_start] < _OPENING_SENTENCES:
            early.add(m.entity_id)
    ranked = [eid for eid, n in counts.most_common() if n >= 2]
    if not ranked or ranked[0] not in early:
        return None
    return ranked[0]
