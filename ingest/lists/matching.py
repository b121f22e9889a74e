"""Extracted entities -> official list entries (pure: names in, links out).

A wrong link is worse than none (it would "confirm" a claim about someone else), so the matcher is built for
precision:

- names are compared in one normal form: transliterated to ASCII (anyascii: "Сбербанк" -> "Sberbank"), case
  folded, legal forms removed by rigour's multilingual table ("OOO", "Limited Liability Company", "GmbH",
  "Co., Ltd." ...), split into words by rigour's name tokenizer;
- a person's name is compared as a set of words, so OFAC's "LAST, First Middle" meets "First Middle Last";
  "First Last" (no middle name) meets it too, at a lower score;
- near matches (transliteration variants: "Mohammad" / "Mohammed") go through rapidfuzz, only for names of
  two words and ten characters or more, only between names of the same number of words, and only where the
  countries, when both sides know them, agree;
- types must be compatible (an SDN individual is a Person; an SDN entity a Company, Organization or
  Authority; vessels and aircraft are no extracted type); names made only of generic words ("Central Bank",
  "Trading Company"), short single words and names that find more than MAX_SAME entries of one list (common
  personal names) link nothing.

Blocking keeps it fast: exact keys are a dictionary lookup; near matches are looked for only among the entries
sharing the name's rarest word (bench/lists.py: 22,000 entries against 100,000 entities).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz import fuzz, process
from rigour.names import remove_org_types, tokenize_name

from ingest.lists.records import ListEntryRecord

PERSON_TYPES = frozenset({"Person"})
BODY_TYPES = frozenset({"Company", "Organization", "Authority"})
PARTY_TYPES = {"person": PERSON_TYPES, "entity": BODY_TYPES, "unknown": PERSON_TYPES | BODY_TYPES}
LINKABLE_TYPES = PERSON_TYPES | BODY_TYPES



def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


FUZZY_CUTOFF = 92.0  # rapidfuzz ratio (0-100) of two normal forms; below it no near match is taken
FUZZY_MIN_CHARS = 10
MAX_SAME = 3  # a key finding more entries of one list than this is a common name, not an identification
MAX_BLOCK = 400  # a word shared by more entries than this is no block
SCORES = {"exact": 1.0, "person_order": 1.0, "person_partial": 0.9}
UNIQUE_METHODS = frozenset({"person_partial", "fuzzy"})  # these must find one entry of a list, not several
WORD_CUTOFF = 80.0  # in a near match every word must be near its counterpart ("Finance" is not "Defence")
PARTIAL_MIN_LETTERS = 9
STOPWORDS = _wordset("of the and for de la del des di du")  # "Center of" / "Center for": no difference
# Parts of Arabic, Dutch, Spanish... names that name no one on their own.
PARTICLES = _wordset("al el bin ibn bint abu abd abdul ould de del la van von der den da di dos")

# Words that make no name on their own ("Central Bank", "Trading Company", "Ministry of Defense"): a key of
# only these names nobody in particular.
GENERIC = _wordset("""
military industrial international business trading trade group holding holdings technology technologies
development energy services service systems engineering research production investment investments management
capital global general new plant factory construction national state central bank staff family company
corporation enterprise enterprises center centre institute union financial finance security defense defence
oil gas petroleum shipping maritime logistics import export electronics electronic marine transport partners
solutions consulting of the and for de la ministry department office government authority agency committee
council bureau army navy force forces police court party university academy republic federal people peoples
international foundation association organization organisation services commercial islamic revolutionary
guard corps directorate administration province city port airlines airline
""")


@dataclass(frozen=True)
class Candidate:
    """An extracted entity as the matcher sees it."""

    id: str
    type: str
    names: tuple[str, ...]
    countries: tuple[str, ...] = ()


@dataclass(frozen=True)
class Link:
    entity_id: str
    entry_id: str  # ListEntry id (`<list>:<entry>`)
    score: float
    method: str


@lru_cache(maxsize=200_000)
def words(name: str) -> tuple[str, ...]:
    """Normal form of a name: ASCII, case folded, legal forms out, as words. Empty when nothing is left."""
    folded = anyascii(name).casefold()
    core = remove_org_types(folded, replacement=" ")
    tokens = tuple(t for t in tokenize_name(core) if t)
    return tokens or tuple(t for t in tokenize_name(folded) if t)


def _distinctive(tokens: tuple[str, ...]) -> bool:
    if not tokens or set(tokens) <= GENERIC:
        return False
    return len(tokens) >= 2 or len(tokens[0]) >= 5


def _person_name(toks: tuple[str, ...], min_letters: int = 0) -> bool:
    """Two words that are not particles ("Abd al-Rahman" is not enough), and `min_letters` letters in all."""
    return sum(1 for t in toks if t not in PARTICLES) >= 2 and sum(map(len, toks)) >= min_letters


def _person_keys(name: str) -> dict[str, str]:
    """Keys of a person's name -> method: the set of all its words, and given-first + last for 'LAST, First'."""
    if "," in name:
        last, _, given = name.partition(",")
        lt, gt = words(last), words(given)
        toks = lt + gt
    else:
        toks = words(name)
        lt, gt = toks[-1:], toks[:-1]
    keys: dict[str, str] = {}
    if _person_name(toks):
        keys[" ".join(sorted(toks))] = "person_order"
    # "First Last" for "LAST, First Middle"; short ones ("Soe Win", "Choe Un") name too many people
    if lt and gt and len(toks) > 2 and _person_name((gt[0], *lt), PARTIAL_MIN_LETTERS):
        keys.setdefault(" ".join(sorted((gt[0], *lt))), "person_partial")
    return keys


