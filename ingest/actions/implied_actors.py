"""Actors read from context when the trigger's own frame names none: the state where an arrest happens, the
country behind a White House 'we', the court that indicts, the body a kind of measure implies in the document
(OFAC for a designation in a Treasury release), and the President who signs 'the Order'.
"""

from __future__ import annotations

import re

from ingest.actions.context import DocContext
from ingest.actions.lexicon import Lexicon
from ingest.actions.roles import Roles
from ingest.actions.triggers import Trigger
from ingest.lexicon import load_lexicon

SPEAKER_TITLE = re.compile(r"\b(?:testimony|remarks|treasury|secretary|director|prepared|interview|speech)\b", re.I)
# Bodies that indict: "indicted ... in the U.S. District Court for ...", "by the U.S. Attorney's Office".
COURT_WORDS = ("court", "attorney", "grand jury", "prosecutor")
# Instruments a President signs: "The Order imposes new sanctions on ..." is the signer's measure.
ORDER_NOUNS = {"order", "proclamation", "memorandum", "nspm", "determination"}
US_NAMES = ("united states", "u.s.", "united states of america", "us")
# Generic national bodies that act for their state: "by Afghan counter narcotics authorities".
NATIONAL_BODIES = {"authority", "authorities", "police", "prosecutor", "prosecutors", "official", "officials",
                   "court", "courts", "force", "forces"}
ORDER_VERBS = {"authorize", "authorise", "broaden", "direct", "block", "suspend", "prohibit", "restrict"}


def place_actor(ctx: DocContext, trig: Trigger, roles: Roles) -> None:
    """'Meng has been detained in Canada': the state where an arrest or detention happens takes it."""
    heads = [trig.token] + ([roles.head_verb] if roles.head_verb is not None else [])
    for prep in (c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "in"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            m = ctx.mention(pobj.i)
            if m is not None and ctx.etype(m) == "Country":
                roles.add("by", [m.entity_id])
                roles.targets = [t for t in roles.targets if t != m.entity_id]


def we_actor(ctx: DocContext, trig: Trigger, roles: Roles) -> None:
    """'And today, we are holding Iran accountable—imposing new sanctions and export controls on Iran': in
    the document's own voice (a White House statement, not a quotation) 'we' is the United States."""
    tok = trig.token
    for _ in range(4):
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "we" for c in tok.children):
            break
        if tok.head.i == tok.i:
            return
        tok = tok.head
    else:
        return
    s, _ = ctx.unit(trig.token)
    if SPEAKER_TITLE.search(ctx.doc._.title or ""):
        return  # "Testimony of Secretary John W. Snow ...": 'we' is the speaker's department
    before = [t.text for t in ctx.tokens[s:trig.token.i]]
    if before.count("\"") % 2 or before.count("\u201c") > before.count("\u201d"):
        return  # inside a quotation: the speaker's office, not the country
    us = ctx.find_entity(US_NAMES)
    if us is not None and ctx.etype_of(us) == "Country":
        roles.add("by", [us])
        roles.targets = [t for t in roles.targets if t != us]


