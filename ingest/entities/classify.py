"""Type correction for spaCy's statistical NER: which ontology type an ORG / GPE / PERSON / LAW span
is, and which spans are not entities at all.

An ORG is decided by its head noun (the last word before "of"/"for", else the last word): authority
heads (Ministry, Bureau, Police...) -> Authority; organisation heads (Institute, Party, Academy...) ->
Organization; company heads and legal suffixes (Co., Ltd., Technology, Bank...) -> Company. Without
a telling head an ORG is a Company: in sanctions texts most unknown ORGs are firms.
"""

from __future__ import annotations

import re
from pathlib import Path

from policygraph.yamlfile import read_yaml

# Given names of sanctioned individuals (data file, see its header): the first word of a person's name.
GIVEN_NAMES = frozenset(
    read_yaml(Path(__file__).resolve().parents[1] / "lexicons" / "given_names.yaml")["given_names"]
)
# Nationality adjectives of the countries lexicon ("Ukrainian", "Canadian").
_COUNTRIES = read_yaml(Path(__file__).resolve().parents[1] / "lexicons" / "countries.yaml")["entries"]
DEMONYMS = frozenset(d.lower() for e in _COUNTRIES for d in e.get("demonyms", ()))
# a country's name or alias (lower case) -> its first nationality adjective ("nicaragua" -> "Nicaraguan")
COUNTRY_DEMONYM = {
    a.lower(): e["demonyms"][0] for e in _COUNTRIES if e.get("demonyms") for a in (e["name"], *e.get("aliases", ()))
}

