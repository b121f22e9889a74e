"""The lexicons under ingest/lexicons/ (YAML data) loaded into one read-only `Lexicon`, and the token
trie that finds their surface forms in a Doc in one left-to-right pass.

Matching rules (why): one-token forms ("Commerce", "House", "EAR") are matched with their exact case,
because their lower-case forms are ordinary words; multi-token forms ("entity list", "US trade
representative") are matched case-insensitively. Whitespace tokens (spaCy makes "\\u00a0" a token) are
skipped, so "Department of\\u00a0State" still matches. Typographic apostrophes count as ASCII ones.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from spacy.tokens import Doc

from ingest.extensions import doc_tokens
from policygraph.yamlfile import read_yaml

LEXICON_DIR = Path(__file__).with_name("lexicons")
# The files this module owns (triggers.yaml in the same folder belongs to the actions component).
LEXICON_FILES = (
    "authorities.yaml",
    "countries.yaml",
    "places.yaml",
    "organizations.yaml",
    "companies.yaml",
    "persons.yaml",
    "laws.yaml",
)
US_PREFIXES = ("U.S.", "US", "United States")


@dataclass(frozen=True)
class LexEntry:
    id: str
    name: str
    type: str
    kind: str | None = None
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    country: str | None = None
    titles: tuple[str, ...] = ()
    administered_by: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    government_of: str | None = None
    title: str | None = None  # persons: the office they hold ("President")
    # offices that exist once per federal judicial district: "U.S. Attorney's Office for the Central
    # District of California" is its own body
    by_district: bool = False
    us: bool = False  # a U.S. body (its forms also match after "U.S." / "United States")
    # a designation category ("Specially Designated Global Terrorist", "Foreign Terrorist Organization"): what a
    # target is designated as, not an instrument. Matched so its words are no one's name and no trigger, but no node
    category: bool = False


@dataclass(frozen=True)
class FormHit:
    """What a surface form stands for. `context` forms count only after `country`'s demonym/possessive;
    `is_title` forms are role titles that name the body ("Secretary of State")."""

    entry_id: str
    context: str | None = None
    is_title: bool = False


def tok_key(text: str, exact: bool) -> str:
    t = text.replace("\u2019", "'").replace("\u2018", "'")
    return t if exact else t.lower()


@dataclass
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    hits: list[FormHit] = field(default_factory=list)


class TokenTrie:
    """Token-sequence trie with two key spaces (exact case / lower case). `find` is one pass over the
    doc; at each start it walks at most the longest form's length."""

    def __init__(self) -> None:
        self.exact = _Node()
        self.folded = _Node()

    def add(self, tokens: list[str], hit: FormHit, exact: bool) -> None:
        node = self.exact if exact else self.folded
        for t in tokens:
            node = node.children.setdefault(tok_key(t, exact), _Node())
        if hit not in node.hits:
            node.hits.append(hit)

    def find(self, doc: Doc) -> Iterator[tuple[int, int, list[FormHit]]]:
        """Yield (token_start, token_end, hits) for the longest form starting at each token."""
        toks = doc_tokens(doc)
        index = [i for i, t in enumerate(toks) if not t.is_space]
        # both key spaces computed once per token, not once per trie step
        exact_keys = [tok_key(toks[i].text, True) for i in index]
        folded_keys = [k.lower() for k in exact_keys]
        n = len(index)
        for k in range(n):
            best: tuple[int, list[FormHit]] | None = None
            for node, keys in ((self.exact, exact_keys), (self.folded, folded_keys)):
                j = k
                while j < n:
                    node = node.children.get(keys[j])
                    if node is None:
                        break
                    j += 1
                    if node.hits and (best is None or index[j - 1] + 1 > best[0]):
                        best = (index[j - 1] + 1, node.hits)
            if best is not None:
                yield index[k], best[0], best[1]


