"""Who acts, against whom, under what: the roles of one trigger, read from the parse and the mentions.

The parse finds the slots (subject, passive agent, object, "on"/"against" complements, possessors); the
entity mentions inside a slot fill it. Because small parsers often attach the later items of a long list
("X, Y, and Z under E.O. 13224") to the wrong head, an object slot is also read positionally: the run of
noun phrases joined by commas and "and" after the trigger, up to a clause boundary.
"""

from __future__ import annotations

from spacy.tokens import Token

from ingest.actions.context import DocContext
from ingest.actions.datelines import dateline_ids
from ingest.actions.phrases import (
    ACTOR_TYPES,
    AS_NOT_CATEGORY,
    EFFORT_NOUNS,
    HOLDINGS,
    NAMED_GROUP_TYPES,
    OBJ,
    PASS_SUBJ,
    PATIENT_NOUNS,
    RELATIVIZERS,
    SUBJ,
    TARGET_TYPES,
    _children,
    _conj_top,
)
from ingest.actions.slots import Roles, SlotReader
from ingest.actions.triggers import Trigger
from ingest.actions.voice import (
    AS_PREDICATE_VERBS,
    EARLIER,
    OBJECT_KINDS,
    is_passive,
    is_relative,
    name_before,
    passive_subjects,
    reduced_after_name,
    reporting_subjects,
    said_earlier,
)
from ingest.extensions import Mention

__all__ = ["ACTOR_TYPES", "TARGET_TYPES", "RoleReader", "Roles", "is_passive"]

# The preposition that names the other side of a trade measure: exports go to, imports come from.
TRADE_DIRECTION = {"export_control": "to", "import_ban": "from"}


