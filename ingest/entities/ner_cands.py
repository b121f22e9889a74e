"""Candidates from spaCy's NER: spans cleaned of determiners, possessives and titles, typed by
ingest/entities/classify.py, compound names, nationality words dropped, and the coordinated names of a list.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ingest.entities.candidates import (
    DETERMINERS,
    HYPHEN_ADJ,
    NAME_WORDS,
    P_COMPOUND,
    P_NER,
    POSSESSIVE,
    Cand,
    cap_run,
    strip_hyphen_adjectives,
)
from ingest.entities.classify import described_type, has_company_word, head_word, law_kind, org_type
from ingest.entities.forms import PORTFOLIOS, has_patronymic, patronymic_start
from ingest.entities.head_words import (
    AUTHORITY_HEADS,
    COMPANY_HEADS,
    EVENT_HEADS,
    FIRM_FIRST,
    LEGAL_SUFFIXES,
    ORGANIZATION_HEADS,
)
from ingest.entities.non_entities import ADDRESS_LAST, NEVER_ENTITY, NEVER_FIRST, NEVER_LAST, PEOPLE_GROUPS
from ingest.entities.person_words import TITLE_WORDS
from ingest.extensions import doc_tokens, span_text
from ingest.lexicon import Lexicon
from ingest.names import NAME_PARTICLES

_NER_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "LAW"}


_ORDINAL = re.compile(r"^\d{1,3}(?:st|nd|rd|th)$")
# heads of named groups that NER often labels FAC or LOC
_GROUP_HEADS = {"network", "bloc", "front", "brigade", "brigades", "cartel", "gang", "syndicate", "clan", "militia",
                "movement", "organization", "organisation"}


def _unit_of_known_body(toks: list, s: int, e: int, covered: list[Cand | None]) -> int | None:
    """End of "<Capitalised Unit> of (the) <lexicon body>" when NER's span runs over both and the body's lexicon
    match ends the span: the unit's end, or None."""
    for i in range(s + 1, e - 1):
        if toks[i].lower_ != "of":
            continue
        j = i + 1 + (toks[i + 1].lower_ == "the")
        body = covered[j] if j < e else None
        if (
            body is None
            or body.start != j
            or body.end < e
            or body.type not in ("Authority", "Organization")
            or toks[i - 1].lower_ not in _UNIT_HEADS
            or not all(t.text[:1].isupper() for t in toks[s:i])
            or any(covered[k] is not None for k in range(s, i))
        ):
            return None
        return i
    return None


def _ordinal_start(toks: list, s: int, e: int, covered: list[Cand | None]) -> int:
    """A unit's ordinal is part of its name ("48th Front", "18th Central Research Institute"): NER often leaves
    it out (labelled ORDINAL)."""
    if s > 0 and covered[s - 1] is None and _ORDINAL.match(toks[s - 1].text) and toks[s].text[:1].isupper():
        return s - 1
    return s


