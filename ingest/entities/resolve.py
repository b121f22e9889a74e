"""Within-document resolution: which chosen candidates are one entity, its canonical name and its id.

Merges (in this order):
  1. fixed keys: lexicon entries and citations carry their own id;
  2. definitions: "Bureau of Industry and Security (BIS)", "Julio Cesar Aviles Castillo (Aviles)",
     "X (a.k.a. Y; a.k.a. Z)", "X, also known as Y" -> Y is an alias of X, and later bare uses of Y too;
  3. the same normalised name (scorer-compatible `norm`) is one entity;
  4. short forms: a one-token person name that is the first or last word of exactly one full person
     name ("Kudlow", "Meng"); a company/organisation name that is a word-prefix of exactly one longer
     one ("Megvii" -> "Megvii Technology").
Generic anaphora ("the Department", "the agency") never become candidates, so they are never aliases.

Ids: lexicon/citation ids are fixed; any other id is the slug of the normalised canonical name, so it
depends only on the name, never on document order or on other documents.
"""

from __future__ import annotations

import re
from collections import defaultdict

from spacy.tokens import Doc

from ingest.entities.bare_bodies import bare_body_moves
from ingest.entities.candidates import Cand
from ingest.entities.head_words import LEGAL_SUFFIXES
from ingest.entities.ministry_ids import ministry_id
from ingest.entities.person_words import COUNTRY_DEMONYM, DEMONYMS, TITLE_WORDS
from ingest.extensions import EntityRecord, Mention, doc_text, doc_tokens, span_text
from ingest.names import NAME_PARTICLES, norm, person_canonical, slug

_AKA = re.compile(
    r"^[\s\u00a0]*[,(]?[\s\u00a0]*"
    r"(?:a\.k\.a\.?|aka|also known as|f\.k\.a\.?|formerly known as|also referred to as)"
    r"[\s\u00a0]*[:,]?[\s\u00a0]*",
    re.I,
)
_ALIAS_ITEM = re.compile(
    r"[\s\u00a0]*[\"“”'‘’*]*([^;,()\"“”*\n]{2,80}?)[\"“”'‘’*]*[\s\u00a0]*"
    r"(?=[;,)*]|$|\n| and | or | is | are | was | were |[\s\u00a0]+(?:AKA|A\.K\.A\.|DOB|POB|Nationality|Passport)\b)"
)


# parenthesised words after a person's name that are not a nickname ("(Chairman)", "(Deceased)")
_NOT_NICKNAMES = TITLE_WORDS | {"deceased", "retired", "ret", "individual", "entity", "spouse", "son", "daughter"}


class _Group:
    __slots__ = ("key", "type", "name", "kind", "cands", "extra_aliases", "aliased")

    def __init__(self, key: str, c: Cand) -> None:
        self.key = key
        self.type = c.type
        self.name = c.name
        self.kind = c.kind
        self.cands: list[Cand] = []
        self.extra_aliases: list[str] = []
        self.aliased: set[int] = set()  # candidates that joined as a defined alias (never the canonical name)


def _text(doc: Doc, c: Cand) -> str:
    return span_text(doc, c.start, c.end)


def _key(doc: Doc, c: Cand, lex_norms: dict[str, str]) -> str:
    if c.key:
        return c.key
    n = norm(_text(doc, c))
    if n in lex_norms and c.type != "Person":
        return lex_norms[n]
    # one name is one entity whatever type NER gave each mention ("Nvidia" as GPE and as ORG)
    return f"N:{n}"


