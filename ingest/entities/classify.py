"""Type correction for spaCy's statistical NER: which ontology type an ORG / GPE / PERSON / LAW span
is, and which spans are not entities at all.

An ORG is decided by its head noun (the last word before "of"/"for", else the last word): authority
heads (Ministry, Bureau, Police...) -> Authority; organisation heads (Institute, Party, Academy...) ->
Organization; company heads and legal suffixes (Co., Ltd., Technology, Bank...) -> Company. Without
a telling head an ORG is a Company: in sanctions texts most unknown ORGs are firms.
The word lists are in ingest/entities/head_words.py (heads and legal forms), non_entities.py (words and
spans that are never a name) and person_words.py (given names, demonyms, titles).
"""

from __future__ import annotations

import re

from ingest.entities.head_words import (
    AGREEMENT_HEADS,
    AUTHORITY_HEADS,
    COMPANY_HEADS,
    EVENT_HEADS,
    FIRM_FIRST,
    LAW_HEADS,
    LEGAL_SUFFIXES,
    ORGANIZATION_HEADS,
)
from ingest.entities.person_words import DEMONYMS, GIVEN_NAMES, TITLE_WORDS

_LAW_KINDS = (
    (re.compile(r"\b(Regulations?|Rules?|Directive)\b"), "regulation"),
    (re.compile(r"\b(Convention|Treaty|Agreement|Accords?|Protocol|Charter|Covenant)\b"), "treaty"),
    (re.compile(r"\b(List)\b"), "list"),
    (re.compile(r"\b(Principles|Guidance|Guidelines|Advisory)\b"), "guidance"),
    (re.compile(r"\b(Bill)\b"), "bill"),
    (re.compile(r"\b(Program|Programme|Sanctions)\b"), "program"),
    (re.compile(r"\b(Order|Memorandum|Proclamation)\b"), "executive_order"),
)


def head_word(words: list[str]) -> str:
    """The head noun of a name: the last word before "of"/"for"/"on", else the last word."""
    for i, w in enumerate(words):
        if i and w.lower() in {"of", "for", "on"}:
            return words[i - 1]
    return words[-1] if words else ""


def org_type(words: list[str]) -> str:
    """Authority / Organization / Company (or Law, by a legal head word) for an ORG span (lexicon entries are
    decided before this)."""
    if not words:
        return "Company"
    lowered = [w.lower().strip(",") for w in words]
    if lowered[-1] in LEGAL_SUFFIXES:
        return "Company"
    if len(words) > 1 and lowered[0] in FIRM_FIRST and not ("central" in lowered or "nacional" in lowered[:2]):
        return "Company"
    head = head_word(words).lower()
    if (lowered[-1] in LAW_HEADS or head in AGREEMENT_HEADS and lowered[-1] == head) and len(words) > 1:
        return "Law"
    if lowered[-1] == "congress" and len(words) >= 3 and (
        lowered[0] in {"world", "international", "global"}
        or any(w in {"union", "unions", "trades", "youth", "women's", "jewish"} for w in lowered)
        or sum(w in DEMONYMS for w in lowered[:-1]) >= 2
    ):
        # "World Uyghur Congress", "Ukrainian Canadian Congress", "Trades Union Congress": a federation or union;
        # "Peruvian Congress", "General National Congress" (Libya's parliament) are legislatures
        return "Organization"
    if head in AUTHORITY_HEADS or ("central" in lowered and "bank" in lowered):
        return "Authority"
    if head in ORGANIZATION_HEADS:
        return "Organization"
    if head in COMPANY_HEADS:
        return "Company"
    if any(w in AUTHORITY_HEADS for w in lowered):
        return "Authority"
    if any(w in ORGANIZATION_HEADS for w in lowered):
        return "Organization"
    if _personal(words):
        return "Person"  # "OFAC designated Morteza Tamaddon": NER's ORG for a person
    return "Company"


