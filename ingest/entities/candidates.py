"""Mention candidates from four sources, and the choice of one candidate per token.

Sources, by priority (a higher one wins a token; at equal priority the longer span wins):
  citations (ingest/laws.py)  50   numbered/named legal instruments
  compound NER names          45   an NER name that starts with a lexicon place ("Xinjiang Public
                                   Security Bureau", "China Mobile") is a name of its own
  lexicon forms               40   (one-token forms 30)
  patterns                    35   governments as actors ("the Chinese government", "the Trump administration")
  legal-suffix names          22   "Xinjiang Junggar Cotton and Linen Co." even when NER misses it
  NER                         20   typed by ingest/entities/classify.py
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc

from ingest.entities.classify import (
    ADDRESS_LAST,
    AUTHORITY_HEADS,
    COMPANY_HEADS,
    EVENT_HEADS,
    FIRM_FIRST,
    LEGAL_SUFFIXES,
    NEVER_ENTITY,
    NEVER_FIRST,
    NEVER_LAST,
    ORGANIZATION_HEADS,
    PEOPLE_GROUPS,
    TITLE_WORDS,
    head_word,
    law_kind,
    org_type,
)
from ingest.entities.forms import AIRCRAFT_LINE, PORTFOLIOS, has_patronymic, patronymic_start
from ingest.extensions import doc_text, doc_tokens, span_text
from ingest.laws import Citation, find_citations
from ingest.lexicon import FormHit, Lexicon, TokenTrie
from ingest.names import NAME_PARTICLES, norm, slug

P_DEFINED = 46  # "Full Name (Short)" persons and legal-form-first firms (ingest/entities/forms.py)
P_CITATION, P_COMPOUND, P_LEXICON, P_PATTERN, P_LEXICON_1, P_BOLD, P_SUFFIX, P_NER = 50, 45, 40, 35, 30, 24, 22, 20
_NER_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "LAW"}
_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those"}
_POSSESSIVE = {"'s", "\u2019s", "'", "\u2019"}
_INDEFINITE = {"a", "an", "any", "another", "every", "each", "future", "next"}
_MODIFIER_HEADS = {"military", "army", "navy"}
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
# Lower-case words allowed inside a multi-word name: person-name particles plus the joiners of org names.
_PARTICLES = NAME_PARTICLES | {"and", "&", "of"}


@dataclass
class Cand:
    start: int  # token span
    end: int
    type: str
    prio: int
    source: str
    key: str | None = None  # fixed id (lexicon entry or citation)
    name: str | None = None  # fixed canonical name
    kind: str | None = None
    citation: Citation | None = None
    is_title: bool = False
    extra: dict = field(default_factory=dict)

    def __len__(self) -> int:
        return self.end - self.start


def excluded_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges that are the document's own byline, credit, photo credit or paywall blurb."""
    out: list[tuple[int, int]] = []
    pos = 0
    lines_seen = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped and lines_seen < 3:
            # the byline: among the first lines (after a title heading: "# Title", then "*By Financial Times*")
            lines_seen += 1
            if re.match(r"^[*_]*(BY|By)\s+[A-Z]", stripped) and len(stripped) < 120:
                out.append((pos, pos + len(line)))
        if re.match(r"^[*_\s]*(?:\u00a9|\(c\)\s*\d{4}|Copyright\b)", stripped):
            out.append((pos, pos + len(line)))  # "© 2025 Global News, a division of Corus Entertainment Inc."
        elif AIRCRAFT_LINE.search(line):
            out.append((pos, pos + len(line)))  # aircraft identification lines: aircraft are not entities
        elif re.search(r"\b(first|originally) (appeared|published) (in|on)\b", line, re.I) or re.search(
            r"\b(subscribers? (receive|get)|sign up for a free|subscribe (now|today|to))\b", line, re.I
        ):
            out.append((pos, pos + len(line)))
        pos += len(line)
    for m in re.finditer(
        r"\((?:Photo:?\s*)?[A-Z][\w.\- ]{1,40}/[A-Z][\w.\- ]{1,40}\)"
        r"|\((?:Photos?|Photograph|Image|Credit):[^()\n]{1,120}\)",
        text,
    ):
        out.append((m.start(), m.end()))
    return out