class RoleReader(SlotReader):
    # -- per trigger -------------------------------------------------------------------------------------
    def read(self, ctx: DocContext, trig: Trigger) -> Roles:
        if trig.legislation:
            roles = self._legislation(ctx, trig)
        elif trig.is_verb:
            roles = self._verb(ctx, trig)
        else:
            roles = self._noun(ctx, trig)
        roles.targets = [t for t in roles.targets if t not in roles.by]
        if roles.targets or len(roles.by) > 1:
            # "LONDON - More than 50 companies were sanctioned ...", "Ottawa, Canada - The EU imposed ...": the
            # dateline's place is where the story was filed, neither target nor (beside a named actor) actor
            dateline = dateline_ids(ctx, trig.token)
            roles.targets = [t for t in roles.targets if t not in dateline]
            roles.by = [b for b in roles.by if b not in dateline] or roles.by
        said_of = trig.token if trig.is_verb else roles.head_verb  # "imposed a travel ban on ..., X said"
        if said_of is not None and roles.targets:
            # "... on Monday, the Commerce Department said": the speaker is no target
            speakers = {m.entity_id for s in reporting_subjects(said_of)
                        for m in ctx.mentions_in(range(s.left_edge.i, s.right_edge.i + 1))}
            roles.targets = [t for t in roles.targets if t not in speakers]
        if trig.kind == "designation" and roles.targets:
            category = self._as_categories(ctx, trig.token)
            roles.targets = [t for t in roles.targets if t not in category]
        return roles

    def _as_categories(self, ctx: DocContext, tok: Token) -> set[str]:
        """'designated four Colombian nationals as Specially Designated Narcotics Traffickers (SDNTs)',
        'designated La Oficina as an SDNT': the 'as' phrase names the category, never a target (the
        entity finder may still take the category for a name). Ids all of whose mentions in the unit stand
        right after 'as' (or in the parenthesis that follows such a mention)."""
        s, e = ctx.unit(tok)
        toks = ctx.tokens
        as_ids: set[str] = set()
        other: set[str] = set()
        last_end = -1
        as_at = -100
        for k in range(s, e):
            if toks[k].lower_ == "as" and k > s and toks[k - 1].lower_ not in AS_NOT_CATEGORY:
                as_at = k
                break
        for m in ctx.mentions_in(range(s, e)):
            j = m.token_start - 1
            while j >= s and toks[j].lower_ in ("a", "an", "the"):
                j -= 1
            after_as = j > s and toks[j].lower_ == "as" and toks[j - 1].lower_ not in AS_NOT_CATEGORY
            # "... as a Specially Designated Narcotics Trafficker (SDNT)": the short form in parentheses too,
            # even when the long form is no entity of its own
            in_paren = j >= s and toks[j].text == "(" and (j == last_end or 0 < j - as_at <= 8)
            if after_as or in_paren:
                as_ids.add(m.entity_id)
                last_end = m.token_end
            else:
                other.add(m.entity_id)
        return as_ids - other

    def _verb(self, ctx: DocContext, trig: Trigger) -> Roles:
        v = trig.token
        r = Roles(head_verb=v)
        left = ctx.mention(v.i - 1) if v.i > 0 else None
        if v.dep_ == "amod" and left is not None and ctx.etype(left) in ACTOR_TYPES:
            # "Trump banned imports of cotton" mis-parsed as a modifier: a simple past with its subject
            self._put_by(ctx, r, [left])
            objs = [m for m in self.mentions_of(ctx, v.head, exclude=v, modifiers=False) if m is not left]
            objs += self.trade_partners(ctx, v.head) + self.scan_right(ctx, v.i + 1)
            self._put_targets(ctx, r, [m for m in objs if m is not left])
            return r
        if v.dep_ == "amod" and v.tag_ == "VB" and v.head.dep_ == "conj" and v.head.head.pos_ == "VERB":
            # "to track and detain Muslim minorities" parsed as track + conj(minorities <- amod detain): the
            # bare verb shares the subject of the verb it is coordinated with
            subj, _ = self.subject(ctx, v.head.head)
            self._put_by(ctx, r, subj)
            self._put_targets(ctx, r, self.mentions_of(ctx, v.head, exclude=v, modifiers=False))
            return r
        toks = ctx.tokens
        if v.i > 0 and v.text[:1].isupper() and toks[v.i - 1].lower_ in EARLIER and toks[v.i - 1].text[:1].isupper():
            # a title-case headline glued to the lead ("Juan Santiago & Pedro David Gallon Henao Previously Designated
            # for Ties to La Oficina"): a passive report of earlier designations, whose subject is their target
            r.voice = "passive"
            r.background = r.earlier = True
            subj, _ = self.subject(ctx, v)
            self._put_targets(ctx, r, subj)
            return r
        if v.dep_ == "conj" and v.tag_ in ("VBD", "VBN") and v.i > 1 and toks[v.i - 1].text == "," and (
                toks[v.i - 2].pos_ == "NOUN" and not any(c.dep_ == "cc" for c in v.head.children)):
            # "Luay al-Mallah has assisted his brother, sanctioned Syrian shipping magnate Abdul Jalil Mallah": a
            # participle in apposition names an earlier measure on its object; the main clause's subject is
            # not its actor
            r.voice = "passive"
            r.background = True
            self._put_targets(ctx, r, [m for o in _children(v, OBJ) for m in self.mentions_of(ctx, o)])
            return r
        if reduced_after_name(ctx, v):
            # "Abdul Rahim Manan, the Helmand Shadow Governor also designated today, ...": a participle after
            # a noun phrase, which the parser coordinated with the main verb, describes that phrase
            r.voice = "passive"
            r.background = said_earlier(ctx, v)
            r.earlier = r.background
            self._put_targets(ctx, r, self._antecedent(ctx, v))
            self._put_by(ctx, r, self.agent(ctx, v))
            return r
        if v.tag_ == "VBN" and v.i > 0 and toks[v.i - 1].lower_ == "as" and not _children(v, SUBJ + PASS_SUBJ):
            # "OFAC also identified Alfa Nero ... as blocked property of A.G. Guryev": the participle is a
            # predicate of the identification; the owner of the property is the target, the actor is the
            # subject of the identifying verb (or implied)
            r.voice = "passive"
            owners = [m for o in _children(v, OBJ) if o.lemma_.lower() in HOLDINGS
                      for p in _children(o, ("prep",)) if p.lower_ == "of"
                      for q in _children(p, ("pobj",)) for m in self.mentions_of(ctx, q)]
            self._put_targets(ctx, r, owners)
            ident = next((a for a in v.ancestors if a.lemma_.lower() in AS_PREDICATE_VERBS and a.i < v.i), None)
            if ident is not None:
                self._put_by(ctx, r, self.subject(ctx, ident)[0])
                r.head_verb = ident  # "Today, OFAC also identified ...": the identification's date and mood
            return r
        if self._headline_passive(ctx, v, trig):
            # "Russia's Rosneft and Lukoil now sanctioned": a measure verb with a subject but nothing it acts
            # on is a headline's passive (auxiliary dropped); its subject is the target
            r.voice = "passive"
            subj_tok = _children(v, SUBJ)[0]
            self._put_targets(ctx, r, self.mentions_of(ctx, subj_tok, modifiers=False))
            self._put_by(ctx, r, self.agent(ctx, v))
            return r
        if is_passive(v):
            r.voice = "passive"
            targets: list[Mention] = []
            subj = passive_subjects(v)
            if subj:
                s = subj[0]
                if is_relative(s) and s.head.dep_ == "relcl":
                    # "X, Y and Z, all of whom were arrested in 2003": the whole list the clause hangs on
                    top = _conj_top(s.head.head)
                    if top.pos_ in ("VERB", "AUX"):
                        # "..., Emmerson Mnangagwa (Mnangagwa), and First Vice President Constantino Chiwenga, who
                        # were listed ...": the parser coordinated the names with the main verb; read the names
                        # just before the pronoun instead of the whole clause
                        targets += self.scan_left(ctx, s.i)
                    else:
                        targets += self.mentions_of(ctx, top, exclude=s.head, modifiers=False)
                    r.background = True
                elif is_relative(s):
                    # the parser did not attach the relative clause ("..., both of whom were designated" as
                    # parataxis): the names just before the pronoun
                    targets += self.scan_left(ctx, s.i)
                    r.background = True
                else:
                    targets += self.mentions_of(ctx, s, modifiers=False)
                    if not targets and s.pos_ == "PROPN" and ctx.mention(s.i) is None and (
                            person := ctx.person_by_surname(s.text)) is not None:
                        r.add("targets", [person])  # "Barakzai was arrested ...": an unlinked bare surname
                    elif not targets and s.pos_ == "PROPN" and ctx.mention(s.i) is None:
                        # "Iskra Technologies was itself sanctioned by ...": a name the entity reader found
                        # elsewhere in the document but left unlinked here
                        words = [t.text for t in s.subtree if t.i <= s.i and t.dep_ in ("compound", "flat")] + [s.text]
                        named = ctx.find_entity((" ".join(words).lower(),)) if len(words) > 1 else None
                        if named is not None and ctx.etype_of(named) in TARGET_TYPES:
                            r.add("targets", [named])
            elif v.dep_ in ("acl", "relcl", "amod"):
                targets += self.mentions_of(ctx, v.head, exclude=v, modifiers=False)
                if not targets and v.head.dep_ == "appos" and v.head.head.i < v.head.i:
                    # "Kun Kim (Kim), a senior Cambodian general previously designated by OFAC": the participle
                    # describes an apposition whose named head is the target
                    targets += self.mentions_of(ctx, v.head.head, exclude=v.head, modifiers=False)
                # "X, which was designated in 2007", "sanctioned Russian bank Promsvyazbank": an earlier measure
                r.background = v.dep_ in ("relcl", "amod") and v.i < v.head.i or v.dep_ == "relcl"
                after = v.right_edge.i + 1
                if not targets and v.dep_ == "acl" and after + 1 < len(ctx.tokens) and ctx.tokens[after].text == ",":
                    # "Two of the individuals designated today, Mexican nationals Oscar Alvarez Zepeda and Joel
                    # Valdez Benites, are from ...": the group is named in the apposition after the participle
                    targets += [m for m in self.scan_right(ctx, after + 1) if ctx.etype(m) in NAMED_GROUP_TYPES
                                and ctx.etype(m) != "Authority"]
            if not targets and (not subj or subj[0].pos_ in ("VERB", "AUX")):
                # no subject, or a garbled one ("DJI ..., supplies drones to the Xinjiang Public Security
                # Bureau was sanctioned by OFAC"): the name just before the verb group
                targets += self.scan_left(ctx, v.i)
            if said_earlier(ctx, v):
                r.background = r.earlier = True  # "the previously-designated Mexican national Alfredo Alvarez Zepeda"
            self._put_targets(ctx, r, targets)
            self._put_by(ctx, r, self.agent(ctx, v))
            if trig.list_text is not None and not r.by:
                self._put_by(ctx, r, self._list_owner(ctx, v))
        else:
            subj, subj_tok = self.subject(ctx, v)
            self._put_by(ctx, r, subj)
            if subj_tok is not None and subj_tok.lemma_.lower() in EFFORT_NOUNS:
                r.head_verb = subj_tok  # "movement ... to delist": the push, not the delisting, sets the status
            objs: list[Mention] = []
            for o in _children(v, OBJ):
                if o.lower_ in RELATIVIZERS and v.dep_ == "relcl":
                    # "Min Aung Hlaing, whom OFAC designated on December 10, 2019": the antecedent is the
                    # object, and the clause reports a measure taken before
                    objs += self.mentions_of(ctx, v.head, exclude=v, modifiers=False) or self.scan_left(ctx, o.i)
                    r.background = True
                    continue
                objs += [m for m in self.mentions_of(ctx, o) if not ctx.is_possessor(m)]
                objs += self.colon_list(ctx, o)
                if o.lemma_.lower() in HOLDINGS:
                    # "to freeze Jammeh's assets", "blocks the property of X": the owner is the target
                    objs += [m for c in o.children if c.dep_ == "poss" for m in self.mentions_of(ctx, c)]
                    # "froze the assets of the businessman X": the owner named with "of"
                    objs += [m for p in _children(o, ("prep",)) if p.lower_ == "of"
                             for q in _children(p, ("pobj",)) for m in self.mentions_of(ctx, q, modifiers=False)]
                objs += self.trade_partners(ctx, o)
                for c in _children(o, ("conj",)):
                    objs += self.trade_partners(ctx, c)
            first = v.i + 1
            toks = ctx.tokens
            while first < len(toks) and (toks[first].dep_ in ("prt", "advmod", "npadvmod") or toks[first].is_space):
                first += 1
            objs += self.scan_right(ctx, first)
            objs += self.prep_objects(ctx, v, ("on", "against"))
            if trig.list_text is not None:
                objs += self._after_list(ctx, v)
                self._put_by(ctx, r, self._list_owner(ctx, v))
                for o in _children(v, OBJ):
                    objs += self.scan_right(ctx, o.left_edge.i)  # "added to the Entity List five entities: A; B"
            self._put_targets(ctx, r, objs)
        self._put_by(ctx, r, self.requesters(ctx, v))
        return r

    def _noun(self, ctx: DocContext, trig: Trigger) -> Roles:
        n = trig.token
        r = Roles()
        preps = trig.entry.target_preps if trig.entry else ("on", "against")
        if trig.phrase and n.lemma_.lower() in self.lex.lifted_heads:
            preps = ("on", "against", "for", "to")  # "sanctions relief for Syria"
        # Inside the trigger's own noun phrase: "the Commerce Department's export restrictions",
        # "U.S. sanctions", "Iran sanctions", "Magnitsky sanctions".
        for i in range(n.left_edge.i, n.i):
            m = ctx.mention(i)
            if m is None or m.token_start < n.left_edge.i:
                continue
            etype = ctx.etype(m)
            if etype == "Law":
                continue  # picked up by _laws
            poss = ctx.is_possessor(m)
            if poss and n.lemma_.lower() in PATIENT_NOUNS and etype != "Authority" and not any(
                    c.dep_ == "prep" and c.lower_ == "of" for c in n.children):
                r.add("targets", [m.entity_id])  # "Syria's designation as a State Sponsor", "Meng's arrest"
            elif poss or self._is_power(ctx, m):
                self._put_by(ctx, r, [m])
                r.compound_by = r.compound_by or not poss
            elif etype in TARGET_TYPES:
                r.add("targets", [m.entity_id])
        prep_found = self.prep_objects(ctx, n, preps)
        for under in (c for c in n.children if c.dep_ == "prep" and c.lower_ == "under"):
            # "its existing sanctions under the Export Administration Regulations (EAR) against Russia and
            # Belarus": the parser hangs the target on the legal basis
            for law in _children(under, ("pobj",)):
                prep_found += self.prep_objects(ctx, law, tuple(p for p in preps if p in ("on", "against")))
        if n.dep_ == "conj" and n.head.pos_ == "NOUN" and n.head.i < n.i:
            # "imposing new sanctions and export controls on Iran": the complement is shared
            prep_found += self.prep_objects(ctx, n.head, preps)
        r.prep_targets = bool(prep_found)
        self._put_targets(ctx, r, prep_found)
        self._put_by(ctx, r, self.requesters(ctx, n))
        # The governing verb: "OFAC imposed sanctions on X", "sanctions were imposed by X", "China ... face tariffs"
        head = n.head
        hops = 0
        while hops < 3:
            if n.dep_ == "conj" and head.pos_ in ("NOUN", "PROPN"):
                n, head = head, head.head
            elif n.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN" and head.head.lemma_.lower() in (
                    "set", "series", "package", "round", "wave", "raft", "number", "list", "slew", "batch", "tranche"):
                n = head.head  # "announced a limited set of new restrictions"
                head = n.head
            else:
                break
            hops += 1
        r.governor_dep = n.dep_
        r.governor = head
        if n.dep_ == "pobj" and head.pos_ == "ADP" and head.head.pos_ in ("VERB", "AUX") and (
                head.head.lemma_.lower() in self.lex.proposed_heads):
            # "two areas the Commerce Department is reviewing for stricter export controls"
            r.head_verb = head.head
            if not r.by:
                subj, _ = self.subject(ctx, head.head)
                self._put_by(ctx, r, subj)
        if head.pos_ in ("VERB", "AUX") and head is not n:
            lemma = head.lemma_.lower()
            if lemma != "be":  # "One of these is a visa ban authorized under ...": a copula sets no tense
                r.head_verb = head
            if n.dep_ in ("dobj", "nsubjpass", "attr", "oprd") or (n.dep_ == "pobj"):
                if lemma in self.lex.target_subject_verbs:
                    subj, _ = self.subject(ctx, head)
                    self._put_targets(ctx, r, subj)
                elif lemma in self.lex.light_verbs or lemma in self.lex.lifted_heads or (
                        lemma in self.lex.proposed_heads):
                    r.light = True
                    if n.dep_ == "nsubjpass" or is_passive(head):
                        self._put_by(ctx, r, self.agent(ctx, head))
                    elif not r.by:
                        subj, _ = self.subject(ctx, head)
                        self._put_by(ctx, r, subj)
                    verb_preps = tuple(p for p in preps if p not in ("of", "to")) or ("on", "against")
                    self._put_targets(ctx, r, self.prep_objects(ctx, head, verb_preps))
            elif n.dep_ == "nsubj" and lemma in ("target", "hit", "affect", "cover", "apply"):
                for o in _children(head, OBJ):
                    self._put_targets(ctx, r, self.mentions_of(ctx, o))
                self._put_targets(ctx, r, self.prep_objects(ctx, head, ("to",)))
        if head.pos_ in ("VERB", "AUX") and head is not n and n.dep_ == "dobj" and trig.kind in TRADE_DIRECTION:
            # "introduced restrictions on sales of ... software to China", "maintains controls on exports and
            # reexports to Russia of ...": the parser hangs the destination (or the origin of imports) on the verb
            want = TRADE_DIRECTION[trig.kind]
            self._put_targets(ctx, r, [m for m in self.prep_objects(ctx, head, (want,))
                                       if ctx.etype(m) in ("Country", "Company", "Organization", "Authority")])
        if not r.by and not r.light:
            lv = self.light_verb_before(ctx, trig.token)
            if lv is not None:
                r.light = True
                r.head_verb = r.head_verb or lv
                subj, _ = self.subject(ctx, lv)
                self._put_by(ctx, r, subj or self.scan_left(ctx, lv.i))
        if not r.by:
            self._put_by(ctx, r, self.positional_requesters(ctx, trig.token))
        # "announced on Monday": a participle on the noun carries the date/modality
        for rel in _children(trig.token, ("relcl",)):
            if rel.lemma_.lower() in self.lex.light_verbs and not any(
                    c.dep_ == "nsubj" and c.lower_ in RELATIVIZERS for c in rel.children):
                subj = [m for c in _children(rel, SUBJ) for m in self.mentions_of(ctx, c, modifiers="poss")]
                self._put_by(ctx, r, subj)
                self._put_targets(ctx, r, self.prep_objects(ctx, rel, ("on", "against")))
                r.relcl_measure = True
                r.head_verb = r.head_verb or rel
        for acl in _children(trig.token, ("acl",)):
            if acl.lemma_.lower() in self.lex.light_verbs:
                # "removed sanctions imposed on Manuel Cristopher Figuera"
                self._put_targets(ctx, r, self.prep_objects(ctx, acl, ("on", "against")))
            if r.head_verb is None:
                r.head_verb = acl
            if is_passive(acl) and not r.by:
                self._put_by(ctx, r, self.agent(ctx, acl))
        if not r.by:
            self._package_member(ctx, trig.token, r)
        return r

    def _package_member(self, ctx: DocContext, tok: Token, r: Roles) -> None:
        """'The EU adopted new sanctions against Russia, including bans on the import of coal': a measure
        listed as part of a package is taken by the package's actor, against its target unless it names one."""
        tok = _conj_top(tok)
        if not (tok.dep_ == "pobj" and tok.head.lower_ in ("including", "like", "notably")):
            return
        outer = tok.head.head
        if outer.pos_ not in ("NOUN", "PROPN"):
            return
        owners = [m for m in self.mentions_of(ctx, outer, modifiers="poss")
                  if m.token_end <= outer.i and (ctx.is_possessor(m) or self._is_power(ctx, m))]
        if owners:
            self._put_by(ctx, r, owners)
        elif outer.dep_ in ("dobj", "nsubjpass") and outer.head.pos_ in ("VERB", "AUX"):
            verb = outer.head
            lemma = verb.lemma_.lower()
            if lemma in self.lex.light_verbs or lemma in self.lex.proposed_heads:
                r.light = True
                r.head_verb = r.head_verb or verb
                self._put_by(ctx, r, self.agent(ctx, verb) if is_passive(verb) else self.subject(ctx, verb)[0])
        if not r.targets:
            self._put_targets(ctx, r, self.prep_objects(ctx, outer, ("on", "against")))

    def _headline_passive(self, ctx: DocContext, v: Token, trig: Trigger) -> bool:
        if trig.kind not in OBJECT_KINDS or trig.list_text is not None or v.tag_ not in ("VBD", "VBN"):
            return False
        if v.dep_ in ("relcl", "acl", "amod") or any(
                c.dep_ in ("aux", "auxpass", "dobj", "dative", "agent") or (c.dep_ in ("ccomp", "xcomp") and c.i > v.i)
                for c in v.children):
            return False  # (a clause before it is a headline's first part: "Trump finally acts: X now sanctioned")
        subj = _children(v, SUBJ)
        if not subj or subj[0].lower_ in RELATIVIZERS or subj[0].pos_ == "PRON" or any(
                c.dep_ == "prep" for c in subj[0].children):
            return False  # ("The Kingpin Chart on the individual and entity designated today": a caption)
        if any(c.dep_ == "prep" and c.lower_ in ("on", "against") for c in v.children):
            return False
        return not self.scan_right(ctx, v.i + 1)

    def _antecedent(self, ctx: DocContext, v: Token) -> list[Mention]:
        """The named noun phrase that a reduced participle right after it describes (see _reduced_after_name):
        the name itself, or the name that an unnamed apposition ('the Helmand Shadow Governor') stands beside."""
        toks = ctx.tokens
        j = name_before(ctx, v)
        m = ctx.mention(j)
        n = toks[j] if m is None else ctx.doc[m.token_start:m.token_end].root
        if m is not None and not (n.dep_ == "appos" and ctx.mention(n.head.i) is not None):
            return [m]
        if n.dep_ == "appos":
            return self.mentions_of(ctx, n.head, exclude=n, modifiers=False)
        return self.mentions_of(ctx, n, modifiers=False)

    def _legislation(self, ctx: DocContext, trig: Trigger) -> Roles:
        v = trig.token
        r = Roles(head_verb=v)
        if trig.sponsor is not None:
            self._put_by(ctx, r, [trig.sponsor])
            return r
        if trig.purpose is not None:
            # "recent legislation to sanction China over Hong Kong": the law's targets are its verb's objects
            p = trig.purpose
            objs = [m for o in _children(p, OBJ) for m in self.mentions_of(ctx, o, modifiers=False)]
            self._put_targets(ctx, r, objs + self.prep_objects(ctx, p, ("on", "against")))
            owners = [c for c in v.children if c.dep_ == "poss"]
            if owners:
                self._put_by(ctx, r, self.mentions_of(ctx, owners[0]))
            r.head_verb = v.head if v.head.pos_ in ("VERB", "AUX") else None
            return r
        subj_tok = next(iter(_children(v, SUBJ)), None)
        if v.dep_ == "relcl" and subj_tok is not None and subj_tok.lower_ in RELATIVIZERS:
            # "a bill that passed the House": the object is the chamber that passed it
            for o in _children(v, OBJ):
                self._put_by(ctx, r, self.mentions_of(ctx, o))
            bill = v.head
        else:
            if is_passive(v):
                self._put_by(ctx, r, self.agent(ctx, v))
            else:
                subj, _ = self.subject(ctx, v)
                self._put_by(ctx, r, subj)
            bill = next(iter(_children(v, OBJ + PASS_SUBJ)), None)
        if bill is not None:
            self._put_targets(ctx, r, self._bill_targets(ctx, bill, v))
            # "a bill" introduces a new bill each time: two such reports are two measures
            r.distinct = any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in bill.children)
        return r

    def _bill_targets(self, ctx: DocContext, bill: Token, passing: Token) -> list[Mention]:
        """What a bill is aimed at: the places, states and firms named in what it does ('a bill that puts
        the burden on importers to prove that inputs from Xinjiang ...', 'a bill ... mandates disclosure of
        firms' interactions with Xinjiang'). Chambers and agencies named there are not its targets."""
        clauses = [c for c in bill.children if c.dep_ in ("relcl", "acl") and c is not passing]
        if bill.dep_ in ("nsubj", "nsubjpass") and bill.head is not passing:
            clauses.append(bill.head)  # the bill is the subject of what it does
        out: list[Mention] = []
        for clause in clauses:
            for m in ctx.mentions_in(t.i for t in clause.subtree):
                if ctx.etype(m) in ("Country", "Place", "Company") and not ctx.is_possessor(m):
                    out.append(m)
        return out

