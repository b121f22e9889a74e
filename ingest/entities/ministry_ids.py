"""Country-qualified ids of ministries that are not in the lexicon: "Ukrainian Ministry of Justice",
"Ukraine's Ministry of Justice" and "Ministry of Justice of Ukraine" are `ministry-of-justice-of-ukraine` in every
document (ONTOLOGY: generic body names take a country-qualified id)."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ingest.entities.candidates import Cand
from ingest.entities.person_words import COUNTRY_ID, DEMONYM_COUNTRY
from ingest.extensions import doc_tokens, span_text
from ingest.names import slug

_MINISTRY = re.compile(r"^(?:(.+?)\s+)?Ministry of (?:the )?(.+?)(?:\s+of\s+(?:the\s+)?(.+))?$")
# "South Korean Foreign Ministry", "Japanese Defense Ministry": the same ministry as "Ministry of X of <country>"
_X_MINISTRY = re.compile(
    r"^(\S+(?:\s\S+)?)\s+(Foreign|Defen[cs]e|Justice|Finance|Interior|Economy|Trade|Commerce)\s+Ministry$"
)
# the usual portfolio behind a short form ("Foreign Ministry" is the Ministry of Foreign Affairs)
_PORTFOLIO = {"foreign": "foreign affairs"}


def ministry_id(doc: Doc, cands: list[Cand], name: str) -> str | None:
    """A "Ministry of X" not in the lexicon takes the id `ministry-of-<x>-of-<country>` (ONTOLOGY: generic body
    names are country-qualified), the country from its name ("Ukrainian Ministry of Justice", "Ministry of Justice
    of Ukraine") or from a possessive or adjective before a mention ("Ukraine's Ministry of Justice"). No country:
    None (the plain id)."""
    short = _X_MINISTRY.match(name)
    if short is not None and short.group(1).lower() in DEMONYM_COUNTRY:
        portfolio = _PORTFOLIO.get(short.group(2).lower(), short.group(2))
        return f"ministry-of-{slug(portfolio)}-of-{DEMONYM_COUNTRY[short.group(1).lower()]}"
    m = _MINISTRY.match(name)
    if m is None:
        return None
    country = DEMONYM_COUNTRY.get((m.group(1) or "").lower()) or COUNTRY_ID.get((m.group(3) or "").lower())
    if country is None and (m.group(1) or m.group(3)):
        return None  # "Israel Ministry of Defense Procurement Mission ...": not a plain ministry name
    toks = doc_tokens(doc)
    for c in cands:
        if country is not None:
            break
        i = c.start - 1
        if i >= 1 and f"{toks[i - 1].lower_} {toks[i].lower_}" in DEMONYM_COUNTRY:
            country = DEMONYM_COUNTRY[f"{toks[i - 1].lower_} {toks[i].lower_}"]
        elif i >= 0 and toks[i].lower_ in DEMONYM_COUNTRY and toks[i].text[:1].isupper():
            country = DEMONYM_COUNTRY[toks[i].lower_]
        elif i >= 1 and toks[i].text in ("'s", "\u2019s"):
            for k in (3, 2, 1):
                if i - k >= 0 and span_text(doc, i - k, i).lower() in COUNTRY_ID:
                    country = COUNTRY_ID[span_text(doc, i - k, i).lower()]
                    break
    if country is None:
        return None
    return f"ministry-of-{slug(m.group(2))}-of-{country}"