def definitions(doc: Doc, chosen: list[Cand]) -> list[tuple[Cand, str, int, int]]:
    """(defining candidate, alias text, alias char start, alias char end) for parenthesised short
    forms and a.k.a. lists right after a candidate."""
    toks = doc_tokens(doc)
    text = doc_text(doc)
    out: list[tuple[Cand, str, int, int]] = []
    prev_of: dict[int, Cand] = {}
    # start char -> end char of lexicon-keyed candidates: "(UAE)" is a place, "(Wuhan XRZ)" only starts with one
    keyed = {toks[c.start].idx: toks[c.end - 1].idx + len(toks[c.end - 1].text) for c in chosen if c.key}
    for a, b in zip(chosen, chosen[1:], strict=False):
        between = span_text(doc, a.end, b.start).strip().lower()
        if between in {"of", "of the"} and a.type != "Law":
            prev_of[id(b)] = a
    for c in chosen:
        if c.is_title or c.type == "Law" and c.source == "citation":
            continue
        end_char = toks[c.end - 1].idx + len(toks[c.end - 1].text)
        window = text[end_char : end_char + 400]
        # "ALBA de Nicaragua, S.A.'s (Albanisa)": a possessive may stand between the name and its short form
        m = re.match(r"^(?:['’]s)?[\s\u00a0*_]*\((?![Aa]\.?k\.?a)[\"“]?([^()\"“”]{1,40}?)[\"”]?\)", window)
        if m:
            # "(** Wuhan XRZ**)": emphasis inside the brackets is no part of the short form
            inner = m.group(1)
            lead = len(inner) - len(inner.lstrip(" *_\u00a0\n"))
            alias = inner.strip(" *_\u00a0\n")
            owner = c
            quoted = c.type == "Person" and alias[:1].isupper() and (
                re.search(r"[\"“”]", m.group(0))
                # "Mohammed Hamdan Daglo (Hemedti)": a nickname of one or two capitalised words
                or (
                    len(alias.split()) <= 2
                    and all(w[:1].isupper() and w.isalpha() and w.lower() not in _NOT_NICKNAMES for w in alias.split())
                )
            )
            if quoted:
                pass  # 'Jose Juvenal Velandia ("Ivan Rios")': a person's quoted alias or nom de guerre
            elif not _is_short_form(alias, _text(doc, c), c.type):
                # "the National Development Fund of Iran (NDF)": the acronym belongs to the name before "of"
                prev = prev_of.get(id(c))
                owner = (
                    prev
                    if prev is not None and _is_short_form(alias, span_text(doc, prev.start, c.end), prev.type)
                    else None
                )
            a_start = end_char + m.start(1) + lead
            if owner is not None and keyed.get(a_start) != a_start + len(alias) and alias:  # "(UAE)": a place
                out.append((owner, alias, a_start, a_start + len(alias)))
            continue
        # a native-script name in parentheses may come first: "Gan Xuebi (甘雪碧) a.k.a Bella Chen"
        native = re.match(r"^[\s\u00a0*]*\([^()A-Za-z]{1,40}\)", window)
        if native:
            end_char += native.end()
            window = window[native.end() :]
        m = _AKA.match(re.sub(r"^[\s\u00a0*]+", lambda x: " " * len(x.group(0)), window))
        if not m:
            continue
        pos = m.end()
        in_parens = window[: m.end()].lstrip().startswith("(")
        for _ in range(8):
            im = _ALIAS_ITEM.match(window, pos)
            if not im or not im.group(1).strip():
                break
            alias = im.group(1).strip().strip("*").strip()
            if alias and alias[0].isupper():
                a_start = end_char + im.start(1)
                out.append((c, alias, a_start, a_start + len(im.group(1).rstrip())))
            pos = im.end()
            nxt = window[pos : pos + 12]
            sep = re.match(
                r"^[\s\u00a0]*[;,][\s\u00a0]*(?:a\.k\.a\.?|aka)?[\s\u00a0]*|^[\s\u00a0]+(?:and|or)[\s\u00a0]+"
                r"|^[\s\u00a0]+(?:a\.k\.a\.?|aka):?[\s\u00a0]*",
                nxt,
                re.I,
            )
            if not sep or (not in_parens and not re.search(r"a\.?k\.?a", nxt, re.I)):
                break
            pos += sep.end()
    return out


