"""The query catalog: named, parameterised, read-only Cypher in `queries/NAME.cypher` (package data, installed
with the package), and `run`, the one way every caller (CLI, API, tests, benchmarks) runs a named query.

A file starts with `//` header lines, then the Cypher:

    // name: enabled_by
    // description: Which authorities enabled action X
    // params: action_id:str, limit:int=25, type:entity_type?
    // columns: id, name, type, role, path, evidence

Param types: str, int, float, bool, list, map, entity_type (checked against the ontology) and fulltext (a
user's search words, see below); `string`, `integer`, `number`, `boolean` are accepted too.
`?` makes a param optional (default null), `=value` gives a default.
The form `name (type|null: comment)` is accepted as well (`|null` = optional). Header values continue on
`//   ` lines indented by two or more spaces.

`NAME.<store>.cypher` (store = falkordb | neo4j) overrides NAME for that store; its header may be omitted
(inherited from NAME.cypher). Keep the dialect differences in these small files.

A `fulltext` param `q` is normalised once (graph.batch.search_form), stripped of stop words, and bound as
three params: `q` (the store's own full-text syntax, for its index procedure), `q_terms` (whole words) and
`q_prefix` (the last word, matched as a prefix), plus `q_text` (the whole normalised text, for ranking).
Queries filter the index hits with `q_terms`/`q_prefix`
against `_search_text`, so both stores return the same set whatever their analysers (stemming, stop words)
let through.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from graph.batch import search_form
from graph.store import Store
from policygraph.ontology import ENTITY_TYPES

# The .cypher files sit next to this module: in a checkout and in an installed wheel alike.
QUERIES_DIR = Path(__file__).resolve().parent
STORE_NAMES = ("falkordb", "neo4j")

# RediSearch's default stop words: dropped from every search so both stores see the same words.
STOP_WORDS = frozenset({
    "a", "is", "the", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "it", "no",
    "not", "of", "on", "or", "such", "that", "their", "then", "there", "these", "they", "this", "to", "was",
    "will", "with",
})
MIN_PREFIX = 2  # RediSearch expands prefixes of 2+ characters only

_HEADER = re.compile(r"^//\s*(\w+)\s*:\s*(.*?)\s*$")
_PARAM = re.compile(r"^(\w+)\s*:\s*(\w+)\s*(\?)?\s*(?:=\s*(.+))?$")


class CatalogError(ValueError):
    """A catalog file is malformed or a query name is unknown."""


class ParamError(ValueError):
    """A caller's parameter is missing or has the wrong type."""


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    optional: bool = False
    default: Any = None

    def bind(self, value: Any) -> Any:
        if value is None:
            if self.default is not None:
                return self.default
            if self.optional:
                return None
            raise ParamError(f"missing parameter {self.name!r} ({self.type})")
        try:
            if self.type in ("str", "fulltext"):
                if not isinstance(value, str):
                    raise TypeError
                return value
            if self.type == "list":
                if isinstance(value, str) or not isinstance(value, list | tuple):
                    raise TypeError
                return list(value)
            if self.type == "map":
                if not isinstance(value, dict):
                    raise TypeError
                return value
            if self.type == "entity_type":
                if value not in ENTITY_TYPES:
                    raise ParamError(f"{self.name!r} must be one of {', '.join(ENTITY_TYPES)}; got {value!r}")
                return value
            if self.type == "int":
                if isinstance(value, bool):
                    raise TypeError
                return int(value)
            if self.type == "float":
                return float(value)
            if self.type == "bool":
                if isinstance(value, str):
                    if value.lower() in ("true", "1", "yes"):
                        return True
                    if value.lower() in ("false", "0", "no"):
                        return False
                    raise TypeError
                return bool(value)
        except (TypeError, ValueError) as exc:
            if isinstance(exc, ParamError):
                raise
            raise ParamError(f"parameter {self.name!r} must be {self.type}; got {value!r}") from None
        raise CatalogError(f"unknown param type {self.type!r}")


