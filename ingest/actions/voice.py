"""The voice and shape of a verb trigger's clause: passive (also a participle parsed as a predicate adjective or
coordinated with a passive), relative pronouns and quantified relatives ("both of whom"), reduced participles
after a name, participles said to come before ("previously designated").
"""

from __future__ import annotations

from spacy.tokens import Token

from ingest.actions.context import DocContext
from ingest.actions.phrases import PASS_SUBJ, QUANTIFIERS, RELATIVIZERS, SUBJ, _children

EARLIER = {"previously", "formerly", "already", "earlier"}


def said_earlier(ctx: DocContext, v: Token) -> bool:
    """A participle that says the measure came before: 'previously designated', 'the previously-designated X'."""
    if any(c.dep_ == "advmod" and c.lower_ in EARLIER for c in v.children):
        return True
    toks = ctx.tokens
    j = v.i - 1
    if j > 0 and toks[j].text in ("-", "\u2010"):
        j -= 1
    return j >= 0 and toks[j].lower_ in EARLIER


# Kinds whose verbs need an object ("sanction X", "arrest X"): with a subject and no object, a headline passive.
OBJECT_KINDS = {"designation", "sanction", "indictment", "arrest", "detention", "delisting"}
# Verbs that take "X as <predicate>" ("identified X as blocked property of Y").
AS_PREDICATE_VERBS = {"identify", "designate", "determine", "name", "list", "classify"}
# Adverbs between a noun phrase and the participle that describes it ("the Governor also designated today").
PARTICIPLE_ADVERBS = {"also", "previously", "formerly", "already", "earlier", "today", "recently", "likewise",
                      "similarly", "concurrently", "separately", "jointly"}


def is_relative(s: Token) -> bool:
    """A relative pronoun, or a quantifier over one ('all of whom', 'both of which', 'each of which')."""
    if s.lower_ in RELATIVIZERS:
        return True
    return s.lower_ in QUANTIFIERS and any(
        p.dep_ == "prep" and p.lower_ == "of" and any(o.lower_ in RELATIVIZERS for o in p.children)
        for p in s.children)


def reduced_after_name(ctx: DocContext, v: Token) -> bool:
    """A past participle coordinated by the parser with the main verb, with no subject, auxiliary, object or
    conjunction of its own, right after a noun phrase (adverbs aside): a reduced relative on that phrase."""
    own = ("aux", "auxpass", "nsubj", "nsubjpass", "dobj", "cc")
    if v.tag_ not in ("VBN", "VBD") or any(c.dep_ in own for c in v.children):
        return False
    j = name_before(ctx, v)
    if v.dep_ == "advcl" and v.tag_ == "VBN":
        # "..., Abdullah Samad Faroqui (Samad), also designated today, that ...": only right after a name
        return j > 0 and ctx.mention(j) is not None and j < v.i - 1
    if v.dep_ != "conj" or any(c.dep_ == "cc" and c.i < v.i for c in v.head.children):
        return False  # "X was designated and sanctioned": a real coordination
    return j > 0 and ctx.tokens[j].pos_ in ("NOUN", "PROPN") and j != v.head.i


def name_before(ctx: DocContext, v: Token) -> int:
    """The last token of the noun phrase a participle follows, past adverbs, one comma and the name's
    bracketed short form: 'Abdullah Samad Faroqui (Samad), also designated today' -> 'Faroqui'."""
    toks = ctx.tokens
    j = v.i - 1
    while j > 0 and toks[j].lower_ in PARTICIPLE_ADVERBS:
        j -= 1
    if j > 0 and toks[j].text == "," and toks[j - 1].text == ")":
        k = j - 2
        while k > max(0, j - 12) and toks[k].text != "(":
            k -= 1
        if toks[k].text == "(" and k > 0 and ctx.mention(k - 1) is not None:
            return k - 1
    if j > 0 and toks[j].text == "," and ctx.mention(j - 1) is not None:
        return j - 1  # "Bank Rossiya is also controlled by Kovalchuk, designated today": the name before the comma
    return j


def is_passive(tok: Token) -> bool:
    if any(c.dep_ in ("auxpass", "nsubjpass", "agent") for c in tok.children):
        return True
    if any(c.dep_ == "nsubj" for c in tok.children):
        return False  # "Trump banned imports" mis-parsed as an adjective still has its subject
    if copular_participle(tok):
        return True  # "X was itself sanctioned", "X and Y were also sanctioned" parsed as a predicate adjective
    if tok.dep_ == "conj" and tok.tag_ == "VBN" and tok.head.pos_ in ("VERB", "AUX") and not any(
            c.dep_ == "aux" for c in tok.children) and is_passive(tok.head):
        return True  # "was arrested and sentenced": the second participle shares the passive
    return tok.tag_ == "VBN" and tok.dep_ in ("acl", "relcl", "amod") and not any(c.dep_ == "aux" for c in tok.children)


# Verbs that take a past participle as their predicate in a passive sense ("was itself sanctioned").
COPULAS = {"be", "remain", "become", "get", "stay"}


def copular_participle(tok: Token) -> bool:
    return tok.tag_ == "VBN" and tok.dep_ in ("acomp", "attr", "oprd", "xcomp") and (
        tok.head.lemma_.lower() in COPULAS and not any(c.dep_ == "aux" for c in tok.children))


def passive_subjects(v: Token) -> list[Token]:
    """The subject of a passive trigger: its own passive subject, the copula's subject when the parser made
    the participle a predicate ("Iskra Technologies was itself sanctioned by the EU"), or the subject of the
    participle it is coordinated with ("Barakzai was arrested and sentenced ... by Afghan authorities")."""
    for _ in range(4):
        own = _children(v, PASS_SUBJ)
        if own:
            return own
        if copular_participle(v):
            return _children(v.head, SUBJ + PASS_SUBJ)
        if v.dep_ == "conj" and v.head.pos_ in ("VERB", "AUX") and not _children(v, SUBJ):
            v = v.head
            continue
        break
    return []


# Verbs that report a clause ("X blacklisted Y, the ministry said", "the ministry said X would ...").
SPEECH_VERBS = {"say", "announce", "state", "confirm", "tell", "declare", "add", "warn", "report", "note"}


def reporting_subjects(v: Token) -> list[Token]:
    """The subjects of the speech verb that reports the clause of `v`: 'the Commerce Department' in 'The
    United States blacklisted X on Monday, the Commerce Department said' (the reported clause is the
    speech verb's complement, or the speech verb hangs on it as a parenthetical)."""
    heads = [c for c in v.children if c.dep_ in ("parataxis", "ccomp", "advcl")
             and c.lemma_.lower() in SPEECH_VERBS and c.i > v.i]
    tok = v
    for _ in range(3):
        if tok.dep_ == "ccomp" and tok.head is not tok and tok.head.lemma_.lower() in SPEECH_VERBS:
            heads.append(tok.head)
            break
        if tok.dep_ not in ("xcomp", "conj") or tok.head is tok:
            break
        tok = tok.head
    return [c for h in heads for c in h.children if c.dep_ == "nsubj"]
