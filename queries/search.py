"""Entity search: exact words first (catalog `search_entities`), then typo-tolerant candidates.

The full-text engines differ (RediSearch on FalkorDB, Lucene on Neo4j), so the index is only asked for
candidates (`search_fuzzy`, with each store's fuzzy syntax); which candidates match, and in which order,
is decided here by one rule on both stores: every query word must equal, prefix (the last word) or be
within a small edit distance of a word of the entity's names. So both stores give the same answer.
"""

from __future__ import annotations

from graph.batch import search_form
from graph.store import Store
from queries.catalog import MIN_PREFIX, STOP_WORDS

FUZZY_MIN_LEN = 4  # shorter words must match exactly: one edit on "bis" would match half the graph


def words(text: str) -> list[str]:
    return [w for w in search_form(text).split() if w not in STOP_WORDS]


def max_edits(word: str) -> int:
    return 0 if len(word) < FUZZY_MIN_LEN else 1 if len(word) < 8 else 2


def edit_distance(a: str, b: str, limit: int) -> int:
    """Edit distance with adjacent transpositions as one edit (optimal string alignment, as Lucene's
    fuzzy query counts them), stopping early once it exceeds `limit` (returns limit + 1 then)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] | None = None
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            d = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if before is not None and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                d = min(d, before[j - 2] + 1)
            cur.append(d)
        if min(cur) > limit:
            return limit + 1
        before, prev = prev, cur
    return prev[-1]


def fuzzy_expression(store: Store, query_words: list[str]) -> str:
    """The store's full-text syntax for 'each word, allowing typos; the last also as a prefix'."""
    parts = []
    for i, w in enumerate(query_words):
        n = max_edits(w)
        last = i == len(query_words) - 1 and len(w) >= MIN_PREFIX
        if store.name == "falkordb":  # RediSearch: %w% = 1 edit, %%w%% = 2; alternatives in (a|b)
            # RediSearch counts a swap of two letters as 2 edits, Lucene (and fuzzy_score) as 1. Asking
            # RediSearch for one edit more is slow on a big dictionary, so the swapped spellings are added
            # as exact words instead (cheap lookups): the candidates then cover fuzzy_score's rule.
            alts = [("%" * n) + w + ("%" * n)] if n else [w]
            if n:
                alts += transpositions(w)
            if last:
                alts.append(w + "*")
            parts.append(alts[0] if len(alts) == 1 else "(" + "|".join(alts) + ")")
        else:  # Lucene: w~n, w*; every word required
            alts = [f"{w}~{n}" if n else w]
            if last:
                alts.append(w + "*")
            parts.append("+" + (alts[0] if len(alts) == 1 else "(" + " OR ".join(alts) + ")"))
    return " ".join(parts)


def transpositions(word: str) -> list[str]:
    """`word` with two adjacent letters swapped, every way (distinct, not the word itself)."""
    out = []
    for i in range(len(word) - 1):
        if word[i] != word[i + 1]:
            v = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
            if v not in out:
                out.append(v)
    return out


def fuzzy_score(query_words: list[str], entity_terms: list[str]) -> int | None:
    """Total edits needed for every query word to meet a word of the entity's names; None = no match."""
    entity_words = {w for term in entity_terms for w in term.split()}
    total = 0
    for i, qw in enumerate(query_words):
        last = i == len(query_words) - 1
        if qw in entity_words or (last and len(qw) >= MIN_PREFIX and any(w.startswith(qw) for w in entity_words)):
            continue
        n = max_edits(qw)
        best = min((edit_distance(qw, w, n) for w in entity_words), default=n + 1)
        if last and n:  # a typo inside a prefix being typed: compare with word starts too
            best = min([best, *(edit_distance(qw, w[: len(qw)], n) for w in entity_words if len(w) > len(qw))])
        if best > n:
            return None
        total += best
    return total
