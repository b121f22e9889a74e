"""What `POST /cypher` lets through: what a read query needs, on both stores, and nothing else.

A store's read-only mode (FalkorDB GRAPH.RO_QUERY, Neo4j READ access mode) refuses writes, but it is not a
sandbox: on Neo4j a read transaction could `LOAD CSV FROM 'file:///etc/passwd'` (the server's files) or
`'http://...'` (its network), run `SHOW TRANSACTIONS` / `TERMINATE TRANSACTIONS` (it killed a running ingest),
`SHOW USERS`, `CALL dbms.listConfig()`, `CALL db.clearQueryCaches()`. So the statement is read token by token
(string literals, backticked names and comments are not keywords) and refused, before it reaches a store, if it:
- loads files or URLs (`LOAD CSV`);
- calls a procedure outside ALLOWED_PROCEDURES (subqueries, `CALL { ... }` and `CALL (x) { ... }`, are fine);
- runs an administration command (SHOW, TERMINATE, GRANT, DENY, REVOKE, ALTER, START/STOP DATABASE, USE of
  another database, ENABLE/DISABLE, the schema and user commands);
- holds more than one statement.
Writes are left to the store's read-only mode, which knows them better than a keyword list.
"""

from __future__ import annotations

import re

# Procedures a read query may call: the schema listings and the full-text lookups, under each store's name.
ALLOWED_PROCEDURES = frozenset({
    "db.labels", "db.relationshiptypes", "db.propertykeys",
    "db.indexes", "db.constraints",  # FalkorDB's listings (on Neo4j: SHOW INDEXES, refused as a command)
    "db.idx.fulltext.querynodes",  # FalkorDB full-text
    "db.index.fulltext.querynodes", "db.index.fulltext.queryrelationships",  # Neo4j full-text
    "db.schema.visualization", "db.schema.nodetypeproperties", "db.schema.reltypeproperties",
})
# Words that open an administration command (upper case). Not the nouns they take (USER, ROLE, DATABASE...):
# those are ordinary variable names in a read query (`MATCH (role) ...`).
ADMIN = frozenset({
    "SHOW", "TERMINATE", "GRANT", "DENY", "REVOKE", "ALTER", "USE", "ENABLE", "DISABLE", "RENAME",
    "DEALLOCATE", "REALLOCATE", "DRYRUN",
})
# What CREATE / DROP may not be followed by here: the schema and administration objects.
SCHEMA_OBJECTS = frozenset({
    "INDEX", "CONSTRAINT", "FULLTEXT", "RANGE", "TEXT", "POINT", "LOOKUP", "VECTOR", "OR", "USER", "ROLE",
    "DATABASE", "COMPOSITE", "ALIAS", "SERVER", "BTREE",
})

_TOKEN = re.compile(
    r"""(?P<space>\s+)
      | (?P<comment>//[^\n]*|/\*.*?(?:\*/|\Z))
      | (?P<string>'(?:[^'\\]|\\.)*(?:'|\Z)|"(?:[^"\\]|\\.)*(?:"|\Z))
      | (?P<quoted>`(?:[^`]|``)*(?:`|\Z))
      | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
      | (?P<number>\d+(?:\.\d+)?)
      | (?P<punct>.)""",
    re.VERBOSE | re.DOTALL,
)


class Refused(ValueError):
    """The statement does something a read query does not need; the message says what."""


def _tokens(query: str) -> list[tuple[str, str]]:
    return [(m.lastgroup or "", m.group()) for m in _TOKEN.finditer(query)
            if m.lastgroup not in ("space", "comment")]


def check(query: str) -> None:
    """Raise Refused unless `query` is one read statement that needs nothing outside the graph."""
    tokens = _tokens(query)
    if tokens and tokens[-1] == ("punct", ";"):
        tokens = tokens[:-1]  # one trailing semicolon is harmless
    for i, (kind, text) in enumerate(tokens):
        if kind == "punct" and text == ";":
            raise Refused("one statement per request (a ';' separates two)")
        if kind != "word":
            continue
        before = tokens[i - 1][1] if i else ""
        after = tokens[i + 1][1] if i + 1 < len(tokens) else ""
        if before in (".", "$", ":") or after == ":":
            continue  # a property, a parameter, a label or type, a map key: a name, not a keyword
        word = text.upper()
        if word == "LOAD" and after.upper() == "CSV":
            raise Refused("LOAD CSV reads files and URLs; this endpoint only reads the graph")
        if word in ADMIN:
            raise Refused(f"{word} is an administration command; this endpoint only reads the graph")
        if word == "CALL" and tokens[i + 1:i + 2] and tokens[i + 1][0] in ("word", "quoted"):
            name = _dotted(tokens, i + 1)
            if name.lower() not in ALLOWED_PROCEDURES:
                raise Refused(f"procedure {name} is not allowed here; allowed: "
                              + ", ".join(sorted(ALLOWED_PROCEDURES)))
        if word in ("START", "STOP") and after.upper() == "DATABASE":
            raise Refused(f"{word} DATABASE is an administration command")
        if word in ("CREATE", "DROP") and after.upper() in SCHEMA_OBJECTS:
            raise Refused(f"{word} {after.upper()} changes the schema; this endpoint only reads the graph")


def _dotted(tokens: list[tuple[str, str]], start: int) -> str:
    """The procedure name from tokens[start]: words (or `quoted` words) joined by dots."""
    parts, i = [], start
    while i < len(tokens) and tokens[i][0] in ("word", "quoted"):
        parts.append(tokens[i][1].strip("`"))
        if i + 1 < len(tokens) and tokens[i + 1][1] == ".":
            i += 2
        else:
            break
    return ".".join(parts)
