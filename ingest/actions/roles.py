"""Who acts, against whom, under what: the roles of one trigger, read from the parse and the mentions.

The parse finds the slots (subject, passive agent, object, "on"/"against" complements, possessors); the
entity mentions inside a slot fill it. Because small parsers often attach the later items of a long list
("X, Y, and Z under E.O. 13224") to the wrong head, an object slot is also read positionally: the run of
noun phrases joined by commas and "and" after the trigger, up to a clause boundary.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from ingest.actions.context import POSSESSIVE, DocContext
from ingest.actions.lexicon import Lexicon
from ingest.actions.triggers import Trigger
from ingest.entities.classify import TITLE_WORDS
from ingest.extensions import Mention

SUBJ = ("nsubj",)
PASS_SUBJ = ("nsubjpass",)
OBJ = ("dobj", "dative")
CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis"}
# Prepositions after which a noun phrase is no longer the object ("designated X for assisting Y").
STOP_WORDS = {
    "for", "because", "which", "who", "whom", "whose", "when", "while", "after", "before", "since",
    "following", "pursuant", "under", "by", "in", "at", "from", "with", "without", "as", "to", "on",
    "over", "against", "through", "via", "per", "than", "if", "unless", "whether", "said", "says",
    "according", "amid", "despite", "during", "into", "onto", "upon", "about", "regarding", "that", "within",
}
LIST_GLUE = {",", "and", "or", "&", "(", ")", "both", "including", "include", "includes", "namely", "also",
             "specifically", "particularly", "notably", "plus", "well", "-", "\u2013"}
QUANTIFIERS = {"all", "some", "each", "any", "several", "many", "both", "most", "none", "one", "two", "three",
               "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "dozens", "hundreds"}
SKIP_BEFORE = {"also", "today", "jointly", "previously", "formally", "officially", "further", "additionally",
               "again", "recently", "already", "similarly", "concurrently", "simultaneously", "not", "n't",
               "has", "have", "had", "is", "are", "was", "were", "be", "been", "being", ","}
ACTOR_TYPES = {"Authority", "Person", "Country", "Organization"}
TARGET_TYPES = {"Authority", "Person", "Company", "Organization", "Country", "Place"}
RELATIVIZERS = {"that", "which", "who", "whom"}
# Unnamed heads whose "of" complement names the acting bodies ("the Departments of the Treasury and State").
BODY_HEADS = {"department", "departments", "ministry", "ministries", "office", "offices", "agency", "agencies",
              "government", "secretary", "secretaries"}
# Verbs whose object is the subject of the infinitive after them ("help X detain", "urged the EU to sanction").
CONTROL_VERBS = {"help", "assist", "allow", "enable", "force", "urge", "ask", "direct", "authorize", "authorise",
                 "instruct", "order", "encourage", "require", "call", "press", "push", "persuade", "permit",
                 "empower", "task", "lead", "pressure", "get", "want", "expect", "invite", "compel", "advise"}
# Objects whose owner is the one acted upon ("freeze Jammeh's assets").
HOLDINGS = {"asset", "assets", "property", "fund", "funds", "account", "accounts", "holding", "holdings"}
# Names that make a counted group a named one ("five PRC entities" is still unnamed: PRC only qualifies it).
NAMED_GROUP_TYPES = {"Person", "Company", "Organization", "Authority"}
# Words before "as" that make it no "designated X as <category>" ("as well as X", "such as X", "known as X").
AS_NOT_CATEGORY = {"well", "such", "known", "called", "referred", "same"}
# Nouns for a collective push whose "within/by X" names who would act ("movement within Congress to delist").
EFFORT_NOUNS = {"movement", "push", "effort", "drive", "bid", "campaign", "move", "plan", "proposal", "initiative"}
# Nominals whose possessor is the one acted upon ("Syria's designation", "Meng's arrest"), unless an
# authority ("OFAC's designation") or an "of" complement names the target ("OFAC's designation of X").
PATIENT_NOUNS = {"designation", "redesignation", "arrest", "detention", "indictment", "extradition", "delisting",
                 "listing", "blacklisting", "internment", "incarceration", "investigation", "prosecution"}
# Heads of unnamed groups: a name in front of them only says whose people they are.
GROUP_NOUNS = {"official", "officer", "executive", "employee", "member", "leader", "staff", "agent", "worker",
               "personnel", "operative", "hacker", "student", "national", "citizen", "supporter", "affiliate",
               "individual", "people", "bureau", "company", "firm", "supplier", "entity", "subsidiary",
               "front", "proxy", "militia", "unit", "ministry", "enterprise", "agency", "institution",
               "bank", "vessel", "network"}


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


# The preposition that names the other side of a trade measure: exports go to, imports come from.
TRADE_DIRECTION = {"export_control": "to", "import_ban": "from"}


def _children(tok: Token, deps) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _conj_top(tok: Token) -> Token:
    for _ in range(10):
        if tok.dep_ != "conj":
            break
        tok = tok.head
    return tok


EARLIER = {"previously", "formerly", "already", "earlier"}


def _is_clause_subject(toks, m: Mention) -> bool:
    """The mention heads the subject of a finite verb after it ('..., OFAC is identifying')."""
    for k in range(m.token_start, m.token_end):
        t = toks[k]
        if not (m.token_start <= t.head.i < m.token_end):
            return t.dep_ in ("nsubj", "nsubjpass") and t.head.i >= m.token_end and t.head.pos_ in ("VERB", "AUX")
    return False


def _earlier(ctx: DocContext, v: Token) -> bool:
    """A participle that says the measure came before: 'previously designated', 'the previously-designated X'."""
    if any(c.dep_ == "advmod" and c.lower_ in EARLIER for c in v.children):
        return True
    toks = ctx.tokens
    j = v.i - 1
    if j > 0 and toks[j].text in ("-", "\u2010"):
        j -= 1
    return j >= 0 and toks[j].lower_ in EARLIER


def is_passive(tok: Token) -> bool:
    if any(c.dep_ in ("auxpass", "nsubjpass", "agent") for c in tok.children):
        return True
    if any(c.dep_ == "nsubj" for c in tok.children):
        return False  # "Trump banned imports" mis-parsed as an adjective still has its subject
    return tok.tag_ == "VBN" and tok.dep_ in ("acl", "relcl", "amod") and not any(c.dep_ == "aux" for c in tok.children)


class RoleReader:
    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex

    # -- slot readers ----------------------------------------------------------------------------------
    def np_tokens(self, ctx: DocContext, head: Token, exclude: Token | None = None,
                  modifiers: bool | str = True) -> list[int]:
        """Token indices of the noun phrase headed by `head`, without its clauses (relative, participial).
        modifiers=False also leaves out possessors and compound/adjectival modifiers that are not part of
        the head's own name ("its Northeast Asia senior adviser, Michael Kovrig" -> Kovrig).
        modifiers="poss" keeps possessors only ("Treasury's OFAC" -> both; "the China policy" -> none)."""
        keep: list[int] = []
        todo = [head]
        s, e = ctx.unit(head)
        while todo:
            t = todo.pop()
            if not (s <= t.i < e):
                continue
            keep.append(t.i)
            own = ctx.mention(t.i)
            for c in t.children:
                if (exclude is not None and c.i == exclude.i) or c.dep_ in CLAUSE_DEPS:
                    continue
                dropped = ("compound", "amod", "nmod", "nummod") if modifiers == "poss" else (
                    "poss", "compound", "amod", "nmod", "nummod")
                if modifiers is not True and c.dep_ in dropped and (
                        own is None or not (own.token_start <= c.i < own.token_end)):
                    continue
                if c.dep_ == "prep" and c.lower_ not in ("of", "including", "like", "as"):
                    continue
                if c.dep_ == "prep" and c.lower_ == "of" and not (t.like_num or t.lower_ in QUANTIFIERS):
                    continue  # "the chief financial officer of Huawei": Huawei qualifies the head
                todo.append(c)
        return sorted(keep)

    def mentions_of(self, ctx: DocContext, head: Token, exclude: Token | None = None,
                    modifiers: bool | str = True) -> list[Mention]:
        return ctx.mentions_in(self.np_tokens(ctx, head, exclude, modifiers))

    def scan_right(self, ctx: DocContext, i: int, examples: bool = True) -> list[Mention]:
        """The run of noun phrases starting at token i: 'X, Y, and Z' up to a clause boundary.
        examples=False stops at 'including' (an actor list ends there: 'by the U.S., including ...')."""
        doc = ctx.doc
        toks = ctx.tokens
        _, end = ctx.unit(toks[min(i, len(doc) - 1)])
        out: list[Mention] = []
        skip = False  # inside "of ..." after a name: part of that name's phrase
        j, steps = i, 0
        while j < end and steps < 80:
            steps += 1
            m = ctx.mention(j)
            if m is not None and out and _is_clause_subject(toks, m):
                break  # "In addition to sanctioning Hydra, OFAC is identifying ...": the next clause's subject
            if m is not None:
                based = (m.token_end + 1 < end and toks[m.token_end].text in ("-", "\u2013")
                         and toks[m.token_end + 1].lower_ in ("based", "headquartered", "registered", "owned"))
                if not skip and not based and not ctx.is_possessor(m) and not self.is_qualifier(ctx, m):
                    out.append(m)
                j = max(m.token_end, j + 1)
                continue
            t = toks[j]
            low = t.lower_
            if t.is_space:
                j += 1
                continue
            if low in (",", "and", "or", "&"):
                skip = False
            elif low == "of":
                prev = toks[j - 1] if j > 0 else None
                if prev is None or not (prev.like_num or prev.lower_ in QUANTIFIERS):
                    skip = True
            elif low == "as" and j + 1 < end and toks[j + 1].lower_ == "well":
                j += 2  # "as well as"
                continue
            elif low == "such" and j + 1 < end and toks[j + 1].lower_ == "as":
                j += 2
                continue
            elif not examples and low in ("including", "includes", "include", "like", "such"):
                break
            elif low in LIST_GLUE or t.text in POSSESSIVE:
                pass
            elif low == ":" and not out:
                pass  # "five PRC entities: A; B; and C"
            elif low == ";" and out and j + 1 < end and (ctx.mention(j + 1) is not None or toks[j + 1].lower_ == "and"):
                skip = False
            elif (low in STOP_WORDS or (t.is_punct and low not in ("(", ")", "-", "\u2013", "\"", "'"))
                  or (t.pos_ in ("VERB", "AUX", "SCONJ") and t.dep_ not in ("amod", "compound"))):
                break
            j += 1
        return out

    def is_qualifier(self, ctx: DocContext, m: Mention) -> bool:
        """A name that only qualifies an unnamed head: 'Chinese government and Communist Party officials',
        'Huawei executives'. Such groups are not targets (JUDGMENT_CALLS: unnamed groups give [])."""
        doc = ctx.doc
        toks = ctx.tokens
        end = m.token_end
        if end + 1 < len(doc) and toks[end].text in ("-", "\u2013") and toks[end + 1].lower_ in (
                "based", "headquartered", "registered", "owned", "linked", "backed", "controlled", "flagged"):
            return True  # "Moscow-based Ardis-Bearings LLC", "Iran-backed militias"
        # "three Iranian Ministry of Intelligence and Security (MOIS) officials": past the short form
        k = end
        if k < len(doc) and toks[k].text == "(":
            while k < min(end + 6, len(doc) - 1) and toks[k].text != ")":
                k += 1
        if k < len(doc) - 1 and toks[k].text == ")" and toks[k + 1].lemma_.lower() in GROUP_NOUNS and (
                ctx.mention(k + 1) is None):
            return True
        if ctx.etype(m) in ("Country", "Place", "Authority"):
            # "sanctioned Dominican Republic Senator Felix Ramon Bautista Rosario": a country or body before
            # a person's title qualifies the person (the parser may make it the object)
            j = end
            while j < min(end + 3, len(doc)) and toks[j].lower_ in TITLE_WORDS:
                j += 1
            is_title = all(toks[k].lower_ in TITLE_WORDS for k in range(m.token_start, end))  # "Senator"
            owner = ctx.mention(j) if (j > end or is_title) and j < len(doc) else None
            if owner is not None and owner is not m and ctx.etype(owner) == "Person":
                return True
        root = doc[m.token_start:m.token_end].root
        tok = root
        for _ in range(3):
            if tok.dep_ == "conj" and tok.head.i < tok.i:
                tok = tok.head  # "X and Y officials": Y's role is X's
                continue
            break
        if tok.dep_ in ("compound", "amod", "nmod") and tok.head.pos_ == "NOUN":
            head = tok.head
            return ctx.mention(head.i) is None and head.lemma_.lower() in GROUP_NOUNS
        return False

    def scan_left(self, ctx: DocContext, i: int) -> list[Mention]:
        """The noun phrase run that ends just before token i (skipping auxiliaries and adverbs)."""
        toks = ctx.tokens
        start, _ = ctx.unit(toks[i])
        j = i - 1
        while j >= start and (toks[j].lower_ in SKIP_BEFORE or toks[j].pos_ in ("AUX", "ADV", "PART")
                              or toks[j].ent_type_ == "DATE") and ctx.mention(j) is None:
            j -= 1
        out: list[Mention] = []
        if j >= start and ctx.mention(j) is None and toks[j].lower_ not in RELATIVIZERS:
            return out  # "specialists would designate": the phrase before the verb does not end in a name
        while j >= start:
            m = ctx.mention(j)
            if m is not None:
                out.append(m)
                j = m.token_start - 1
                continue
            t = toks[j]
            if t.lower_ in RELATIVIZERS and not out:
                j -= 1
                continue
            if t.lower_ in (",", "and", "or") and not (j > start and ctx.mention(j - 1) is not None):
                break  # a comma after a non-name ends the subject: "Given that ..., enforcing X"
            if t.lower_ in LIST_GLUE or t.text in POSSESSIVE or t.pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM"):
                j -= 1
                continue
            break
        return out

    def subject(self, ctx: DocContext, verb: Token) -> tuple[list[Mention], Token | None]:
        """Mentions in the subject of `verb`, following xcomp/conj chains up to the clause with a subject."""
        v, hops = verb, 0
        while v is not None and hops < 4:
            subj = _children(v, SUBJ)
            if subj:
                s = subj[0]
                if s.lower_ in RELATIVIZERS and v.dep_ == "relcl":
                    top = _conj_top(v.head)  # "the EU, the UK, and Canada, which imposed ...": all three
                    return self.mentions_of(ctx, top, exclude=v, modifiers="poss"), top
                found = self.mentions_of(ctx, s, modifiers="poss")
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

    def colon_list(self, ctx: DocContext, head: Token) -> list[Mention]:
        """'sanctions on two large state-owned Russian financial institutions that provide ...: Vnesheconombank
        and Promsvyazbank', 'on five Russian elites and their family members: Aleksandr Bortnikov ...': a
        counted or 'following' group with no name of its own is spelt out after the next colon of the unit."""
        counted = any(c.dep_ == "nummod" or (c.dep_ in ("amod", "det") and c.lower_ == "following")
                      for c in head.children) or head.lemma_.lower() in ("list", "following")
        if not counted or head.pos_ not in ("NOUN", "PROPN") or ctx.mention(head.i) is not None:
            return []
        if any(ctx.etype(m) in NAMED_GROUP_TYPES for m in self.mentions_of(ctx, head)):
            return []
        toks = ctx.tokens
        _, e = ctx.unit(head)
        for j in range(head.i + 1, min(e, head.i + 40)):
            low = toks[j].lower_
            if low == ":":
                found = self.scan_right(ctx, j + 1)
                return found or self.bullets_after(ctx, e)
            if low in (";", "."):
                break
        return []

    def bullets_after(self, ctx: DocContext, start: int, limit: int = 40) -> list[Mention]:
        """'Full blocking sanctions on an expansive new list of Russian elites ...:' followed by a bullet list
        ('- Nikolai Tokarev (his wife Galina ...)', '- Boris Rotenberg ...'): the names that open the bullets."""
        toks = ctx.tokens
        out: list[Mention] = []
        i, n = start, len(toks)
        for _ in range(limit):
            while i < n and (toks[i].is_space or toks[i].text in ("*", "**")):
                i += 1
            if i >= n or toks[i].text not in ("-", "*", "\u2022", "\u00b7", "\u2013"):
                break
            e = ctx.unit_end[i]
            k = i + 1
            while k < e and (toks[k].is_space or set(toks[k].text) <= {"*", "_"}):
                k += 1  # "- **Amilcar Jesus Figueroa Salazar**: ..."
            out += [m for m in self.scan_right(ctx, k) if ctx.etype(m) in NAMED_GROUP_TYPES]
            i = e
        return out

    def prep_objects(self, ctx: DocContext, tok: Token, preps) -> list[Mention]:
        out: list[Mention] = []
        for p in _children(tok, ("prep",)):
            if p.lower_ in preps:
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
            if acl.lemma_.lower() in ("target", "against", "aim") and (acl.dep_ == "acl" or any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in acl.children)):
                for o in _children(acl, OBJ):
                    out += self.mentions_of(ctx, o)
                out += self.scan_right(ctx, acl.i + 1)
        return out

    # -- per trigger -------------------------------------------------------------------------------------
    def read(self, ctx: DocContext, trig: Trigger) -> Roles:
        if trig.legislation:
            roles = self._legislation(ctx, trig)
        elif trig.is_verb:
            roles = self._verb(ctx, trig)
        else:
            roles = self._noun(ctx, trig)
        roles.targets = [t for t in roles.targets if t not in roles.by]
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
        if is_passive(v):
            r.voice = "passive"
            targets: list[Mention] = []
            subj = _children(v, PASS_SUBJ)
            if subj:
                s = subj[0]
                if s.lower_ in RELATIVIZERS and v.dep_ == "relcl":
                    targets += self.mentions_of(ctx, v.head, exclude=v, modifiers=False)
                    r.background = True
                else:
                    targets += self.mentions_of(ctx, s, modifiers=False)
            elif v.dep_ in ("acl", "relcl", "amod"):
                targets += self.mentions_of(ctx, v.head, exclude=v, modifiers=False)
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
            if _earlier(ctx, v):
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
                objs += [m for m in self.mentions_of(ctx, o) if not ctx.is_possessor(m)]
                objs += self.colon_list(ctx, o)
                if o.lemma_.lower() in HOLDINGS:
                    # "to freeze Jammeh's assets", "blocks the property of X": the owner is the target
                    objs += [m for c in o.children if c.dep_ == "poss" for m in self.mentions_of(ctx, c)]
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
        return r

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