_ORDER_TITLE = re.compile(
    r"(?:Executive[\s\u00a0]+Order|E\.[\s\u00a0]?O\.)[^\n\u201c\"]{0,60}?[\u201c\"]([^\u201d\"\n]{8,300})[\u201d\"]"
)


def order_title_ranges(text: str) -> list[tuple[int, int]]:
    """The quoted titles of executive orders ('E.O. 14059 of December 15, 2021, "Imposing Sanctions on Foreign
    Persons Involved in the Global Illicit Drug Trade"'): Title Case words that NER reads as names."""
    return [(m.start(1), m.end(1)) for m in _ORDER_TITLE.finditer(text)]


# The caption of an order's section, run in before its text: "Sec. 6. Effective Date. This order ...",
# "Section 1. Findings. (a) The Tren de Aragua ...". NER reads the Title Case caption as a name.
_SECTION_CAPTION = re.compile(
    r"(?m)^[ \t\u00a0]*(?:Sec(?:tion)?|SEC(?:TION)?)\.?[ \t\u00a0]+\d{1,3}[A-Za-z]?\.[ \t\u00a0]+"
    r"([A-Z][\w\u2019'\-]*(?:[ \t\u00a0]+(?:[A-Z][\w\u2019'\-]*|of|and|or|the|for|with|to|on|in|by))*)\."
)


