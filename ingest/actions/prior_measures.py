"""Earlier measures restated with a pronoun for their targets: "They were designated by the U.S. Treasury
Department in August 2013 pursuant to Executive Order 13224", "It was designated by Treasury pursuant to E.O.
13224 in October 2007". ONTOLOGY: earlier measures restated against named targets are actions with their own
date, actor and basis; the pronoun stands for the persons (or bodies) just named, not for an organisation that
a later sentence only mentions ("The two individuals are leaders in the terrorist group Hizballah").

Runs on the merged measures: a restated designation read from one sentence that opens with "They"/"It" and a
passive participle takes as targets the entities the pronoun points back to.
"""

from __future__ import annotations

from ingest.actions.assemble import Cluster
from ingest.actions.context import DocContext

PARTICIPLES = {"designated", "listed", "identified", "sanctioned", "named", "added"}
AUX = {"was", "were", "had", "have", "has", "been", "also", "previously", "already", "originally", "first"}
PERSON = {"Person"}
BODIES = {"Company", "Organization", "Authority"}
LOOKBACK = 4  # sentences searched for the antecedent, within the paragraph


def _opening_pronoun(ctx: DocContext, start: int) -> str | None:
    """'they' or 'it' when the sentence at char offset `start` opens "They were designated ...", else None."""
    toks = ctx.tokens
    i = next((t.i for t in toks if t.idx >= start), None)
    if i is None:
        return None
    while i < len(toks) and toks[i].is_space:
        i += 1
    if i >= len(toks) or toks[i].lower_ not in ("they", "it"):
        return None
    j = i + 1
    while j < len(toks) and j < i + 6 and toks[j].lower_ in AUX:
        j += 1
    if j >= len(toks) or toks[j].lower_ not in PARTICIPLES or j == i + 1:
        return None
    return toks[i].lower_


def _previous_units(ctx: DocContext, start_char: int) -> list[tuple[int, int]]:
    """The sentences before the one at `start_char` in its paragraph, nearest first."""
    toks = ctx.tokens
    i = next((t.i for t in toks if t.idx >= start_char), len(toks))
    out: list[tuple[int, int]] = []
    k = i - 1
    while k >= 0 and len(out) < LOOKBACK:
        s = ctx.unit_start[k]
        span = "".join(t.text_with_ws for t in toks[s:k + 1])
        if not span.strip():
            k = s - 1
            continue
        out.append((s, k + 1))
        if "\n\n" in "".join(t.text_with_ws for t in toks[max(0, s - 2):s]):
            break  # the paragraph starts here
        k = s - 1
    return out


def _antecedents(ctx: DocContext, start_char: int, pronoun: str, exclude: set[str]) -> list[str]:
    """'they': the persons of the nearest sentence naming two or more of them (else two or more bodies);
    'it': the body that is the subject of the nearest sentence opening with one."""
    for s, e in _previous_units(ctx, start_char):
        found: dict[str, list[str]] = {"Person": [], "body": []}
        subject: str | None = None
        for m in ctx.mentions_in(range(s, e)):
            t = ctx.etype(m)
            if m.entity_id in exclude:
                continue
            key = "Person" if t in PERSON else "body" if t in BODIES else None
            if key and m.entity_id not in found[key]:
                found[key].append(m.entity_id)
            root = ctx.tokens[m.token_end - 1]
            if subject is None and t in BODIES and root.dep_ in ("nsubj", "nsubjpass"):
                subject = m.entity_id
        if pronoun == "they":
            if len(found["Person"]) >= 2:
                return found["Person"]
            if len(found["body"]) >= 2:
                return found["body"]
        elif subject is not None:
            return [subject]
    return []


def resolve_restated_pronouns(ctx: DocContext, clusters: list[Cluster], published: str | None) -> None:
    for c in clusters:
        if c.kind != "designation" or c.status != "enacted" or len(c.evidence) != 1:
            continue
        if published is not None and c.date == published:
            continue  # today's measure: its own readers resolved it
        start = c.evidence[0][0]
        pronoun = _opening_pronoun(ctx, start)
        if pronoun is None:
            continue
        names = _antecedents(ctx, start, pronoun, set(c.by))
        if names:
            c.targets = names