def ner_cands(doc: Doc, covered: list[Cand | None], lex: Lexicon) -> list[Cand]:
    """NER spans, cleaned (determiners, titles, possessives), split at inner possessives, typed."""
    toks = doc_tokens(doc)
    out: list[Cand] = []
    for ent in doc.ents:
        if ent.label_ not in _NER_LABELS:
            continue
        for s0, e0 in _pieces(doc, ent.start, ent.end):
            s, e = _clean(doc, s0, e0, ent.label_, covered)
            if ent.label_ == "PERSON" and s > s0:
                out.extend(_title_prefix_org(doc, s0, s, covered))
            if e <= s:
                continue
            if ent.label_ != "PERSON":
                s = _ordinal_start(toks, s, e, covered)  # "the FARC's 48th Front", "18th Central Research Institute"
                unit_end = _unit_of_known_body(toks, s, e, covered)
                if unit_end is not None:
                    # "the Civil Division of the Justice Department": the unit is a name of its own, its body a
                    # lexicon entry (PART_OF is read by the relations)
                    out.append(Cand(s, unit_end, covered[unit_end + 1 + (toks[unit_end + 1].lower_ == "the")].type,
                                    P_NER, "ner", extra={"label": ent.label_}))
                    continue
            if ent.label_ in ("ORG", "GPE", "FAC"):
                split = _title_inside(doc, s, e, covered)
                if split is not None:
                    out.extend(split)  # "USAID Administrator Samantha Power", "Special Envoy Feltman"
                    continue
            if ent.label_ != "PERSON" and covered[s] is not None and covered[s].is_title:
                # "said Secretary of the Treasury Scott Bessent": NER's ORG "the Treasury Scott Bessent" is the
                # title's body and then the person who holds it
                k = s
                while k < e and covered[k] is not None and covered[k].is_title:
                    k += 1
                rest = toks[k:e]
                if 2 <= len(rest) <= 4 and all(
                    t.text[:1].isupper() and t.is_alpha and t.lower_ not in _BODY_WORDS for t in rest
                ):
                    out.append(Cand(k, e, "Person", P_NER, "ner", extra={"label": "PERSON"}))
                continue
            while e > s + 1 and toks[e - 1].lower_ in {"of", "and", "the", "for", "&"}:
                e -= 1  # "Board of Directors of"
            text = span_text(doc, s, e)
            if "](" in text or "http" in text or "www." in text:
                continue  # Markdown link debris
            if all(t.lower_ in LEGAL_SUFFIXES or t.is_punct for t in toks[s:e]):
                continue
            if all(t.lower_ in TITLE_WORDS or t.is_punct or t.is_space for t in toks[s:e]):
                continue  # "the Mayor" of "the Mayor's Office", a lone "Chairman": a title, not a name
            low = " ".join(text.lower().split())
            if toks[e - 1].lower_ in ADDRESS_LAST or any(_META.search(t.text) for t in toks[s:e]):
                continue  # an address ("Alvand St.", "Hojeij Building"), identifying-information labels ("Milad DOB")
            if _NOT_A_NAME.match(low) or NEVER_FIRST.match(low) or (e - s == 1 and low in PORTFOLIOS):
                continue  # "Frequently Asked Question 897"; "Interior" of "Minister of Interior"
            if (
                low in NEVER_ENTITY
                or toks[e - 1].lower_ in NEVER_LAST
                or not any(c.isalpha() for c in text)
                or not (toks[s].text[:1].isupper() or (_ORDINAL.match(toks[s].text) and e - s > 1))
            ):
                continue
            low = text.lower().replace("\u2019", "'")
            if (
                low in lex.demonyms
                or low.rstrip("s") in lex.demonyms
                or low in PEOPLE_GROUPS
                or low.rstrip("s") in PEOPLE_GROUPS
            ):
                continue
            if toks[e - 1].lower_ in EVENT_HEADS or _attributive(doc, e) or _names_a_programme(toks, e):
                continue
            if s >= 2 and toks[s - 1].lower_ == "for" and toks[s - 2].lower_ in TITLE_WORDS and toks[
                    e - 1].lower_ in PORTFOLIOS:
                continue  # "Assistant to the President for National Security Affairs": a portfolio, no body
            etype = _ner_type(doc, s, e, ent.label_, lex)
            if etype is None:
                continue
            if (
                etype in ("Organization", "Company")
                and head_word([t.text for t in toks[s:e]]).lower() in _UNIT_HEADS
                and _authoritys_unit(toks, s, covered)
            ):
                etype = "Authority"  # "Customs and Border Protection's National Targeting Center"
            if etype == "Person":
                s = patronymic_start(doc, s, e, covered, lex.demonyms)
            extra: dict = {"label": ent.label_}
            if (etype in ("Company", "Place") and ent.label_ != "PERSON"
                    and not has_company_word([t.text for t in toks[s:e] if not t.is_space])
                    and described_type(toks, s, e) == "Organization"):
                # a default firm or an unknown place the text calls a group, party or research organisation
                # ("security research organization CNA", "Flax Typhoon, a Chinese ... cyber group"); it decides
                # the type of the entity's other mentions too (resolve)
                etype = "Organization"
                extra["described"] = True
            prio = P_COMPOUND if ent.label_ != "PERSON" and is_compound(doc, s, e, covered) else P_NER
            kind = law_kind(text) if etype == "Law" else None
            out.append(Cand(s, e, etype, prio, "ner", kind=kind, extra=extra))
    return out


