"""Name normalisation shared by the entity and relation components: the scorer-compatible key used to
merge mentions, id slugs, and canonical person names."""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii

COMPANY_SUFFIXES = (
    r"(limited liability company|limited liability partnership|joint stock company|"
    r"sarl|s a r l|sal|s a l|wll|w l l|fz llc|fzllc|doo|d o o|ood|eood|s r o|kft|sti|"
    r"co|company|corp|corporation|inc|incorporated|ltd|limited|llc|plc|group|co ltd|ltd co|gmbh|ag|sa|s a|jsc|pjsc|"
    r"ojsc|cjsc|ooo|oao|llp|lp|fze|fzco|fzc|bv|b v|nv|n v|srl|s r l|srls|s r l s|spa|s p a|pte|pvt|sdn bhd|bhd|ltda|"
    r"de cv|de c v|sa de cv|s a de c v|s de r l|s de r l de c v|s a p i de c v|sapi de cv|s a b de c v)"
)
# Legal forms written before the name (Russian / CIS order): "Joint Stock Company X", "JSC X", "OOO X".
LEGAL_PREFIX = re.compile(
    r"^(?:(?:(?:public|open|closed) )?joint stock company|jsc|pjsc|ojsc|cjsc|ooo|oao|zao|pao|ao|llc|fsue|fgup|tov"
    r"|limited liability company|federal state unitary enterprise"
    r"|(?:publichnoe |otkrytoe |zakrytoe )?aktsionernoe obshchestvo"
    r"|obshchestvo s ogranichenno[iy] otvetstvennost(?:yu|iu)) "
)
# Lower-case particles that may sit inside a person's name.
NAME_PARTICLES = {
    "al",
    "el",
    "bin",
    "ibn",
    "bint",
    "de",
    "del",
    "della",
    "der",
    "da",
    "das",
    "dos",
    "du",
    "la",
    "le",
    "van",
    "von",
    "y",
    "abu",
    "ul",
}


def ascii_fold(s: str) -> str:
    s = (s or "").replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


def norm(name: str) -> str:
    """The merge key: lower-case ASCII words, no leading "the", no possessive, no "U.S." prefix,
    "Department of X" read as "X Department", company suffixes dropped (as the scorer reads names)."""
    s = ascii_fold(name).lower()
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"[^a-z0-9]+", " ", s).strip()
    s = re.sub(r"^the ", "", s)
    s = re.sub(r"^(united states|us)( |$)", r"u s\2", s)
    if s == "u s":
        return "united states"
    s = re.sub(r"^u s ", "", s)
    s = re.sub(r"^(the )?(department|ministry) of (the )?(\w+)$", r"\4 \2", s)
    prev = None
    while prev != s:
        prev = s
        s = re.sub(r" " + COMPANY_SUFFIXES + r"$", "", s).strip()
    # "JSC Kolibri", "Joint Stock Company Kolibri" and "Kolibri JSC" are one firm
    if " " in s:
        s = LEGAL_PREFIX.sub("", s, count=1) or s
    return s


def transliterate(text: str) -> str:
    """ASCII for an id: accents folded as before (ascii_fold), and letters that have no ASCII decomposition
    (Cyrillic, Greek, Arabic, CJK, and Latin ß/ø/ł) transliterated by anyascii, so a name in another script
    never folds to nothing ("ОАО" -> "OAO"); the name itself keeps its script (the entity's name and aliases)."""
    if text.isascii():
        return text
    out = []
    for ch in text:
        folded = ascii_fold(ch)
        out.append(folded if folded or not ch.isalnum() else anyascii(ch))
    return "".join(out)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", transliterate(text).lower()).strip("-")


def person_canonical(name: str) -> str:
    """Drop middle initials ("Steven T. Mnuchin" -> "Steven Mnuchin"), keep particles and suffix-free."""
    words = name.split()
    if len(words) <= 2:
        return " ".join(words)
    kept = [w for i, w in enumerate(words) if i in (0, len(words) - 1) or not re.fullmatch(r"[A-Z]\.?", w)]
    return " ".join(kept)
