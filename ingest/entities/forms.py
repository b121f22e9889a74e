"""Name forms that the statistical NER reads badly, found by their written conventions:

  defined persons   "Francisco Javier Diaz Madriz (Diaz)", "Sayyed Abdolrahim Mousavi (Mousavi)": Treasury and
                    Justice releases give a person's full name once, then a parenthesised short form made of the
                    name's own words. The run of capitalised words before the parenthesis is the person, even
                    where NER cut it ("Francisco Javier") or missed it.
  patronymics       "Artyom Aleksandrovich Bichayev": an East Slavic middle name (-ovich, -evna...) makes a span
                    a person, and a span NER starts at the patronymic lost its given name.
  prefixed firms    "Joint Stock Company Ural Design Bureau Detal", "JSC NPO High Precision Systems", "LLC Kolibri
                    Group", "Aktsionernoe Obshchestvo Elektrotyaga": the legal form written first (the Russian
                    and CIS order); the suffix grammar only reads forms written last.
  vessels, aircraft "the Panama-flagged FENG TAI (IMO: 9248473)", "YV2849, Make & Model: Embraer ERJ190": not
                    entities (ONTOLOGY: vessels and aircraft are not; their owners are).
All are one pass over the cached token list.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rigour.names import extract_org_types
from spacy.tokens import Doc

from ingest.entities.head_words import (
    AUTHORITY_HEADS,
    COMPANY_HEADS,
    LEGAL_SUFFIXES,
    ORGANIZATION_HEADS,
    POST_SOVIET_FORMS,
)
from ingest.entities.person_words import GIVEN_NAMES, TITLE_WORDS
from ingest.extensions import doc_tokens, span_text
from ingest.names import NAME_PARTICLES, norm

# East Slavic patronymics (Russian, Belarusian, Ukrainian spellings): "Aleksandrovich", "Nikolayevna", "Petrovych"
PATRONYMIC = re.compile(r"^[A-Z][a-z]{2,}(?:ovich|evich|yevich|ovych|evych|ovna|evna|yevna|ivna|ichna)$")

# words of sites and businesses that end a name-like run ("Hydra Market", "Jin Bei Casino", "Nasser Square")
_SITE_WORDS = {
    "market", "marketplace", "casino", "hotel", "resort", "restaurant", "square", "street", "avenue", "road",
    "tower", "towers", "airport", "port", "bridge", "park", "district", "province", "city", "county", "village",
    "island", "islands", "mosque", "building", "mall", "plaza", "camp", "prison", "farm", "farms", "clinic",
    "pharmacy", "store", "shop", "cafe", "salon",
}
_ORG_WORDS = AUTHORITY_HEADS | ORGANIZATION_HEADS | COMPANY_HEADS | LEGAL_SUFFIXES | _SITE_WORDS
# ministers' portfolios ("Minister of Interior Sinisa Karan (Karan)")
PORTFOLIOS = {
    "interior", "justice", "finance", "economy", "health", "education", "energy", "trade", "commerce",
    "agriculture", "culture", "information", "transport", "labor", "labour", "affairs", "intelligence",
    "communications", "industry", "mines", "oil", "petroleum", "planning", "tourism", "telecommunications",
}
_NOT_NAME = {"the", "and", "of", "for", "in", "on", "by", "with", "to", "from", "today", "treasury", "ofac"}


# Legal forms rigour's table (ISO 20275 and OCCRP's list) lacks: Bulgarian and Macedonian joint-stock companies.
_EXTRA_FORMS = {"ead", "ad"}
# Two-letter forms of the table taken: the others are also US states, countries or numerals ("CA", "KY", "II").
_SHORT_FORMS = {"ag", "ad", "bv", "nv", "oy", "ab", "kg"}


@lru_cache(maxsize=4096)
def _listed_form(word: str) -> bool:
    found = extract_org_types(word)
    return bool(found) and found[0][0] == word


def is_legal_form(tok) -> bool:
    """A token written as a company's legal form ("OOD", "EAD", "GmbH", "KFT", "SARL"): in the project's suffix
    list, or in rigour's table of legal forms when written in capitals or mixed case (so that "is", "as" or
    "Limited Partnership" words in prose are not read as forms) and not a two-letter code of something else."""
    low = tok.lower_
    if low in LEGAL_SUFFIXES:
        return True
    txt = tok.text
    if len(txt) < 2 or tok.is_stop or not (txt.isupper() or (txt[0].isupper() and not txt[1:].islower())):
        return False
    if low in _EXTRA_FORMS:
        return True
    return (len(low.replace(".", "")) > 2 or low in _SHORT_FORMS) and _listed_form(low)


def is_patronymic(word: str) -> bool:
    return bool(PATRONYMIC.match(word))


def _name_token(t, capitals: bool = False) -> bool:
    """A capitalised word that may be part of a person's name ("Sa’id", "Al-Rashidi" pieces, "O'Neil"); with
    `capitals`, a word in capitals too."""
    txt = t.text
    if not txt[:1].isupper() or t.is_space or (len(txt) > 1 and txt.isupper() and not capitals):
        return False  # capitals: a heading or an acronym ("MUHAMMAD SARUR Muhammad Sarur (Sarur)")
    core = txt.replace("\u2019", "").replace("'", "").replace("-", "").replace(".", "")
    if not core.isalpha():
        return False
    if re.search(r"-[a-z]", txt):
        return False  # "U.S.-designated", "Iran-based"
    low = t.lower_
    return low not in TITLE_WORDS and low not in _NOT_NAME and low not in _ORG_WORDS and low not in PORTFOLIOS


def defined_persons(doc: Doc, covered: list, demonyms: dict[str, str], make) -> list:
    """ "Full Name (Short)" where Short is one or two of the name's own words: the full name is a Person."""
    toks = doc_tokens(doc)
    n = len(toks)
    out = []
    for i in range(1, n - 2):
        if toks[i].text != "(":
            continue
        k = i + 1
        alias = []
        while k < n and k - i <= 3 and toks[k].text != ")":
            alias.append(k)
            k += 1
        if k >= n or toks[k].text != ")" or not alias:
            continue
        alias_words = [t for t in _words(toks, alias[0], alias[-1] + 1)]
        if not alias_words or not all(w[:1].isupper() for w in alias_words):
            continue
        # a name written in capitals is read as one when its short form is too ("ALVARO LOPEZ MIERA (LOPEZ
        # MIERA)"), not a heading before a name ("MUHAMMAD SARUR Muhammad Sarur (Sarur)")
        capitals = all(len(w) > 1 and w.isupper() for w in alias_words)
        # the run of name words right before the parenthesis (particles and hyphen pieces inside it); stray
        # emphasis markers left by the Markdown reader ("Sohrab Ghairat* (Sohrab)") stand between them
        j = i
        while j > 0 and set(toks[j - 1].text) <= {"*", "_"}:
            j -= 1
        right = j
        while j > 0:
            t = toks[j - 1]
            if covered[j - 1] is not None:
                break
            if _name_token(t, capitals) and t.lower_ not in demonyms:
                j -= 1
            elif (t.text == "-" or t.lower_ in NAME_PARTICLES) and j < i and j >= 2 and toks[j - 2].text[:1].isalpha():
                j -= 1  # "Luay al-Mallah", "Faiz bin Abu Bakar Bafana"
            else:
                break
        while j < i and (toks[j].text == "-" or toks[j].lower_ in NAME_PARTICLES):
            j += 1
        if any(_prefix_at(toks, k) for k in range(j, right)):
            continue  # "Aktsionernoe Obshchestvo Iliadis (Iliadis)": a firm, read by prefixed_firms
        words = _words(toks, j, right)
        caps = [w for w in words if w[:1].isupper()]
        if len(caps) < 2 or len(caps) > 7:
            continue
        if not all(w in words for w in alias_words) or len(alias_words) >= len(caps):
            continue
        if any(w.lower() in demonyms for w in words):
            continue
        # a long run (a body's name before the person's: "Office of Managua Fidel Antonio Moreno Briones") keeps
        # the last four name words, or five when the fifth from the end is a known given name
        if len(caps) > 4:
            keep = 5 if caps[-5] in GIVEN_NAMES else 4
            first = caps[-keep]
            while toks[j].text != first:
                j += 1
        out.append(make(j, right))
    return out