# titles that are followed by a person's name (TITLE_WORDS also holds qualifiers: "foreign", "national", "general")
_PERSON_TITLES = {
    "president", "secretary", "minister", "director", "administrator", "envoy", "ambassador", "chairman",
    "chairwoman", "chair", "ceo", "cfo", "coo", "governor", "commissioner", "spokesperson", "spokesman",
    "spokeswoman", "senator", "sen.", "rep.", "congressman", "congresswoman", "mayor", "judge", "commander",
    "coordinator", "representative", "premier", "chancellor",
}
_ROLE_WORDS = TITLE_WORDS | {"administrator", "special", "senior", "coordinator", "principal", "permanent"}


def _title_inside(doc: Doc, s: int, e: int, covered: list[Cand | None]) -> list[Cand] | None:
    """An ORG span that holds a title and then a name: the name is a person, the words before the title the body
    ("USAID Administrator Samantha Power" -> USAID, Samantha Power)."""
    toks = doc_tokens(doc)
    k = max((i for i in range(s, e - 1) if toks[i].lower_ in _PERSON_TITLES), default=None)
    if k is None:
        return None
    rest = toks[k + 1 : e]
    if not 1 <= len(rest) <= 3 or not all(
        t.text[:1].isupper() and t.is_alpha and not t.is_upper and t.lower_ not in _BODY_WORDS and covered[t.i] is None
        for t in rest
    ):
        return None
    f = k
    while f > s and toks[f - 1].lower_ in _ROLE_WORDS:
        f -= 1
    out = [Cand(k + 1, e, "Person", P_NER, "ner", extra={"label": "PERSON"})]
    body = [t for t in toks[s:f] if not t.is_space]
    if body and all(covered[t.i] is None and t.text[:1].isupper() for t in body):
        words = [t.text for t in body]
        if " ".join(words).lower() not in NEVER_ENTITY:
            out.append(Cand(s, f, org_type(words), P_NER, "ner", extra={"label": "ORG"}))
    return out


_GPE_BODY_HEADS = AUTHORITY_HEADS | {"institute", "university", "academy", "party", "committee", "council"}
_UNIT_HEADS = {
    "center", "centre", "division", "group", "unit", "office", "bureau", "directorate", "command", "department",
    "force", "section", "branch", "service", "agency", "team", "administration", "task",
}


def _authoritys_unit(toks: list, s: int, covered: list[Cand | None]) -> bool:
    """Right after an authority's possessive ("DEA's", "CBP's"), a unit's name is the authority's unit."""
    if s < 2 or toks[s - 1].text not in POSSESSIVE:
        return False
    owner = covered[s - 2]
    return owner is not None and owner.type == "Authority" and not owner.is_title


def _names_a_programme(toks: list, e: int) -> bool:
    """ "the Command Agriculture program", "the Belt and Road initiative": the name of a programme, not a body."""
    return e < len(toks) and toks[e].lower_ in {"program", "programme", "programs", "initiative", "scheme"}


def _attributive(doc: Doc, e: int) -> bool:
    """ "Mulan-related", "Xinjiang-made": a name used as the first half of a hyphenated adjective."""
    toks = doc_tokens(doc)
    return e + 1 < len(doc) and toks[e].text == "-" and toks[e + 1].text[:1].islower()