def _personal(words: list[str]) -> bool:
    """Two to four capitalised words opening with a known given name and without any company word."""
    if not 2 <= len(words) <= 4 or words[0] not in GIVEN_NAMES:
        return False
    lowered = [w.lower() for w in words]
    if any(w in COMPANY_HEADS or w in EVENT_HEADS or w in TITLE_WORDS for w in lowered):
        return False
    return all(w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha() and not w.isupper()
               for w in words)


def law_kind(text: str) -> str:
    for rx, kind in _LAW_KINDS:
        if rx.search(text):
            return kind
    return "statute"


def place_type(words: list[str]) -> str:
    return "Place"


# Nouns that say a name is an organisation when the name itself does not ("security research organization CNA",
# "Flax Typhoon, a Chinese malicious state-sponsored cyber group"); "group" alone is also a firm's word, so it
# counts only after a word that makes it a non-commercial group.
ORG_DESCRIPTORS = {"organization", "organisation", "militia", "party", "movement", "charity", "foundation",
                   "university", "institute", "ngo", "nonprofit", "non-profit", "think-tank", "cartel", "gang",
                   "faction", "association", "federation", "coalition", "syndicate", "insurgency"}
_GROUP_KINDS = {"terrorist", "militant", "armed", "rebel", "extremist", "militia", "paramilitary", "criminal",
                "hacking", "hacker", "advocacy", "research", "cyber", "jihadist", "insurgent", "separatist",
                "opposition",
                "political", "trafficking", "ransomware", "activist", "threat", "proxy", "espionage", "guerrilla"}
_FIRM_DESCRIPTORS = {"company", "firm", "bank", "conglomerate", "manufacturer", "business", "enterprise", "operator",
                     "supplier", "producer", "exporter", "importer", "distributor", "subsidiary", "corporation"}
_STOP = {",", ".", ";", ":", "(", ")", "\u2014", "--", "that", "which", "who", "and", "or"}


def has_company_word(words: list[str]) -> bool:
    """Does the name itself say it is a firm (legal form, head-first firm word, company head)?"""
    lowered = [w.lower().strip(",") for w in words]
    # "Group" names firms and armed or hacking groups alike ("Lazarus Group, a state-sponsored hacking group")
    return bool(lowered) and (lowered[-1] in LEGAL_SUFFIXES or lowered[0] in FIRM_FIRST
                              or any(w in COMPANY_HEADS and w != "group" for w in lowered))


def _descriptor(toks: list, i: int) -> str | None:
    low = toks[i].lower_
    if low in ORG_DESCRIPTORS or low == "tank" and i and toks[i - 1].lower_ == "think":
        return "Organization"
    if low in {"group", "groups", "network"} and i and toks[i - 1].lower_ in _GROUP_KINDS:
        return "Organization"
    if low in _FIRM_DESCRIPTORS:
        return "Company"
    return None


def described_type(toks: list, s: int, e: int) -> str | None:
    """The type a descriptor noun gives the name toks[s:e]: right before it ("terrorist group X", "research
    organization   CNA") or heading its apposition ("X, a Chinese ... cyber group")."""
    j = s - 1
    while j >= 0 and (toks[j].is_space or set(toks[j].text) <= {"*", "_"}):
        j -= 1
    if j >= 0:
        found = _descriptor(toks, j)
        if found:
            return found
    k = e
    while k < len(toks) and (toks[k].is_space or set(toks[k].text) <= {"*", "_"}):
        k += 1
    if k + 1 >= len(toks) or toks[k].text != "," or toks[k + 1].lower_ not in {"a", "an"}:
        return None
    for x in range(k + 2, min(len(toks), k + 10)):
        t = toks[x]
        if t.text in _STOP or t.pos_ in {"VERB", "AUX", "ADP"} and not (x and toks[x - 1].text == "-"):
            return None
        found = _descriptor(toks, x)
        if found:
            # the descriptor must end the noun phrase ("a militia group in Burma", not "a group of companies")
            nxt = toks[x + 1] if x + 1 < len(toks) else None
            return found if nxt is None or nxt.pos_ not in {"NOUN", "PROPN"} else None
    return None

