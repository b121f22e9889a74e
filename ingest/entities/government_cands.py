"""Candidates for governments named as actors: "the Chinese government", "the Trump administration", "the
so-called government of Crimea", "the Illinois state government".
"""

from __future__ import annotations

from spacy.tokens import Doc

from ingest.entities.candidates import P_LEXICON, P_PATTERN, Cand
from ingest.extensions import doc_tokens, span_text
from ingest.lexicon import Lexicon

_INDEFINITE = {"a", "an", "any", "another", "every", "each", "future", "next"}


def pattern_cands(doc: Doc, lex: Lexicon, person_surnames: set[str]) -> list[Cand]:
    """Governments as actors: "<demonym> government/regime", "the government of <country>",
    "the <Surname> administration" (not "a Biden administration": indefinite, hypothetical)."""
    toks = doc_tokens(doc)
    out: list[Cand] = []
    n = len(doc)
    for i, tok in enumerate(toks):
        low = tok.lower_
        # "the Ecuadorian authorities" as actor is the national government (ONTOLOGY); "Xinjiang authorities" (a
        # region, no demonym) stays generic
        if low in {"government", "regime", "authorities"} and i > 1 and (
            f"{toks[i - 2].lower_} {toks[i - 1].lower_}" in lex.demonyms
        ):
            # a two-word demonym ("the South Korean government"): "Korean" alone names no country
            cid = lex.demonyms[f"{toks[i - 2].lower_} {toks[i - 1].lower_}"]
            out.append(_government(lex, cid, i - 2, i + 1))
        elif low in {"government", "regime", "authorities"} and i > 0 and toks[i - 1].lower_ in lex.demonyms:
            cid = lex.demonyms[toks[i - 1].lower_]
            out.append(_government(lex, cid, i - 1, i + 1))
        elif low == "government" and i + 2 < n and toks[i + 1].lower_ == "of":
            j = i + 2 + (toks[i + 2].lower_ == "the")
            for k in (4, 3, 2, 1):
                if j + k <= n and span_text(doc, j, j + k).lower() in lex.country_forms:
                    out.append(_government(lex, lex.country_forms[span_text(doc, j, j + k).lower()], i, j + k))
                    break
            else:
                region = _region_at(doc, toks, j, lex)
                if region is not None:  # "the so-called government of Crimea", "the government of Chechnya"
                    out.append(_regional_government(region[1], i, region[0]))
        elif low == "government" and i > 1 and toks[i - 1].lower_ in _REGIONAL_LEVELS:
            # "the Illinois state government", "the Sindh provincial government": a sub-national government
            region = _region_before(doc, toks, i - 1, lex)
            if region is not None:
                out.append(_regional_government(region[1], region[0], i + 1))
        elif low == "administration" and i > 0:
            j = i - 1
            names = []
            while (
                j >= 0
                and (
                    toks[j].text in person_surnames
                    or toks[j].ent_type_ == "PERSON"
                    or toks[j].text == "-"
                    or (
                        j >= 2
                        and toks[j - 1].text == "-"
                        and toks[j - 2].text in person_surnames
                        and toks[j].text[:1].isupper()
                    )
                )
                and (toks[j].text[:1].isupper() or toks[j].text == "-")
            ):
                names.insert(0, toks[j].text)
                j -= 1
            if not names or names[0] == "-" or (j >= 0 and toks[j].lower_ in _INDEFINITE):
                continue
            label = "".join(names) if "-" in names else " ".join(names)
            out.append(Cand(j + 1, i + 1, "Authority", P_PATTERN, "pattern", name=f"{label} administration"))
    return out


_REGIONAL_LEVELS = {"state", "provincial", "regional", "municipal", "city", "local", "autonomous", "district"}
_PLACE_LABELS = {"GPE", "LOC"}


def _region_at(doc: Doc, toks: list, j: int, lex: Lexicon) -> tuple[int, str] | None:
    """A sub-national place starting at token j (a lexicon place, or a capitalised NER GPE/LOC that is no
    country): (end token, its name)."""
    n = len(toks)
    for k in (4, 3, 2, 1):
        if j + k <= n and span_text(doc, j, j + k).lower() in lex.place_forms:
            return j + k, lex.entries[lex.place_forms[span_text(doc, j, j + k).lower()]].name
    if j < n and toks[j].ent_type_ in _PLACE_LABELS and toks[j].text[:1].isupper():
        e = j + 1
        while e < n and toks[e].ent_iob_ == "I" and e - j < 4:
            e += 1
        name = span_text(doc, j, e)
        if name.lower() not in lex.country_forms:
            return e, name
    return None


def _region_before(doc: Doc, toks: list, e: int, lex: Lexicon) -> tuple[int, str] | None:
    """A sub-national place ending right before token e: (start token, its name)."""
    for k in (1, 2, 3):
        s = e - k
        if s < 0:
            break
        form = span_text(doc, s, e).lower()
        if form in lex.place_forms:
            return s, lex.entries[lex.place_forms[form]].name
        if form in lex.country_forms:
            return None
    s = e - 1
    if s >= 0 and toks[s].ent_type_ in _PLACE_LABELS and toks[s].text[:1].isupper():
        while s > 0 and toks[s].ent_iob_ == "I" and e - s < 4:
            s -= 1
        name = span_text(doc, s, e)
        if name.lower() not in lex.country_forms:
            return s, name
    return None


def _regional_government(place: str, s: int, e: int) -> Cand:
    """The government of a region, state, province or city: one Authority named "Government of X" whichever
    way it is written ("the government of Crimea", "the Crimean government" is the country pattern)."""
    # above a multi-word place's lexicon match ("the Government of the Kurdistan Region")
    return Cand(s, e, "Authority", P_LEXICON + 1, "pattern", name=f"Government of {place}")


def _government(lex: Lexicon, country_id: str, s: int, e: int) -> Cand:
    gid = lex.government_of.get(country_id)
    if gid:
        entry = lex.entries[gid]
        return Cand(s, e, "Authority", P_PATTERN, "pattern", key=gid, name=entry.name)
    country = lex.entries[country_id]
    return Cand(
        s, e, "Authority", P_PATTERN, "pattern", key=f"government-of-{country_id}", name=f"Government of {country.name}"
    )
