"""HOLDS_ROLE from a verb frame, read from the dependency parse, for posts the title readers of
ingest/relations/roles.py miss because the person is not next to the title (ONTOLOGY: employment, "has served
as", former posts and affiliation give HOLDS_ROLE to the body):

  as-frames   "X ... and served as the head of the JI organization in Indonesia" (subject shared by conjuncts),
              "he worked as a trial attorney in the Civil Division of the Justice Department" (the body in a
              prepositional phrase of the verb), "Azizah ... became the leader of the LIFG in Canada"
  where-frame "Szubin came to the Treasury from the Department of Justice, where he served as Counsel to the
              Deputy Attorney General": the post is at the place "where" stands for
  lead verbs  "Szubin chaired the Money Laundering Threat Assessment Working Group", "X heads the Y"
A pronoun subject ("he", "she") is the Person subject of the main clause, else of the sentence before.
"""

from __future__ import annotations

from ingest.extensions import Mention
from ingest.relations.context import Context, Relations
from ingest.relations.role_words import BODY_TYPES
from ingest.relations.roles import _emit, _title_text

_AS_VERBS = {"served", "serves", "serving", "worked", "works", "working", "acted", "acts", "remained"}
_BECOME = {"became", "becomes", "become"}
_LEAD_VERBS = {"chaired": "chair", "chairs": "chair", "heads": "head", "headed": "head", "leads": "leader",
               "commands": "commander", "commanded": "commander"}
_PRONOUNS = {"he", "she"}
_BODY_PREPS = {"in", "at", "with", "for", "on"}


def role_verbs(ctx: Context, out: Relations) -> None:
    for v in ctx.tokens:
        low = v.lower_
        if low not in _AS_VERBS and low not in _BECOME and low not in _LEAD_VERBS:
            continue
        if v.pos_ not in ("VERB", "AUX"):
            continue
        person = _person_of(ctx, v)
        if person is None:
            continue
        if low in _LEAD_VERBS:
            for c in v.children:
                m = ctx.mention_at(c.i) if c.dep_ == "dobj" else None
                if m is not None and ctx.type_of(m) in BODY_TYPES:
                    out.add("HOLDS_ROLE", person.entity_id, m.entity_id, 0.6, v.i, title=_LEAD_VERBS[low])
            continue
        window = _title_window(ctx, v, low in _BECOME)
        if window is None:
            continue
        if _emit(ctx, out, person, window, 0.6):
            continue
        if v.dep_ == "relcl" and any(c.lower_ == "where" for c in v.children):
            m = ctx.mention_at(v.head.i)  # "the Department of Justice, where he served as Counsel to ..."
            if m is not None and ctx.type_of(m) in BODY_TYPES:
                out.add("HOLDS_ROLE", person.entity_id, m.entity_id, 0.55, v.i, title=_title_text(ctx, *window))


def _title_window(ctx: Context, v, become: bool) -> tuple[int, int] | None:
    """Tokens of the post: the object of "as" (the attribute of "became"), run on over the verb's prepositional
    phrases that name a body ("as a trial attorney in the Civil Division of ...")."""
    if become:
        heads = [c for c in v.children if c.dep_ == "attr"]
    else:
        heads = [p for p in v.children if p.dep_ == "prep" and p.lower_ == "as"]
    if not heads:
        return None
    h = heads[0]
    sub = list(h.subtree)
    a = h.i if become else h.i + 1
    b = sub[-1].i + 1
    # an apposition on the post describes its body, it names no second one ("chief of X, a subsidiary of Y")
    b = next((t.i for t in sub if t.i > a and t.text in {",", ";", "(", "\u2014"}), b)
    for p in v.children:
        if p.i == b and p.dep_ == "prep" and p.lower_ in _BODY_PREPS:
            b = list(p.subtree)[-1].i + 1
    return (a, b) if b > a else None


def _person_of(ctx: Context, v) -> Mention | None:
    for _ in range(3):
        subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            s = subj[0]
            if s.lower_ in {"who", "that"} and v.dep_ == "relcl":
                s = v.head
            elif s.lower_ in _PRONOUNS:
                return _main_subject(ctx, v)
            m = ctx.mention_at(s.i)
            return m if m is not None and ctx.type_of(m) == "Person" else None
        if v.dep_ not in ("conj", "xcomp") or v.head.i == v.i:
            return None
        v = v.head
    return None


def _main_subject(ctx: Context, v) -> Mention | None:
    """The Person subject of the sentence's main verb ("Szubin came to ..., where he served as ...")."""
    root = v
    while root.dep_ != "ROOT" and root.head.i != root.i:
        root = root.head
    if root.i != v.i:
        for c in root.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in _PRONOUNS:
                m = ctx.mention_at(c.i)
                return m if m is not None and ctx.type_of(m) == "Person" else None
    # "Prior to assuming that position, he worked as ...": the subject of the sentence before
    si = ctx.sent_of[v.i]
    if si == 0:
        return None
    prev = ctx.sents[si - 1].root
    for c in prev.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            m = ctx.mention_at(c.i)
            return m if m is not None and ctx.type_of(m) == "Person" else None
    return None