def _title_prefix_org(doc: Doc, s: int, e: int, covered: list[Cand | None]) -> list[Cand]:
    """The employer named before a title inside a PERSON span ("Huawei" in "Huawei CFO Meng Wanzhou")."""
    toks = doc_tokens(doc)
    while s < e and (toks[s].lower_ in DETERMINERS or toks[s].is_space):
        s += 1
    j = s
    while (
        j < e
        and toks[j].text[:1].isupper()
        and toks[j].lower_ not in TITLE_WORDS
        and covered[j] is None
        and toks[j].is_alpha
    ):
        j += 1
    if j > s and span_text(doc, s, j).lower() not in NEVER_ENTITY:
        return [Cand(s, j, org_type([t.text for t in toks[s:j]]), P_NER, "ner", extra={"label": "ORG"})]
    return []


def _pieces(doc: Doc, s: int, e: int) -> list[tuple[int, int]]:
    toks = doc_tokens(doc)
    pieces, cur = [], s
    for i in range(s, e):
        if toks[i].text in POSSESSIVE and i + 1 < e and toks[i + 1].lower_ in _TITLED_BODIES and all(
            t.lower_ in TITLE_WORDS or t.lower_ == "prosecutor" for t in toks[cur:i]
        ):
            continue  # "the Prosecutor General's Office", "the Mayor's Office": one body named by its head's title
        if toks[i].text in POSSESSIVE or (toks[i].is_space and toks[i].text.count("\n") > 1):
            pieces.append((cur, i))
            cur = i + 1
    pieces.append((cur, e))
    return [(a, b) for a, b in pieces if b > a]


_NOT_A_NAME = re.compile(r"^(?:frequently asked questions?|faqs?|general licen[cs]es?|make & model)\b")
_BODY_WORDS = COMPANY_HEADS | AUTHORITY_HEADS | ORGANIZATION_HEADS
_BUSINESS_LAST = {"market", "marketplace", "casino", "hotel", "resort", "restaurant", "pharmacy", "exchange"}
_META = re.compile(r"^(?:DOB|POB|AKA|FKA|NKA)$|[a-z](?:AKA|DOB|POB)$")
_TITLED_BODIES = {"office", "bureau", "secretariat", "chancellery", "cabinet"}


def _clean(doc: Doc, s: int, e: int, label: str, covered: list[Cand | None]) -> tuple[int, int]:
    toks = doc_tokens(doc)
    s = strip_hyphen_adjectives(doc, s, e)
    while s < e and (toks[s].is_space or toks[s].is_punct or toks[s].lower_ in DETERMINERS):
        s += 1
    while e > s and (
        toks[e - 1].is_space
        or (toks[e - 1].is_punct and toks[e - 1].text not in {".", ")"})
        or toks[e - 1].text in POSSESSIVE
    ):
        e -= 1
    if e > s and toks[e - 1].text == ")" and "(" not in span_text(doc, s, e):
        e -= 1
    # "SMT" + "-iLogic", "Bona" + "-Habitat": a hyphenated name cut by NER at the hyphen goes on over the glued piece
    n = len(toks)
    while (
        e + 1 < n
        and e > s
        and toks[e].text == "-"
        and not toks[e - 1].whitespace_
        and not toks[e].whitespace_
        and toks[e + 1].is_alpha
        and any(ch.isupper() for ch in toks[e + 1].text)
        and covered[e + 1] is None
        and not HYPHEN_ADJ.match("-" + toks[e + 1].text)
    ):
        e += 2
    for i in range(s + 1, e):
        if toks[i].text == "(" and ")" not in span_text(doc, i, e):
            e = i  # "Office of ... Implementation (SPI": the acronym is not part of the name
            while e > s and toks[e - 1].is_space:
                e -= 1
            break
    if label == "PERSON":
        # a title inside the span ("Huawei CFO Meng Wanzhou"): the name starts after its last title word
        last_title = max((i for i in range(s, e - 1) if toks[i].lower_ in TITLE_WORDS), default=None)
        if last_title is not None:
            s = last_title + 1
        # bodies named in the title ("OFAC Director"), demonyms and lower-case words go
        while s < e - 1 and (
            toks[s].lower_ in TITLE_WORDS or toks[s].text[:1].islower() or covered[s] is not None or toks[s].is_punct
        ):
            s += 1
        while e > s + 1 and (
            toks[e - 1].text[:1].islower() and toks[e - 1].lower_ not in NAME_WORDS and not _hyphen_tail(toks, e - 1)
        ):
            e -= 1
        # "Ursula von der" + "Leyen": a name does not end in a particle; the capitalised word after it is the name's
        n = len(toks)
        while (
            e < n
            and toks[e - 1].text in NAME_PARTICLES
            and toks[e].text[:1].isupper()
            and toks[e].is_alpha
            and not toks[e].is_upper
        ):
            e += 1
    return s, e