def _words(toks: list, s: int, e: int) -> list[str]:
    """Name words of a token range, hyphen pieces joined ("al", "-", "Mallah" -> "al-Mallah")."""
    words: list[str] = []
    glue = False
    for t in toks[s:e]:
        if t.is_space:
            continue
        if t.text == "-" and words:
            words[-1] += "-"
            glue = True
            continue
        if glue:
            words[-1] += t.text
            glue = False
        else:
            words.append(t.text)
    return words


def patronymic_start(doc: Doc, s: int, e: int, covered: list, demonyms: dict[str, str]) -> int:
    """A person span that starts at a patronymic ("Aleksandrovich Bichayev") takes the given name before it
    (a given name may also be a title word: "Sultan Sultanbiyevich Khamzaev")."""
    toks = doc_tokens(doc)
    if e - s < 2 or s == 0 or not is_patronymic(toks[s].text):
        return s
    prev = toks[s - 1]
    if covered[s - 1] is None and _given_name_token(prev, demonyms):
        return s - 1
    return s


def _given_name_token(t, demonyms) -> bool:
    return (
        t.text[:1].isupper()
        and (t.lower_ not in TITLE_WORDS or t.text in GIVEN_NAMES or t.text in _TITLE_GIVEN_NAMES)
        and t.is_alpha
        and not t.is_upper
        and t.lower_ not in demonyms
        and t.lower_ not in _NOT_NAME
        and t.lower_ not in _ORG_WORDS
        and not is_patronymic(t.text)
    )


