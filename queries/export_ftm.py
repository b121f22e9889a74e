"""The export as FollowTheMoney entities (JSON lines), the format OpenSanctions and Aleph load.

Every entity is built through followthemoney's own model (`model.make_entity` + `add`), so a value the model
would drop on `ftm validate` is never written in the first place, and `tests/test_export_ftm.py` checks the
result with the `ftm` command itself. The mapping, and why:

- Person, Company, Organization -> the schema of that name; Authority -> PublicBody; Place -> Address.
- Country: no entity. FtM keeps countries as codes: `country` on the entities BASED_IN them (or, for a
  person, holding a role in them), on a Sanction the country that imposes it, on an Event the countries
  it involves.
- Law: no entity (FtM has no schema for a legal instrument; `Thing` is abstract): its name is the `program`
  of the Sanctions and Events under it. Relations that end at a law (ADMINISTERS, AUTHORIZES, a law's
  PART_OF) stay in the GraphML and CSV exports.
- Relations: HOLDS_ROLE -> Employment (a public body), Directorship (a company) or Membership (another
  organization), one per person and organisation with every title as a `role`; PART_OF between
  organisations -> Membership; BASED_IN -> `country` codes or `addressEntity` (a Place).
- A restrictive action -> one Sanction per target that is an entity here (Sanction requires `entity`); an
  action with no such target, and every other action, -> an Event whose `organizer` and `involved` are
  legal entities only.
- `summary` holds evidence sentences as plain text (Markdown headings and markup removed).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Iterator

from followthemoney import model
from followthemoney.proxy import EntityProxy
from followthemoney.types import registry

from ingest.markdown_text import markdown_to_text
from policygraph.ontology import RELATION_TYPES, RESTRICTIVE_KINDS

# ontology entity type -> FtM schema; types absent here (Country, Law) are not FtM entities (see above)
SCHEMA = {"Person": "Person", "Company": "Company", "Organization": "Organization", "Authority": "PublicBody",
          "Place": "Address"}
COUNTRY_TYPE, PERSON_TYPE = "Country", "Person"
HOLDS_ROLE, PART_OF, BASED_IN = "HOLDS_ROLE", "PART_OF", "BASED_IN"
assert {HOLDS_ROLE, PART_OF, BASED_IN} <= set(RELATION_TYPES), "relation types renamed in ontology.yaml"
SUMMARY_QUOTES = 5
_HEADING = re.compile(r"(?m)^[ \t]{0,3}#{1,6}[ \t].*$")


def ftm_id(value: str) -> str:
    """An id FtM accepts ([0-9a-zA-Z.-], starting and ending alphanumeric); others get a stable hash."""
    cleaned = registry.entity.clean(value)
    return cleaned if cleaned == value else "pg-" + hashlib.sha1(value.encode()).hexdigest()[:24]


def plain(quote: str | None) -> str:
    """An evidence sentence as summary text: Markdown headings dropped, links and emphasis made plain."""
    text = markdown_to_text(_HEADING.sub("", quote or ""))
    return " ".join(text.split())


class _Builder:
    def __init__(self, entities: list[dict]) -> None:
        self.types = {e["id"]: e.get("type") for e in entities}
        self.names = {e["id"]: e.get("name") or e["id"] for e in entities}
        self.codes = {e["id"]: _country_code(e) for e in entities if e.get("type") == COUNTRY_TYPE}
        self.proxies: dict[str, EntityProxy] = {}
        for e in entities:
            schema = SCHEMA.get(e.get("type") or "")
            if schema is None:
                continue
            proxy = model.make_entity(schema)
            proxy.id = ftm_id(e["id"])
            proxy.add("name", e.get("name") or e["id"])
            if schema == "Address":
                proxy.add("full", e.get("name"))
            proxy.add("alias", [a for a in e.get("aliases") or [] if a and a != e.get("name")])
            self.proxies[e["id"]] = proxy

    def is_legal(self, eid: str) -> bool:
        proxy = self.proxies.get(eid)
        return proxy is not None and proxy.schema.is_a("LegalEntity")


def _country_code(entity: dict) -> str | None:
    for name in [entity.get("name"), *(entity.get("aliases") or [])]:
        code = registry.country.clean(name) if name else None
        if code:
            return code
    return None


def _relations(b: _Builder, relations: list[dict], urls: dict[str, list[str]]) -> Iterator[EntityProxy]:
    """BASED_IN becomes properties of the entities; HOLDS_ROLE and PART_OF become FtM relation entities."""
    roles: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for r in relations:
        src, dst, rtype = r["source"], r["target"], r["type"]
        proxy = b.proxies.get(src)
        if proxy is None:
            continue
        if rtype == BASED_IN or (rtype == HOLDS_ROLE and dst in b.codes):
            if dst in b.codes:
                proxy.add("country", b.codes[dst])
            elif dst in b.proxies and b.proxies[dst].schema.name == "Address":
                proxy.add("addressEntity", b.proxies[dst].id)
                proxy.add("address", b.names[dst])
            if rtype == HOLDS_ROLE:
                proxy.add("position", r.get("title"))
        elif rtype == HOLDS_ROLE and b.is_legal(dst):
            roles[(src, dst)].append(r)
        elif rtype == PART_OF and b.is_legal(dst) and b.proxies[dst].schema.is_a("Organization") and b.is_legal(src):
            yield _link("Membership", "member", src, "organization", dst, b, [r], urls, role="part of")
    for (src, dst), rs in roles.items():  # one relation per person and organisation, with every title
        target = b.proxies[dst].schema
        if target.is_a("PublicBody") and b.types.get(src) == PERSON_TYPE:
            yield _link("Employment", "employee", src, "employer", dst, b, rs, urls)
        elif target.is_a("Company"):
            yield _link("Directorship", "director", src, "organization", dst, b, rs, urls)
        elif target.is_a("Organization"):
            yield _link("Membership", "member", src, "organization", dst, b, rs, urls)
        else:
            yield _link("UnknownLink", "subject", src, "object", dst, b, rs, urls)


def _link(schema: str, src_prop: str, src: str, dst_prop: str, dst: str, b: _Builder, rs: list[dict],
          urls: dict[str, list[str]], role: str | None = None) -> EntityProxy:
    proxy = model.make_entity(schema)
    proxy.id = ftm_id(f"{schema.lower()}.{src}.{dst}")
    proxy.add(src_prop, b.proxies[src].id)
    proxy.add(dst_prop, b.proxies[dst].id)
    proxy.add("role", [role] if role else sorted({r["title"] for r in rs if r.get("title")}))
    proxy.add("sourceUrl", sorted({u for r in rs for d in r.get("doc_ids") or [] for u in urls.get(d, [])}))
    return proxy


def _actions(b: _Builder, actions: list[dict]) -> Iterator[EntityProxy]:
    for a in actions:
        ev = [x for x in a.get("evidence") or [] if x and x.get("doc_id")]
        sources = sorted({x["url"] for x in ev if x.get("url")})
        summary = [s for s in dict.fromkeys(plain(x.get("quote")) for x in ev) if s][:SUMMARY_QUOTES]
        by, targets, under = (list(a.get(role) or []) for role in ("by", "targets", "under"))
        programs = [b.names[u] for u in under if u in b.names]
        sanctioned = [t for t in targets if t in b.proxies]
        if a.get("kind") in RESTRICTIVE_KINDS and sanctioned:
            for t in sanctioned:
                proxy = model.make_entity("Sanction")
                proxy.id = ftm_id(f"{a['id']}.{t}")
                proxy.add("entity", b.proxies[t].id)
                proxy.add("authority", [b.names[x] for x in by if x in b.names])
                proxy.add("country", [b.codes[x] for x in by if b.codes.get(x)])
                proxy.add("program", programs)
                proxy.add("status", a.get("status"))
                proxy.add("reason", a.get("kind"))
                proxy.add("startDate", a.get("date"))
                proxy.add("sourceUrl", sources)
                proxy.add("summary", summary)
                yield proxy
            continue
        proxy = model.make_entity("Event")
        proxy.id = ftm_id(a["id"])
        proxy.add("name", a.get("name") or (a.get("kind") or "action").replace("_", " "))
        proxy.add("organizer", [b.proxies[x].id for x in by if b.is_legal(x)])
        proxy.add("involved", [b.proxies[x].id for x in targets if b.is_legal(x)])
        proxy.add("addressEntity", [b.proxies[x].id for x in targets
                                    if x in b.proxies and b.proxies[x].schema.name == "Address"])
        proxy.add("country", [b.codes[x] for x in by + targets if b.codes.get(x)])
        proxy.add("program", programs)
        proxy.add("namesMentioned", [b.names[x] for x in targets if x in b.names and x not in b.proxies
                                     and x not in b.codes])
        proxy.add("date", a.get("date"))
        proxy.add("sourceUrl", sources)
        proxy.add("summary", summary)
        yield proxy


def ftm_entities(entities: list[dict], actions: list[dict], relations: list[dict],
                 doc_urls: dict[str, str | None]) -> Iterator[EntityProxy]:
    """Every FtM entity of the export: entities first (with the properties relations give them), then
    relation entities, then sanctions and events. `doc_urls` maps document ids to their original's URL."""
    b = _Builder(entities)
    urls = {d: [u] for d, u in doc_urls.items() if u}
    links = list(_relations(b, relations, urls))
    yield from b.proxies.values()
    yield from links
    yield from _actions(b, actions)


def ftm_lines(entities: list[dict], actions: list[dict], relations: list[dict],
              doc_urls: dict[str, str | None]) -> Iterator[str]:
    for proxy in ftm_entities(entities, actions, relations, doc_urls):
        yield json.dumps(proxy.to_dict(), ensure_ascii=False, sort_keys=True)
