"""Named criminal and financial groups that Treasury names after a person or a place: "the Zheng DTO", "the
Gonzalez Penuelas DTO", "the Jefferson Ostaiza Amay drug trafficking organization", "the Rawi Network".

NER tags the name part alone (often a PERSON), so the group is lost and a person or a firm appears in its place.
ONTOLOGY: a named armed or criminal group is an `Organization`, and a name inside another entity's name gives no
entity, so the whole phrase is one Organization candidate. Only after "the": "a drug trafficking organization
based in X" names nothing, and a heading's "Treasury Targets Financial Network" is no name.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ingest.entities.candidates import NAME_WORDS, P_PATTERN, Cand
from ingest.extensions import doc_tokens, span_text
from ingest.lexicon import Lexicon
from ingest.names import norm

# the group words that close such a name, as lower-case token tuples (longest first at each end word)
_HEADS: tuple[tuple[str, ...], ...] = (
    ("transnational", "criminal", "organization"),
    ("drug", "trafficking", "organization"),
    ("money", "laundering", "organization"),
    ("drug", "trafficking", "network"),
    ("money", "laundering", "network"),
    ("criminal", "organization"),
    ("trafficking", "organization"),
    ("dto",),
    ("tco",),
    ("network",),
    ("cartel",),
    ("syndicate",),
    ("clan",),
)
_LAST = {h[-1] for h in _HEADS}
# capitalised words that open a sentence or a heading, not a group's name
_NOT_NAME = {"treasury", "ofac", "u.s.", "us", "the", "this", "that", "its", "their", "today", "sanctions", "targets",
             "designates", "financial", "international", "global", "new"}


def group_cands(doc: Doc, covered: list[Cand | None], lex: Lexicon, lex_norms: dict[str, str]) -> list[Cand]:
    """lex_norms: normalised lexicon names; a group word after one ("the Al Qaida network") names that body."""
    toks = doc_tokens(doc)
    out: list[Cand] = []
    for i, t in enumerate(toks):
        low = t.lower_
        if low not in _LAST or covered[i] is not None:
            continue
        for head in _HEADS:
            k = i - len(head) + 1
            if k < 1 or tuple(x.lower_ for x in toks[k : i + 1]) != head:
                continue
            s = _name_start(toks, k, covered)
            if s is None or toks[s - 1].lower_ != "the":
                break
            words = [x.lower_ for x in toks[s:k]]
            if " ".join(words) in lex.demonyms or any(w in lex.demonyms for w in words):
                break  # "the Iranian procurement network", "the Mexican cartel": no name
            if norm(span_text(doc, s, k)) in lex_norms:
                break  # a known body under a form the trie missed: "the Al Qaida network" is al-Qaida's
            out.append(Cand(s, i + 1, "Organization", P_PATTERN, "group"))
            break
    return out


def _name_start(toks: list, k: int, covered: list[Cand | None]) -> int | None:
    """Start of the capitalised name right before toks[k] (up to five words, particles inside), or None when
    there is none or when it holds a non-person entity ("the Hizballah network" names Hizballah)."""
    s = k
    while s > 0 and k - s < 5:
        p = toks[s - 1]
        inner = covered[s - 1]
        if inner is not None and inner.type != "Person":
            return None
        if p.text[:1].isupper() and (p.is_alpha or "-" in p.text) and p.lower_ not in _NOT_NAME:
            s -= 1
        elif p.lower_ in NAME_WORDS - {"and", "&", "of"} and s < k and s - 1 > 0 and toks[s - 2].text[:1].isupper():
            s -= 1  # "the Los Cuinis", "the Beltran de la Cruz"
        else:
            break
    if s == k or not toks[s].text[:1].isupper():
        return None
    return s