def _is_short_form(alias: str, full: str, etype: str) -> bool:
    words = alias.split()
    if not words or len(words) > 4 or not alias[0].isalnum():
        return False
    if re.fullmatch(r"\d[\d\s,./-]*", alias) or re.search(r"\b(19|20)\d\d\b", alias):
        return False
    if etype == "Person":
        # "(Aviles)": one of the full name's own words
        return all(w in full.split() for w in words)
    letters = re.sub(r"[^A-Za-z]", "", alias)
    if (
        sum(ch.isupper() for ch in letters) >= 2
        and alias.upper() == alias.replace(" ", "").upper().replace(" ", "")
        and len(words) == 1
    ):
        # a body's acronym in its own language ("Sandinista National Liberation Front (FSLN)", "Military
        # Intelligence Directorate (DGIM)"): any capitals right after a name of several words
        if acronym_fits(letters, full):
            return True
        initials = {w[0].upper() for w in full.split() if w[:1].isupper()}
        return (
            len(initials) >= 2
            and 2 <= len(letters) <= 6
            and letters[0] in initials
            and alias.lower().strip(".") not in LEGAL_SUFFIXES
            and letters.lower() not in LEGAL_SUFFIXES
        )
    if alias.lower() in full.lower() and alias[0].isupper():
        return True
    full_words = full.split()
    if 2 <= len(words) <= 4 and full_words and words[0] == full_words[0] and all(w[:1].isupper() for w in words):
        # "Wuhan Xiaoruizhi Science and Technology Company, Limited (Wuhan XRZ)": the name's first word, then its
        # own words or an acronym of what follows
        rest = " ".join(full_words[1:])
        return all(w in full_words or (re.sub(r"[^A-Za-z]", "", w) and acronym_fits(re.sub(r"[^A-Za-z]", "", w), rest))
                   for w in words[1:])
    # a short name made of the name's syllables: "Caruna" for "... Caja Rural Nacional RL", "Bancorp" for
    # "Banco Corporativo, S.A.", "Albanisa" for "ALBA de Nicaragua, S.A."
    return len(words) == 1 and alias[0].isupper() and alias.isalpha() and acronym_fits(alias, full)


def acronym_fits(acronym: str, full: str) -> bool:
    """ "BIS" fits "Bureau of Industry and Security", "OFAC" fits "Office of Foreign Asset Control",
    "NDF" does not fit "Iran": the acronym's letters are a subsequence of the name's letters and its
    first letter is the name's first letter."""
    name = re.sub(r"[^A-Za-z ]", " ", full)
    if not name.strip():
        return False
    a = acronym.upper()
    n = name.upper().replace(" ", "")
    if a[0] != n[0]:
        return False
    it = iter(n)
    return all(ch in it for ch in a)