AUTHORITY_HEADS = {
    "ministry",
    "department",
    "bureau",
    "agency",
    "office",
    "police",
    "court",
    "parliament",
    "senate",
    "assembly",
    "directorate",
    "administration",
    "service",
    "customs",
    "army",
    "navy",
    "military",
    "forces",
    "force",
    "guard",
    "guards",
    "government",
    "tribunal",
    "prosecutor",
    "procuratorate",
    "procuracy",
    "cabinet",
    "commission",
    "secretariat",
    "presidency",
    "duma",
    "legislature",
    "congress",
    "judiciary",
    "inspectorate",
    "gendarmerie",
    "embassy",
    "consulate",
    "regime",
    "authority",
    "authorities",
    "command",
    "militia",
    "coastguard",
    "panel",  # "UN Panel of Experts": a body of the Security Council
}
ORGANIZATION_HEADS = {
    "institute",
    "university",
    "academy",
    "party",
    "foundation",
    "association",
    "council",
    "coalition",
    "union",
    "federation",
    "society",
    "center",
    "centre",
    "league",
    "movement",
    "front",
    "brigade",
    "brigades",
    "cartel",
    "organization",
    "organisation",
    "corps",
    "school",
    "college",
    "church",
    "chamber",
    "club",
    "committee",
    "alliance",
    "network",
    "initiative",
    "hospital",
    "laboratory",
    "lab",
    "observatory",
    "mosque",
    "clan",
    "caucus",
    "army's",
    "gang",
    "syndicate",
    "mafia",
    "order",
    "brotherhood",
    "jihad",
    "taliban",
    # charities and relief bodies ("Al-Bustan Charity", "Syrian Arab Red Crescent", "Human Rights Watch")
    "charity",
    "charities",
    "crescent",
    "watch",
    # charitable trusts and welfare bodies of terrorist-financing releases ("Al Rashid Trust", "Al Amin Welfare Trust")
    "trust",
    "welfare",
    "relief",
}
# Russian-style abbreviated forms, written after the name ("Sovcomflot PJSC") or before it ("PJSC Sovcomflot").
POST_SOVIET_FORMS = ("jsc", "pjsc", "ojsc", "cjsc", "ooo", "oao")
# Legal-form suffixes: a name ending in one is a firm whatever its other words ("... Institute Co., Ltd.").
LEGAL_SUFFIXES = {
    "co",
    "co.",
    "ltd",
    "ltd.",
    "llc",
    "l.l.c.",
    "inc",
    "inc.",
    "corp",
    "corp.",
    "corporation",
    "company",
    "plc",
    "gmbh",
    "ag",
    "s.a.",
    *POST_SOVIET_FORMS,
    "llp",
    "limited",
    "fze",
    "fzco",
    "fzc",
    "b.v.",
    "n.v.",
    "s.r.l.",
    "srl",
    "s.p.a.",
    "pte",
    "bhd",
    "ltda",
    "s.a.s.",
    "sarl",
    "a.s.",
    # Lebanese, Gulf, Balkan, Central European and Turkish forms
    "sal",
    "s.a.l.",
    "wll",
    "w.l.l.",
    "fz-llc",
    "fzllc",
    "s.a.r.l.",
    "d.o.o.",
    "doo",
    "ood",
    "eood",
    "s.r.o.",
    "kft",
    "sti",
    "sti.",
    "şti",
    "şti.",
}
# Head words of company names: the legal forms plus the industry words firms are named by.
COMPANY_HEADS = LEGAL_SUFFIXES | {
    "aerospace",
    "agency's",
    "airline",
    "airlines",
    "airways",
    "aluminium",
    "aluminum",
    "automotive",
    "aviation",
    "bank",
    "broadcasting",
    "bv",
    "capital",
    "chemical",
    "chemicals",
    "communications",
    "construction",
    "consulting",
    "daily",
    "design",
    "development",
    "electric",
    "electronics",
    "energy",
    "engineering",
    "enterprise",
    "enterprises",
    "equipment",
    "establishment",
    "exchange",
    "export",
    "exports",
    "finance",
    "financial",
    "fund",
    "gas",
    "group",
    "holding",
    "holdings",
    "import",
    "imports",
    "industries",
    "industry",
    "information",
    "insurance",
    "investment",
    "investments",
    "journal",
    "labs",
    "logistics",
    "lp",
    "machinery",
    "manufacturing",
    "marine",
    "maritime",
    "media",
    "mining",
    "motors",
    "navigation",
    "network's",
    "networks",
    "news",
    "nv",
    "oil",
    "partners",
    "petrochemical",
    "petroleum",
    "pharmaceutical",
    "pharmaceuticals",
    "post",
    "press",
    "pvt",
    "radio",
    "refinery",
    "resources",
    "sa",
    "securities",
    "semiconductor",
    "semiconductors",
    "services",
    "shipping",
    "software",
    "solutions",
    "spa",
    "steel",
    "studio",
    "studios",
    "systems",
    "tankers",
    "tech",
    "technologies",
    "technology",
    "telecom",
    "telecommunications",
    "television",
    "times",
    "trading",
    "tv",
    "ventures",
    # businesses named by what they are ("Hydra Market", "Jin Bei Casino")
    "market",
    "marketplace",
    "casino",
    "hotel",
    "resort",
    "restaurant",
    "pharmacy",
}
# Words that are never a whole entity however NER labels them.
NEVER_ENTITY = {
    "sdn",
    "sdns",
    "e.o.",
    "eo",
    "wro",
    "wros",
    "ofac's",
    "treasury's",
    "u.s.",
    "us",
    "state",
    "department",
    "the department",
    "the agency",
    "agency",
    "administration",
    "the administration",
    "government",
    "regime",  # "Regime officials, including those sanctioned by OFAC": the generic word capitalised
    "the regime",
    "ministry",
    "congress's",
    "today",
    "covid-19",
    "coronavirus",
    "internet",
    "twitter account",
    "the group",
    "company",
    "secretary",
    "president",
    "the secretary",
    "the president",
    "kingpin",
    "magnitsky",
    "authority",
    "withhold release order",
    "withhold release orders",
    "entity",
    "entities",
    "sanctions",
    "executive order",
    "jr.",
    "jr",
    "sr.",
    "sr",
    "ii",
    "iii",
    "sec",
    "sec.",
    "code of federal regulations",
    "federal register",
    "forced labor",
    "budget",
    "annex",
    "the annex",
    "general license",
    "general licenses",
    "faq",
    "faqs",
    # pieces of "China, People's Republic of (China)" in Entity List destinations, and board/title words
    "people",
    "republic",
    "the republic",
    "board of directors",
    "the board of directors",
    "solicitor general",
    "ofac list",  # "Filing a Petition for Removal from an OFAC List": any of OFAC's lists
    "frequently asked question",
    "frequently asked questions",
    "final rule",
    "interim final rule",
    "leaders",  # "G7 Leaders" split by NER, a PERSON "Leaders"
    # export-control vocabulary of BIS rules (Federal Register titles and abstracts are in Title Case): terms of
    # the EAR, not bodies or firms
    "ifr", "nprm", "cfr", "tgl", "enc", "sta", "ccd", "avs", "ace", "sme", "icts", "veu", "veus", "fdp", "tdo",
    "eccn", "eccns", "eei", "aes", "soe", "soes", "meu", "u.s. persons", "us persons", "participating states",
    "commerce country chart", "crime control and detection", "chemical", "chemical weapons", "biological weapons",
    "nuclear nonproliferation", "missile technology", "national security", "regional stability", "anti-terrorism",
    "validated end-user", "validated end-users", "validated end user", "schedule", "republics", "significant item",
    "export enforcement", "defense industries", "software specially designed", "gallium oxide",
    "automated export system", "electronic export information", "ag plenary",
    # EAR reasons for control ("License Exceptions CIV, APP, ..."; "NP", "MT", "CB" columns)
    "civ", "app", "np", "mt", "cb", "rs", "ns", "ss", "sl", "fc", "list",
    # a body's generic word alone, and capitalised common nouns of headings and captions
    "office", "the office", "registered office", "task force", "division", "air force", "armed forces", "navy",
    "army", "military", "customs", "police", "committee", "foundation", "council", "program", "programs",
    "regulations", "operations", "number", "order", "alert", "appendix", "query", "since", "son", "ranking",
    "background", "subcommittee", "special fund", "importers", "oligarchs", "elites", "proxies", "ransomware",
    "cocaine", "heroin", "fentanyl", "censorship", "artificial intelligence", "bitcoin", "financial services",
    "financial community", "insurance industry", "securities industry", "virtual currency industry",
    "financial system", "u.s. financial system", "russian elites", "illicit finance", "chart", "gl", "gls",
    "executive board", "board of governors", "board", "the board", "supervisory board", "aliens subject", "aliens",
}
# First words of Title Case regulatory phrases that NER reads as names ("License Exception STA", "Country Group B",
# "Export Control Classification Number 0Y521", "Federal Register of January 15, 2021")
NEVER_FIRST = re.compile(
    r"^(?:license exceptions?|country groups?|export control classification numbers?|temporary export control|"
    r"federal register|technical experts|virtual implementation|implementation of|expansion of|securing the|"
    r"unmanned (?:aerial|aircraft)|semiconductor manufacturing|list of|annex on|threaten to|mtcr category|"
    r"electronic computer|belarus from|eccns?|u\.s\. persons|bis ifr|ear country|"
    # law-enforcement operations ("Operation Casablanca"), list labels of identifying information ("Individual 1:")
    r"operation\b|individual(?: \d+)?:|report on\b)"
)
# Last words of street addresses in identifying information ("Alvand St.", "Bagdat Caddesi", "Hojeij Building",
# "First Floor", "PO Box 98498"): not entities
ADDRESS_LAST = {
    "st", "st.", "street", "ave", "ave.", "avenue", "rd", "rd.", "road", "caddesi", "cad", "cad.", "sokak", "sok",
    "sok.", "sk.", "sitesi", "building", "bldg", "bldg.", "floor", "apartments", "apt", "apt.", "blok", "mahallesi",
    "mah.", "boulevard", "blvd", "blvd.", "highway", "lane", "alt", "alt.",
}
# First words of Spanish, Portuguese and Balkan firm names, whose head comes first ("Farmacia y Mini Super
# Trinidad", "Operadora Eficaz Pegaso", "Preduzece Za Trgovinu Na Veliko")
FIRM_FIRST = {
    "farmacia", "banco", "comercializadora", "constructora", "inmobiliaria", "inversiones", "distribuidora",
    "distribuidor", "operadora", "servicios", "transportes", "grupo", "corporacion", "corporación", "compania",
    "compañia", "compañía", "empresa", "sociedad", "industrias", "agropecuaria", "ganadera", "confecciones",
    "productora", "importadora", "exportadora", "preduzece", "consorcio", "cooperativa", "naviera", "petroleos",
    "petróleos", "laboratorios", "comercial", "inversora", "desarrollos", "promotora", "arrendadora", "casa",
}
# A last word that makes the whole span a non-entity ("the Dalian WRO").
NEVER_LAST = {
    "wro", "wros", "faq", "faqs", "license", "licenses", "advisory",
    # headings and slogans NER reads as ORG ("Money Laundering", "Filing a Petition for Removal",
    # "Address Illicit Financing Risks", "Make America Safe Again"), and products ("UAVs")
    "laundering", "removal", "risks", "again", "uav", "uavs", "uas", "drones", "question", "questions",
    "box",  # "P.O. Box 2900" in an address line
}
# Head words that make an ORG-labelled span a legal instrument ("Economic Sanctions Enforcement Guidelines",
# "Iranian Transactions and Sanctions Regulations", "the Unverified List").
LAW_HEADS = {"regulations", "guidelines", "act", "list", "convention", "treaty", "code", "directive", "memorandum"}
# Groups of people (ONTOLOGY: nationalities and groups of people are not entities).
PEOPLE_GROUPS = {
    "uyghur",
    "uyghurs",
    "uighur",
    "uighurs",
    "muslim",
    "muslims",
    "rohingya",
    "tibetans",
    "tibetan",
    "kazakhs",
    "han",
    "hazara",
    "yazidi",
    "yazidis",
    "kurds",
    "christians",
    "jews",
    "arabs",
    "houthi",
    "shia",
    "sunni",
    "shiite",
    "sunnis",
    "shiites",
    "baha'i",
    "bahai",
    "falun gong",
    "tatars",
    "crimean tatars",
    "roma",
    "africans",
    "latinos",
    "asians",
    "europeans",
    "westerners",
    "democrats",
    "republicans",
    "hispanics",
}
# Heads that make a name an event or initiative, not an entity ("Beijing Olympic Games", "Belt and Road Initiative").
EVENT_HEADS = {
    "olympic",
    "olympics",
    "games",
    "summit",
    "initiative",
    "conference",
    "forum",
    "war",
    "election",
    "elections",
    "cup",
    "expo",
    "festival",
    "day",
}
TITLE_WORDS = {
    "president",
    "vice",
    "secretary",
    "minister",
    "prime",
    "premier",
    "sen.",
    "senator",
    "rep.",
    "representative",
    "mr.",
    "ms.",
    "mrs.",
    "dr.",
    "former",
    "general",
    "gen.",
    "lt.",
    "col.",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    "cfo",
    "coo",
    "director",
    "ambassador",
    "governor",
    "judge",
    "justice",
    "deputy",
    "under",
    "assistant",
    "acting",
    "commander",
    "admiral",
    "adm.",
    "chief",
    "head",
    "leader",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
    "ayatollah",
    "supreme",
    "mayor",
    "attorney",
    "officer",
    "executive",
    "founder",
    "owner",
    "officials",
    "official",
    "lawmaker",
    "congressman",
    "congresswoman",
    "chancellor",
    "emir",
    "sultan",
    "colonel",
    "major",
    "captain",
    "sergeant",
    "brigadier",
    "marshal",
    "envoy",
    "advisor",
    "adviser",
    "economic",
    "national",
    "security",
    "treasury",
    "foreign",
    "defense",
    "defence",
    "czar",
    "tsar",
    "party",
    "chief's",
    "u.s.",
    "us",
    "dictator",
    "strongman",
    "commissioner",
    "mp",
    "mep",
    "gov.",
    "pope",
    "cardinal",
    "bishop",
    "imam",
    "mullah",
    "comrade",
    "sir",
    "lord",
    "lady",
    "madam",
    "honorable",
}
_LAW_KINDS = (
    (re.compile(r"\b(Regulations?|Rules?|Directive)\b"), "regulation"),
    (re.compile(r"\b(Convention|Treaty|Agreement|Accords?|Protocol|Charter|Covenant)\b"), "treaty"),
    (re.compile(r"\b(List)\b"), "list"),
    (re.compile(r"\b(Principles|Guidance|Guidelines|Advisory)\b"), "guidance"),
    (re.compile(r"\b(Bill)\b"), "bill"),
    (re.compile(r"\b(Program|Programme|Sanctions)\b"), "program"),
    (re.compile(r"\b(Order|Memorandum|Proclamation)\b"), "executive_order"),
)