# given names that are also title words ("Sultan Sultanbiyevich Khamzaev")
_TITLE_GIVEN_NAMES = {"Sultan", "Emir", "Major", "King", "Prince", "Marshal"}


def patronymic_persons(doc: Doc, covered: list, demonyms: dict[str, str], make) -> list:
    """ "Given Patronymic Surname" ("Zhanna Anatolyevna Ryabtseva", "Renat Ismailovich Suleymanov") is a person
    whatever NER made of it: the patronymic is the cue, the words either side are the given name and surname."""
    toks = doc_tokens(doc)
    n = len(toks)
    out = []
    for i in range(1, n - 1):
        t = toks[i]
        if not t.is_title or not is_patronymic(t.text):
            continue
        s, e = i - 1, i + 2
        if covered[s] is not None or not _given_name_token(toks[s], demonyms):
            continue
        # the surname, hyphenated ones included ("Rimsky-Korsakov")
        sur = toks[i + 1]
        if covered[i + 1] is not None or not (sur.text[:1].isupper() and sur.is_alpha and not sur.is_upper):
            continue
        if _GLUED.search(sur.text) or _GLUED.search(toks[s].text):
            continue  # "BuranovSuhail": names of an alias list run together
        if sur.lower_ in _NOT_NAME or sur.lower_ in _ORG_WORDS or sur.lower_ in TITLE_WORDS:
            continue
        if e + 1 < n and toks[e].text == "-" and toks[e + 1].text[:1].isupper() and toks[e + 1].is_alpha:
            e += 2
        out.append(make(s, e))
    return out


def has_patronymic(words: list[str]) -> bool:
    """Two to four words, one of them (not the first) a patronymic, none a body or firm word."""
    if not 2 <= len(words) <= 4:
        return False
    if any(w.lower() in _ORG_WORDS for w in words):
        return False
    return any(is_patronymic(w) for w in words[1:])


# Legal forms written before the name. Token sequences, lower-cased; matched when capitalised in the text.
_PREFIX_FORMS = [
    f.split()
    for f in (
        "public joint stock company",
        "open joint stock company",
        "closed joint stock company",
        "joint stock company",
        "joint-stock company",
        "joint - stock company",
        "public joint - stock company",
        "open joint - stock company",
        "closed joint - stock company",
        "limited liability company",
        "federal state unitary enterprise",
        "federal state budgetary institution",
        "publichnoe aktsionernoe obshchestvo",
        "otkrytoe aktsionernoe obshchestvo",
        "zakrytoe aktsionernoe obshchestvo",
        "aktsionernoe obshchestvo",
        "obshchestvo s ogranichennoi otvetstvennostyu",
        "obshchestvo s ogranichennoy otvetstvennostyu",
        "obshchestvo s ogranichennoi otvetstvennostiu",
        "obshchestvo s ogranichennoy otvetstvennostiu",
        *POST_SOVIET_FORMS,
        "zao",
        "pao",
        "ao",
        "llc",
        "fsue",
        "fgup",
        "tov",
    )
]
_PREFIX_FIRST = {f[0] for f in _PREFIX_FORMS}
_QUOTES = {"«", "»", '"', "\u201c", "\u201d", "'"}
def _prefix_at(toks: list, i: int) -> int:
    """Length in tokens of the legal-form prefix starting at token i (0 if none)."""
    low = toks[i].lower_
    if low not in _PREFIX_FIRST or not toks[i].text[:1].isupper():
        return 0
    for form in _PREFIX_FORMS:
        k = len(form)
        if i + k <= len(toks) and all(toks[i + m].lower_ == form[m] for m in range(k)):
            if k > 1 and not all(toks[i + m].text[:1].isupper() or toks[i + m].lower_ in ("s", "-") for m in range(k)):
                continue
            if k == 1 and len(low) <= 3 and not toks[i].text.isupper():
                continue  # "Ao", "Tov": only the capitals are the legal form
            return k
    return 0