def resolve(
    doc: Doc, chosen: list[Cand], lex_norms: dict[str, str], lex_entries
) -> tuple[dict[str, EntityRecord], list[Mention]]:
    toks = doc_tokens(doc)
    groups: dict[str, _Group] = {}
    cand_group: dict[int, _Group] = {}

    def attach(c: Cand, key: str) -> None:
        g = groups.get(key)
        if g is None:
            g = groups[key] = _Group(key, c)
        g.cands.append(c)
        cand_group[id(c)] = g

    for c in chosen:
        attach(c, _key(doc, c, lex_norms))

    # 2. definitions: the alias candidate (if any) joins the defining entity; later bare uses follow
    alias_to_group: dict[str, _Group] = {}
    by_char = {toks[c.start].idx: c for c in chosen}
    for c, alias, a_start, _a_end in definitions(doc, chosen):
        g = cand_group[id(c)]
        alias_to_group.setdefault(alias, g)
        if alias not in g.extra_aliases:
            g.extra_aliases.append(alias)
        other = by_char.get(a_start)
        if other is not None and cand_group[id(other)] is not g and not other.key:
            _move(other, g, cand_group)
            g.aliased.add(id(other))
    if alias_to_group:
        for c in chosen:
            t = _text(doc, c)
            g = alias_to_group.get(t)
            if g is not None and cand_group[id(c)] is not g and not c.key:
                _move(c, g, cand_group)
                g.aliased.add(id(c))

    texts = {id(c): _text(doc, c) for c in chosen}
    _join_shorter_person_names(chosen, texts, cand_group, groups)

    # 4. short forms (indexed by word, so this is linear in the number of mentions)
    person_words: dict[str, set[int]] = defaultdict(set)
    firm_prefix: dict[tuple[str, ...], set[int]] = defaultdict(set)
    gid = {id(g): g for g in groups.values()}
    for g in _live(groups, cand_group, chosen):
        for x in g.cands:
            words = texts[id(x)].split()
            if g.type == "Person" and len(words) > 1:
                person_words[words[0]].add(id(g))
                person_words[words[-1]].add(id(g))
                for w in words[1:-1]:
                    # "Acuna" for "Daniela Alejandra Acuna Macias": Spanish names are cited by the paternal
                    # surname, which is not the last word (particles and initials never stand alone)
                    if len(w) > 2 and w[:1].isupper() and w.lower() not in NAME_PARTICLES:
                        person_words[w].add(id(g))
            if g.type in ("Company", "Organization") and ":" in g.key and len(words) > 1:
                lw = tuple(w.lower() for w in words)
                for k in range(1, len(lw)):
                    firm_prefix[lw[:k]].add(id(g))
    for c in chosen:
        g = cand_group[id(c)]
        if c.key or c.is_title:
            continue
        words = texts[id(c)].split()
        if len(words) == 1 and (c.type == "Person" or c.extra.get("label") in ("PERSON", "ORG", "GPE")):
            hits = person_words.get(words[0], set()) - {id(g)}
            if len(hits) == 1:
                _move(c, gid[next(iter(hits))], cand_group)
                continue
            if len(hits) > 1 and c.type != "Person" and c.source == "ner":
                g.cands.remove(c)  # "Makhluf" with three Makhlufs in the text: a person, but which one
                continue
        if c.type in ("Company", "Organization", "Person") or (c.type == "Place" and c.source == "ner"):
            hits = firm_prefix.get(tuple(w.lower() for w in words), set()) - {id(g)}
            if len(hits) == 1 and not (
                c.type == "Person" and len(words) > 1 and gid[next(iter(hits))].cands[0].source == "group"
            ):  # a group named after its leader ("the Zhao Wei TCO") does not take the leader's full name
                _move(c, gid[next(iter(hits))], cand_group)

    for c, g in bare_body_moves(chosen, texts, cand_group, _live(groups, cand_group, chosen)):
        _move(c, g, cand_group)

    records: dict[str, EntityRecord] = {}
    mentions: list[Mention] = []
    for g in _live(groups, cand_group, chosen):
        rec = _record(doc, g, lex_entries, records)
        if rec.id in records and records[rec.id].type == rec.type:
            prev = records[rec.id]  # e.g. an act first met inside a section citation
            prev.aliases.extend(a for a in rec.aliases if a not in prev.aliases)
            rec = prev
        records[rec.id] = rec
        for c in sorted(g.cands, key=lambda c: c.start):
            m = _mention(doc, c, rec.id)
            rec.mentions.append(m)
            mentions.append(m)
            if c.citation is not None and c.citation.parent is not None:
                _nested_parent(doc, c, records, mentions)
    mentions.sort(key=lambda m: (m.start, -m.end))
    return records, mentions