def head_word(words: list[str]) -> str:
    """The head noun of a name: the last word before "of"/"for"/"on", else the last word."""
    for i, w in enumerate(words):
        if i and w.lower() in {"of", "for", "on"}:
            return words[i - 1]
    return words[-1] if words else ""


def org_type(words: list[str]) -> str:
    """Authority / Organization / Company (or Law, by a legal head word) for an ORG span (lexicon entries are
    decided before this)."""
    if not words:
        return "Company"
    lowered = [w.lower().strip(",") for w in words]
    if lowered[-1] in LEGAL_SUFFIXES:
        return "Company"
    if len(words) > 1 and lowered[0] in FIRM_FIRST and not ("central" in lowered or "nacional" in lowered[:2]):
        return "Company"
    head = head_word(words).lower()
    if lowered[-1] in LAW_HEADS and len(words) > 1:
        return "Law"
    if lowered[-1] == "congress" and len(words) >= 3 and (
        lowered[0] in {"world", "international", "global"}
        or any(w in {"union", "unions", "trades", "youth", "women's", "jewish"} for w in lowered)
        or sum(w in DEMONYMS for w in lowered[:-1]) >= 2
    ):
        # "World Uyghur Congress", "Ukrainian Canadian Congress", "Trades Union Congress": a federation or union;
        # "Peruvian Congress", "General National Congress" (Libya's parliament) are legislatures
        return "Organization"
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
    if _personal(words):
        return "Person"  # "OFAC designated Morteza Tamaddon": NER's ORG for a person
    return "Company"


def _personal(words: list[str]) -> bool:
    """Two to four capitalised words opening with a known given name and without any company word."""
    if not 2 <= len(words) <= 4 or words[0] not in GIVEN_NAMES:
        return False
    lowered = [w.lower() for w in words]
    if any(w in COMPANY_HEADS or w in EVENT_HEADS or w in TITLE_WORDS for w in lowered):
        return False
    return all(w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha() and not w.isupper()
               for w in words)


def law_kind(text: str) -> str:
    for rx, kind in _LAW_KINDS:
        if rx.search(text):
            return kind
    return "statute"


def place_type(words: list[str]) -> str:
    return "Place"
