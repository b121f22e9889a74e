"""Output-identical, faster stand-ins for the model's two rule components: attribute_ruler and lemmatizer.

Why: profiled on Treasury press releases, the stock `attribute_ruler` costs ~14% of en_core_web_sm's time
and the `lemmatizer` ~5%, more than all PolicyGraph components together. The ruler runs spaCy's Matcher
with ~180 patterns whose set and regex predicates are evaluated in Python on every token; the lemmatizer
builds a Token object per token. Both depend only on a few token attributes, so here each distinct
combination of those attributes is decided once and the answer reused.

The rules are not ours: they are read from the loaded model's own components (its patterns, attribute
dicts and lemma tables), and patterns this matcher does not understand (operators, other predicates) are
left to a spaCy Matcher holding just those. tests/test_model_rules.py checks POS, MORPH and LEMMA equal the
stock components' on real corpus texts. `POLICYGRAPH_FAST_MODEL_RULES=false` keeps the stock ones.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.attrs import IDS, LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.lookups import Lookups, Table
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

from ingest.extensions import doc_tokens

_CACHE_LIMIT = 500_000  # distinct keys kept before a cache is cleared (bounds a long-running server's memory)

Test = tuple[int, str, object]  # (feature column, operation, operand)


class _Unsupported(Exception):
    pass


def _compile_spec(spec: dict, columns: dict[str, int], strings) -> list[Test]:
    """One token of a Matcher pattern -> tests over a tuple of attribute values (hashes / flags)."""
    tests: list[Test] = []
    for key, value in spec.items():
        attr = "ORTH" if key == "TEXT" else key
        if attr not in IDS or attr in ("MORPH", "OP"):
            raise _Unsupported(key)
        col = columns.setdefault(attr, len(columns))
        if isinstance(value, dict):
            for op, operand in value.items():
                if op in ("IN", "NOT_IN"):
                    tests.append((col, op, frozenset(_value_id(v, strings) for v in operand)))
                elif op == "REGEX" and isinstance(operand, str):
                    tests.append((col, op, re.compile(operand)))
                else:
                    raise _Unsupported(op)
        else:
            tests.append((col, "EQ", _value_id(value, strings)))
    return tests


def _value_id(value: object, strings) -> int:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, str):
        return strings.add(value)
    if isinstance(value, int):
        return value
    raise _Unsupported(repr(value))


def _passes(tests: list[Test], row: tuple[int, ...], strings) -> bool:
    for col, op, operand in tests:
        v = row[col]
        if op == "EQ":
            if v != operand:
                return False
        elif op == "IN":
            if v not in operand:  # type: ignore[operator]
                return False
        elif op == "NOT_IN":
            if v in operand:  # type: ignore[operator]
                return False
        elif not operand.search(strings[v]):  # type: ignore[union-attr]  (REGEX on the attribute's string)
            return False
    return True


class _DocByDoc:
    """`nlp.pipe` support for components that work one Doc at a time."""

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)  # type: ignore[operator]


class FastAttributeRuler(_DocByDoc):
    """Applies an AttributeRuler's patterns with memoised matching; same matches, same order of application
    (by rule number, later rules win), same attribute setter."""

    def __init__(self, nlp: Language, name: str = "attribute_ruler"):
        self.name = name
        self.vocab = nlp.vocab
        self.attrs: list[dict] = []
        self.indices: list[int] = []
        self._columns: dict[str, int] = {}
        self._single: list[tuple[int, list[Test]]] = []  # (rule number, tests)
        self._multi: list[tuple[int, list[list[Test]]]] = []
        self._fallback: Matcher | None = None
        self._memo: dict[tuple, tuple[tuple[int, ...], tuple[int, ...]]] = {}
        self._memo_spec: dict[tuple[int, int, tuple], bool] = {}
        self._attr_ids: list[int] = []
        self._key_col = -1
        self._by_key: dict[int, tuple] = {}
        self._unkeyed: tuple = ()

    def load_from(self, ruler) -> FastAttributeRuler:
        """Take the rules of a loaded spaCy AttributeRuler."""
        strings = self.vocab.strings
        self.attrs = list(ruler.attrs)
        self.indices = list(ruler.indices)
        fallback = Matcher(self.vocab, validate=False)
        for number, pattern_set in enumerate(_patterns_by_rule(ruler)):
            for pattern in pattern_set:
                try:
                    compiled = [_compile_spec(spec, self._columns, strings) for spec in pattern]
                except _Unsupported:
                    fallback.add(str(number), [pattern])
                    continue
                if len(compiled) == 1:
                    self._single.append((number, compiled[0]))
                else:
                    self._multi.append((number, compiled))
        self._fallback = fallback if len(fallback) else None
        by_column = sorted(self._columns.items(), key=lambda kv: kv[1])
        self._attr_ids = [IDS[attr] for attr, _ in by_column]
        self._index_single()
        return self

    def _index_single(self) -> None:
        """Group single-token rules by the value they require of their most common equality-tested attribute
        (TAG in the English models), so a new token shape is tested against a handful of rules, not all."""
        counts: dict[int, int] = {}
        for _, tests in self._single:
            for col, op, _ in tests:
                if op == "EQ":
                    counts[col] = counts.get(col, 0) + 1
        if not counts:
            return
        self._key_col = max(counts, key=counts.__getitem__)
        by_key: dict[int, list] = {}
        unkeyed: list = []
        for rule in self._single:
            value = next((v for col, op, v in rule[1] if col == self._key_col and op == "EQ"), None)
            (by_key.setdefault(value, []) if value is not None else unkeyed).append(rule)  # type: ignore[arg-type]
        self._by_key = {k: tuple(v) for k, v in by_key.items()}
        self._unkeyed = tuple(unkeyed)

    def _rows(self, doc: Doc) -> list[tuple[int, ...]]:
        if not self._attr_ids:
            return [()] * len(doc)
        return [tuple(r) for r in doc.to_array(self._attr_ids).reshape(len(doc), -1).tolist()]

    def _hits(self, row: tuple) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """(single-token rules matching a token with these attributes, multi-token patterns it can start)."""
        hits = self._memo.get(row)
        if hits is None:
            strings = self.vocab.strings
            if self._key_col >= 0:
                candidates = self._by_key.get(row[self._key_col], ()) + self._unkeyed
            else:
                candidates = tuple(self._single)
            hits = (
                tuple(n for n, tests in candidates if _passes(tests, row, strings)),
                tuple(p for p, (_, specs) in enumerate(self._multi) if _passes(specs[0], row, strings)),
            )
            if len(self._memo) > _CACHE_LIMIT:
                self._memo.clear()
            self._memo[row] = hits
        return hits

    def _spec_ok(self, p: int, k: int, row: tuple) -> bool:
        key = (p, k, row)
        ok = self._memo_spec.get(key)
        if ok is None:
            ok = _passes(self._multi[p][1][k], row, self.vocab.strings)
            if len(self._memo_spec) > _CACHE_LIMIT:
                self._memo_spec.clear()
            self._memo_spec[key] = ok
        return ok

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        rows = self._rows(doc)
        per_token: dict[int, list[int]] = {}
        for i, row in enumerate(rows):
            single, starts = self._hits(row)
            if single:
                per_token.setdefault(i, []).extend(single)  # a pattern that started earlier may target i already
            for p in starts:
                number, specs = self._multi[p]
                width = len(specs)
                if i + width <= n and all(self._spec_ok(p, k, rows[i + k]) for k in range(1, width)):
                    index = self.indices[number]
                    target = i + index if index >= 0 else i + width + index
                    per_token.setdefault(target, []).append(number)
        if self._fallback is not None:
            for match_id, start, end in self._fallback(doc, allow_missing=True, as_spans=False):
                number = int(self.vocab.strings[match_id])
                index = self.indices[number]
                target = start + index if index >= 0 else end + index
                per_token.setdefault(target, []).append(number)
        tokens = doc_tokens(doc)
        for i, numbers in per_token.items():
            token = tokens[i]
            for number in sorted(numbers):  # later rules take precedence, as in spaCy's AttributeRuler
                set_token_attrs(token, self.attrs[number])
        return doc


def _patterns_by_rule(ruler) -> list[list[list[dict]]]:
    """The ruler's patterns grouped by rule number (the order rules were added, which is their precedence)."""
    grouped: list[list[list[dict]]] = [[] for _ in ruler.attrs]
    for number in range(len(ruler.attrs)):
        for pattern in ruler.matcher.get(ruler.vocab.strings[str(number)])[1]:
            grouped[number].append(pattern)
    return grouped