@dataclass(frozen=True)
class Query:
    name: str
    text: str
    description: str = ""
    params: tuple[Param, ...] = ()
    columns: tuple[str, ...] = ()
    store: str | None = None  # None: portable; else the store this override is for
    path: Path | None = None
    header: dict[str, str] = field(default_factory=dict)

    def bind(self, params: dict[str, Any] | None, store: Store) -> dict[str, Any]:
        params = dict(params or {})
        unknown = set(params) - {p.name for p in self.params}
        if unknown:
            raise ParamError(f"query {self.name!r} takes no parameter(s) {sorted(unknown)}")
        bound: dict[str, Any] = {}
        for p in self.params:
            value = p.bind(params.get(p.name))
            if p.type == "fulltext" and value is not None:
                terms, prefix = fulltext_words(value)
                bound[p.name] = store.fulltext_expression(terms, prefix)
                bound[f"{p.name}_terms"] = terms
                bound[f"{p.name}_prefix"] = prefix
                bound[f"{p.name}_text"] = search_form(value)
            else:
                bound[p.name] = value
        return bound


def fulltext_words(text: str) -> tuple[list[str], str]:
    """User search text -> (whole words, prefix word). Raises ParamError when nothing searchable is left."""
    words = [w for w in search_form(text).split() if w not in STOP_WORDS]
    if not words:
        raise ParamError(f"nothing to search for in {text!r} (only punctuation or stop words)")
    *terms, last = words
    if len(last) >= MIN_PREFIX:
        return terms, last
    return [*terms, last], ""


_TYPE_ALIASES = {
    "str": "str", "string": "str", "int": "int", "integer": "int", "float": "float", "number": "float",
    "bool": "bool", "boolean": "bool", "list": "list", "map": "map", "entity_type": "entity_type",
    "fulltext": "fulltext",
}
_PAREN_PARAM = re.compile(r"^(\w+)\s*\(\s*([\w|]+)\s*(?::[^)]*)?\)\s*(?:=\s*(.+))?$")


def _split_params(spec: str) -> list[str]:
    # Commas inside parentheses belong to a comment: "ids (list|null: any of these, or all)".
    parts, depth, current = [], 0, ""
    for ch in spec:
        depth += (ch == "(") - (ch == ")")
        if ch == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    return [p.strip() for p in parts if p.strip()]


def parse_params(spec: str) -> tuple[Param, ...]:
    """`name:type`, `name:type?`, `name:type=default`, or `name (type|null: comment)`."""
    out = []
    for part in _split_params(spec):
        m = _PARAM.match(part)
        if m:
            name, ptype, optional, default = m.groups()
        else:
            m = _PAREN_PARAM.match(part)
            if not m:
                raise CatalogError(f"bad param spec {part!r} (want name:type, name:type?, name:type=default "
                                   "or name (type|null))")
            name, types, default = m.groups()
            kinds = types.split("|")
            optional = "null" in kinds
            ptype = next((k for k in kinds if k != "null"), "")
        if ptype not in _TYPE_ALIASES:
            raise CatalogError(f"param {name!r}: unknown type {ptype!r} (one of {', '.join(_TYPE_ALIASES)})")
        param = Param(name, _TYPE_ALIASES[ptype], optional=bool(optional))
        if default is not None:
            param = Param(name, param.type, optional=True, default=param.bind(default.strip().strip("'\"")))
        out.append(param)
    return tuple(out)


def parse_file(path: Path) -> tuple[dict[str, str], str]:
    """Header (`// key: value`, continued on `//   indented` lines) and the Cypher body."""
    header: dict[str, str] = {}
    lines = path.read_text(encoding="utf-8").splitlines()
    body_start, last_key = len(lines), None
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("//"):
            body_start = i
            break
        continuation = re.match(r"^//\s{2,}(\S.*)$", stripped)
        m = _HEADER.match(stripped)
        if continuation and last_key is not None:
            header[last_key] = f"{header[last_key]} {continuation.group(1).strip()}".strip()
        elif m:
            last_key = m.group(1).lower()
            header[last_key] = m.group(2)
        else:
            last_key = None  # a free comment line
    body = "\n".join(lines[body_start:]).strip()
    if not body:
        raise CatalogError(f"{path}: no Cypher after the header")
    return header, body