def prefixed_firms(doc: Doc, covered: list, make) -> list:
    """ "Joint Stock Company 711 Aircraft Repair Plant", "JSC NPO High Precision Systems": the legal form and the
    capitalised run after it (numbers, "of"/"and" between capitalised words, Russian quotes) are one Company."""
    toks = doc_tokens(doc)
    n = len(toks)
    out = []
    i = 0
    while i < n:
        k = _prefix_at(toks, i)
        if not k:
            i += 1
            continue
        s = i
        j = i + k
        last = j
        while j < n and j - last <= 2 and j - s < 14:
            t = toks[j]
            if t.text in _QUOTES:
                j += 1
                continue
            if _prefix_at(toks, j) or (covered[j] is not None and covered[j].type not in ("Country", "Place")):
                break
            if (t.text[:1].isupper() or t.like_num) and not t.is_space and t.text not in {"(", ")", ",", "."}:
                j += 1
                last = j
                continue
            if t.lower_ in {"of", "and", "&", "imeni", "-"} and j + 1 < n and toks[j + 1].text[:1].isupper():
                j += 1
                continue
            break
        if last > i + k:
            e = last
            if e < n and toks[e].text in _QUOTES:
                e += 1
            out.append(make(s, e, span_text(doc, i + k, last).strip("«»\"\u201c\u201d' ")))
            i = e
            continue
        i += k
    return out


def vessel_norms(doc: Doc, text: str) -> set[str]:
    """Normalised names written right before a vessel identifier ("FENG TAI* (IMO: 9248473)") or right after
    a word that says it is a vessel ("the vessel Ligovsky Prospect", "the registered owner of the NS Century")."""
    out: set[str] = set()
    for m in _VESSEL_CUE.finditer(text):
        out.add(norm(m.group(1)))
    for m in _VESSEL.finditer(text):
        words = m.group(1).strip(" *_\u00a0").split()
        k = len(words)
        while k > 0 and words[k - 1][:1].isalnum() and not words[k - 1][:1].islower():
            if re.search(r"-[a-z]", words[k - 1]):
                break
            k -= 1  # the name is the capitalised words right before the identifier ("the Panama-flagged FENG TAI")
        if k < len(words):
            out.add(norm(" ".join(words[k:])))
    return out


_VESSEL = re.compile(
    r"([A-Z0-9][\w\u2019'.\- ]{0,40}?)[\s*_\u00a0]*\((?:IMO|MMSI)"
    r"(?:[\s\u00a0]*(?:[Nn]o\.?|[Nn]umber|#|:))*[\s\u00a0]*\d"
)
_VESSEL_CUE = re.compile(
    r"\b(?:vessels?|tankers?|ships?|(?:registered )?owner of the|manager of the|operator of the)[\s*_\u00a0]+"
    r"((?:[A-Z0-9][\w\u2019'.\-]*)(?:[ \u00a0](?:[A-Z0-9][\w\u2019'.\-]*)){0,3})(?=[\s*_\u00a0]*(?:\(IMO|[,.;]|$))",
    re.M,
)
# Aircraft identification lines ("- YV2849, Make & Model: Embraer ERJ190", "MSN 9813", "Tail Number ...")
AIRCRAFT_LINE = re.compile(
    r"Make (?:&|and) Model:|\bMSN\b|Manufacturer.s Serial Number|Tail Number|Aircraft Registration"
)


_GLUED = re.compile(r"[a-z]{2}[A-Z]")


