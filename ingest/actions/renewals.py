"""A measure prolonged or renewed is reported as a measure of its own: "The Council today decided to prolong the
restrictive measures against Belarus until 28 February 2026", "Canada renewed its sanctions on ...".

ONTOLOGY has no renewal kind: the prolonged measure keeps its own kind (a `sanction` when told only as sanctions
or restrictive measures), enacted, by whoever prolongs it, dated when the prolongation is taken (the document's
day for "today"), never by the date it now runs "until".
"""

from __future__ import annotations

from spacy.tokens import Token

RENEWING = {"prolong", "extend", "renew", "roll"}


def renewal_verb(trigger: Token, is_verb: bool) -> Token | None:
    """The verb that prolongs the measure noun `trigger` ('prolong the restrictive measures', 'renewed its
    sanctions', 'roll over the sanctions'), or None."""
    if is_verb:
        return None
    tok = trigger
    while tok.dep_ == "conj" and tok.head.pos_ == "NOUN":
        tok = tok.head
    if tok.dep_ != "dobj":
        return None
    verb = tok.head
    lemma = verb.lemma_.lower()
    if lemma not in RENEWING:
        return None
    if lemma == "roll" and not any(c.dep_ == "prt" and c.lower_ == "over" for c in verb.children):
        return None
    if lemma == "extend" and any(c.dep_ == "prep" and c.lower_ in ("to", "into") for c in verb.children):
        return None  # "extended the sanctions to ten more firms": new targets, read by the generic frame
    return verb


def until_tokens(verb: Token) -> set[int]:
    """The token indices of the 'until <date>' phrase of a prolonging verb: the end of the measure, not its date."""
    out: set[int] = set()
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("until", "till", "through"):
            out.update(t.i for t in c.subtree)
    return out
