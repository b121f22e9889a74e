"""Two pieces of the apposition reading of HOLDS_ROLE (ingest/relations/roles.py) for persons named together:

  coordinated holders  "Miguel and Edison Ostaiza Amay, key members of the X organization": the title after the
                       last name is each listed person's ("A, B and C, senior officials of X" likewise)
  kinship first        "X, brother of Y and a key member of Z": the kinship ("brother of Y") is no title, the
                       post after "and" is X's
"""

from __future__ import annotations

from ingest.extensions import Mention
from ingest.relations.context import Context

# kinship nouns, singular and plural: they say who someone is to another person, not a post
KIN = {
    "wife", "husband", "spouse", "son", "daughter", "father", "mother", "sister", "brother", "nephew", "niece",
    "cousin", "uncle", "aunt", "grandson", "granddaughter", "son-in-law", "brother-in-law", "half-brother",
    "wives", "husbands", "sons", "daughters", "sisters", "brothers", "nephews", "nieces", "cousins", "children",
}


def after_kinship(ctx: Context, k: int, end: int) -> int:
    """Index of the post after "(the) brother(s) of <Person> and": k itself when the phrase at k is no kinship."""
    toks = ctx.tokens
    i = k + (k < end and toks[k].lower_ in {"the", "a", "his", "her", "their"})
    if not (i + 2 < end and toks[i].lower_ in KIN and toks[i + 1].lower_ == "of"):
        return k
    m = ctx.mention_at(i + 2) or ctx.mention_at(i + 3)  # "of (the) Y"
    if m is None or ctx.type_of(m) != "Person":
        return k
    j = ctx.skip_alias(m.token_end)
    if j + 1 < end and toks[j].lower_ == "and":
        return j + 1
    return k


def coordinated_before(ctx: Context, p: Mention) -> list[Mention]:
    """The persons listed right before p: "A and p", "A, B, and p" (each separated only by "," / "and")."""
    toks = ctx.tokens
    out: list[Mention] = []
    i = p.token_start
    while i > 0:
        j = i - 1
        if toks[j].lower_ == "and":
            j -= 1
            if j >= 0 and toks[j].text == ",":
                j -= 1
        elif toks[j].text == ",":
            j -= 1
        else:
            break
        m = ctx.mention_at(j) if j >= 0 else None
        if m is None or ctx.type_of(m) != "Person" or m.entity_id == p.entity_id:
            break
        out.append(m)
        i = m.token_start
    # a bare list "A, B": only when "and" joins the last pair, else it is a sentence's run of names
    return out if any(toks[x.token_end].lower_ == "and" or toks[x.token_end + 1].lower_ == "and" for x in out) else []