def president_agent(ctx: DocContext, trig: Trigger, roles: Roles) -> None:
    """'The FARC was identified by the President as a significant foreign narcotics trafficker pursuant to the
    Kingpin Act on May 29, 2003': a bare 'the President' (no name) as the passive agent or the subject acts for
    the state, the United States in the texts this corpus holds (ONTOLOGY: 'the U.S.' as actor is the country)."""
    if not trig.is_verb:
        return
    # the passive agent, or the active subject ("the UWSA, which the President subsequently identified as ...")
    heads = [p for a in trig.token.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    heads += [c for c in trig.token.children if c.dep_ == "nsubj"]
    for pobj in heads:
        if pobj.lower_ != "president" or ctx.mention(pobj.i) is not None or any(
                c.dep_ in ("compound", "appos", "amod", "poss") for c in pobj.children):
            continue
        us = ctx.find_entity(US_NAMES)
        if us is not None and ctx.etype_of(us) == "Country":
            roles.add("by", [us])
            roles.targets = [t for t in roles.targets if t != us]
        return


def demonym_agent(ctx: DocContext, trig: Trigger, roles: Roles) -> None:
    """'Barakzai was arrested and sentenced ... in Afghanistan in 2011 by Afghan counter narcotics authorities':
    a generic national body ('<Demonym> ... authorities / police / prosecutors'), no entity of its own, named
    with 'by' in the clause of an arrest, detention or charge is its country's act (ONTOLOGY: functional plurals
    are generic; dev 002 gives a detention by [china]). The parser may hang the 'by' phrase on a later verb of
    the clause, so the whole clause of the trigger is read; only a country the document names is taken."""
    tok = trig.token
    while tok.dep_ in ("conj", "xcomp") and tok.head is not tok:
        tok = tok.head  # "arrested and sentenced": the clause of the first verb
    for by in (t for t in tok.subtree if t.lower_ == "by" and t.dep_ in ("agent", "prep")):
        for pobj in (c for c in by.children if c.dep_ == "pobj"):
            if pobj.lemma_.lower() not in NATIONAL_BODIES or ctx.mention(pobj.i) is not None:
                continue
            for mod in pobj.subtree:
                country = load_lexicon().demonyms.get(mod.lower_) if mod.i < pobj.i else None
                if country is not None and ctx.etype_of(country) == "Country":
                    roles.add("by", [country])
                    roles.targets = [t for t in roles.targets if t != country]
                    return


def court_actor(ctx: DocContext, trig: Trigger, roles: Roles) -> None:
    """'X and Y were indicted on ... charges in the U.S. District Court for the Southern District of Florida':
    the court (or U.S. Attorney's Office) named with 'in'/'by' is the indicting body."""
    s, e = ctx.unit(trig.token)
    for prep in (t for t in trig.token.subtree if t.dep_ in ("prep", "agent") and t.lower_ in ("in", "by")
                 and t.i > trig.token.i and t.i < e):
        for m in ctx.mentions_in(t.i for t in prep.subtree):
            names = " ".join(ctx.names(m.entity_id))
            if ctx.etype(m) == "Authority" and any(w in names for w in COURT_WORDS):
                roles.add("by", [m.entity_id])
                roles.targets = [t for t in roles.targets if t != m.entity_id]
                return


def imply_actor(ctx: DocContext, trig: Trigger, kind: str, roles: Roles, lex: Lexicon) -> bool:
    names = lex.implied_actors.get(kind)
    if names:
        eid = ctx.find_entity(names)
        s, e = ctx.unit(trig.token)
        if eid is not None and kind == "legislation" and not any(
                m.entity_id == eid for m in ctx.mentions_in(range(s, e))):
            eid = None  # a legislature is implied only when the sentence names it ("the Duma's bill")
        if eid is not None:
            roles.add("by", [eid])
            # "OFAC is publishing the names of persons that have been placed on the SDN List": the
            # implied actor is named in the same sentence, so the text does attribute it.
            return not any(m.entity_id == eid and _is_subject(ctx, m) for m in ctx.mentions_in(range(s, e)))
    return False


def order_subject(trig: Trigger, roles: Roles, lex: Lexicon) -> bool:
    """'The Order imposes new sanctions on X', 'signed an Executive Order imposing sanctions on X': the
    order's signer takes the measure (not in 'This Executive Order follows sanctions the United States has
    already imposed': the verb must be one that takes or undoes a measure)."""
    verb = roles.head_verb if roles.head_verb is not None else (trig.token if trig.is_verb else None)
    if verb is None:
        return False
    measure_verb = False
    for _ in range(3):
        lemma = verb.lemma_.lower()
        measure_verb = measure_verb or verb is trig.token or lemma in lex.light_verbs or (
            lemma in lex.lifted_heads or lemma in ORDER_VERBS)
        if measure_verb and any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in ORDER_NOUNS
                                for c in verb.children):
            return True
        if measure_verb and verb.dep_ in ("acl", "relcl") and verb.head.lemma_.lower() in ORDER_NOUNS:
            return True
        if verb.dep_ not in ("conj", "xcomp"):
            break
        verb = verb.head
    return False


def _is_subject(ctx: DocContext, m) -> bool:
    """The mention is the subject of its clause ('OFAC is publishing the names of persons that ...'); a
    possessor is not enough ('the Customs and Border Protection's forced labor division')."""
    for tok in ctx.doc[m.token_start:m.token_end]:
        # "the Treasury's Office of Foreign Assets Control (OFAC) is publishing": through appositions,
        # compounds and "of" inside the name, not through a possessor
        for _ in range(5):
            if tok.dep_ in ("nsubj", "nsubjpass"):
                return True
            if tok.dep_ in ("appos", "compound", "flat", "pobj", "prep") and tok.head is not tok and (
                    tok.dep_ != "pobj" or tok.head.lower_ == "of"):
                tok = tok.head
                continue
            break
    return False