class Catalog:
    def __init__(self, queries: dict[tuple[str, str | None], Query]) -> None:
        self._queries = queries

    @classmethod
    def load(cls, directory: Path | str = QUERIES_DIR) -> Catalog:
        directory = Path(directory)
        if not directory.is_dir():
            raise CatalogError(f"query catalog directory {directory} does not exist")
        parsed: dict[tuple[str, str | None], tuple[Path, dict[str, str], str]] = {}
        for path in sorted(directory.glob("*.cypher")):
            stem = path.name[: -len(".cypher")]
            base, _, suffix = stem.rpartition(".")
            name, store = (base, suffix) if suffix in STORE_NAMES and base else (stem, None)
            header, body = parse_file(path)
            if "name" in header and header["name"] != name:
                raise CatalogError(f"{path}: header name {header['name']!r} does not match file name {name!r}")
            parsed[(name, store)] = (path, header, body)
        queries: dict[tuple[str, str | None], Query] = {}
        for (name, store), (path, header, body) in parsed.items():
            base_header = parsed.get((name, None), (None, {}, ""))[1]
            merged = {**base_header, **header}
            columns = tuple(c.strip() for c in merged.get("columns", "").split(",") if c.strip())
            try:
                params = parse_params(merged.get("params", ""))
            except CatalogError as exc:
                raise CatalogError(f"{path}: {exc}") from None
            queries[(name, store)] = Query(
                name=name, text=body, description=merged.get("description", ""), params=params,
                columns=columns, store=store, path=path, header=merged,
            )
        return cls(queries)

    def names(self) -> list[str]:
        return sorted({name for name, _ in self._queries})

    def get(self, name: str, store_name: str | None = None) -> Query:
        query = self._queries.get((name, store_name)) or self._queries.get((name, None))
        if query is None:
            if any(n == name for n, _ in self._queries):
                raise CatalogError(f"query {name!r} has no version for store {store_name!r}")
            raise CatalogError(f"unknown query {name!r}; known: {', '.join(self.names())}")
        return query

    def describe(self) -> list[dict]:
        """Name, description, params and columns of every query (for the API's listing)."""
        out = []
        for name in self.names():
            q = self._queries.get((name, None)) or next(v for (n, _), v in self._queries.items() if n == name)
            out.append({
                "name": name,
                "description": q.description,
                "params": [{"name": p.name, "type": p.type, "optional": p.optional, "default": p.default}
                           for p in q.params],
                "columns": list(q.columns),
                "stores": list(STORE_NAMES) if (name, None) in self._queries
                else sorted(s for n, s in self._queries if n == name and s),
            })
        return out

    def run(
        self,
        store: Store,
        name: str,
        params: dict[str, Any] | None = None,
        *,
        timeout_ms: int | None = None,
        row_cap: int | None = None,
    ) -> list[dict]:
        query = self.get(name, store.name)
        return store.query(query.text, query.bind(params, store), read_only=True, timeout_ms=timeout_ms,
                           row_cap=row_cap)


@cache
def default_catalog() -> Catalog:
    return Catalog.load(QUERIES_DIR)


# Every query an answer runs is stopped by the store after this long (a path search through hubs, a text
# scan): the caller gets an error instead of a request or a command that holds on for minutes.
ANSWER_TIMEOUT_MS = 10_000


def ask(store: Store, name: str, **params: Any) -> list[dict]:
    """`run` as the answers use it: keyword parameters, the answers' timeout."""
    return run(store, name, params, timeout_ms=ANSWER_TIMEOUT_MS)


def run(store: Store, name: str, params: dict[str, Any] | None = None, **options: Any) -> list[dict]:
    """Run the catalog query `name` (the store's dialect version if it has one) read-only on `store`;
    options: timeout_ms, row_cap."""
    return default_catalog().run(store, name, params, **options)
