"""The slots of a frame (who acts, against whom) and the readers that fill them from the parse: the subject
(through control verbs, relative clauses and coordinations), the passive agent, "on"/"against" complements,
trade partners ("imports from X"), requesters ("at the request of X"), a list's owner.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from ingest.actions.context import DocContext
from ingest.actions.phrases import (
    ACTOR_TYPES,
    BODY_HEADS,
    CONTROL_VERBS,
    EFFORT_NOUNS,
    OBJ,
    RELATIVIZERS,
    SUBJ,
    TARGET_TYPES,
    PhraseReader,
    _children,
    _conj_top,
)
from ingest.extensions import Mention


@dataclass
class Roles:
    by: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    under: list[str] = field(default_factory=list)
    by_mentions: list[Mention] = field(default_factory=list)
    voice: str = "active"
    head_verb: Token | None = None  # the verb whose modality and tense the action takes
    governor: Token | None = None  # for noun triggers: the word the trigger's phrase depends on
    governor_dep: str = ""
    light: bool = False  # a noun trigger governed by a light verb ("imposed sanctions")
    compound_by: bool = False  # the actor comes only from a modifier ("U.S. sanctions")
    background: bool = False  # a relative/participial clause about a measure taken before ("which was designated")
    prep_targets: bool = False  # a noun trigger's targets came from "on/against/of X"
    distinct: bool = False  # an indefinite "a bill": never the same measure as another report
    earlier: bool = False  # "previously designated": said to come before the measures reported
    relcl_measure: bool = False  # "the sanctions that Canada has imposed on Russia" states the measure itself

    def add(self, role: str, ids: list[str]) -> None:
        lst = getattr(self, role)
        for i in ids:
            if i not in lst:
                lst.append(i)




class SlotReader(PhraseReader):
    def subject(self, ctx: DocContext, verb: Token) -> tuple[list[Mention], Token | None]:
        """Mentions in the subject of `verb`, following xcomp/conj chains up to the clause with a subject."""
        v, hops = verb, 0
        while v is not None and hops < 4:
            # "The ICC has, without a legitimate basis, asserted ...": the parser may hang the subject on the
            # auxiliary the adverbial separates from its verb
            subj = _children(v, SUBJ) or [s for a in _children(v, ("aux",)) for s in _children(a, SUBJ) if s.i < a.i]
            if subj:
                s = subj[0]
                if s.lower_ in RELATIVIZERS and v.dep_ == "relcl":
                    top = _conj_top(v.head)  # "the EU, the UK, and Canada, which imposed ...": all three
                    return self.mentions_of(ctx, top, exclude=v, modifiers="poss"), top
                found = self.mentions_of(ctx, s, modifiers="poss")
                if s.i < v.i:
                    # "OFAC designated two senior officials, Julio Cesar Aviles Castillo and ...": the parser may
                    # hang the object's apposition on the subject; nothing after the verb is its subject
                    found = [m for m in found if m.token_start < v.i]
                for m in list(found):
                    # "the U.S. Department of the Treasury's Office of Foreign Assets Control (OFAC) sanctioned":
                    # the parser hangs the office inside "Department of"; the possessed body acts too
                    nxt = ctx.mention(m.token_end + 1) if ctx.is_possessor(m) else None
                    if nxt is not None and nxt not in found and ctx.etype(nxt) == "Authority":
                        found.append(nxt)
                if not any(ctx.etype(m) in ACTOR_TYPES for m in found) and (
                        s.lemma_.lower() in BODY_HEADS or s.lower_ in BODY_HEADS):
                    # "the Departments of the Treasury and State have announced ...": the bodies are the
                    # "of" complement of an unnamed head
                    found = [m for p in _children(s, ("prep",)) if p.lower_ == "of"
                             for o in _children(p, ("pobj",)) for m in self.mentions_of(ctx, o)] or found
                if not any(ctx.etype(m) in ACTOR_TYPES for m in found) and v is verb and (
                        any(c.dep_ == "aux" for c in v.children) or v.tag_ in ("VBZ", "VBD", "VBP")):
                    # "two areas the Commerce Department is reviewing": the parser took the wrong subject
                    found = self.scan_left(ctx, v.i) or found
                return found, s
            infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
            if (v.dep_ in ("xcomp", "ccomp") or (v.dep_ == "advcl" and infinitive)) and v.head.pos_ in ("VERB", "AUX"):
                # object control: "assisting the Chinese government to track and detain", "help X detain"
                objs = [o for o in _children(v.head, OBJ) if o.i < v.i]
                if objs and v.dep_ == "advcl" and v.head.lemma_.lower() not in CONTROL_VERBS:
                    objs = []  # "OFAC issued GL 25 to provide ... relief": a purpose clause keeps the subject
                if objs:
                    return self.mentions_of(ctx, objs[0]), objs[0]
            if infinitive and v.dep_ in ("advcl", "xcomp") and v.head.lemma_ == "be" and any(
                    c.dep_ == "expl" for c in v.head.children):
                # "there is substantial movement within the White House and Congress to delist ..."
                for n in (c for c in v.head.children if c.dep_ == "attr" and c.lemma_.lower() in EFFORT_NOUNS):
                    inside = [m for p in n.children if p.dep_ == "prep" and p.lower_ in ("within", "by", "among", "in")
                              for o in p.children if o.dep_ == "pobj" for m in self.mentions_of(ctx, o)]
                    if inside:
                        return inside, n
            if v.dep_ in ("xcomp", "conj", "advcl", "acomp") and v.head.pos_ in ("VERB", "AUX", "ADJ"):
                v, hops = v.head, hops + 1
                continue
            if v.dep_ == "pcomp":
                up = v.head.head  # "deny them access by delisting them", "used its leverage in threatening"
                if up.pos_ in ("NOUN", "PROPN") and up.dep_ in OBJ and up.head.pos_ in ("VERB", "AUX"):
                    up = up.head
                if up.pos_ in ("VERB", "AUX"):
                    v, hops = up, hops + 1
                    continue
            if v.dep_ == "acl" and infinitive and v.head.pos_ == "NOUN":
                # "has taken two actions to sanction China": the noun's governing verb has the subject
                n = v.head
                poss = [c for c in n.children if c.dep_ == "poss"]
                if poss:
                    return self.mentions_of(ctx, poss[0]), poss[0]
                if n.lemma_.lower() in EFFORT_NOUNS:
                    # "substantial movement within the White House and Congress to delist Chinese firms"
                    inside = [m for p in n.children if p.dep_ == "prep" and p.lower_ in ("within", "by", "among", "in")
                              for o in p.children if o.dep_ == "pobj" for m in self.mentions_of(ctx, o)]
                    if inside:
                        return inside, n
                if n.dep_ in ("dobj", "attr") and n.head.pos_ in ("VERB", "AUX"):
                    v, hops = n.head, hops + 1
                    continue
                break
            if v.dep_ == "relcl":
                return self.mentions_of(ctx, v.head, exclude=v), v.head
            break
        if verb.tag_ in ("VBG", "VB") and verb.dep_ not in ("ROOT",):
            return [], None  # a gerund or infinitive without a subject of its own: no actor to read
        return self.scan_left(ctx, verb.i), None

    def agent(self, ctx: DocContext, verb: Token) -> list[Mention]:
        out: list[Mention] = []
        for a in _children(verb, ("agent",)):
            for p in _children(a, ("pobj",)):
                out += [m for m in self.mentions_of(ctx, p) if m.token_start < p.right_edge.i + 1]
                out += self.scan_right(ctx, p.left_edge.i, examples=False)
        return out

    def requesters(self, ctx: DocContext, tok: Token) -> list[Mention]:
        """'at the request of the United States', 'on behalf of X': X takes part in the action."""
        out: list[Mention] = []
        for p in _children(tok, ("prep",)):
            for o in _children(p, ("pobj",)):
                if o.lemma_.lower() in ("request", "behest", "behalf", "direction", "instruction"):
                    for p2 in _children(o, ("prep",)):
                        if p2.lower_ == "of":
                            for o2 in _children(p2, ("pobj",)):
                                out += self.mentions_of(ctx, o2)
        return out

    def trade_partners(self, ctx: DocContext, tok: Token) -> list[Mention]:
        """'imports from X', 'exports to X', 'the sale of products to X': X is the target."""
        out: list[Mention] = []
        lemma = tok.lemma_.lower()
        want = {"import": ("from", "to"), "export": ("to", "from"), "sale": ("to",), "shipment": ("to",),
                "product": ("from",), "good": ("from",), "item": ("to",)}.get(lemma)
        if want:
            preps = _children(tok, ("prep",))
            for p in list(preps):  # "the export of sensitive goods to Russia"
                if p.lower_ == "of":
                    for o in _children(p, ("pobj",)):
                        preps += _children(o, ("prep",))
            if tok.dep_ == "dobj":  # "banned exports of aluminium ores to Russia": the parser hangs "to" on the verb
                preps += [p for p in _children(tok.head, ("prep",)) if p.lower_ == want[0]]
            for p in preps:
                if p.lower_ in want:
                    for o in _children(p, ("pobj",)):
                        out += [m for m in self.mentions_of(ctx, o, modifiers=False) if not ctx.is_possessor(m)]
        if lemma in ("product", "good", "item", "import", "export", "cotton", "commodity", "merchandise"):
            # "products made by Hoshine Silicon", "goods produced by X"
            for acl in _children(tok, ("acl",)):
                if acl.lemma_.lower() in ("make", "produce", "manufacture", "process", "harvest", "mine"):
                    out += self.agent(ctx, acl)
        return out

    def prep_objects(self, ctx: DocContext, tok: Token, preps) -> list[Mention]:
        out: list[Mention] = []
        for p in _children(tok, ("prep",)):
            # "sanctions concerning Iran": after a measure noun, "concerning"/"regarding" names what it is aimed at
            if p.lower_ in preps or (tok.pos_ == "NOUN" and p.lower_ in ("concerning", "regarding")):
                for o in _children(p, ("pobj",)):
                    out += [m for m in self.mentions_of(ctx, o) if not ctx.is_possessor(m)]
                    out += self.colon_list(ctx, o)
                    out += self.trade_partners(ctx, o)
                    for c in _children(o, ("conj",)):
                        out += self.trade_partners(ctx, c)
                out += self.scan_right(ctx, p.i + 1)
        # "sanctions targeting X"
        for acl in _children(tok, ("acl", "relcl")):
            # "measures to more effectively target Iran's energy trade" (the parser says relcl or acl)
            # "investigations concerning personnel of the United States": a participle used as a preposition
            if (acl.lemma_.lower() in ("target", "against", "aim") or acl.lower_ in ("concerning", "regarding")) and (
                    acl.dep_ == "acl" or any(c.dep_ == "aux" and c.lower_ == "to" for c in acl.children)):
                for o in _children(acl, OBJ):
                    out += self.mentions_of(ctx, o)
                out += self.scan_right(ctx, acl.i + 1)
        return out

    def _after_list(self, ctx: DocContext, v: Token) -> list[Mention]:
        """'added eight firms to its blacklist, including drone maker DJI': the list's examples."""
        doc = ctx.doc
        toks = ctx.tokens
        for p in _children(v, ("prep",)):
            if p.lower_ in ("to", "on"):
                for t in p.subtree:
                    if t.lower_ in ("including", "namely", "among"):
                        return self.scan_right(ctx, t.i + 1)
                j = p.right_edge.i + 1
                while j < len(doc) and toks[j].lower_ in (",", "—", "-"):
                    j += 1
                if j < len(doc) and toks[j].lower_ in ("including", "such", "namely", "among"):
                    return self.scan_right(ctx, j + 1)
        return []

    def _list_owner(self, ctx: DocContext, v: Token) -> list[Mention]:
        """'placed on OFAC's Specially Designated Nationals List': the list's possessor keeps it."""
        for p in _children(v, ("prep",)):
            if p.lower_ in ("to", "on", "from"):
                return [m for m in ctx.mentions_in(t.i for t in p.subtree) if ctx.is_possessor(m)]
        return []

    def positional_requesters(self, ctx: DocContext, tok: Token) -> list[Mention]:
        """'the arrest of Meng in Canada, at the request of the United States': within a few tokens."""
        toks = ctx.tokens
        _, end = ctx.unit(tok)
        for j in range(tok.i + 1, min(tok.i + 14, end - 2)):
            if toks[j].lemma_.lower() in ("request", "behest") and toks[j + 1].lower_ == "of":
                return self.scan_right(ctx, j + 2)
        return []

    def light_verb_before(self, ctx: DocContext, n: Token) -> Token | None:
        """A light verb just before a noun trigger ('imposed sanctions', 'imposed new sanctions') when
        the parse did not attach them."""
        toks = ctx.tokens
        s, _ = ctx.unit(n)
        for j in range(n.i - 1, max(s, n.i - 5) - 1, -1):
            t = toks[j]
            if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in self.lex.light_verbs:
                return t
            if t.pos_ not in ("DET", "ADJ", "ADV", "NUM") and t.dep_ not in ("amod", "compound"):
                return None
        return None

    # -- helpers ---------------------------------------------------------------------------------------
    def _is_power(self, ctx: DocContext, m: Mention) -> bool:
        """A compound modifier that names an actor ('U.S. sanctions', 'OFAC sanctions') and not a target."""
        etype = ctx.etype(m)
        if etype == "Authority":
            return True
        if etype == "Country":
            names = ctx.names(m.entity_id)
            return bool(names & {"united states", "u.s.", "us", "usa", "america", "united states of america",
                                 "european union", "eu", "united kingdom", "uk", "u.k."})
        return False

    def _put_by(self, ctx: DocContext, r: Roles, mentions: list[Mention]) -> None:
        for m in mentions:
            if ctx.etype(m) in ACTOR_TYPES and m.entity_id not in r.by:
                r.by.append(m.entity_id)
                r.by_mentions.append(m)

    def _put_targets(self, ctx: DocContext, r: Roles, mentions: list[Mention]) -> None:
        for m in mentions:
            if ctx.etype(m) in TARGET_TYPES and m.entity_id not in r.targets and not self.is_qualifier(ctx, m):
                r.targets.append(m.entity_id)