class FastLemmatizer(_DocByDoc):
    """Runs a spaCy Lemmatizer's own `lemmatize` once per (text, POS, morphology), the key spaCy itself
    caches on, and sets the same lemma on every token with that key."""

    def __init__(self, name: str = "lemmatizer"):
        self.name = name
        self.base = None
        self._lemmatize: Callable | None = None
        self.overwrite = False
        self._cache: dict[tuple[int, int, int], int] = {}

    def load_from(self, lemmatizer) -> FastLemmatizer:
        _index_as_sets(lemmatizer)
        self.base = lemmatizer
        self._lemmatize = lemmatizer.lemmatize
        self.overwrite = lemmatizer.overwrite
        return self

    def __call__(self, doc: Doc) -> Doc:
        if not getattr(self.base, "_validated", True):
            self.base._validate_tables()  # type: ignore[union-attr]
        strings = doc.vocab.strings
        cache = self._cache
        tokens = None
        for i, (orth, pos, morph, lemma) in enumerate(doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()):
            if lemma != 0 and not self.overwrite:
                continue
            if tokens is None:
                tokens = doc_tokens(doc)
            key = (orth, pos, morph)
            value = cache.get(key)
            if value is None:
                value = strings.add(self._lemmatize(tokens[i])[0])  # type: ignore[misc]
                if len(cache) > _CACHE_LIMIT:
                    cache.clear()
                cache[key] = value
            tokens[i].lemma = value
        return doc


