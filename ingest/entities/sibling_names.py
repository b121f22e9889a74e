"""Two given names sharing one family name: "Gilberto and Miguel Rodriguez Orejuela", "Miguel and Edison Ostaiza
Amay" are two persons, "Gilberto Rodriguez Orejuela" and "Miguel Rodriguez Orejuela" (ONTOLOGY: a partial mention
takes the full name the text gives), not one name NER read as an organisation. Common in Treasury's releases on family
networks (77 times in its press releases)."""

from __future__ import annotations

from spacy.tokens import Doc

from ingest.entities.candidates import P_DEFINED, Cand
from ingest.entities.head_words import COMPANY_HEADS
from ingest.entities.person_words import GIVEN_NAMES
from ingest.extensions import doc_tokens
from ingest.names import norm

_MAX_FAMILY = 3


def sibling_cands(doc: Doc) -> list[Cand]:
    toks = doc_tokens(doc)
    n = len(toks)
    out: list[Cand] = []
    for i in range(1, n - 3):
        if toks[i].lower_ != "and" or toks[i - 1].text not in GIVEN_NAMES:
            continue
        second = toks[i + 1]
        if not (second.is_alpha and second.text[:1].isupper() and second.text[1:].islower()):
            continue  # the second given name may be one the list lacks ("Miguel and Edison Ostaiza Amay")
        if i >= 2 and toks[i - 2].text[:1].isupper() and toks[i - 2].is_alpha:
            continue  # "Juan Carlos and Miguel ...": the first person's name is longer than one given name
        j = i + 2
        while j < n and j - (i + 2) < _MAX_FAMILY and toks[j].is_alpha and toks[j].text[:1].isupper() and (
                toks[j].text not in GIVEN_NAMES):
            j += 1
        if j == i + 2 or any(t.lower_ in COMPANY_HEADS for t in toks[i + 1:j]):
            continue  # "Ali and Hassan were ...": no family name follows; "Ali and Sons Trading": a firm
        family = " ".join(t.text for t in toks[i + 2:j])
        first = f"{toks[i - 1].text} {family}"
        out.append(Cand(i - 1, i, "Person", P_DEFINED, "sibling", key=f"N:{norm(first)}", name=first))
        out.append(Cand(i + 1, j, "Person", P_DEFINED, "sibling"))
    return out
