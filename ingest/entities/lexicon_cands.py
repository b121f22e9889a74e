"""Candidates from the lexicon (known countries, places, bodies, firms, persons, laws) and from legal citations
(ingest/laws.py).
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from ingest.entities.candidates import P_CITATION, P_LEXICON, P_LEXICON_1, POSSESSIVE, Cand, span_tokens
from ingest.extensions import doc_text, doc_tokens, span_text
from ingest.laws import find_citations
from ingest.lexicon import FormHit, Lexicon, TokenTrie
from ingest.names import norm, slug

_MODIFIER_HEADS = {"military", "army", "navy"}


def lexicon_cands(doc: Doc, lex: Lexicon, trie: TokenTrie) -> list[Cand]:
    toks = doc_tokens(doc)
    out: list[Cand] = []
    found = list(trie.find(doc))
    # a country's body named once with its country ("China's Ministry of Commerce") and then bare ("the Ministry of
    # Commerce took ..."): the bare form is the same body (per-document consolidation)
    placed = {
        h.entry_id for s, _e, hits in found for h in hits
        if h.context is not None and _country_before(doc, s, lex) == h.context
    }
    # the countries the document names: a bare context form ("the Ministry of Commerce") with no country before
    # it is the body of the one named country that has it ("Beijing said ..." does not count: a Place)
    named = {
        h.entry_id for _s, _e, hits in found for h in hits
        if h.context is None and not h.is_title and lex.entries[h.entry_id].type == "Country"
    }
    # a bare form the document also qualifies with a country the lexicon lacks ("the South Korean Foreign Ministry"
    # ... "the Foreign Ministry said"): that country's body, not the one named country's that the lexicon has
    foreign = {
        span_text(doc, s, e).lower() for s, e, hits in found
        if (c := _country_before(doc, s, lex)) is not None and any(h.context for h in hits)
        and all(h.context != c for h in hits if h.context)
    }
    for s, e, hits in found:
        plain = [h for h in hits if not h.is_title and h.context is None]
        ctx = [h for h in hits if h.context is not None and h.entry_id in placed
               and _country_before(doc, s, lex) in (h.context, None)]
        if (not plain and not ctx and _country_before(doc, s, lex) is None
                and span_text(doc, s, e).lower() not in foreign):
            local = [h for h in hits if h.context is not None and h.context in named]
            if len({h.context for h in local}) == 1:
                ctx = local[:1]
        titles = [h for h in hits if h.is_title]
        chosen: FormHit | None = (plain or ctx or [None])[0]
        if chosen is not None and toks[e - 1].lower_ in _MODIFIER_HEADS and e < len(doc) and (
            toks[e].pos_ == "NOUN" or (toks[e].text == "-" and e + 1 < len(doc) and toks[e + 1].text[:1].islower())
        ):
            continue  # "Chinese military uses", "the Chinese military-industrial complex": only a modifier
        if (chosen is not None and lex.entries[chosen.entry_id].type == "Authority"
                and lex.is_us(chosen.entry_id) and (_inside_foreign_name(toks, s, lex) or _in_ministry(toks, s))):
            # "Ukrainian Canadian Congress", "World Uyghur Congress", "Peruvian Congress", "Khorezm Regional Justice
            # Department": not the U.S. body
            continue
        if chosen is not None:
            entry = lex.entries[chosen.entry_id]
            prio = P_LEXICON if e - s > 1 else P_LEXICON_1
            district = _district_after(toks, e) if entry.by_district else None
            if district is not None:
                d_end, d_name = district
                out.append(Cand(s, d_end, entry.type, P_LEXICON, "lexicon", key=f"{entry.id}-{slug(d_name)}",
                                name=f"{entry.name} for the {d_name}", kind=entry.kind))
                continue
            if entry.type == "Person":
                e = _generational_suffix(toks, e)
            out.append(Cand(s, e, entry.type, prio, "lexicon", key=entry.id, name=entry.name, kind=entry.kind))
        elif titles:
            entry = lex.entries[titles[0].entry_id]
            if e - s == 1 and not _person_follows(doc, e):
                continue  # "Senator" / "Rep." only name the chamber next to a person
            if lex.is_us(entry.id) and _foreign_country(doc, s, e, lex):
                continue  # "Ukraine's Attorney General", "the Attorney General of Mexico": not a U.S. office
            out.append(Cand(s, e, entry.type, P_LEXICON, "title", key=entry.id, name=entry.name, is_title=True))
    return out


_SUFFIXES = {"jr", "jr.", "sr", "sr."}


def _generational_suffix(toks: list, e: int) -> int:
    """ "JOSEPH R. BIDEN JR.": the suffix is part of the surface form (the tokenizer splits "JR" from its dot, so
    the lexicon's "Joseph R. Biden Jr." does not match it)."""
    if e < len(toks) and toks[e].lower_ in _SUFFIXES and toks[e - 1].whitespace_:
        e += 1
        if e < len(toks) and toks[e].text == "." and not toks[e - 1].whitespace_:
            e += 1
    return e


_US_MARKERS = {"u.s.", "us", "u.s", "united", "states", "american", "america", "usa", "u.s.a."}


def _inside_foreign_name(toks: list, s: int, lex: Lexicon) -> bool:
    """A U.S. body form ("Congress", "Treasury", "Justice Department") that ends a longer name: a non-American
    demonym right before it ("Peruvian Congress"), or a statistical NER name that starts earlier with no U.S.
    marker in it ("Ukrainian Canadian Congress", "Iran Chamber of Commerce")."""
    if s == 0:
        return False
    prev = toks[s - 1].lower_
    if prev in lex.demonyms and lex.demonyms[prev] != "united-states" and toks[s - 1].text[:1].isupper():
        return True
    if toks[s].ent_iob_ != "I" or not toks[s - 1].text[:1].isupper() or toks[s - 1].lower_ in ("the", "a", "an"):
        return False  # "the Justice Department": NER's name only starts with the article
    b = s - 1
    while b > 0 and toks[b].ent_iob_ == "I":
        b -= 1
    return not any(toks[k].lower_ in _US_MARKERS for k in range(b, s))


def _in_ministry(toks: list, s: int) -> bool:
    """ "Ministry of Commerce", "Ministry of Justice": a U.S. body form after "Ministry of" names a portfolio of
    a ministry, and a ministry is never a U.S. department."""
    return s >= 2 and toks[s - 1].lower_ == "of" and toks[s - 2].lower_ in ("ministry", "ministries")


def _foreign_country(doc: Doc, s: int, e: int, lex: Lexicon) -> bool:
    """A country other than the United States named right before ("Mexico's", "Ukrainian") or right after
    ("of Mexico") a title."""
    before = _country_before(doc, s, lex)
    if before is not None and before != "united-states":
        return True
    toks = doc_tokens(doc)
    n = len(toks)
    if e + 1 < n and toks[e].lower_ == "of":
        j = e + 1 + (toks[e + 1].lower_ == "the")
        for k in (4, 3, 2, 1):
            if j + k <= n:
                cid = lex.country_forms.get(span_text(doc, j, j + k).lower())
                if cid is not None:
                    return cid != "united-states"
    return False


_DISTRICT_WORDS = {"northern", "southern", "eastern", "western", "central", "middle"}


def _district_after(toks: list, e: int) -> tuple[int, str] | None:
    """ "for the (Central) District of California" / "for the District of Columbia" / "for the Sixth Circuit" after
    an office or court that exists per judicial district or circuit: (end token, "Central District of California")."""
    n = len(toks)
    if e + 3 >= n or toks[e].lower_ != "for" or toks[e + 1].lower_ != "the":
        return None
    k = e + 2
    # an appeals court's circuit: "for the Sixth Circuit", "for the D.C. Circuit", "for the Federal Circuit"
    if k + 1 < n and toks[k + 1].text == "Circuit" and toks[k].text[:1].isupper():
        return k + 2, f"{toks[k].text} Circuit"
    if toks[k].lower_ in _DISTRICT_WORDS and toks[k].text[:1].isupper():
        k += 1
    if k + 2 >= n or toks[k].text != "District" or toks[k + 1].lower_ != "of":
        return None
    k += 2
    start = k
    while k < n and k - start < 3 and toks[k].text[:1].isupper() and toks[k].is_alpha:
        k += 1
    if k == start:
        return None
    name = " ".join(t.text for t in toks[e + 2 : k])
    return k, name


def _country_before(doc: Doc, s: int, lex: Lexicon) -> str | None:
    """The country named by a demonym or possessive right before token s ("Chinese", "China's")."""
    toks = doc_tokens(doc)
    i = s - 1
    while i >= 0 and toks[i].is_space:
        i -= 1
    if i < 0:
        return None
    if i > 0 and f"{toks[i - 1].lower_} {toks[i].lower_}" in lex.demonyms:
        return lex.demonyms[f"{toks[i - 1].lower_} {toks[i].lower_}"]  # "South Korean", "North Korean"
    if toks[i].lower_ in lex.demonyms:
        return lex.demonyms[toks[i].lower_]
    if toks[i].text in POSSESSIVE and i > 0:
        j = i - 1
        for n in (3, 2, 1):  # "People's Republic of China's" .. "China's"
            if j - n + 1 >= 0:
                form = span_text(doc, j - n + 1, j + 1).lower()
                if form in lex.country_forms:
                    return lex.country_forms[form]
    return None


def _person_follows(doc: Doc, e: int) -> bool:
    toks = doc_tokens(doc)
    return e < len(doc) and toks[e].ent_type_ == "PERSON"


def citation_cands(doc: Doc, lex_law_norms: dict[str, str], lex: Lexicon, text: str | None = None) -> list[Cand]:
    text = doc_text(doc) if text is None else text
    out: list[Cand] = []
    for c in find_citations(text):
        if c.parent is not None:
            # the act a section belongs to may be a lexicon law ("section 212(f) of the Immigration and
            # Nationality Act of 1952" -> ina)
            yearly_parent = c.parent.short is not None and any(w in c.parent.short for w in _YEARLY_ACTS)
            pid = lex_law_norms.get(norm(c.parent.name)) or (
                c.parent.short and not yearly_parent and lex_law_norms.get(norm(c.parent.short))
            )
            if pid:
                entry = lex.entries[pid]
                c = replace(c, parent=replace(c.parent, id=entry.id, name=entry.name, kind=entry.kind or c.parent.kind))
        span = span_tokens(doc, c.start, c.end)
        if span is None:
            continue
        # a yearly act ("National Defense Authorization Act for Fiscal Year 2013") is not the lexicon's generic one
        yearly = c.short is not None and any(w in c.short for w in _YEARLY_ACTS)
        entry_id = lex_law_norms.get(norm(c.name)) or (
            lex_law_norms.get(norm(c.short)) if c.short and c.kind != "section" and not yearly else None
        )
        if entry_id:
            entry = lex.entries[entry_id]
            out.append(
                Cand(*span, "Law", P_CITATION, "citation", key=entry.id, name=entry.name, kind=entry.kind, citation=c)
            )
        else:
            out.append(Cand(*span, "Law", P_CITATION, "citation", key=c.id, name=c.name, kind=c.kind, citation=c))
    # a section cited in full once and later by its number alone ("Section 7031(c)") is the same node;
    # only when the number is unambiguous in the document
    shorts: dict[str, list[Cand]] = {}
    for cand in out:
        if cand.citation is not None and cand.citation.short and cand.kind == "section":
            shorts.setdefault(cand.citation.short.lower(), []).append(cand)
    if shorts:
        taken = [(c.start, c.end) for c in out]
        for m in _SHORT_SECTION.finditer(text):
            full = shorts.get(re.sub(r"\s+", " ", m.group(0)).lower())
            if not full or len({c.key for c in full}) != 1:
                continue
            span = span_tokens(doc, m.start(), m.end())
            if span is None or any(a < span[1] and span[0] < b for a, b in taken):
                continue
            f = full[0]
            out.append(Cand(*span, "Law", P_CITATION, "citation", key=f.key, name=f.name, kind=f.kind))
    return out


_YEARLY_ACTS = ("Appropriations", "Authorization")
_SHORT_SECTION = re.compile(r"\b[Ss]ection\s+\d{1,5}[A-Za-z]?(?:\([a-zA-Z0-9]{1,5}\))*")
