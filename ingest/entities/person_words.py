"""Words about people that typing reads: given names of sanctioned individuals, nationality adjectives (from
the countries lexicon), and titles that stand before a person's name.
"""

from __future__ import annotations

from pathlib import Path

from policygraph.yamlfile import read_yaml

# Given names of sanctioned individuals (data file, see its header): the first word of a person's name.
GIVEN_NAMES = frozenset(
    read_yaml(Path(__file__).resolve().parents[1] / "lexicons" / "given_names.yaml")["given_names"]
)

# Nationality adjectives of the countries lexicon ("Ukrainian", "Canadian").
_COUNTRIES = read_yaml(Path(__file__).resolve().parents[1] / "lexicons" / "countries.yaml")["entries"]
DEMONYMS = frozenset(d.lower() for e in _COUNTRIES for d in e.get("demonyms", ()))

# a nationality adjective (lower case) -> its country's id ("chinese" -> "china", "south korean" -> "south-korea")
DEMONYM_COUNTRY = {d.lower(): e["id"] for e in _COUNTRIES for d in e.get("demonyms", ())}
# a country's name or alias (lower case) -> its id ("people's republic of china" -> "china")
COUNTRY_ID = {a.lower(): e["id"] for e in _COUNTRIES for a in (e["name"], *e.get("aliases", ()))}
# a country's name or alias (lower case) -> its first nationality adjective ("nicaragua" -> "Nicaraguan")
COUNTRY_DEMONYM = {
    a.lower(): e["demonyms"][0] for e in _COUNTRIES if e.get("demonyms") for a in (e["name"], *e.get("aliases", ()))
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
    # courtesy titles without the period (British and much news style: "Mr Abramovich"); not part of the name
    "mr",
    "mrs",
    "ms",
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