def _hyphen_tail(toks: list, i: int) -> bool:
    """A lower-case piece glued by a hyphen to a capitalised one: the second half of a hyphenated given name
    ("Pak Hung-ho", "Kim Jong-un", "Ri Song-hyok"), which is part of the name, not a trailing common word."""
    return (
        i >= 2
        and toks[i - 1].text == "-"
        and not toks[i - 1].whitespace_
        and not toks[i - 2].whitespace_
        and toks[i - 2].text[:1].isupper()
        and toks[i].is_alpha
    )


def is_compound(doc: Doc, s: int, e: int, covered: list[Cand | None]) -> bool:
    """An NER name that contains a lexicon form plus capitalised name words of its own."""
    toks = doc_tokens(doc)
    inner = {id(c): c for c in covered[s:e] if c is not None}
    if not inner or len(inner) > 1:
        return False
    c = next(iter(inner.values()))
    if c.start < s or c.end > e or (c.start == s and c.end == e) or c.source == "citation":
        return False
    if c.end == e and c.type not in ("Place", "Country"):
        return False
    rest = [toks[i] for i in range(s, e) if not (c.start <= i < c.end)]
    if any(t.text in POSSESSIVE for t in rest):
        return False
    if c.type not in ("Place", "Country") and len(c) > 1:
        return False
    if any(t.pos_ in ("VERB", "AUX") for t in rest):
        return False  # a headline ("OFAC Outlines Risks to Civil Aviation Industry of Dealing"), not a name
    k = c.start - 1
    if k > s and toks[k].lower_ == "the":
        k -= 1  # "National Wealth Fund of the Russian Federation"
    if c.end == e and c.type in ("Place", "Country") and k - 1 >= s and toks[k].lower_ == "of" and (
        toks[k - 1].lower_ in _BODY_WORDS
    ):
        return True  # "Commercial Bank of Syria", "Sberbank of Russia": the place ends the firm's name
    return any(t.text[:1].isupper() and t.is_alpha and t.lower_ not in TITLE_WORDS for t in rest if t.i >= c.end)