def _index_as_sets(lemmatizer) -> None:
    """Give the (replaced, no longer piped) stock lemmatizer its lemma index as sets instead of lists.

    spaCy's rule lemmatizer only tests `form in index[pos]`, and the English index lists hold up to 57k
    words: every new word paid several linear scans (~250 microseconds a call, the bulk of the component's
    time). Membership answers are the same for a set."""
    lookups = getattr(lemmatizer, "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    index = lookups.get_table("lemma_index")
    as_sets = Table(name="lemma_index")
    for key, words in index.items():
        as_sets[key] = frozenset(words) if isinstance(words, list) else words
    copy = Lookups()
    for name in lookups.tables:
        copy.set_table(name, as_sets if name == "lemma_index" else lookups.get_table(name))
    lemmatizer.lookups = copy


@Language.factory("pg_fast_attribute_ruler")
def make_fast_attribute_ruler(nlp: Language, name: str) -> FastAttributeRuler:
    return FastAttributeRuler(nlp, name)


@Language.factory("pg_fast_lemmatizer")
def make_fast_lemmatizer(nlp: Language, name: str) -> FastLemmatizer:
    return FastLemmatizer(name)


def use_fast_rules(nlp: Language) -> Language:
    """Swap the model's attribute_ruler and lemmatizer (when present) for the stand-ins, keeping their rules."""
    for name, factory in (("attribute_ruler", "pg_fast_attribute_ruler"), ("lemmatizer", "pg_fast_lemmatizer")):
        if name not in nlp.pipe_names:
            continue
        stock = nlp.get_pipe(name)
        if not hasattr(stock, "matcher" if name == "attribute_ruler" else "lemmatize"):
            continue  # not the spaCy component we know how to read
        fast = nlp.replace_pipe(name, factory)
        fast.load_from(stock)
    return nlp
