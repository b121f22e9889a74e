"""Type correction for spaCy's statistical NER: which ontology type an ORG / GPE / PERSON / LAW span
is, and which spans are not entities at all.

An ORG is decided by its head noun (the last word before "of"/"for", else the last word): authority
heads (Ministry, Bureau, Police...) -> Authority; organisation heads (Institute, Party, Academy...) ->
Organization; company heads and legal suffixes (Co., Ltd., Technology, Bank...) -> Company. Without
a telling head an ORG is a Company: in sanctions texts most unknown ORGs are firms.
"""

from __future__ import annotations

import re

AUTHORITY_HEADS = {
    "ministry", "department", "bureau", "agency", "office", "police", "court", "parliament", "senate", "assembly",
    "directorate", "administration", "service", "customs", "army", "navy", "military", "forces", "force", "guard",
    "guards", "government", "tribunal", "prosecutor", "procuratorate", "procuracy", "cabinet", "commission",
    "secretariat", "presidency", "duma", "legislature", "congress", "judiciary", "inspectorate", "gendarmerie",
    "embassy", "consulate", "regime", "authority", "authorities", "command", "militia", "coastguard",
}
ORGANIZATION_HEADS = {
    "institute", "university", "academy", "party", "foundation", "association", "council", "coalition", "union",
    "federation", "society", "center", "centre", "league", "movement", "front", "brigade", "brigades", "cartel",
    "organization", "organisation", "corps", "school", "college", "church", "chamber", "club", "committee",
    "alliance", "network", "initiative", "hospital", "laboratory", "lab", "observatory", "mosque", "clan",
    "caucus", "army's", "gang", "syndicate", "mafia", "order", "brotherhood", "jihad", "taliban",
}
COMPANY_HEADS = {
    "co", "co.", "ltd", "ltd.", "llc", "l.l.c.", "inc", "inc.", "corp", "corp.", "corporation", "company", "plc",
    "gmbh", "ag", "s.a.", "sa", "jsc", "pjsc", "ojsc", "cjsc", "ooo", "oao", "llp", "lp", "limited", "group",
    "holding", "holdings", "bank", "technology", "technologies", "tech", "airlines", "airline", "airways",
    "shipping", "trading", "industries", "industry", "enterprises", "enterprise", "energy", "oil", "petroleum",
    "gas", "mining", "motors", "electronics", "telecom", "telecommunications", "communications", "systems",
    "solutions", "logistics", "capital", "investment", "investments", "partners", "pharmaceutical",
    "pharmaceuticals", "media", "news", "exchange", "fze", "fzco", "fzc", "b.v.", "bv", "n.v.", "nv", "s.r.l.",
    "srl", "spa", "s.p.a.", "pte", "pvt", "bhd", "ltda", "establishment", "services", "software", "networks",
    "electric", "steel", "aluminum", "aluminium", "chemical", "chemicals", "semiconductor", "semiconductors",
    "manufacturing", "machinery", "equipment", "exports", "imports", "import", "export", "agency's",
    "insurance", "finance", "financial", "securities", "fund", "ventures", "marine", "maritime", "tankers",
    "navigation", "petrochemical", "refinery", "automotive", "aviation", "aerospace", "resources",
    "information", "development", "construction", "engineering", "consulting",
    "design", "labs", "studio", "studios", "broadcasting", "television", "tv", "radio", "press", "times",
    "post", "journal", "daily", "network's",
}
# Legal-form suffixes: a name ending in one is a firm whatever its other words ("... Institute Co., Ltd.").
LEGAL_SUFFIXES = {
    "co", "co.", "ltd", "ltd.", "llc", "l.l.c.", "inc", "inc.", "corp", "corp.", "corporation", "company", "plc",
    "gmbh", "ag", "s.a.", "jsc", "pjsc", "ojsc", "cjsc", "ooo", "oao", "llp", "limited", "fze", "fzco", "fzc",
    "b.v.", "n.v.", "s.r.l.", "srl", "s.p.a.", "pte", "bhd", "ltda", "s.a.s.", "sarl", "a.s.",
}
# Words that are never a whole entity however NER labels them.
NEVER_ENTITY = {
    "sdn", "sdns", "e.o.", "eo", "wro", "wros", "ofac's", "treasury's", "u.s.", "us", "state", "department",
    "the department", "the agency", "agency", "administration", "the administration", "government", "ministry",
    "congress's", "today", "covid-19", "coronavirus", "internet", "twitter account", "the group", "company",
    "secretary", "president", "the secretary", "the president", "kingpin", "magnitsky", "authority",
    "withhold release order", "withhold release orders", "entity", "entities", "sanctions", "executive order",
    "jr.", "jr", "sr.", "sr", "ii", "iii", "sec", "sec.", "code of federal regulations", "federal register",
    "forced labor", "budget", "annex", "the annex", "general license", "general licenses", "faq", "faqs",
}
# A last word that makes the whole span a non-entity ("the Dalian WRO").
NEVER_LAST = {"wro", "wros", "faq", "faqs", "license", "licenses", "advisory"}
# Groups of people (ONTOLOGY: nationalities and groups of people are not entities).
PEOPLE_GROUPS = {
    "uyghur", "uyghurs", "uighur", "uighurs", "muslim", "muslims", "rohingya", "tibetans", "tibetan", "kazakhs",
    "han", "hazara", "yazidi", "yazidis", "kurds", "christians", "jews", "arabs", "houthi", "shia", "sunni",
    "shiite", "sunnis", "shiites", "baha'i", "bahai", "falun gong", "tatars", "crimean tatars", "roma", "africans",
    "latinos", "asians", "europeans", "westerners", "democrats", "republicans", "hispanics",
}
# Heads that make a name an event or initiative, not an entity ("Beijing Olympic Games", "Belt and Road Initiative").
EVENT_HEADS = {"olympic", "olympics", "games", "summit", "initiative", "conference", "forum", "war", "election", "elections", "cup", "expo", "festival", "day"}
TITLE_WORDS = {
    "president", "vice", "secretary", "minister", "prime", "premier", "sen.", "senator", "rep.", "representative",
    "mr.", "ms.", "mrs.", "dr.", "former", "general", "gen.", "lt.", "col.", "chairman", "chairwoman", "chair",
    "ceo", "cfo", "coo", "director", "ambassador", "governor", "judge", "justice", "deputy", "under", "assistant",
    "acting", "commander", "admiral", "adm.", "chief", "head", "leader", "spokesperson", "spokesman", "spokeswoman",
    "king", "queen", "prince", "princess", "sheikh", "ayatollah", "supreme", "mayor", "attorney", "officer",
    "executive", "founder", "owner", "officials", "official", "lawmaker", "congressman", "congresswoman",
    "chancellor", "emir", "sultan", "colonel", "major", "captain", "sergeant", "brigadier", "marshal", "envoy",
    "advisor", "adviser", "economic", "national", "security", "treasury", "foreign", "defense", "defence",
    "czar", "tsar", "party", "chief's", "u.s.", "us", "dictator", "strongman", "commissioner", "mp", "mep", "gov.",
    "pope", "cardinal", "bishop", "imam", "mullah", "comrade", "sir", "lord", "lady", "madam", "honorable",
}
_LAW_KINDS = (
    (re.compile(r"\b(Regulations?|Rules?|Directive)\b"), "regulation"),
    (re.compile(r"\b(Convention|Treaty|Agreement|Accords?|Protocol|Charter|Covenant)\b"), "treaty"),
    (re.compile(r"\b(List)\b"), "list"),
    (re.compile(r"\b(Principles|Guidance|Guidelines|Advisory)\b"), "guidance"),
    (re.compile(r"\b(Bill)\b"), "bill"),
    (re.compile(r"\b(Program|Programme|Sanctions)\b"), "program"),
    (re.compile(r"\b(Order)\b"), "executive_order"),
)


def head_word(words: list[str]) -> str:
    """The head noun of a name: the last word before "of"/"for"/"on", else the last word."""
    for i, w in enumerate(words):
        if i and w.lower() in {"of", "for", "on"}:
            return words[i - 1]
    return words[-1] if words else ""


def org_type(words: list[str]) -> str:
    """Authority / Organization / Company for an ORG span (lexicon entries are decided before this)."""
    if not words:
        return "Company"
    lowered = [w.lower().strip(",") for w in words]
    if lowered[-1] in LEGAL_SUFFIXES:
        return "Company"
    head = head_word(words).lower()
    if head in AUTHORITY_HEADS or ("central" in lowered and "bank" in lowered):
        return "Authority"
    if head in ORGANIZATION_HEADS:
        return "Organization"
    if head in COMPANY_HEADS:
        return "Company"
    if any(w in AUTHORITY_HEADS for w in lowered):
        return "Authority"
    if any(w in ORGANIZATION_HEADS for w in lowered):
        return "Organization"
    return "Company"


def law_kind(text: str) -> str:
    for rx, kind in _LAW_KINDS:
        if rx.search(text):
            return kind
    return "statute"


def place_type(words: list[str]) -> str:
    return "Place"