def _ner_type(doc: Doc, s: int, e: int, label: str, lex: Lexicon) -> str | None:
    toks = doc_tokens(doc)
    words = [t.text for t in toks[s:e] if not t.is_space]
    text = " ".join(words)
    if label in ("PERSON", "ORG", "GPE", "LOC", "FAC") and has_patronymic(words):
        return "Person"  # "Sergey Vasilyevich Yakhnyuk" as GPE, "Aydyn Nikolayevich Saryglar" as ORG
    if label == "PERSON":
        if any(ch.isdigit() for ch in text):
            return None
        if words[-1].lower() in LEGAL_SUFFIXES or (len(words) == 1 and words[0].lower().endswith("bank")):
            return "Company"  # "Gazprombank"
        if len(words) > 1 and head_word(words).lower() in (AUTHORITY_HEADS | ORGANIZATION_HEADS | {"bank", "group"}):
            return org_type(words)  # "Kim Il Sung University" tagged PERSON
        if len(words) > 1 and words[0].lower() in FIRM_FIRST:
            return "Company"  # "Farmacia y Mini Super Trinidad" tagged PERSON
        if len(words) > 2 and head_word(words).lower() in COMPANY_HEADS:
            return "Company"  # "Jamahiriya Oil Well Fluids And Equipment", "Ras Lanuf Oil" tagged PERSON
        if len(words) > 1 and words[-1].lower() in _BUSINESS_LAST:
            return "Company"  # "Hydra Market", "Jin Bei Casino" tagged PERSON
        if len(words) == 1 and words[0].isupper() and len(words[0]) <= 5:
            return None  # an unexplained acronym is not a person
        return "Person"
    if label == "ORG":
        if all(w.isupper() for w in words) and len(text) <= 3 and not any(c.isalpha() for c in text[1:]):
            return None
        return org_type(words)
    if label == "GPE":
        if text.lower() in lex.country_forms:
            return "Country"
        if (len(words) == 1 and re.search(r"[a-z][A-Z]", words[0])) or words[-1].lower() in COMPANY_HEADS:
            return org_type(words)  # "PdVSA", "Mahan Air": NER's GPE for a firm
        if len(words) > 1 and head_word(words).lower() in _GPE_BODY_HEADS:
            return org_type(words)  # "National Intelligence Agency", "UN Secretariat" as GPE ("Soviet Union" stays)
        return "Place"
    if label in ("LOC", "FAC"):
        if len(words) > 1 and words[-1].lower() in _GROUP_HEADS:
            return "Organization"  # "the Barakzai Network", "the Southern Bloc": NER's FAC/LOC for a group
        return "Place"
    if label == "LAW":
        if not re.search(r"[A-Z][a-z]", text) or len(words) < 2:
            return None
        if re.fullmatch(r"(Section|Sec\.?|Sections)\s+\d+[a-z]?\.?", text):
            return None  # "Section 1" of the order itself
        return "Law"
    return None


def not_nationality(doc: Doc, cands: list[Cand], lex: Lexicon) -> list[Cand]:
    """Drop candidates whose text is a demonym or a people group ("Russian", "Uyghurs")."""
    out = []
    for c in cands:
        low = span_text(doc, c.start, c.end).lower()
        if low in lex.demonyms or low.rstrip("s") in lex.demonyms or low in PEOPLE_GROUPS or low in NEVER_ENTITY:
            continue
        out.append(c)
    return out


def coordinate(doc: Doc, chosen: list[Cand], owner: list[Cand | None]) -> list[Cand]:
    """Names listed with a firm are firms: "..., Netposa Technologies, Xiamen Meiya Pico Information Co.
    and Yitu", "TikTok and WeChat". Retypes one-token NER places/persons in the list and adds
    capitalised names NER missed. Returns the added candidates."""
    toks = doc_tokens(doc)
    added: list[Cand] = []
    n = len(doc)
    for c in list(chosen):
        if c.type != "Company":
            continue
        j = c.end
        while j < n:
            k = j
            while k < n and (set(toks[k].text) <= {"*", "_"} or toks[k].is_space):
                k += 1  # Markdown emphasis around list items
            if k >= n:
                break
            if toks[k].text == ",":
                k += 1
                if k < n and toks[k].lower_ == "and":
                    k += 1
            elif toks[k].lower_ == "and":
                k += 1
            else:
                break
            while k < n and (set(toks[k].text) <= {"*", "_"} or toks[k].is_space):
                k += 1
            if k >= n:
                break
            other = owner[k]
            if other is not None:
                if other.source == "ner" and other.type in ("Place", "Person") and len(other) == 1 and other.start == k:
                    other.type = "Company"
                if other.type != "Company":
                    break
                j = other.end
                continue
            e = cap_run(doc, k, owner)
            if e == k or toks[k].is_sent_start or toks[k].like_num:
                break  # "... Organization and Three of its Leaders": a number, not a firm
            # a multi-word name without a firm word may be a person ("Galina Ulyutina")
            if e - k > 1 and not any(t.lower_ in COMPANY_HEADS or t.lower_ in LEGAL_SUFFIXES for t in toks[k:e]):
                break
            new = Cand(k, e, "Company", P_NER, "coordination")
            for i in range(k, e):
                owner[i] = new
            added.append(new)
            j = e
    return added
