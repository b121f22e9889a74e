"""Words and spans that are never an entity however NER labels them: common words, regulatory phrases,
street-address words, slogan and product last words, and groups of people.
"""

from __future__ import annotations

import re

# Words that are never a whole entity however NER labels them.
NEVER_ENTITY = {
    # capitalised at a line's or sentence's start, NER reads them as names: "our Nation would be", "Criminal
    # penalties for", "served as Counsel to"
    "nation",
    "criminal",
    "counsel",
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

# A last word that makes the whole span a non-entity ("the Dalian WRO").
NEVER_LAST = {
    "wro", "wros", "faq", "faqs", "license", "licenses", "advisory",
    # headings and slogans NER reads as ORG ("Money Laundering", "Filing a Petition for Removal",
    # "Address Illicit Financing Risks", "Make America Safe Again"), and products ("UAVs")
    "laundering", "removal", "risks", "again", "uav", "uavs", "uas", "drones", "question", "questions",
    "box",  # "P.O. Box 2900" in an address line
}

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