@dataclass
class Lexicon:
    entries: dict[str, LexEntry]
    demonyms: dict[str, str]  # lower-cased demonym -> country id
    country_forms: dict[str, str]  # lower-cased country name/alias -> country id
    government_of: dict[str, str]  # country id -> government entry id
    forms: list[tuple[str, FormHit, bool]]  # (surface, hit, exact)
    place_forms: dict[str, str] = field(default_factory=dict)  # lower-cased place name/alias -> place id

    def get(self, entry_id: str) -> LexEntry | None:
        return self.entries.get(entry_id)

    def is_us(self, entry_id: str) -> bool:
        """A U.S. body, or a part of one (the FBI under the Justice Department)."""
        seen = set()
        entry = self.entries.get(entry_id)
        while entry is not None and entry.id not in seen:
            if entry.us or entry.country == "united-states":
                return True
            seen.add(entry.id)
            entry = self.entries.get(entry.parent) if entry.parent else None
        return False

    def trie(self, tokenize) -> TokenTrie:
        trie = TokenTrie()
        for surface, hit, exact in self.forms:
            tokens = [t.text for t in tokenize(surface) if not t.is_space]
            if tokens:
                trie.add(tokens, hit, exact or len(tokens) == 1)
        return trie


def _strip_the(s: str) -> str:
    return s[4:] if s.lower().startswith("the ") else s


def _as_tuple(v) -> tuple[str, ...]:
    if v is None:
        return ()
    if isinstance(v, str):
        return (v,)
    return tuple(str(x) for x in v)


def _read(files: Iterable[str]) -> Iterator[tuple[str, dict]]:
    for name in files:
        raw = read_yaml(LEXICON_DIR / name)
        for e in raw["entries"]:
            yield raw.get("type", "Organization"), e


@cache
def load_lexicon() -> Lexicon:
    entries: dict[str, LexEntry] = {}
    forms: list[tuple[str, FormHit, bool]] = []
    demonyms: dict[str, str] = {}
    country_forms: dict[str, str] = {}
    government_of: dict[str, str] = {}
    place_forms: dict[str, str] = {}
    for default_type, e in _read(LEXICON_FILES):
        eid = e["id"]
        if eid in entries:
            raise ValueError(f"duplicate lexicon id {eid!r}")
        aliases = _as_tuple(e.get("aliases"))
        entry = LexEntry(
            id=eid,
            name=e["name"],
            type=e.get("type", default_type),
            kind=e.get("kind"),
            aliases=aliases,
            parent=e.get("parent"),
            country=e.get("country"),
            titles=_as_tuple(e.get("titles")),
            administered_by=_as_tuple(e.get("administered_by")),
            demonyms=_as_tuple(e.get("demonyms")),
            government_of=e.get("government_of"),
            title=e.get("title"),
            by_district=bool(e.get("by_district", False)),
            us=bool(e.get("us", False)),
            category=bool(e.get("category", False)),
        )
        entries[eid] = entry
        surfaces = {_strip_the(s) for s in (entry.name, *aliases)}
        if e.get("us"):
            surfaces |= {f"{p} {s}" for s in list(surfaces) if " " in s for p in US_PREFIXES}
        for s in sorted(surfaces):
            forms.append((s, FormHit(eid), False))
        for s in _as_tuple(e.get("exact")):
            forms.append((s, FormHit(eid), True))
        for s in _as_tuple(e.get("context")):
            forms.append((s, FormHit(eid, context=entry.country), False))
        for s in entry.titles:
            forms.append((s, FormHit(eid, is_title=True), False))
        if entry.type == "Place":
            for s in surfaces:
                place_forms[s.lower()] = eid
        if entry.type == "Country":
            for d in entry.demonyms:
                demonyms[d.lower()] = eid
            for s in surfaces:
                country_forms[s.lower()] = eid
        if entry.government_of:
            government_of[entry.government_of] = eid
    for entry in entries.values():
        for ref in (entry.parent, entry.country, *entry.administered_by):
            if ref and ref not in entries:
                raise ValueError(f"lexicon entry {entry.id!r} refers to unknown id {ref!r}")
    return Lexicon(entries, demonyms, country_forms, government_of, forms, place_forms)
