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
    if lowered[-1] in LAW_HEADS and len(words) > 1:
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