def heading_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of heading paragraphs: Markdown "#" lines and short Title Case paragraphs
    without final punctuation ("A Multilateral Approach", "Cutting-Edge Technology"). NER reads
    capitalised heading words as names; a name seen only in a heading is not taken from NER.
    Paragraphs are blank-line separated when the text has blank lines (hard-wrapped), else lines."""
    sep = re.compile(r"\n[ \t\u00a0]*\n") if re.search(r"\n[ \t\u00a0]*\n", text) else re.compile(r"\n")
    out: list[tuple[int, int]] = []
    pos = 0
    for m in [*sep.finditer(text), None]:
        end = m.start() if m is not None else len(text)
        para = text[pos:end]
        stripped = para.strip().strip("*#_ ").strip()
        words = re.findall(r"[A-Za-z][\w\u2019'\-]*", stripped)
        if para.lstrip().startswith("#") or (
            words
            and len(words) <= 20
            and not re.search(r"[.:;,!?\"\u201d)]$", stripped)
            and sum(w[0].isupper() for w in words) >= max(1, 0.6 * len(words))
        ):
            out.append((pos, end))
        pos = m.end() if m is not None else end
    out.extend((m.start(1), m.end(1)) for m in _SECTION_CAPTION.finditer(text))
    return sorted(out)


def _span_tokens(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.start, span.end


def lexicon_cands(doc: Doc, lex: Lexicon, trie: TokenTrie) -> list[Cand]:
    toks = doc_tokens(doc)
    out: list[Cand] = []
    for s, e, hits in trie.find(doc):
        plain = [h for h in hits if not h.is_title and h.context is None]
        ctx = [h for h in hits if h.context is not None and _country_before(doc, s, lex) == h.context]
        titles = [h for h in hits if h.is_title]
        chosen: FormHit | None = (plain or ctx or [None])[0]
        if chosen is not None and toks[e - 1].lower_ in _MODIFIER_HEADS and e < len(doc) and (
            toks[e].pos_ == "NOUN" or (toks[e].text == "-" and e + 1 < len(doc) and toks[e + 1].text[:1].islower())
        ):
            continue  # "Chinese military uses", "the Chinese military-industrial complex": only a modifier
        if (chosen is not None and e - s == 1 and lex.entries[chosen.entry_id].type == "Authority"
                and lex.is_us(chosen.entry_id) and _inside_foreign_name(toks, s, lex)):
            continue  # "Ukrainian Canadian Congress", "World Uyghur Congress", "Peruvian Congress": not the U.S. body
        if chosen is not None:
            entry = lex.entries[chosen.entry_id]
            prio = P_LEXICON if e - s > 1 else P_LEXICON_1
            district = _district_after(toks, e) if entry.by_district else None
            if district is not None:
                d_end, d_name = district
                out.append(Cand(s, d_end, entry.type, P_LEXICON, "lexicon", key=f"{entry.id}-{slug(d_name)}",
                                name=f"{entry.name} for the {d_name}", kind=entry.kind))
                continue
            out.append(Cand(s, e, entry.type, prio, "lexicon", key=entry.id, name=entry.name, kind=entry.kind))
        elif titles:
            entry = lex.entries[titles[0].entry_id]
            if e - s == 1 and not _person_follows(doc, e):
                continue  # "Senator" / "Rep." only name the chamber next to a person
            if lex.is_us(entry.id) and _foreign_country(doc, s, e, lex):
                continue  # "Ukraine's Attorney General", "the Attorney General of Mexico": not a U.S. office
            out.append(Cand(s, e, entry.type, P_LEXICON, "title", key=entry.id, name=entry.name, is_title=True))
    return out


_US_MARKERS = {"u.s.", "us", "u.s", "united", "states", "american", "america", "usa", "u.s.a."}


def _inside_foreign_name(toks: list, s: int, lex: Lexicon) -> bool:
    """A one-word U.S. body form ("Congress", "Treasury", "Commerce") that ends a longer name: a non-American
    demonym right before it ("Peruvian Congress"), or a statistical NER name that starts earlier with no U.S.
    marker in it ("Ukrainian Canadian Congress", "Iran Chamber of Commerce")."""
    if s == 0:
        return False
    prev = toks[s - 1].lower_
    if prev in lex.demonyms and lex.demonyms[prev] != "united-states" and toks[s - 1].text[:1].isupper():
        return True
    if toks[s].ent_iob_ != "I":
        return False
    b = s - 1
    while b > 0 and toks[b].ent_iob_ == "I":
        b -= 1
    return not any(toks[k].lower_ in _US_MARKERS for k in range(b, s))


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
    """ "for the (Central) District of California" / "for the District of Columbia" after an office that exists
    per judicial district: (end token, "Central District of California")."""
    n = len(toks)
    if e + 3 >= n or toks[e].lower_ != "for" or toks[e + 1].lower_ != "the":
        return None
    k = e + 2
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
    if toks[i].lower_ in lex.demonyms:
        return lex.demonyms[toks[i].lower_]
    if toks[i].text in _POSSESSIVE and i > 0:
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
        span = _span_tokens(doc, c.start, c.end)
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
            span = _span_tokens(doc, m.start(), m.end())
            if span is None or any(a < span[1] and span[0] < b for a, b in taken):
                continue
            f = full[0]
            out.append(Cand(*span, "Law", P_CITATION, "citation", key=f.key, name=f.name, kind=f.kind))
    return out


_YEARLY_ACTS = ("Appropriations", "Authorization")
_SHORT_SECTION = re.compile(r"\b[Ss]ection\s+\d{1,5}[A-Za-z]?(?:\([a-zA-Z0-9]{1,5}\))*")


def pattern_cands(doc: Doc, lex: Lexicon, person_surnames: set[str]) -> list[Cand]:
    """Governments as actors: "<demonym> government/regime", "the government of <country>",
    "the <Surname> administration" (not "a Biden administration": indefinite, hypothetical)."""
    toks = doc_tokens(doc)
    out: list[Cand] = []
    n = len(doc)
    for i, tok in enumerate(toks):
        low = tok.lower_
        if low in {"government", "regime"} and i > 0 and toks[i - 1].lower_ in lex.demonyms:
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


_BOLD = re.compile(r"\*\*[\s\u00a0]*([^*\n]{2,120}?)[\s\u00a0]*\*\*")


def bold_cands(doc: Doc, covered: list[Cand | None], lex: Lexicon, text: str | None = None) -> list[Cand]:
    """Markdown bold names: Treasury releases bold each designated person or entity at first mention
    ("** Natalya Valeryevna Popova** (Popova) is ..."). NER often misses names next to the markers."""
    toks = doc_tokens(doc)
    out: list[Cand] = []
    for m in _BOLD.finditer(doc_text(doc) if text is None else text):
        span = _span_tokens(doc, m.start(1), m.end(1))
        if span is None:
            continue
        s, e = span
        while s < e and (toks[s].is_punct or toks[s].is_space or toks[s].lower_ in _DETERMINERS):
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
        if not all(w[:1].isupper() or w.lower() in _PARTICLES or not w.isalpha() for w in words):
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
        if low in LEGAL_SUFFIXES or low in _MORE_SUFFIXES:
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
                if (toks[end].lower_ in LEGAL_SUFFIXES or toks[end].lower_ in _MORE_SUFFIXES) and toks[
                    end
                ].text[:1].isupper():
                    end += 1  # "R Inver Corp S.A.C."
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
                or (
                    toks[j].text[:1].isupper()
                    and toks[j].is_alpha | ("." in toks[j].text) | ("-" in toks[j].text) | toks[j].like_num
                )
                or (toks[j].lower_ in _NAME_JOINERS and j > 0 and toks[j - 1].text[:1].isupper())
            ):
                if toks[j].lower_ in _DETERMINERS or (toks[j].lower_ in LEGAL_SUFFIXES and toks[j].text[:1].isupper()):
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
            if i - start >= 1:
                out.append(Cand(start, end, "Company", P_SUFFIX, "suffix"))
            i = end
            continue
        i += 1
    return out


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
                or not toks[s].text[:1].isupper()
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
            if toks[e - 1].lower_ in EVENT_HEADS or _attributive(doc, e):
                continue
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
            prio = P_COMPOUND if ent.label_ != "PERSON" and _is_compound(doc, s, e, covered) else P_NER
            kind = law_kind(text) if etype == "Law" else None
            out.append(Cand(s, e, etype, prio, "ner", kind=kind, extra={"label": ent.label_}))
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
    if s < 2 or toks[s - 1].text not in _POSSESSIVE:
        return False
    owner = covered[s - 2]
    return owner is not None and owner.type == "Authority" and not owner.is_title


def _attributive(doc: Doc, e: int) -> bool:
    """ "Mulan-related", "Xinjiang-made": a name used as the first half of a hyphenated adjective."""
    toks = doc_tokens(doc)
    return e + 1 < len(doc) and toks[e].text == "-" and toks[e + 1].text[:1].islower()


def _title_prefix_org(doc: Doc, s: int, e: int, covered: list[Cand | None]) -> list[Cand]:
    """The employer named before a title inside a PERSON span ("Huawei" in "Huawei CFO Meng Wanzhou")."""
    toks = doc_tokens(doc)
    while s < e and (toks[s].lower_ in _DETERMINERS or toks[s].is_space):
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
        if toks[i].text in _POSSESSIVE and i + 1 < e and toks[i + 1].lower_ in _TITLED_BODIES and all(
            t.lower_ in TITLE_WORDS or t.lower_ == "prosecutor" for t in toks[cur:i]
        ):
            continue  # "the Prosecutor General's Office", "the Mayor's Office": one body named by its head's title
        if toks[i].text in _POSSESSIVE or (toks[i].is_space and toks[i].text.count("\n") > 1):
            pieces.append((cur, i))
            cur = i + 1
    pieces.append((cur, e))
    return [(a, b) for a, b in pieces if b > a]


_NOT_A_NAME = re.compile(r"^(?:frequently asked questions?|faqs?|general licen[cs]es?|make & model)\b")
_BODY_WORDS = COMPANY_HEADS | AUTHORITY_HEADS | ORGANIZATION_HEADS
_BUSINESS_LAST = {"market", "marketplace", "casino", "hotel", "resort", "restaurant", "pharmacy", "exchange"}
_META = re.compile(r"^(?:DOB|POB|AKA|FKA|NKA)$|[a-z](?:AKA|DOB|POB)$")
_TITLED_BODIES = {"office", "bureau", "secretariat", "chancellery", "cabinet"}

_HYPHEN_ADJ = re.compile(
    r"^.*-(designated|based|owned|controlled|linked|backed|affiliated|sanctioned|listed|registered|flagged|origin|made|run|led|operated)$"
)


def strip_hyphen_adjectives(doc: Doc, s: int, e: int) -> int:
    """ "U.S.-designated Koryo Bank", "UN- and U.S.-designated X", "Iran-based X": the name starts after."""
    toks = doc_tokens(doc)
    last = None
    for i in range(s, e - 1):
        t = toks[i].text
        if _HYPHEN_ADJ.match(t) or (t == "-" and i + 1 < e and _HYPHEN_ADJ.match("-" + toks[i + 1].text)):
            last = i + (0 if _HYPHEN_ADJ.match(t) else 1)
    return s if last is None else last + 1


def _clean(doc: Doc, s: int, e: int, label: str, covered: list[Cand | None]) -> tuple[int, int]:
    toks = doc_tokens(doc)
    s = strip_hyphen_adjectives(doc, s, e)
    while s < e and (toks[s].is_space or toks[s].is_punct or toks[s].lower_ in _DETERMINERS):
        s += 1
    while e > s and (
        toks[e - 1].is_space
        or (toks[e - 1].is_punct and toks[e - 1].text not in {".", ")"})
        or toks[e - 1].text in _POSSESSIVE
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
        and not _HYPHEN_ADJ.match("-" + toks[e + 1].text)
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
        while e > s + 1 and (toks[e - 1].text[:1].islower() and toks[e - 1].lower_ not in _PARTICLES):
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


def _is_compound(doc: Doc, s: int, e: int, covered: list[Cand | None]) -> bool:
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
    if any(t.text in _POSSESSIVE for t in rest):
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
        return "Place"
    if label == "LAW":
        if not re.search(r"[A-Z][a-z]", text) or len(words) < 2:
            return None
        if re.fullmatch(r"(Section|Sec\.?|Sections)\s+\d+[a-z]?\.?", text):
            return None  # "Section 1" of the order itself
        return "Law"
    return None


def _cap_run(doc: Doc, i: int, covered: list[Cand | None], max_len: int = 5) -> int:
    """End of a run of capitalised, uncovered name tokens starting at i (i itself if none)."""
    toks = doc_tokens(doc)
    j = i
    while (
        j < len(doc)
        and j - i < max_len
        and covered[j] is None
        and (toks[j].text[:1].isupper() or (j > i and toks[j].text in {"&"}))
        and (toks[j].is_alpha or toks[j].text in {"&"} or toks[j].like_num or "-" in toks[j].text)
    ):
        if toks[j].lower_ in TITLE_WORDS and j == i:
            break
        j += 1
        # "SMT-iLogic", "Bona-Habitat": a name piece glued on by a hyphen
        while (
            j + 1 < len(doc)
            and toks[j].text == "-"
            and not toks[j - 1].whitespace_
            and not toks[j].whitespace_
            and covered[j] is None
            and covered[j + 1] is None
            and toks[j + 1].is_alpha
            and any(ch.isupper() for ch in toks[j + 1].text)
        ):
            j += 2
    return j


def descriptor_cands(doc: Doc, covered: list[Cand | None], lex: Lexicon) -> list[Cand]:
    """Firms named next to a word that says what they are: "drone maker DJI", "the aluminum giant
    Rusal", "the Sandler Travis law firm", "companies like Alibaba"."""
    toks = doc_tokens(doc)
    out: list[Cand] = []
    n = len(doc)
    for i, t in enumerate(toks):
        low = t.lower_
        if low in _DESCRIPTORS and t.text[:1].islower() and i + 1 < n:
            e = _cap_run(doc, i + 1, covered)
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
            named = s < e and toks[s].lower_ not in _DETERMINERS and span_text(doc, s, e).lower() not in lex.demonyms
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
                e = _cap_run(doc, k, covered)
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
            e = _cap_run(doc, k, owner)
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


def select(cands: list[Cand], n_tokens: int) -> tuple[list[Cand], list[Cand | None]]:
    """One candidate per token: by priority, then length, then position."""
    owner: list[Cand | None] = [None] * n_tokens
    chosen: list[Cand] = []
    for c in sorted(cands, key=lambda c: (-c.prio, -len(c), c.start)):
        if any(owner[i] is not None for i in range(c.start, c.end)):
            continue
        for i in range(c.start, c.end):
            owner[i] = c
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen, owner


def coverage(cands: list[Cand], n_tokens: int) -> list[Cand | None]:
    owner: list[Cand | None] = [None] * n_tokens
    for c in sorted(cands, key=lambda c: (c.prio, len(c))):
        for i in range(c.start, c.end):
            owner[i] = c
    return owner
