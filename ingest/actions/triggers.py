"""Find action triggers: lexicon words (by lemma and part of speech) and multi-word phrases.

One pass over the tokens plus one PhraseMatcher pass; the kind of a refinable trigger is sharpened by the
words around it ("export restrictions" -> export_control, "banned imports" -> import_ban).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.tokens import Token

from ingest.actions.context import POSSESSIVE, DocContext
from ingest.actions.lexicon import LIST_ADDITION, LIST_REMOVAL, Lexicon, TriggerEntry
from ingest.extensions import Mention, doc_tokens

GENERIC_KINDS = {"sanction"}  # refiner hits that only confirm the default are weaker than specific ones
# "X was identified by the President as a significant foreign narcotics trafficker pursuant to the Kingpin Act",
# "identified as SDGTs": the sanctions categories that make "identify X as Y" a designation (not "identified as
# the leader of", "identified as property in which X has an interest", "as a jurisdiction of ... concern").
IDENTIFIED_AS = frozenset({"trafficker", "traffickers", "kingpin", "kingpins", "sdnt", "sdnts", "sdgt", "sdgts",
                           "sdn", "sdns", "terrorist", "terrorists", "fto", "ftos", "proliferator", "proliferators"})
# Words after "as" that make it no "designate X as Y" ("as amended", "as well as", "as appropriate").
AS_FILLERS = {"well", "appropriate", "necessary", "such", "part", "described", "provided", "set", "noted"}


# Refiner words that only grade a measure ("new and additional sanctions"): they name no kind of their own.
DEGREE_WORDS = {"new", "additional", "further", "more", "expanded", "sweeping", "fresh", "tough", "tougher",
                "broad", "broader", "severe", "targeted"}


# What is removed from a list when the list goes unnamed ("removes one entity", "removing two persons").
REMOVED_ITEMS = {"entity", "person", "party", "individual", "company", "organization", "address", "entry"}
# "listed under the EU's human rights sanctions regime": what a sanctions listing is made under
SANCTION_REGIME_WORDS = {"sanction", "sanctions", "regime", "framework"}
# "The Council has today listed X": bare body nouns that list parties (see ingest/actions/body_actors.py)
LISTING_BODIES = {"council", "commission", "ministry", "department", "government"}
LISTED_TYPES = {"Person", "Company", "Organization"}
# "measures targeting X", "restrictive measures cutting off Russia's access to ...": a participle that aims them
AIMING_VERBS = {"target", "aim", "cut", "curb", "hit"}
# "banned / barred X from entering": what keeps a person out of the country
ENTRY_WORDS = {"enter", "entry", "travel", "visit"}


@dataclass
class Trigger:
    token: Token  # the syntactic head of the trigger
    kind: str
    is_verb: bool
    entry: TriggerEntry | None = None
    phrase: bool = False
    list_text: str | None = None  # "add X to <list>": the list's text
    legislation: bool = False
    lifted: bool = False  # "removed X from the SDN List"
    sponsor: Mention | None = None  # "Sen. Hawley's The Slave-Free Business Certification Act"
    purpose: Token | None = None  # "legislation to sanction China": the verb that says what the law does


OPEN_QUOTES = {"\u201c", "\""}
CLOSE_QUOTES = {"\u201d", "\""}


def _instrument_titles(ctx: DocContext) -> set[int]:
    """Token indices of quoted titles of cited instruments: 'E.O. 13572 of April 29, 2011, \u201cBlocking Property
    of Certain Persons With Respect to Human Rights Abuses in Syria\u201d' names the order, it blocks nothing here.
    One pass: a quotation whose opening follows a Law mention (through 'of <date>,')."""
    toks = ctx.tokens
    out: set[int] = set()
    n = len(toks)
    i = 0
    while i < n:
        if toks[i].text in OPEN_QUOTES:
            j = i - 1
            while j >= 0 and ctx.mention(j) is None and (toks[j].is_space or toks[j].text in (",", "(")
                                                        or toks[j].ent_type_ == "DATE" or toks[j].lower_ == "of"):
                j -= 1
            m = ctx.mention(j) if j >= 0 else None
            if m is not None and ctx.etype(m) == "Law":
                k = i + 1
                while k < n and k < i + 40 and toks[k].text not in CLOSE_QUOTES:
                    k += 1
                if k < n and toks[k].text in CLOSE_QUOTES:
                    out.update(range(i + 1, k))
                    i = k
        i += 1
    return out


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _children(tok: Token, deps: tuple[str, ...]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


class TriggerFinder:
    def __init__(self, nlp, lex: Lexicon) -> None:
        self.lex = lex
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for phrase in lex.phrases:
            self.matcher.add(phrase, [nlp.make_doc(phrase)])

    def find(self, ctx: DocContext) -> list[Trigger]:
        doc = ctx.doc
        toks = ctx.tokens
        out: list[Trigger] = []
        taken: set[int] = set()
        for match_id, start, end in self.matcher(doc):
            span = doc[start:end]
            kind = self.lex.phrases[doc.vocab.strings[match_id]]
            out.append(Trigger(span.root, kind, span.root.pos_ in ("VERB", "AUX"), phrase=True))
            taken.update(range(start, end))
        titles = _instrument_titles(ctx)
        titles |= {i for a, b in doc._.pg_non_entity_spans or () for i in range(a, b)}  # designation categories
        for tok in toks:
            if tok.i in taken or not tok.is_alpha or tok.i in titles:
                continue
            m = ctx.mention(tok.i)
            if m is not None and m.token_end - m.token_start > 1:
                continue  # a word of a name: "Specially Designated Global Terrorist", "Office of Sanctions ..."
            trig = self._token_trigger(ctx, tok)
            if trig is None:
                continue
            out.append(trig)
            if trig.is_verb and trig.entry is not None and trig.entry.refine:
                # "ban exports to and imports from these companies": one measure per kind of object
                for obj in _children(tok, ("dobj",)):
                    for conj in _children(obj, ("conj",)):
                        k = self.lex.refiners.get(conj.lower_) or self.lex.refiners.get(_lemma(conj))
                        if k and k != trig.kind and k not in GENERIC_KINDS:
                            out.append(Trigger(tok, k, True, trig.entry))
            elif not trig.is_verb and trig.entry is not None and trig.entry.refine:
                # "financial and travel restrictions", "export and import bans": one measure per kind of
                # coordinated modifier (an EU or UK package is split by measure)
                for k in self._coordinated_kinds(tok) - {trig.kind}:
                    out.append(Trigger(tok, k, False, trig.entry))
        out += self._sponsored_bills(ctx, taken | {t.token.i for t in out})
        out.sort(key=lambda t: t.token.i)
        return out

    def _coordinated_kinds(self, tok: Token) -> set[str]:
        """The kinds named by a noun trigger's coordinated modifiers ('financial and travel restrictions' ->
        sanction, visa_restriction), when they name two; degree words ('new and additional') name none."""
        kinds: set[str] = set()
        mods = _children(tok, ("amod", "compound", "nmod"))
        if not any(_children(m, ("conj",)) for m in mods):
            return kinds
        for mod in mods:
            for w in [mod, *_children(mod, ("conj",))]:
                if w.lower_ in DEGREE_WORDS:
                    continue
                k = self.lex.refiners.get(w.lower_) or self.lex.refiners.get(_lemma(w))
                if k:
                    kinds.add(k)
        return kinds if len(kinds) > 1 else set()

    def _sponsored_bills(self, ctx: DocContext, taken: set[int]) -> list[Trigger]:
        """A bill named with its sponsor's possessive: 'Sen. Hawley's The Slave-Free Business Certification
        Act' is a legislation action by Hawley (a bill he introduced); a state's own law ('France ... its
        2017 Duty of Vigilance Law') is one that state passed."""
        doc = ctx.doc
        toks = ctx.tokens
        out = []
        for m in doc._.pg_mentions or []:
            rec = ctx.record(m.entity_id)
            if rec is None or rec.type != "Law" or rec.kind not in (None, "bill", "statute"):
                continue
            if not any(w in m.text.lower() for w in ("act", "bill", "law")):
                continue
            j = m.token_start - 1
            while j >= 0 and (toks[j].lower_ in ("the", "a") or toks[j].like_num) and ctx.mention(j) is None:
                j -= 1
            owner = None
            if j >= 0 and toks[j].lower_ == "its":
                # "France ... with its 2017 Duty of Vigilance Law": the clause's subject owns the law
                verb = toks[j].head
                while verb.dep_ not in ("ROOT",) and verb.pos_ not in ("VERB", "AUX") and verb.head is not verb:
                    verb = verb.head
                for subj in (c for c in verb.children if c.dep_ == "nsubj"):
                    owner = ctx.mention(subj.i)
            elif j >= 1 and toks[j].text in POSSESSIVE:
                owner = ctx.mention(j - 1)
            elif any(t.like_num and len(t.text) == 4 and t.text[:2] in ("19", "20") for t in toks[j + 1:m.token_start]):
                # "The UK first got the ball rolling with the 2015 Modern Slavery Act": a dated statute in a
                # clause whose subject is a state is the law that state passed
                owner = self._clause_state(ctx, doc[m.token_start:m.token_end].root)
            if owner is None or ctx.etype(owner) not in ("Person", "Country"):
                continue
            root = doc[m.token_start:m.token_end].root
            if root.i not in taken:
                out.append(Trigger(root, "legislation", False, None, legislation=True, sponsor=owner))
        return out

    def _clause_state(self, ctx: DocContext, law: Token) -> Mention | None:
        if law.dep_ != "pobj" or law.head.dep_ != "prep":
            return None
        verb = law.head.head
        for _ in range(3):
            for subj in (c for c in verb.children if c.dep_ == "nsubj"):
                m = ctx.mention(subj.i)
                if m is not None and ctx.etype(m) == "Country":
                    return m
            if verb.dep_ not in ("ccomp", "xcomp", "conj", "advcl") or verb.head is verb:
                break
            verb = verb.head
        return None

    # -- single tokens -----------------------------------------------------------------------------------
    def _token_trigger(self, ctx: DocContext, tok: Token) -> Trigger | None:
        lemma = _lemma(tok)
        lex = self.lex
        if tok.pos_ == "VERB":
            if lemma in lex.enacting_verbs or lemma in lex.proposing_verbs:
                leg = self._legislation(ctx, tok)
                if leg is not None:
                    return leg
            entry = lex.verbs.get(lemma)
            if entry is None:
                return None
            return self._verb_trigger(ctx, tok, entry)
        if tok.pos_ == "ADJ" and any(c.dep_ == "dobj" for c in tok.children) and (
                any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)):
            # "took action ... to designate key individuals": the tagger makes the infinitive an adjective
            entry = lex.verbs.get(tok.lower_)
            if entry is not None:
                return self._verb_trigger(ctx, tok, entry)
        if tok.pos_ == "ADJ" and tok.lower_.endswith("ed"):
            return self._undoing_participle(tok)
        if tok.pos_ in ("NOUN", "PROPN"):
            if lemma in lex.legislation_nouns:
                for acl in _children(tok, ("acl", "relcl")):  # the parser labels "legislation to X" either way
                    if _lemma(acl) in lex.verbs and any(c.dep_ == "aux" and c.lower_ == "to" for c in acl.children):
                        return Trigger(tok, "legislation", False, None, legislation=True, purpose=acl)
            entry = lex.nouns.get(lemma) or lex.nouns.get(tok.lower_)
            if entry is None:
                return None
            return self._noun_trigger(tok, entry)
        return None

    def _undoing_participle(self, tok: Token) -> Trigger | None:
        """'persons whose property and interests in property have been unblocked': the small parser tags
        the participle of an undoing verb as an adjective; the property it applies to comes just before."""
        entry = self.lex.verbs.get(tok.lower_[:-2]) or self.lex.verbs.get(tok.lower_[:-1])
        if entry is None or not entry.lifted:
            return None
        toks = doc_tokens(tok.doc)
        start = max(tok.sent.start, tok.i - 10)
        kind = next((entry.objects[_lemma(t)] for t in toks[start:tok.i] if _lemma(t) in entry.objects), entry.kind)
        return Trigger(tok, kind, True, entry, lifted=True) if kind else None

    def _verb_trigger(self, ctx: DocContext, tok: Token, entry: TriggerEntry) -> Trigger | None:
        if entry.needs_authority_subject and not self._authority_subject(ctx, tok):
            return None
        if entry.needs_prep and not any(c.lower_ in entry.needs_prep for c in tok.children if c.dep_ == "prep"):
            return None
        if entry.not_of and any(ctx.etype(m) in entry.not_of for c in _children(tok, ("nsubjpass",))
                                if (m := ctx.mention(c.i)) is not None):
            return None
        kind = entry.kind
        if entry.objects:
            objs = _children(tok, ("dobj", "nsubjpass"))
            kind = next((entry.objects[_lemma(o)] for o in objs if _lemma(o) in entry.objects), None)
            if kind is None:
                return None
        if kind == LIST_ADDITION:
            trig = self._list_addition(tok, entry)
            if trig is not None and trig.list_text is not None and self._private_list(ctx, tok):
                return None
            return trig
        if kind == LIST_REMOVAL:
            return self._list_addition(tok, entry, preps=("from",))
        if _lemma(tok) == "designate" and not self._designate_ok(tok):
            return None
        if _lemma(tok) == "list" and not self._annex_listing(ctx, tok) and not self._sanctions_listing(ctx, tok):
            return None
        if _lemma(tok) == "identify" and not any(
                _lemma(o) in IDENTIFIED_AS or o.lower_ in IDENTIFIED_AS
                for p in _children(tok, ("prep",)) if p.lower_ == "as" for o in _children(p, ("pobj",))):
            return None  # the head of the "as" phrase, from the parse ("as priorities for counter-terrorist ...": no)
        if entry.refine:
            kind = self._refine(tok, kind, verb=True)
        if kind is None:
            return None
        return Trigger(tok, kind, True, entry, lifted=entry.lifted)

    def _noun_trigger(self, tok: Token, entry: TriggerEntry) -> Trigger | None:
        if tok.dep_ == "compound":  # "sanctions programs", "sanctions implications": a modifier, not a measure
            return None
        if entry.veto and any(t.lower_ in entry.veto for t in doc_tokens(tok.doc)[tok.left_edge.i:tok.i]):
            return None  # "civil money penalties": the veto word may modify a modifier
        if tok.dep_ == "appos" and (self.lex.nouns.get(_lemma(tok.head)) or tok.head.lower_ in ("order", "orders")):
            return None  # "a Withhold Release Order (WRO)": the parenthesis repeats the trigger
        if entry.needs_prep and not any(c.lower_ in entry.needs_prep for c in tok.children if c.dep_ == "prep") and (
                not self._verb_holds_prep(tok, entry)) and (
                not any(c.dep_ in ("acl", "relcl") and _lemma(c) in AIMING_VERBS for c in tok.children)) and (
                not any(c.dep_ == "poss" and c.lower_ == "today" for c in tok.children)):  # "Today's action is ..."
            return None  # "actions against X" / "actions targeting X", not "the regime's brutal actions"
        kind = entry.kind
        if entry.refine:
            kind = self._refine(tok, kind, verb=False)
        if kind is None:
            return None
        return Trigger(tok, kind, False, entry)

    def _verb_holds_prep(self, tok: Token, entry: TriggerEntry) -> bool:
        """'the Department of Justice unsealed criminal charges against X': the parser hangs the noun's
        complement on the light verb whose object the noun is."""
        verb = tok.head
        return tok.dep_ == "dobj" and verb.pos_ in ("VERB", "AUX") and _lemma(verb) in self.lex.light_verbs and any(
            c.dep_ == "prep" and c.lower_ in entry.needs_prep and c.i > tok.i for c in verb.children)

    def _authority_subject(self, ctx: DocContext, tok: Token) -> bool:
        """'The Department of the Treasury is targeting prominent Russian government officials': the active
        subject (or the subject of the verb it is conjoined to) is a public body and there is a direct object."""
        if not any(c.dep_ == "dobj" for c in tok.children):
            return False
        verb = tok
        while verb.dep_ == "conj" and verb.head is not verb and verb.head.pos_ in ("VERB", "AUX") and not any(
                c.dep_ == "nsubj" for c in verb.children):
            verb = verb.head
        for subj in verb.children:
            if subj.dep_ == "nsubj":
                m = ctx.mention(subj.i)
                return m is not None and ctx.etype(m) == "Authority"
        return False

    def _private_list(self, ctx: DocContext, tok: Token) -> bool:
        """'placed on a Hizballah blacklist': a list kept by a group, firm or person is no state measure."""
        for prep in _children(tok, ("prep",)):
            for pobj in _children(prep, ("pobj",)):
                for c in pobj.children:
                    m = ctx.mention(c.i) if c.dep_ in ("compound", "poss", "nmod") else None
                    if m is not None and ctx.etype(m) in ("Organization", "Company", "Person"):
                        return True
        return False

    def _sanctions_listing(self, ctx: DocContext, tok: Token) -> bool:
        """'The Council has today listed X and Y', 'X was listed under the EU's global human rights sanctions
        regime': a public body listing named parties, or a listing under a sanctions regime or instrument (not
        'listed on the stock exchange', 'the companies listed below')."""
        named = any(ctx.mention(t.i) is not None and ctx.etype(ctx.mention(t.i)) in LISTED_TYPES
                    for o in tok.children if o.dep_ == "dobj" for t in o.subtree)
        if named:  # (not "OFAC has listed 451 companies and individuals as SDNTs": a tally names no one)
            for subj in (c for c in tok.children if c.dep_ == "nsubj"):
                m = ctx.mention(subj.i)
                if m is not None and ctx.etype(m) in ("Authority", "Country"):
                    return True
                if m is None and subj.lemma_.lower() in LISTING_BODIES and any(
                        c.dep_ == "det" and c.lower_ == "the" for c in subj.children):
                    return True  # "The Council has today listed ...": see body_actors.py
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("under", "pursuant")):
            for t in prep.subtree:
                m = ctx.mention(t.i)
                if (m is not None and ctx.etype(m) == "Law") or _lemma(t) in SANCTION_REGIME_WORDS:
                    return True
        return False

    def _annex_listing(self, ctx: DocContext, tok: Token) -> bool:
        """'who were listed in the Annex to Executive Order (E.O.) 13288 in March 2003': naming in an executive
        order's annex is that order's blocking designation (not 'listed in the Annexes to UN Security Council
        Resolutions', a UN listing, nor 'listed on the stock exchange')."""
        for prep in _children(tok, ("prep",)):
            if prep.lower_ != "in":
                continue
            for annex in _children(prep, ("pobj",)):
                if _lemma(annex) != "annex":
                    continue
                # the parser hangs "to E.O. N" on the annex or on the verb
                near = list(annex.subtree) + [
                    t for p in _children(tok, ("prep",)) if p.lower_ == "to" for t in p.subtree]
                laws = [m for t in near if (m := ctx.mention(t.i)) is not None and ctx.etype(m) == "Law"]
                if laws and all(ctx.record(m.entity_id).kind == "executive_order" for m in laws):
                    return True
        return False

    def _designate_ok(self, tok: Token) -> bool:
        """'designate X as Y' is a sanctions designation only when Y is a sanctions category."""
        toks = doc_tokens(tok.doc)
        sent_end = tok.sent.end
        for j in range(tok.i + 1, min(tok.i + 12, sent_end)):
            if toks[j].lower_ != "as":
                continue
            nxt = toks[j + 1] if j + 1 < sent_end else None
            if nxt is None or nxt.pos_ in ("VERB", "AUX") or nxt.lower_ in AS_FILLERS:
                continue  # "pursuant to E.O. 13224, as amended", "as well as": not the "as Y" of designate
            # the words of the "as ..." phrase, up to the next verb or punctuation
            words: set[str] = set()
            for t in toks[j + 1: min(j + 9, sent_end)]:
                if (t.pos_ in ("VERB", "AUX") and not t.text[:1].isupper()) or (
                        t.is_punct and t.text not in ("-", "(", ")")):
                    break  # ("as Specially Designated Narcotics Traffickers": a capitalised name goes on)
                words |= {t.lower_, _lemma(t)}
            return bool(words & self.lex.designate_as_ok)
        return True

    def _list_addition(self, tok: Token, entry: TriggerEntry, preps=("to", "on")) -> Trigger | None:
        """'added X to the Entity List': the list decides the kind; no list -> a continuation.
        'removed X from the SDN List' (preps=("from",)): the same kinds, lifted."""
        removal = preps == ("from",)
        heads = {tok.i, *[c.i for c in tok.children]}
        # "adding 11 entities under 11 entries to the Entity List": "to" hangs off the "under" phrase
        for node in [tok, *_children(tok, ("dobj",))]:
            for under in (c for c in node.children if c.dep_ == "prep" and c.lower_ == "under"):
                heads.update(c.i for c in under.children if c.dep_ == "pobj")
            if node is not tok:
                # "adding 71 parties located in Russia and Belarus to the Entity List": "to" hangs off the
                # participle that describes the object
                heads.update(c.i for c in node.children if c.dep_ == "acl" and c.tag_ == "VBN")
        for prep in tok.subtree:
            if prep.dep_ == "prep" and prep.lower_ in preps and prep.head.i in heads:
                text = " ".join(t.lower_ for t in prep.subtree)
                for name, kind in sorted(self.lex.lists.items(), key=lambda kv: -len(kv[0])):
                    if name in text:
                        return Trigger(tok, kind, True, entry, list_text=text, lifted=removal)
        if removal:
            # "This final rule removes one entity under the destination of the UAE": no list named, the
            # document's latest list addition is the list (lifted); "removed sanctions on X" is not this
            listed = any(_lemma(o) in REMOVED_ITEMS for o in _children(tok, ("dobj", "nsubjpass")))
            return Trigger(tok, LIST_ADDITION, True, entry, lifted=True) if listed else None
        return Trigger(tok, LIST_ADDITION, True, entry)

    def _legislation(self, ctx: DocContext, tok: Token) -> Trigger | None:
        """'The House passed a bill', 'introduced the X Act', 'a bill that passed the House'."""
        lex = self.lex
        cands = _children(tok, ("dobj", "nsubjpass"))
        if tok.dep_ == "relcl":
            cands.append(tok.head)
        for c in cands:
            m = ctx.mention(c.i)
            is_bill = _lemma(c) in lex.legislation_nouns
            if m is not None:
                rec = ctx.record(m.entity_id)
                is_bill = is_bill or (rec is not None and rec.type == "Law" and rec.kind in (None, "bill", "statute"))
                if rec is not None and rec.kind in ("executive_order", "list", "regulation", "program"):
                    is_bill = False
            if is_bill:
                return Trigger(tok, "legislation", True, None, legislation=True)
        return None

    def _refine(self, tok: Token, default: str | None, verb: bool) -> str | None:
        """Sharpen a refinable trigger's kind from its modifiers, object and 'on' complement."""
        words: list[Token] = []
        words += sorted(_children(tok, ("compound", "amod", "nmod")), key=lambda t: -t.i)
        # "import and export restrictions": the conjunct modifiers of the compound
        for w in list(words):
            words += _children(w, ("conj",))
        if verb:
            if tok.dep_ == "amod":  # "Trump banned imports" mis-parsed: the 'object' is the head
                words.append(tok.head)
            for obj in _children(tok, ("dobj", "nsubjpass")):
                words.append(obj)
                words += _children(obj, ("compound", "amod"))
            if any(_lemma(c) in ENTRY_WORDS for p in _children(tok, ("prep",)) if p.lower_ == "from"
                   for c in p.children if c.dep_ in ("pcomp", "pobj")):
                return "visa_restriction"  # "banned X from entering the country", "barred X from travel to ..."
        for prep in _children(tok, ("prep",)):
            if prep.lower_ in ("on", "of", "against"):
                for pobj in _children(prep, ("pobj",)):
                    words.append(pobj)
                    words += _children(pobj, ("compound", "amod"))
        generic = None
        for w in words:
            kind = self.lex.refiners.get(w.lower_) or self.lex.refiners.get(_lemma(w))
            if kind is None:
                continue
            if kind in GENERIC_KINDS:
                generic = generic or kind
                continue
            return kind
        return generic or default
