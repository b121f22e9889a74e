"""pg_entities: lexicon matches + legal citations + governments-as-actors patterns + spaCy NER with
type correction, resolved into one EntityRecord per real-world entity.

Leaves on the Doc:
  doc._.pg_mentions  every mention (Mention, sorted by start; a section citation and its act overlap)
  doc._.pg_entities  id -> EntityRecord (name, type, kind, aliases = every surface form, mentions)
All matchers are built once in the constructor; per document the work is one pass per source.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ingest import extensions  # noqa: F401  (registers doc._ extensions)
from ingest.entities.candidates import P_BOLD, P_COMPOUND, P_DEFINED, P_LEXICON_1, P_NER, Cand, coverage, select
from ingest.entities.chapters import chapter_cands
from ingest.entities.designee_lists import designee_cands
from ingest.entities.excluded_text import excluded_ranges, heading_ranges, order_title_ranges
from ingest.entities.firm_cands import appositive_firms, bare_repeats, bold_cands, descriptor_cands, suffix_cands
from ingest.entities.forms import (
    defined_persons,
    given_name_persons,
    kin_persons,
    patronymic_persons,
    prefixed_firms,
    vessel_norms,
)
from ingest.entities.government_cands import pattern_cands
from ingest.entities.group_names import group_cands
from ingest.entities.head_words import LEGAL_SUFFIXES
from ingest.entities.holderless import drop_holderless_titles
from ingest.entities.law_links import code_aliases, known_law_sections
from ingest.entities.lexicon_cands import citation_cands, lexicon_cands
from ingest.entities.minister_titles import minister_cands
from ingest.entities.ner_cands import coordinate, is_compound, ner_cands, not_nationality
from ingest.entities.order_title import order_title_record
from ingest.entities.resolve import resolve
from ingest.entities.sibling_names import sibling_cands
from ingest.extensions import doc_text, doc_tokens, span_text
from ingest.lexicon import Lexicon, load_lexicon
from ingest.names import norm


class EntityComponent:
    def __init__(self, nlp: Language, lexicon: Lexicon | None = None) -> None:
        self.lex = lexicon or load_lexicon()
        self.trie = self.lex.trie(nlp.make_doc)
        # normalised lexicon names -> id, to catch forms the trie could not see (odd spacing, NER spans)
        self.lex_norms: dict[str, str] = {}
        self.law_norms: dict[str, str] = {}
        for surface, hit, _exact in self.lex.forms:
            if hit.is_title or hit.context:
                continue
            n = norm(surface)
            entry = self.lex.entries[hit.entry_id]
            if len(n) > 2 and (" " in n or surface.isupper()):
                self.lex_norms.setdefault(n, hit.entry_id)
            if entry.type == "Law":
                self.law_norms.setdefault(n, hit.entry_id)
        # one-word places and countries by their lower-cased form: datelines in capitals ("BRUSSELS \u2014")
        self.caps_places: dict[str, str] = {}
        for surface, hit, _exact in self.lex.forms:
            entry = self.lex.entries[hit.entry_id]
            if entry.type in ("Place", "Country") and " " not in surface and not hit.is_title and not hit.context:
                self.caps_places.setdefault(surface.lower(), entry.id)
        self.person_surnames = {
            a.split()[-1] for e in self.lex.entries.values() if e.type == "Person" for a in (e.name, *e.aliases)
        }

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        text = doc_text(doc)  # built from the tokens on every access: read it once per Doc
        excluded = excluded_ranges(text)
        titles = order_title_ranges(text)
        fixed: list[Cand] = lexicon_cands(doc, self.lex, self.trie)
        fixed += citation_cands(doc, self.law_norms, self.lex, text)
        fixed += known_law_sections(doc, text, fixed, self.lex)
        fixed = _drop_generic_acts(fixed)
        fixed += pattern_cands(doc, self.lex, self.person_surnames)
        if "inister" in text:
            fixed += minister_cands(doc, self.lex, self.lex_norms)
        if "chapter" in text or "branch" in text:
            fixed += chapter_cands(doc, self.lex)
        covered = coverage(fixed, n)
        suffixed = suffix_cands(doc)
        for c in suffixed:
            if is_compound(doc, c.start, c.end, covered) or _names_a_place(doc, covered, c):
                c.prio = P_COMPOUND
        suffixed += bare_repeats(doc, [c for c in suffixed if c.prio == P_COMPOUND])
        demonyms = self.lex.demonyms
        # a name defined by its own short form, a firm by its legal form: stronger than NER's spans and compounds
        defined = defined_persons(doc, covered, demonyms, lambda s, e: Cand(s, e, "Person", P_DEFINED, "defined"))
        defined += patronymic_persons(doc, covered, demonyms, lambda s, e: Cand(s, e, "Person", P_BOLD, "patronymic"))
        defined += kin_persons(doc, covered, demonyms, lambda s, e: Cand(s, e, "Person", P_DEFINED, "defined"))
        defined += sibling_cands(doc)
        defined += given_name_persons(doc, covered, demonyms, lambda s, e: Cand(s, e, "Person", P_NER + 1, "given"))
        prefixed = prefixed_firms(
            doc, covered, lambda s, e, bare: Cand(s, e, "Company", P_DEFINED, "prefix", extra={"aliases": [bare]})
        )
        cands = (
            fixed
            + suffixed
            + defined
            + prefixed
            + group_cands(doc, covered, self.lex, self.lex_norms)
            + not_nationality(doc, descriptor_cands(doc, covered, self.lex), self.lex)
            + ner_cands(doc, covered, self.lex)
        )
        if "**" in text:
            cands += bold_cands(doc, covered, self.lex, text)
        if excluded:
            cands = [c for c in cands if not _inside(doc, c, excluded)]
        if titles:
            # an order's quoted or bracketed title: laws and lexicon places in it stay; NER's Title Case names and
            # the bodies it names go (a name inside another entity's name gives no entity, ONTOLOGY)
            cands = [
                c
                for c in cands
                if (c.prio >= P_LEXICON_1 and c.type in _IN_TITLES) or not _inside(doc, c, titles)
            ]
        headings = heading_ranges(text)
        if headings:
            cands = [
                c
                for c in cands
                if c.prio >= P_LEXICON_1
                or c.source in _STRUCTURAL
                or not _inside(doc, c, headings)
                or _seen_outside(doc, text, c, headings)
            ]
        cands += designee_cands(doc, covered)  # names opening the entries of designee lists
        vessels = vessel_norms(doc, text)
        if vessels:
            cands = [c for c in cands if c.key or norm(span_text(doc, c.start, c.end)) not in vessels]
        chosen, owner = select(cands, n)
        code_aliases(doc, text, chosen)
        # designation categories hold their tokens against other names, then leave: they are no node
        categories = [c for c in chosen if c.key and (e := self.lex.entries.get(c.key)) is not None and e.category]
        if categories:
            gone = {id(c) for c in categories}
            chosen = [c for c in chosen if id(c) not in gone]
        doc._.pg_non_entity_spans = [(c.start, c.end) for c in categories]
        appositive_firms(doc, chosen)
        added = not_nationality(doc, coordinate(doc, chosen, owner), self.lex)
        chosen = sorted(chosen + added, key=lambda c: c.start)
        chosen = [c for c in chosen if not _attributive_person(doc, c)]
        for c in chosen:
            if c.source == "ner" and not c.key and c.end - c.start == 1:
                word = doc_tokens(doc)[c.start].text
                eid = self.caps_places.get(word.lower()) if len(word) > 3 and word.isupper() else None
                if eid is not None:
                    entry = self.lex.entries[eid]
                    c.key, c.name, c.type = eid, entry.name, entry.type
        records, mentions = resolve(doc, chosen, self.lex_norms, self.lex.entries)
        records, mentions = drop_holderless_titles(doc, records, mentions)
        order = order_title_record(doc, text)
        if order is not None and order.id not in records:
            records[order.id] = order
        doc._.pg_entities = records
        doc._.pg_mentions = mentions
        return doc


_IN_TITLES = {"Law", "Country", "Place"}
# candidates read from a written convention, not from NER: a list line without final punctuation
# ("12. Zhanna Anatolyevna Ryabtseva, Member of State Duma") is not a heading for them
_STRUCTURAL = {"defined", "patronymic", "prefix"}


def _names_a_place(doc: Doc, covered: list[Cand | None], c: Cand) -> bool:
    """A legal-form name with a country or place inside it ("Petroleos de Venezuela, S.A.", "Bank of China
    Limited"): the firm's name, not a mention of the place."""
    inner = {id(x): x for x in covered[c.start : c.end] if x is not None}
    if not inner or not all(x.type in ("Country", "Place") and x.end < c.end for x in inner.values()):
        return False
    if all(x.start > c.start for x in inner.values()):
        return True
    # places opening the name ("Asia Pacific Links Ltd.", "Caspian Sea Shipping Co."): a firm when a word of
    # its own, not only the legal form, follows them
    toks = doc_tokens(doc)
    last = max(x.end for x in inner.values())
    return any(
        covered[k] is None and toks[k].is_alpha and toks[k].lower_ not in LEGAL_SUFFIXES for k in range(last, c.end)
    )


def _drop_generic_acts(cands: list[Cand]) -> list[Cand]:
    """A named-act citation that ends with a lexicon law ("... Under Global Magnitsky Act") yields to it."""
    lex_laws = [c for c in cands if c.source == "lexicon" and c.type == "Law"]
    if not lex_laws:
        return cands
    ends = {c.end: c for c in lex_laws}
    out = []
    for c in cands:
        if c.source == "citation" and c.kind == "statute" and c.citation is not None and c.citation.parent is None:
            inner = ends.get(c.end)
            if inner is not None and inner.start > c.start:
                continue
        out.append(c)
    return out


def _attributive_person(doc: Doc, c: Cand) -> bool:
    """ "a Biden administration", "the Maduro regime": the person is not mentioned, the body is."""
    toks = doc_tokens(doc)
    return c.type == "Person" and c.end < len(doc) and toks[c.end].lower_ in {"administration", "regime", "government"}


def _seen_outside(doc: Doc, full: str, c: Cand, ranges: list[tuple[int, int]]) -> bool:
    """Does the candidate's text also occur outside the heading lines?"""
    text = span_text(doc, c.start, c.end)
    start = 0
    while True:
        i = full.find(text, start)
        if i < 0:
            return False
        if not any(a <= i < b for a, b in ranges):
            return True
        start = i + 1


def _inside(doc: Doc, c: Cand, ranges: list[tuple[int, int]]) -> bool:
    toks = doc_tokens(doc)
    s = toks[c.start].idx
    return any(a <= s < b for a, b in ranges)
