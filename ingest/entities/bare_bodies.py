"""Per-document consolidation of bare state bodies: "The South Korean Foreign Ministry announced ..." then "the
Foreign Ministry said" are one body, the one the document qualified with its country."""

from __future__ import annotations

from collections import defaultdict

from ingest.entities.candidates import Cand
from ingest.entities.person_words import DEMONYMS


def bare_body_moves(
    chosen: list[Cand], texts: dict[int, str], cand_group: dict, live: list
) -> list[tuple[Cand, object]]:
    """(candidate, group it joins) for every bare Authority mention whose name is, after a nationality adjective,
    the name of exactly one Authority of the document (two countries' foreign ministries leave it alone)."""
    qualified: dict[str, set[int]] = defaultdict(set)
    gid = {}
    for g in live:
        if g.type != "Authority":
            continue
        gid[id(g)] = g
        for x in g.cands:
            words = texts[id(x)].split()
            for k in (2, 1):  # "South Korean Foreign Ministry", "Japanese Foreign Ministry"
                if len(words) > k + 1 and " ".join(words[:k]).lower() in DEMONYMS:
                    qualified[" ".join(words[k:]).lower()].add(id(g))
                    break
    moves: list[tuple[Cand, object]] = []
    if not qualified:
        return moves
    for c in chosen:
        if c.key or c.is_title or c.type != "Authority" or "Ministry" not in texts[id(c)]:
            continue  # ministries only: a bare "General National Congress (GNC)" keeps its own node and short form
        hits = qualified.get(texts[id(c)].lower(), set()) - {id(cand_group[id(c)])}
        if len(hits) == 1:
            moves.append((c, gid[next(iter(hits))]))
    return moves