def _join_shorter_person_names(chosen: list[Cand], texts: dict[int, str], cand_group, groups) -> None:
    """ "Ryan Wedding" (a headline) and "Ryan James Wedding" (the body) are one person: a person name of two
    or more words joins the one fuller person name with the same first and last word and the other words
    in the same order. Two fuller candidates ("Ali Reza Khan", "Ali Akbar Khan") leave it alone."""
    fuller: dict[tuple[str, str], set[int]] = defaultdict(set)
    words_of: dict[int, list[str]] = {}
    gid = {id(g): g for g in groups.values()}
    for c in chosen:
        g = cand_group[id(c)]
        if g.type != "Person" or c.is_title:
            continue
        words = [w.lower() for w in texts[id(c)].replace(",", " ").split()]
        if len(words) >= 3:
            fuller[(words[0], words[-1])].add(id(g))
            words_of[id(g)] = max(words_of.get(id(g), []), words, key=len)
    if not fuller:
        return
    for c in chosen:
        g = cand_group[id(c)]
        if c.is_title or c.key:
            continue
        words = [w.lower() for w in texts[id(c)].replace(",", " ").split()]
        if g.type != "Person":
            # "Von der Leyen" read as a firm: a surname with its particles is the person's
            if 2 <= len(words) <= 3 and words[0] in NAME_PARTICLES and c.source == "ner":
                k = len(words)
                hits = {h for h in words_of if len(words_of[h]) > k and words_of[h][-k:] == words and gid[h].cands}
                if len(hits) == 1:
                    _move(c, gid[next(iter(hits))], cand_group)
            continue
        if len(words) < 2:
            continue
        hits = fuller.get((words[0], words[-1]), set()) - {id(g)}
        hits = {h for h in hits if len(words_of[h]) > len(words) and _in_order(words, words_of[h])}
        if not hits:
            # the given names alone: "Edgar Aaron" for "Edgar Aaron Vazquez Alvarado"
            hits = {h for h in words_of if h != id(g) and words_of[h][: len(words)] == words}
        if not hits and len(words) == 2:
            # the two surnames: "Rangel Silva" for "Henry de Jesus Rangel Silva", "Carvajal Barrios" (a fuller
            # name that has itself joined a fuller one no longer counts)
            hits = {
                h
                for h in words_of
                if h != id(g) and len(words_of[h]) > 2 and words_of[h][-2:] == words and gid[h].cands
            }
        if len(hits) == 1:
            _move(c, gid[next(iter(hits))], cand_group)


def _in_order(short: list[str], full: list[str]) -> bool:
    it = iter(full)
    return all(w in it for w in short)


def _move(c: Cand, g: _Group, cand_group: dict[int, _Group]) -> None:
    old = cand_group[id(c)]
    old.cands.remove(c)
    g.cands.append(c)
    cand_group[id(c)] = g


def _live(groups: dict[str, _Group], cand_group, chosen) -> list[_Group]:
    return [g for g in groups.values() if g.cands]


def _record(doc: Doc, g: _Group, lex_entries, existing: dict[str, EntityRecord]) -> EntityRecord:
    surfaces = []
    for c in g.cands:
        if c.is_title:
            continue
        t = re.sub(r"[ \t]*\n[\s]*", " ", _text(doc, c))
        if t not in surfaces:
            surfaces.append(t)
    for c in g.cands:
        for a in c.extra.get("aliases", ()):
            if a and a not in surfaces:
                surfaces.append(a)
    for a in g.extra_aliases:
        if a not in surfaces:
            surfaces.append(a)
    # the group's type: the fixed one, else the type of most of its mentions (ties: the first seen)
    etype = g.type
    kind = g.kind
    if g.name:
        name = g.name
        eid = g.key if ":" not in g.key else slug(norm(name))
        if ":" in g.key and etype == "Authority":
            eid = ministry_id(doc, g.cands, name) or eid  # a minister's title names a country's ministry
    else:
        etype = _group_type(doc, g)
        named = [
            re.sub(r"[ \t]*\n[\s]*", " ", _text(doc, c)) for c in g.cands if id(c) not in g.aliased and not c.is_title
        ]
        longest = max(named or surfaces or [_text(doc, g.cands[0])], key=lambda s: (len(s.split()), len(s)))
        name = re.sub(r"^[Tt]he\s+", "", re.sub(r"[\s\u00a0]+", " ", longest)).strip()
        if etype == "Person":
            name = person_canonical(name)
            eid = slug(name)
        else:
            # "Import & Export" and "Import and Export" are one firm in every document
            eid = slug(norm(re.sub(r"\s&\s", " and ", name))) or slug(name)
            if etype == "Company":
                eid = _without_demonym(name) or eid
            elif etype == "Authority":
                eid = ministry_id(doc, g.cands, name) or _demonym_first(name) or eid
        if etype == "Law" and not kind:
            kind = next((c.kind for c in g.cands if c.kind), "statute")
        if (eid in existing and existing[eid].type != etype) or (eid in lex_entries and lex_entries[eid].type != etype):
            # never take the id of another node ("Australia Group" is not the country "australia"); a name whose
            # id is a lexicon entry's of the same type is that entry ("Washington, DC" = washington-dc)
            eid = f"{eid}-{etype.lower()}"
    if etype != "Law":
        kind = None
    aliases = surfaces if surfaces else [name]
    return EntityRecord(id=eid, name=name, type=etype, kind=kind, aliases=aliases)


