"""Noun-phrase runs: the mentions a slot holds, read from the parse and, where small parsers attach the later
items of a long list ("X, Y, and Z under E.O. 13224") to the wrong head, positionally: the run of noun phrases
joined by commas and "and" after a word, up to a clause boundary; counted groups spelt out after a colon or in
bullets; names that only qualify an unnamed group.
"""

from __future__ import annotations

from spacy.tokens import Token

from ingest.actions.context import POSSESSIVE, DocContext
from ingest.actions.lexicon import Lexicon
from ingest.entities.classify import TITLE_WORDS
from ingest.extensions import Mention
from policygraph.ontology import ROLE_TYPES

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
# policygraph/ontology.yaml action_roles: who may act; who may be targeted (laws are the legal bases, UNDER)
ACTOR_TYPES = ROLE_TYPES["by"]
TARGET_TYPES = ROLE_TYPES["targets"] - ROLE_TYPES["under"]
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



class PhraseReader:
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
        if j > start and toks[j].text == ")":
            # "Rafael Alvarez (a.k.a. 'La Gallina'), who OFAC designated": past the name's parenthesis
            k = j - 1
            while k > max(start, j - 15) and toks[k].text != "(":
                k -= 1
            if toks[k].text == "(" and k - 1 >= start and ctx.mention(k - 1) is not None:
                j = k - 1
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
