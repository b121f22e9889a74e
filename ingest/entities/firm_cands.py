"""Candidates for firms that NER misses or cuts: bold names, names ending in a legal suffix ("Co., Ltd.",
"S.A. de C.V."), their bare repeats, names a descriptor introduces ("chipmaker X"), and firms in apposition.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ingest.entities.candidates import (
    DETERMINERS,
    NAME_WORDS,
    P_BOLD,
    P_NER,
    P_SUFFIX,
    Cand,
    cap_run,
    span_tokens,
    strip_hyphen_adjectives,
)
from ingest.entities.classify import head_word, org_type
from ingest.entities.forms import is_legal_form
from ingest.entities.head_words import AUTHORITY_HEADS, LEGAL_SUFFIXES, ORGANIZATION_HEADS
from ingest.entities.person_words import TITLE_WORDS
from ingest.extensions import doc_text, doc_tokens, span_text
from ingest.lexicon import Lexicon

_DESCRIPTORS = {
    "maker",
    "makers",
    "firm",
    "company",
    "giant",
    "manufacturer",
    "producer",
    "supplier",
    "operator",
    "carrier",
    "conglomerate",
    "exporter",
    "importer",
    "distributor",
    "provider",
    "developer",
    "retailer",
    "platform",
    "app",
    "lender",
    "insurer",
    "airline",
    "shipper",
    "brand",
    "startup",
    "start-up",
    "vendor",
    "contractor",
    "subsidiary",
    "affiliate",
    "outlet",
    "broadcaster",
    "newspaper",
    "automaker",
    "chipmaker",
    "refiner",
    "trader",
    "miner",
}
_PLURAL_DESCRIPTORS = {
    "companies",
    "firms",
    "giants",
    "brands",
    "makers",
    "suppliers",
    "manufacturers",
    "platforms",
    "apps",
    "banks",
    "corporations",
    "multinationals",
}
_BOLD = re.compile(r"\*\*[\s\u00a0]*([^*\n]{2,120}?)[\s\u00a0]*\*\*")


def bold_cands(doc: Doc, covered: list[Cand | None], lex: Lexicon, text: str | None = None) -> list[Cand]:
    """Markdown bold names: Treasury releases bold each designated person or entity at first mention
    ("** Natalya Valeryevna Popova** (Popova) is ..."). NER often misses names next to the markers."""
    toks = doc_tokens(doc)
    out: list[Cand] = []
    for m in _BOLD.finditer(doc_text(doc) if text is None else text):
        span = span_tokens(doc, m.start(1), m.end(1))
        if span is None:
            continue
        s, e = span
        while s < e and (toks[s].is_punct or toks[s].is_space or toks[s].lower_ in DETERMINERS):
            s += 1
        while e > s and (toks[e - 1].is_punct and toks[e - 1].text not in {".", ")"} or toks[e - 1].is_space):
            e -= 1
        words = [t.text for t in toks[s:e] if not t.is_space]
        if (
            not words
            or len(words) > 10
            or not words[0][:1].isupper()
            or any(covered[i] is not None for i in range(s, e))
        ):
            continue
        if any(ch.isdigit() for ch in "".join(words)) and words[-1].lower() not in LEGAL_SUFFIXES:
            continue  # "**Section 1**", "**Table 2**"
        if not all(w[:1].isupper() or w.lower() in NAME_WORDS or not w.isalpha() for w in words):
            continue  # a bold phrase, not a name
        labels = [t.ent_type_ for t in toks[s:e] if t.ent_type_]
        head = head_word(words).lower()
        if words[-1].lower() in LEGAL_SUFFIXES or head in AUTHORITY_HEADS | ORGANIZATION_HEADS or "ORG" in labels:
            etype = org_type(words)
        elif "GPE" in labels or "LOC" in labels:
            etype = "Country" if " ".join(words).lower() in lex.country_forms else "Place"
        elif "PERSON" in labels or 2 <= len(words) <= 5:
            etype = "Person"
        else:
            etype = org_type(words)
        out.append(Cand(s, e, etype, P_BOLD, "bold"))
    return out


# Legal forms beyond typing.LEGAL_SUFFIXES that only this grammar reads: Latin American forms, and the
# "de C.V." / "de R.L." continuations ("S.A. de C.V." is one suffix of three tokens).
_MORE_SUFFIXES = {"rl", "r.l.", "s.c.", "s.r.l.s.", "s.a.p.i.", "s.a.b.", "s.a.c.", "e.i.r.l.", "s.l.", "s.a.u."}
_DE_FORMS = {"c.v.", "r.l.", "c.v", "r.l"}
_LIABILITY = {"company", "partnership"}

# lower-case words inside a firm's name: English joiners and the Spanish / Portuguese / French ones
# ("Distribuidor Nicaraguense de Petroleo S.A.", "Cooperativa de Ahorro y Credito ... R.L.")
_NAME_JOINERS = {"and", "&", "of", "de", "del", "y", "e", "da", "do", "des", "du", "la"}


def suffix_cands(doc: Doc) -> list[Cand]:
    """Names that end in a legal-form suffix ("Co.", "Ltd.", "LLC"), extended left over capitalised words."""
    toks = doc_tokens(doc)
    out: list[Cand] = []
    n = len(doc)

    def is_suffix(k: int) -> bool:
        low = toks[k].lower_
        if not toks[k].text[:1].isupper():
            return False
        if low in _MORE_SUFFIXES or is_legal_form(toks[k]):
            return True
        # "S. de R.L. (de C.V.)": the Mexican limited company, split by the tokenizer
        return low == "s." and k + 2 < n and toks[k + 1].lower_ == "de" and toks[k + 2].lower_ in _DE_FORMS

    i = 0
    while i < n:
        if is_suffix(i) and i > 0:
            end = i + 1
            # ", Ltd." after "Co." belongs to the name
            while (
                end + 1 < n
                and toks[end].text == ","
                and toks[end + 1].lower_ in LEGAL_SUFFIXES
                and toks[end + 1].text[:1].isupper()
            ):
                end += 2
            while end < n:
                if (is_legal_form(toks[end]) or toks[end].lower_ in _MORE_SUFFIXES) and toks[end].text[:1].isupper():
                    end += 1  # "R Inver Corp S.A.C.", "Intrust PLC EAD"
                elif toks[end].lower_ == "offshore" and toks[end].text[:1].isupper():
                    end += 1  # Lebanese "SAL Offshore"
                elif end + 1 < n and toks[end].lower_ == "liability" and toks[end + 1].lower_ in _LIABILITY:
                    end += 2  # "Limited Liability Company"
                elif end + 1 < n and toks[end].lower_ == "de" and toks[end + 1].lower_ in _DE_FORMS:
                    end += 2  # "S.A. de C.V.", "S. de R.L. de C.V."
                else:
                    break
            j = i - 1
            if j >= 1 and toks[j].text == "," and toks[j - 1].text[:1].isupper() and toks[j - 1].is_alpha:
                j -= 1  # "Grupo Ares Imperial, S. de R.L. de C.V.", "Acme, Inc."
            while j >= 0 and (
                toks[j].is_space
                or _qualifier_open(toks, j) is not None
                or (
                    toks[j].text[:1].isupper()
                    and toks[j].is_alpha | ("." in toks[j].text) | ("-" in toks[j].text) | toks[j].like_num
                )
                or (toks[j].lower_ in _NAME_JOINERS and j > 0 and toks[j - 1].text[:1].isupper())
            ):
                opened = _qualifier_open(toks, j)
                if opened is not None:
                    j = opened - 1  # "Breco (Asia Pacific) Ltd.", "Piedmont (UK) Limited"
                    continue
                if toks[j].lower_ in DETERMINERS or (is_legal_form(toks[j]) and toks[j].text[:1].isupper()):
                    break  # a determiner, or the end of the previous firm's name ("X Co. and Y Co.")
                if toks[j].is_sent_start and toks[j].is_stop and toks[j].lower_ not in _NAME_JOINERS and len(
                    toks[j].text
                ) > 1:
                    break  # "Should National Oil Corporation subsidiaries ...": a sentence's first word
                if (toks[j].lower_ == "and" and i - j > 2 and toks[j - 1].ent_iob_ in ("B", "I")
                        and toks[j].ent_iob_ != "I" and not _list_item(toks, j)):
                    # "Sovcomflot and Novorossiysk Shipping Company": the statistical NER closed a name before
                    # the "and" and a name of two words or more follows, so two firms are listed ("Procter and
                    # Gamble Co." is one NER span; "Cotton and Linen Co." has one word after the "and")
                    break
                j -= 1
            if j >= 0 and toks[j].text.isdigit() and len(toks[j].text) >= 4 and j + 1 < i:
                j -= 1  # numbered companies: "2351885 Ontario Inc"
            start = strip_hyphen_adjectives(doc, j + 1, i)
            while start < i and (toks[start].is_space or toks[start].lower_ in {"and", "&", "of", ","}):
                start += 1
            start = _after_title_of(toks, start, i)
            if i - start >= 1:
                out.append(Cand(start, end, "Company", P_SUFFIX, "suffix"))
            i = end
            continue
        i += 1
    return out


_POST_WORDS = TITLE_WORDS | {"manager", "general", "managing", "executive", "officer", "owner", "founder"}


def _after_title_of(toks: list, start: int, i: int) -> int:
    """ "the General Manager of Unique Stars Mobile Phones LLC": the firm's name starts after its post's "of"."""
    for q in range(start + 1, i):
        if toks[q].lower_ == "of":
            if all(toks[k].lower_ in _POST_WORDS for k in range(start, q)):
                return q + 1
            break
    return start


def _qualifier_open(toks: list, j: int) -> int | None:
    """The "(" of a parenthesised qualifier that closes at token j inside a firm's name: one to three capitalised
    words after a capitalised word ("Breco (Eastern Europe) Ltd.", "Scottlee Holdings (Pvt) Ltd.")."""
    if toks[j].text != ")":
        return None
    k = j - 1
    while k > j - 5 and k > 0 and toks[k].text != "(":
        if not toks[k].text[:1].isupper():
            return None
        k -= 1
    if k <= 0 or toks[k].text != "(" or k == j - 1 or not toks[k - 1].text[:1].isupper() or not toks[k - 1].is_alpha:
        return None
    return k


def bare_repeats(doc: Doc, firms: list[Cand]) -> list[Cand]:
    """A firm named once with its legal form over place words ("Asia Pacific Links Ltd.") and again without it
    ("His Asia Pacific Links company"): the bare repeat is the firm, not the places. Names of two words or more."""
    toks = doc_tokens(doc)
    n = len(toks)
    bare: dict[str, list[tuple[tuple[str, ...], Cand]]] = {}
    for c in firms:
        k = c.end
        while k > c.start and (toks[k - 1].lower_ in LEGAL_SUFFIXES or toks[k - 1].lower_ in _MORE_SUFFIXES
                               or toks[k - 1].text in {",", "."}):
            k -= 1
        words = tuple(t.text for t in toks[c.start : k])
        if len(words) >= 2 and all(w[:1].isupper() or w in _NAME_JOINERS for w in words):
            bare.setdefault(words[0], []).append((words, c))
    if not bare:
        return []
    out: list[Cand] = []
    for i, t in enumerate(toks):
        for words, c in bare.get(t.text, ()):
            m = len(words)
            if i != c.start and i + m <= n and all(toks[i + j].text == words[j] for j in range(1, m)) and not (
                i + m < n and toks[i + m].text[:1].isupper() and toks[i + m].is_alpha
            ):
                out.append(Cand(i, i + m, "Company", c.prio, "suffix"))
                break
    return out


def _list_item(toks: list, j: int) -> bool:
    """Is token j inside a list item line ("8. National Oil Fields and Terminals Catering Company")? Such a line
    names one firm, "and" included."""
    k = j
    while k > 0 and not (toks[k - 1].is_space and "\n" in toks[k - 1].text) and j - k < 15:
        k -= 1
    if k == 0 or j - k >= 15:
        return False
    first = toks[k].text
    return first.isdigit() or first in {"-", "*", "\u2022"} or bool(re.fullmatch(r"\d+[.)]", first))


def descriptor_cands(doc: Doc, covered: list[Cand | None], lex: Lexicon) -> list[Cand]:
    """Firms named next to a word that says what they are: "drone maker DJI", "the aluminum giant
    Rusal", "the Sandler Travis law firm", "companies like Alibaba"."""
    toks = doc_tokens(doc)
    out: list[Cand] = []
    n = len(doc)
    for i, t in enumerate(toks):
        low = t.lower_
        if low in _DESCRIPTORS and t.text[:1].islower() and i + 1 < n:
            e = cap_run(doc, i + 1, covered)
            if e > i + 1 and (e == n or not toks[e].text[:1].isupper()):
                out.append(Cand(i + 1, e, "Company", P_NER + 1, "descriptor"))
        if low in {"firm", "company"} and t.text[:1].islower() and i > 0:
            k = i - 1
            if toks[k].text[:1].islower() and k > 0 and toks[k].pos_ in {"NOUN", "ADJ"}:
                k -= 1  # "law firm", "trading company"
            e = k + 1
            s = e
            while (
                s > 0 and covered[s - 1] is None and toks[s - 1].text[:1].isupper() and toks[s - 1].is_alpha
                and e - s < 4
            ):
                s -= 1
            named = s < e and toks[s].lower_ not in DETERMINERS and span_text(doc, s, e).lower() not in lex.demonyms
            if named and (not (s == 0 or toks[s].is_sent_start) or e - s > 1):
                out.append(Cand(s, e, "Company", P_NER + 1, "descriptor"))
        if low in _PLURAL_DESCRIPTORS and i + 2 < n:
            k = i + 1
            if toks[k].lower_ in {"like", "including"}:
                k += 1
            elif toks[k].lower_ == "such" and toks[k + 1].lower_ == "as":
                k += 2
            else:
                continue
            while k < n:
                e = cap_run(doc, k, covered)
                if e == k:
                    break
                out.append(Cand(k, e, "Company", P_NER + 1, "descriptor"))
                if e < n and toks[e].text == "," and e + 1 < n:
                    k = e + 1 + (e + 2 < n and toks[e + 1].lower_ == "and")
                elif e < n and toks[e].lower_ in {"and", "or"}:
                    k = e + 1
                else:
                    break
    return out


_FIRM_APPOSITION = {
    "company",
    "firm",
    "bank",
    "corporation",
    "conglomerate",
    "manufacturer",
    "producer",
    "supplier",
    "exporter",
    "importer",
    "subsidiary",
    "business",
    "enterprise",
    "shipping",
    "trader",
    "distributor",
    "operator",
    "front",
}


def appositive_firms(doc: Doc, chosen: list[Cand]) -> None:
    """ "Sibur, a Russia-based company", "Huawei, the Chinese telecommunications company": an NER
    name followed by an apposition whose head is a firm noun is a Company."""
    toks = doc_tokens(doc)
    n = len(doc)
    for c in chosen:
        if c.source != "ner" or c.type not in ("Place", "Person", "Organization") or c.end + 2 >= n:
            continue
        if toks[c.end].text != "," or toks[c.end + 1].lower_ not in {"a", "an", "the"}:
            continue
        for j in range(c.end + 2, min(n, c.end + 9)):
            t = toks[j]
            if t.lower_ in _FIRM_APPOSITION:
                c.type = "Company"
                break
            if t.text in {",", ".", ";", "(", ")"} or (t.pos_ in {"VERB", "AUX", "ADP"} and toks[j - 1].text != "-"):
                break