def _without_demonym(name: str) -> str | None:
    """The id of a firm named with its country's adjective in front ("Libyan National Oil Corporation"): the
    id of the name without it ("National Oil Corporation"), so both forms are one node in every document.
    Only when two words or more remain ("Russian Railways" keeps its own id)."""
    words = name.split()
    if len(words) < 3 or words[0].lower() not in DEMONYMS:
        return None
    rest = norm(re.sub(r"\s&\s", " and ", " ".join(words[1:])))
    return slug(rest) if len(rest.split()) >= 2 else None


def _demonym_first(name: str) -> str | None:
    """The id of a state body named after its country ("National Police of Nicaragua", "Armed Forces of
    Venezuela"): the id of the adjective form ("Nicaraguan National Police"), so both spellings are one node in
    every document."""
    m = _OF_COUNTRY.match(name)
    if m is None:
        return None
    demonym = COUNTRY_DEMONYM.get(m.group(2).lower())
    return slug(norm(f"{demonym} {m.group(1)}")) if demonym else None


_OF_COUNTRY = re.compile(r"^(.+?)\s+of\s+(?:the\s+)?([A-Z][\w .'\u2019-]+)$")


# When NER's labels disagree, firms and bodies win over persons and places: NER calls unknown firm
# names GPE or PERSON far more often than the reverse.
_TYPE_PREFERENCE = {"Law": 6, "Authority": 5, "Organization": 4, "Company": 3, "Country": 2, "Person": 1, "Place": 0}


def _group_type(doc: Doc, g: _Group) -> str:
    """The type of the fullest mention (an acronym's NER type is the least reliable); among equally
    full mentions, the most frequent type, then the preferred one."""
    if any(c.extra.get("described") for c in g.cands):
        return "Organization"  # the text calls it a group or an organisation somewhere (ner_cands)
    longest = max(len(_text(doc, c).split()) for c in g.cands)
    full = [c for c in g.cands if len(_text(doc, c).split()) == longest]
    if any(c.prio > 20 for c in full):  # a rule-made candidate (suffix, descriptor, bold...) beats NER
        full = [c for c in full if c.prio == max(x.prio for x in full)]
    votes: dict[str, int] = {}
    for c in full:
        votes[c.type] = votes.get(c.type, 0) + 1
    return max(votes, key=lambda t: (votes[t], _TYPE_PREFERENCE.get(t, 0)))


def _mention(doc: Doc, c: Cand, eid: str) -> Mention:
    span = doc[c.start : c.end]
    return Mention(span.start_char, span.end_char, span.text, eid, c.start, c.end, source=c.source)


def _nested_parent(doc: Doc, c: Cand, records: dict[str, EntityRecord], mentions: list[Mention]) -> None:
    """A section citation also mentions its act: give the act a record and a nested mention."""
    p = c.citation.parent
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None:
        return
    rec = records.get(p.id)
    if rec is None:
        rec = records[p.id] = EntityRecord(id=p.id, name=p.name, type="Law", kind=p.kind, aliases=[])
    # "15 C.F.R. section 744.8" names the section; its part is only implied, so the text is not the part's alias
    implied = p.start == c.citation.start and p.end == c.citation.end
    surface = re.sub(r"\s+", " ", span.text)  # "Immigration and Nationality\nAct" in hard-wrapped text
    if surface not in rec.aliases and not implied:
        rec.aliases.append(surface)
    m = Mention(span.start_char, span.end_char, span.text, p.id, span.start, span.end, source="citation")
    rec.mentions.append(m)
    mentions.append(m)
    if c.citation.short:
        sec = records.get(c.citation.id)
        if sec is not None and c.citation.short not in sec.aliases:
            sec.aliases.append(c.citation.short)
