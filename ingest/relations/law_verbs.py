"""ADMINISTERS and PART_OF that a verb states, read from the dependency parse (ONTOLOGY: ADMINISTERS where the
text says the body administers, maintains, enforces, adds to or removes from the instrument; an instrument the
text says implements or amends another is PART_OF it). The lexicon and possessives give the usual pairs
(ingest/relations/structure.py); these are the ones only the sentence states:

  active    "FinCEN administers the Bank Secrecy Act", "OFAC implements and administers Executive Order 13224",
            "the Office of Foreign Assets Control (OFAC), which administers ...", "OFAC has added Martelly to the
            Non-SDN Menu-Based Sanctions List", "Department of State added al Manar to the Terrorism Exclusion List"
  passive   "Executive Order 12978, ... which is also administered by OFAC", "The Cuba Restricted List is
            maintained by the State Department", "Signed into law ... and administered by OFAC, the Kingpin Act"
  law verbs "The Iraqi Sanctions Regulations ... implement Executive Orders 12722 and 12724" -> PART_OF
A subject that is no Authority ("the United States maintains trade prohibitions": a Country) gives nothing.
"""

from __future__ import annotations

from ingest.extensions import Mention
from ingest.relations.context import Context, Relations

_ADMIN = {"administer", "administers", "administered", "administering", "enforce", "enforces", "enforced",
          "enforcing", "maintain", "maintains", "maintained", "maintaining"}
_LIST_VERBS = {"add": "to", "adds": "to", "added": "to", "adding": "to", "remove": "from", "removes": "from",
               "removed": "from", "removing": "from"}
_PART_VERBS = {"implement", "implements", "implemented", "implementing", "amend", "amends", "amended", "amending"}
_RELATIVE = {"which", "that", "who"}


def law_verbs(ctx: Context, out: Relations) -> None:
    for t in ctx.tokens:
        low = t.lower_
        if low in _ADMIN:
            if _passive(t):
                _passive_admin(ctx, out, t)
            else:
                for body in _subjects(ctx, t, "Authority"):
                    for law in _objects(ctx, t):
                        out.add("ADMINISTERS", body.entity_id, law.entity_id, 0.7, t.i)
        elif low in _LIST_VERBS and not _passive(t):
            lists = [m for c in t.children if c.dep_ == "prep" and c.lower_ == _LIST_VERBS[low]
                     for m in ctx.mentions_in(c, "Law") if ctx.entities[m.entity_id].kind == "list"]
            for body in _subjects(ctx, t, "Authority") if lists else []:
                for law in lists:
                    out.add("ADMINISTERS", body.entity_id, law.entity_id, 0.7, t.i)
        elif low in _PART_VERBS and t.pos_ == "VERB" and not _passive(t) and t.dep_ not in ("amod", "acl"):
            for part in _subjects(ctx, t, "Law"):
                for whole in _objects(ctx, t):
                    if ctx.entities[part.entity_id].kind != "section":
                        out.add("PART_OF", part.entity_id, whole.entity_id, 0.7, t.i)


def _passive(t) -> bool:
    return t.tag_ == "VBN" and (any(c.dep_ in ("auxpass", "agent", "nsubjpass") for c in t.children)
                                or t.dep_ in ("acl", "advcl", "amod") or _conj_head(t).dep_ in ("acl", "advcl"))


def _conj_head(t):
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    return t


def _mention(ctx: Context, tok, etype: str) -> Mention | None:
    m = ctx.mention_at(tok.i)
    return m if m is not None and ctx.type_of(m) == etype else None


def _subjects(ctx: Context, verb, etype: str) -> list[Mention]:
    """The verb's subject of the type: its own nsubj, the first conjunct's ("develops ..., administers the BSA"),
    the governing verb's for "to administer", or the noun a relative clause hangs on ("OFAC, which administers")."""
    v = verb
    for _ in range(3):
        subj = [c for c in v.children if c.dep_ == "nsubj"]
        if subj:
            s = subj[0]
            if s.lower_ in _RELATIVE and v.dep_ == "relcl":
                s = v.head
            m = _mention(ctx, s, etype)
            return [m] if m is not None else []
        if v.dep_ == "relcl":
            m = _mention(ctx, v.head, etype)
            return [m] if m is not None else []
        if v.dep_ not in ("conj", "xcomp") or v.head.i == v.i:
            return []
        v = v.head
    return []


def _objects(ctx: Context, verb) -> list[Mention]:
    """Laws in the verb's direct object (or the shared object of "implements and administers X")."""
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    if not objs:
        head = _conj_head(verb)
        objs = [c for c in head.children if c.dep_ == "dobj"] if head is not verb else []
        if not objs:  # "implements and administers E.O. 13224": the object hangs on the last conjunct
            objs = [c for k in verb.children if k.dep_ == "conj" for c in k.children if c.dep_ == "dobj"]
    return [m for o in objs for m in ctx.mentions_in(o, "Law")]


def _passive_admin(ctx: Context, out: Relations, verb) -> None:
    agents = [c for c in verb.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")]
    # the agent's own noun first: "by the Treasury Department's OFAC" is OFAC's, not Treasury's
    heads = [c for a in agents for c in a.children if c.dep_ == "pobj"]
    bodies = [m for x in heads if (m := _mention(ctx, x, "Authority")) is not None]
    bodies = bodies or [m for a in agents for x in a.subtree if (m := _mention(ctx, x, "Authority")) is not None]
    bodies = bodies[:1]
    if not bodies:
        return
    head = _conj_head(verb)
    laws: list[Mention] = []
    subj = [c for c in head.children if c.dep_ in ("nsubjpass", "nsubj")]
    if subj and subj[0].lower_ not in _RELATIVE:
        laws = [m for m in [ctx.mention_at(subj[0].i)] if m is not None and ctx.type_of(m) == "Law"]
    elif head.dep_ in ("acl", "relcl", "amod") or (subj and head.dep_ == "relcl"):
        m = ctx.mention_at(head.head.i)  # "the BSA, administered by FinCEN", "E.O. 12978, which is administered"
        laws = [m] if m is not None and ctx.type_of(m) == "Law" else []
    elif head.dep_ == "advcl":  # "Signed into law ... and administered by OFAC, the Kingpin Act applies ..."
        laws = [m for c in head.head.children if c.dep_ == "nsubj"
                for m in [ctx.mention_at(c.i)] if m is not None and ctx.type_of(m) == "Law"]
    for law in laws:
        out.add("ADMINISTERS", bodies[0].entity_id, law.entity_id, 0.7, verb.i)