def _body_keys(name: str) -> dict[str, str]:
    toks = words(name)
    if len(toks) == 1:
        # one word left once the legal forms are out ("Orion" of "Orion LLC" and of "NPO Orion", "Sberbank" of
        # a dozen banks): such a name identifies a body only as written in full
        full = tuple(t for t in tokenize_name(anyascii(name).casefold()) if t)
        toks = full if len(full) > 1 else toks
    return {" ".join(toks): "exact"} if _distinctive(toks) else {}


def _words_agree(a: list[str], b: list[str], ordered: bool) -> bool:
    """Each word near its counterpart (same position for bodies; best partner for persons' word sets)."""
    if ordered:
        pairs = list(zip(a, b, strict=True))
    else:
        left = list(b)
        pairs = []
        for w in a:
            partner = max(left, key=lambda x: fuzz.ratio(w, x))
            left.remove(partner)
            pairs.append((w, partner))
    return all(x == y or (x in STOPWORDS and y in STOPWORDS) or fuzz.ratio(x, y) >= WORD_CUTOFF for x, y in pairs)


def _party(e: ListEntryRecord) -> str:
    """The entry's party; a list that does not say (BIS, State) still writes a person "LAST, First" and a firm
    with its legal form ("Co., Ltd."), which the normal form drops."""
    if e.party != "unknown" or "," not in e.name:
        return e.party
    folded = anyascii(e.name).casefold()
    return "person" if len(words(e.name)) == len(tuple(t for t in tokenize_name(folded) if t)) else e.party


class Linker:
    """An index of list entries; `link(candidates)` gives the links above the threshold."""

    def __init__(self, entries: Iterable[ListEntryRecord]) -> None:
        # key -> {entry id: method}, per kind of name (person keys are order-free word sets)
        self.person: dict[str, dict[str, str]] = defaultdict(dict)
        self.body: dict[str, dict[str, str]] = defaultdict(dict)
        self.types: dict[str, frozenset[str]] = {}
        self.list_of: dict[str, str] = {}
        self.countries: dict[str, frozenset[str]] = {}
        for e in entries:
            types = PARTY_TYPES.get(_party(e))
            if not types:
                continue  # vessels and aircraft: no extracted type
            self.types[e.id] = types
            self.list_of[e.id] = e.list_id
            self.countries[e.id] = frozenset(c.casefold() for c in e.countries)
            for name in e.names:
                if types & PERSON_TYPES and (_party(e) == "person" or "," in name):
                    for key, method in _person_keys(name).items():
                        self.person[key].setdefault(e.id, method)
                if types & BODY_TYPES:
                    for key in _body_keys(name):
                        self.body[key].setdefault(e.id, "exact")
        self._blocks = {kind: self._block(index) for kind, index in (("person", self.person), ("body", self.body))}

    @staticmethod
    def _block(index: dict[str, dict[str, str]]) -> dict[str, list[str]]:
        by_word: dict[str, list[str]] = defaultdict(list)
        for key in index:
            if len(key) >= FUZZY_MIN_CHARS and " " in key:
                for w in set(key.split()):
                    by_word[w].append(key)
        return {w: keys for w, keys in by_word.items() if len(keys) <= MAX_BLOCK}

    def _near(self, kind: str, key: str) -> str | None:
        """The indexed key nearest to `key` among those sharing its rarest word, if close enough."""
        if len(key) < FUZZY_MIN_CHARS or " " not in key:
            return None
        blocks = self._blocks[kind]
        shared = [blocks[w] for w in set(key.split()) if w in blocks and w not in GENERIC]
        if not shared:
            return None
        pool = [k for k in min(shared, key=len) if len(k.split()) == len(key.split())]
        for near, _score, _i in process.extract(key, pool, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=3):
            if _words_agree(key.split(), near.split(), ordered=kind == "body"):
                return near
        return None

    def _lookup(self, kind: str, key: str, method: str) -> list[tuple[str, float, str]]:
        index = self.person if kind == "person" else self.body
        found = index.get(key)
        if found:
            # the weaker of the two forms' methods ("First Last" against "LAST, First Middle": person_partial)
            return [(eid, min(SCORES[method], SCORES[m]), m if SCORES[m] < SCORES[method] else method)
                    for eid, m in found.items()]
        near = self._near(kind, key)
        if near is None:
            return []
        score = round(fuzz.ratio(key, near) / 100, 3)
        return [(eid, score, "fuzzy") for eid in index[near]]

    def match(self, c: Candidate) -> list[Link]:
        if c.type not in LINKABLE_TYPES:
            return []
        best: dict[str, tuple[float, str]] = {}
        for name in c.names:
            if c.type in PERSON_TYPES:
                hits = [h for key, m in _person_keys(name).items() if m == "person_order"
                        for h in self._lookup("person", key, "person_order")]
            else:
                hits = [h for key in _body_keys(name) for h in self._lookup("body", key, "exact")]
            for eid, score, method in hits:
                if c.type not in self.types[eid]:
                    continue
                if method == "fuzzy" and c.countries and self.countries[eid] and \
                        not self.countries[eid] & {x.casefold() for x in c.countries}:
                    continue  # a near name in another country is someone else
                if eid not in best or score > best[eid][0]:
                    best[eid] = (score, method)
        per_list: dict[str, int] = defaultdict(int)
        for eid in best:
            per_list[self.list_of[eid]] += 1
        return [Link(c.id, eid, score, method) for eid, (score, method) in sorted(best.items())
                if per_list[self.list_of[eid]] <= (1 if method in UNIQUE_METHODS else MAX_SAME)]

    def link(self, candidates: Iterable[Candidate]) -> list[Link]:
        return [link for c in candidates for link in self.match(c)]