def given_name_persons(doc: Doc, covered: list, demonyms: dict[str, str], make) -> list:
    """A run of two to five name words that opens with a given name from the SDN list ("Hugo Armando Carvajal
    Barrios is the Director of ...") is a person even where NER saw nothing. The run must stand alone: no
    capitalised word right before it, no body or firm word right after it ("Daniel Ortega Foundation")."""
    toks = doc_tokens(doc)
    n = len(toks)
    out = []
    i = 0
    while i < n - 1:
        t = toks[i]
        if t.text not in GIVEN_NAMES or covered[i] is not None or t.lower_ in demonyms:
            i += 1
            continue
        if i > 0:
            prev = toks[i - 1]
            inside = prev.text[:1].isupper() and prev.is_alpha and not (prev.is_stop or prev.lower_ in _NOT_NAME)
            if inside or prev.lower_ in NAME_PARTICLES or prev.text == "-":
                i += 1  # the middle of a longer name ("Faiz bin Abu Bakar Bafana", "Julkipli Salim Salamuddin")
                continue
        j = i + 1
        while j < n and j - i < 6 and covered[j] is None:
            u = toks[j]
            # a glued token ("BashirAKA", "MirafloresPalace": words the Markdown export ran together) ends the run
            word = _name_token(u) and u.lower_ not in demonyms and not u.is_upper and not _GLUED.search(u.text)
            nxt_cap = j + 1 < n and toks[j + 1].text[:1].isupper()
            particle = u.lower_ in NAME_PARTICLES or (u.text == "-" and toks[j - 1].lower_ in NAME_PARTICLES)
            if particle and not nxt_cap and j + 2 < n and toks[j + 1].text == "-":
                nxt_cap = toks[j + 2].text[:1].isupper()  # "al-Ayy"
            if word or (particle and nxt_cap):
                j += 1
            else:
                break
        while j > i + 1 and (toks[j - 1].lower_ in NAME_PARTICLES or toks[j - 1].text == "-"):
            j -= 1
        after = toks[j] if j < n else None
        if (toks[i].ent_type_ == "PERSON" and toks[i].ent_iob_ == "I") or (
            j < n and toks[j].ent_type_ == "PERSON" and toks[j].ent_iob_ == "I"
        ):
            i = j  # NER read a longer name around this run ("Muhammad Kamal al-Ayy"): its span stands
            continue
        if j - i >= 2 and j - i <= 5 and not (
            after is not None and after.text[:1].isupper() and (after.lower_ in _ORG_WORDS or after.is_upper)
        ):
            out.append(make(i, j))
            i = j
            continue
        i += 1
    return out


# kinship nouns of a family apposition ("X, his wife", "X, Malpica Flores's mother"): X is a person
_KIN = {
    "wife", "husband", "spouse", "son", "daughter", "father", "mother", "sister", "brother", "nephew", "niece",
    "cousin", "uncle", "aunt", "stepson", "stepdaughter", "stepfather", "stepmother", "grandson", "granddaughter",
    "grandfather", "grandmother", "son-in-law", "daughter-in-law", "brother-in-law", "sister-in-law",
    "father-in-law", "mother-in-law", "half-brother", "half-sister", "children", "sons", "daughters",
}
_POSSESSIVE_DET = {"his", "her", "their"}


def _kin_apposition(toks: list, k: int) -> bool:
    """Tokens from k read "his (adult) daughter" or "Malpica Flores's mother" (an apposition of kinship)."""
    n = len(toks)
    if k < n and toks[k].lower_ in _POSSESSIVE_DET:
        return any(toks[j].lower_ in _KIN for j in range(k + 1, min(n, k + 4)))
    for j in range(k, min(n, k + 5)):
        if toks[j].text in {"'s", "\u2019s"}:
            return any(toks[m].lower_ in _KIN for m in range(j + 1, min(n, j + 3)))
        if not toks[j].text[:1].isupper():
            return False
    return False


def kin_persons(doc: Doc, covered: list, demonyms: dict[str, str], make) -> list:
    """ "Damaris del Carmen Hurtado Perez, his wife; and Erica Patricia Malpica Hurtado, his adult daughter":
    the whole run of name words before a family apposition is one person, where NER cut the run at a particle
    or missed an unknown given name (Treasury's designations of family members)."""
    toks = doc_tokens(doc)
    out = []
    for i, t in enumerate(toks):
        if t.text != "," or i < 2 or not _kin_apposition(toks, i + 1):
            continue
        j = i
        while j > 0 and set(toks[j - 1].text) <= {"*", "_"}:
            j -= 1  # "and** Erica Patricia Malpica Hurtado**, his adult daughter"
        right = j
        while j > 0:
            p = toks[j - 1]
            if covered[j - 1] is not None:
                break
            name_word = _name_token(p) and p.lower_ not in demonyms
            particle = (p.lower_ in NAME_PARTICLES or p.text == "-") and j - 1 > 0 and toks[j - 2].text[:1].isalpha()
            if not (name_word or particle):
                break
            j -= 1
        while j < right and (toks[j].lower_ in NAME_PARTICLES or toks[j].text == "-"):
            j += 1
        caps = [x for x in toks[j:right] if x.text[:1].isupper()]
        if 2 <= len(caps) <= 7 and right - j <= 9:
            out.append(make(j, right))
    return out
