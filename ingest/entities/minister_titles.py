"""Ministers' titles name their ministry (ONTOLOGY relation conventions: a title with a named holder brings in the
body it names, ministries included; "An official of Government X serving as Minister of Y" -> Ministry of Y).

  "Minister of Defense Yoav Gallant", "Iran's Minister of Intelligence Esmail Khatib",
  "Syria's Minister of Finance, Mamoun Hamdan", "Russian Foreign Minister Sergei Lavrov",
  "Belarusian Defence Minister Viktor Khrenin", "Deputy Foreign Minister X"

Each becomes a title candidate for "Ministry of <portfolio>" (the title is no alias; a holderless capitalised title is
dropped later by ingest/entities/holderless.py). Its id is country-qualified by ingest/entities/ministry_ids.py from
the demonym or possessive before it, or from "of <Country>" after the portfolio; a ministry the lexicon knows for that
country ("Chinese Foreign Minister" -> china-mfa) keeps the lexicon's id. Prime, chief and state ministers name no
portfolio and give nothing here.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ingest.entities.candidates import P_NER, P_PATTERN, POSSESSIVE, Cand
from ingest.entities.person_words import GIVEN_NAMES
from ingest.extensions import doc_tokens, span_text
from ingest.lexicon import Lexicon
from ingest.names import norm

# "<Portfolio> Minister": the portfolio word -> the ministry's usual name
_PORTFOLIOS = {
    "foreign": "Foreign Affairs", "defense": "Defense", "defence": "Defence", "finance": "Finance",
    "interior": "Interior", "justice": "Justice", "economy": "Economy", "trade": "Trade", "commerce": "Commerce",
    "energy": "Energy", "health": "Health", "education": "Education", "agriculture": "Agriculture",
    "industry": "Industry", "oil": "Oil", "petroleum": "Petroleum", "intelligence": "Intelligence",
    "transport": "Transport", "culture": "Culture", "labor": "Labor", "labour": "Labour", "information": "Information",
}
_RANKS = {"deputy", "first", "vice"}
# "Minister of State" (a UK rank; "Minister of State Security" is a ministry), "Minister of the Cabinet": no ministry
_NOT_PORTFOLIO = {"state", "cabinet"}
_NOT_BEFORE = {"prime", "chief"}
_MAX_PORTFOLIO = 8  # "Minister of Industry, Mine and Trade", "Minister of Housing, Construction and Urban Planning"


def minister_cands(doc: Doc, lex: Lexicon, lex_norms: dict[str, str]) -> list[Cand]:
    toks = doc_tokens(doc)
    n = len(toks)
    person_starts = {e.start for e in doc.ents if e.label_ == "PERSON"}
    out: list[Cand] = []
    for i, t in enumerate(toks):
        if t.lower_ != "minister" or (i > 0 and toks[i - 1].lower_ in _NOT_BEFORE):
            continue
        if i > 0 and toks[i - 1].lower_ in _PORTFOLIOS:
            start, end, portfolio = i - 1, i + 1, _PORTFOLIOS[toks[i - 1].lower_]
            country = None
            if not t.text[:1].isupper() and end not in person_starts:
                continue  # "the country's foreign minister said": no holder named, no body
        elif t.text[:1].isupper() and i + 2 < n and toks[i + 1].lower_ in {"of", "for"}:
            start, (end, portfolio, country) = i, _portfolio_after(toks, i + 2, person_starts, lex)
            if not portfolio:
                continue
        else:
            continue
        while start > 0 and toks[start - 1].lower_ in _RANKS and toks[start - 1].text[:1].isupper():
            start -= 1  # "First Deputy Foreign Minister": the rank is part of the title
        country = country or _country_before(doc, start, lex)
        name = f"Ministry of {portfolio}" + (f" of {lex.entries[country].name}" if country in lex.entries else "")
        key, fixed = f"N:{norm(name)}", name
        known = _known_ministry(lex, lex_norms, country, portfolio)
        if known is None and country is None and lex.entries.get(lex_norms.get(norm(name), "")) is not None:
            known = lex_norms[norm(name)]  # "Minister of State Security" and the text's "Ministry of State Security"
        if known is not None:
            key, fixed = known, lex.entries[known].name
        out.append(Cand(start, end, "Authority", P_PATTERN, "title", key=key, name=fixed, is_title=True))
        holder = _holder_after(toks, end, person_starts)
        if holder is not None:
            out.append(Cand(end, holder, "Person", P_NER + 1, "given"))
    return out


def _holder_after(toks: list, k: int, person_starts: set[int]) -> int | None:
    """ "Minister of Intelligence Esmail Khatib" with no PERSON from NER: the two to four capitalised words after
    the title, opening with a known given name, are its holder (end token), else None."""
    if k in person_starts or k >= len(toks) or toks[k].text not in GIVEN_NAMES:
        return None
    j = k + 1
    while j < len(toks) and j - k < 4 and toks[j].is_alpha and toks[j].text[:1].isupper():
        j += 1
    return j if j - k >= 2 else None


def _portfolio_after(toks: list, k: int, person_starts: set[int], lex: Lexicon) -> tuple[int, str, str | None]:
    """ "Minister of [the] Industry, Mine and Trade [of Iran] <Holder>": (end of the title, portfolio, country)."""
    n = len(toks)
    if k < n and toks[k].lower_ == "the":
        k += 1
    words: list[str] = []
    end = k
    while k < n and len(words) < _MAX_PORTFOLIO:
        w = toks[k]
        if k in person_starts or (words and w.text in GIVEN_NAMES):
            break
        if w.text[:1].isupper() and w.is_alpha:
            words.append(w.text)
            k += 1
            end = k
            continue
        if w.text == "," and words and k + 2 < n and toks[k + 1].lower_ == "and" and toks[k + 2].text[:1].isupper():
            words += [",", "and"]  # the serial comma: "Minister for Planning, Finance, and Industry"
            k += 2
            continue
        if w.lower_ in {"and", "&", ","} and words and k + 1 < n and toks[k + 1].text[:1].isupper():
            if w.lower_ == "," and not any(toks[j].lower_ == "and" for j in range(k + 1, min(n, k + 5))):
                break  # "Minister of Finance, Mamoun Hamdan": the comma ends the title
            words.append(w.text)
            k += 1
            continue
        break
    while words and words[-1] in {",", "and", "&"}:
        words.pop()
    if not words or (len(words) == 1 and words[0].lower() in _NOT_PORTFOLIO) or words[0] in {"Ministry", "Department"}:
        # "Union Minister of the Ministry of Industry": the ministry is named in full right there
        return end, "", None
    country = None
    if end + 1 < n and toks[end].lower_ == "of":
        at = end + 2 if toks[end + 1].lower_ == "the" else end + 1
        for m in (3, 2, 1):  # "Minister of Defense of Venezuela", "... of the Russian Federation"
            form = " ".join(x.text for x in toks[at:at + m]).lower()
            if form in lex.country_forms:
                country = lex.country_forms[form]
                break
    portfolio = " ".join(" ".join(words).replace(" ,", ",").split())
    return end, portfolio, country


def _country_before(doc: Doc, s: int, lex: Lexicon) -> str | None:
    """ "Russian Foreign Minister", "South Korean ...", "Iran's Minister of ...": the title's country."""
    toks = doc_tokens(doc)
    i = s - 1
    if i > 0 and f"{toks[i - 1].lower_} {toks[i].lower_}" in lex.demonyms:
        return lex.demonyms[f"{toks[i - 1].lower_} {toks[i].lower_}"]
    if i >= 0 and toks[i].lower_ in lex.demonyms and toks[i].text[:1].isupper():
        return lex.demonyms[toks[i].lower_]
    if i > 0 and toks[i].text in POSSESSIVE:
        for k in (3, 2, 1):
            if i - k >= 0:
                form = span_text(doc, i - k, i).lower()
                if form in lex.country_forms:
                    return lex.country_forms[form]
    return None


def _known_ministry(lex: Lexicon, lex_norms: dict[str, str], country: str | None, portfolio: str) -> str | None:
    """The lexicon's ministry of this country and portfolio, by the forms the lexicon lists for it."""
    if country is None or country not in lex.entries:
        return None
    cname = lex.entries[country].name
    demonyms = lex.entries[country].demonyms or ()
    forms = [f"{cname} Ministry of {portfolio}"] + [f"{d} Ministry of {portfolio}" for d in demonyms]
    short = next((k for k, v in _PORTFOLIOS.items() if v == portfolio), None)
    if short is not None:
        forms += [f"{d} {short} Ministry" for d in demonyms] + [f"{cname} {short} Ministry"]
    for f in forms:
        eid = lex_norms.get(norm(f))
        if eid is not None and lex.entries[eid].type == "Authority":
            return eid
    return None
