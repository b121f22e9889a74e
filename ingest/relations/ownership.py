"""HOLDS_ROLE from ownership and control stated as fact (ONTOLOGY: employment, ownership, board seats give
HOLDS_ROLE to that body), read from the dependency parse:

  passive   "20 companies owned or controlled by Bredenkamp: A, B, C", "the Mohammad Wali Money Exchange
            controlled by his associate Mohammad Wali", "two companies ... owned by X, A and B"
  active    "Jefferson and Edison own and control Multinational Integral Productiva Jooamy Ema"
  possessive "Barakzai's exchange house, New Ahmadi Ltd."
Designation criteria are not facts: "for being owned or controlled by X" and "for acting for or on behalf of"
give nothing.
"""

from __future__ import annotations

from ingest.extensions import Mention
from ingest.relations.context import POSSESSIVE, Context, Relations
from ingest.relations.located_parse import DESCRIBING_NOUNS

_BODIES = ("Company", "Organization")
_VERBS = {"own": "owner", "owns": "owner", "owned": "owner", "control": "controller", "controls": "controller",
          "controlled": "controller"}


def ownership(ctx: Context, out: Relations) -> None:
    toks = ctx.tokens
    for i, t in enumerate(toks):
        low = t.lower_
        if low in _VERBS:
            if t.tag_ == "VBN" or low == "owned" or low == "controlled":
                _passive(ctx, out, t)
            else:
                _active(ctx, out, t)
        elif t.text in POSSESSIVE and i + 2 < len(toks):
            _possessive(ctx, out, i)


def _title(verb) -> str:
    # The verb handed in can be the head of the clause, not the ownership verb itself ('command and control'):
    # read every ownership verb among it and its conjuncts, and fall back to the plain title.
    words = {_VERBS[t.lower_] for t in (verb, *(c for c in verb.children if c.dep_ == "conj")) if t.lower_ in _VERBS}
    if not words:
        return "owner"
    return "owner or controller" if len(words) > 1 else words.pop()


def _criterion(ctx: Context, verb) -> bool:
    """'for being owned or controlled by', 'for having been owned': a designation criterion, not a fact."""
    before = [t.lower_ for t in ctx.tokens[max(0, verb.i - 4) : verb.i]]
    return "being" in before or "been" in before or "to" in before[-1:] or "directly" in before[-2:]


def _bodies_at(ctx: Context, tok) -> list[Mention]:
    """The firms a noun stands for: itself when it is a mention, else the mentions in apposition to it or in a
    list after a colon."""
    m = ctx.mention_at(tok.i)
    if m is not None:
        return [m] if ctx.type_of(m) in _BODIES else []
    if tok.lower_ not in DESCRIBING_NOUNS:
        return []
    out = []
    for c in tok.children:
        if c.dep_ == "appos":
            for t in [c, *(x for x in c.subtree if x.dep_ == "conj")]:
                cm = ctx.mention_at(t.i)
                if cm is not None and ctx.type_of(cm) in _BODIES:
                    out.append(cm)
    return out


def _passive(ctx: Context, out: Relations, verb) -> None:
    if _criterion(ctx, verb):
        return
    head = verb
    while head.dep_ == "conj" and head.head.i != head.i:  # "owned or controlled by": the agent is on either
        head = head.head
    agents = [c for v in (head, *[c for c in head.children if c.dep_ == "conj"]) for c in v.children
              if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")]
    if not agents:
        return
    owners = [p for a in agents for p in ctx.mentions_in(a, "Person")]
    if not owners or head.dep_ not in ("acl", "amod", "relcl"):
        return
    bodies = _bodies_at(ctx, head.head)
    # "... owned or controlled by Bredenkamp: A, B, C": the list after the owner
    last = max(p.token_end for p in owners)
    j = ctx.skip_alias(last)
    sent_end = ctx.sents[ctx.sent_of[verb.i]].end
    if j < len(ctx.tokens) and ctx.tokens[j].text == ":":
        si = ctx.sent_of[verb.i]
        listed = ctx.sent_mentions[si] + (ctx.sent_mentions[si + 1] if j + 1 >= sent_end and si + 1 < len(ctx.sents)
                                          else [])  # the parser may start a sentence after the colon
        bodies += [m for m in listed if m.token_start > j and ctx.type_of(m) in _BODIES]
    title = _title(head)
    for p in owners:
        for b in bodies:
            out.add("HOLDS_ROLE", p.entity_id, b.entity_id, 0.65, verb.i, title=title)


def _active(ctx: Context, out: Relations, verb) -> None:
    if verb.pos_ != "VERB" or _criterion(ctx, verb):
        return
    head = verb
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    subj = [c for c in head.children if c.dep_ == "nsubj"]
    objs = [c for v in (head, *[c for c in head.children if c.dep_ == "conj"]) for c in v.children
            if c.dep_ == "dobj"]
    owners = [p for s in subj for p in ctx.mentions_in(s, "Person")]
    bodies = [b for o in objs for t in [o, *(x for x in o.subtree if x.dep_ == "conj")] for b in _bodies_at(ctx, t)]
    title = _title(head)
    for p in owners:
        for b in bodies:
            out.add("HOLDS_ROLE", p.entity_id, b.entity_id, 0.6, verb.i, title=title)


def _possessive(ctx: Context, out: Relations, i: int) -> None:
    """ "Barakzai's exchange house, New Ahmadi Ltd.": a person's firm named in apposition."""
    owner = ctx.mention_at(i - 1)
    if owner is None or ctx.type_of(owner) != "Person":
        return
    toks = ctx.tokens
    if toks[i - 1].dep_ != "poss":
        return
    noun = toks[i - 1].head
    if noun.i <= i or noun.i > i + 4 or noun.lower_ not in DESCRIBING_NOUNS:
        return
    for b in _bodies_at(ctx, noun):
        out.add("HOLDS_ROLE", owner.entity_id, b.entity_id, 0.6, i, title="owner")
