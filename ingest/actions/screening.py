"""Whether a trigger reports a measure taken, or talks about measures: tallies and summaries of earlier
rounds, references to a regime ('violations of US sanctions'), comments on a measure already read ('These
designations are being taken pursuant to ...'), and the future tense of a release announcing today's measures.
"""

from __future__ import annotations

import re

from ingest.actions.context import DocContext
from ingest.actions.roles import Roles
from ingest.actions.triggers import Trigger
from ingest.extensions import doc_text, span_text

SUMMARY = re.compile(r"\b(?:since (?:at least )?(?:19|20)\d\d|since (?:january|february|march|april|may|june|july|"
                     r"august|september|october|november|december)|over the (?:last|past)|in recent (?:years|months)|"
                     r"rounds of|waves of|dozens of|hundreds of|(?:over|more than|nearly|approximately|some) \d{3,}|"
                     r"\d{1,3},\d{3} )")
TODAY_WILL = re.compile(r"\btoday\b,?\s+(?:the\s+)?[\w.\s']{0,60}?\bwill\s+(?!continue\b|keep\b|consider\b)", re.I)
# A fact sheet that reports what is done ('FACT SHEET: United States Imposes ...'), not one that previews or
# proposes ('G7 to Announce Joint Actions', 'President Biden's Comprehensive Proposal to ...').
FACT_SHEET = re.compile(r"^\s*fact\s+sheet\b", re.I)
FACT_SHEET_PREVIEW = re.compile(r"\b(?:to\s+(?:announce|take|launch|propose|impose|seek)|proposals?|will|plans?)\b",
                                re.I)
QUOTES = {"\u201c", "\u201d", '"'}
TALLY = re.compile(r"\b(?:over|more than|nearly|approximately|some|almost) (?:\d{3,}|\d{1,3},\d{3})\b"
                   r"|\b(?:dozens|hundreds|thousands) of (?:individuals|entities|persons|companies|people)\b")
# "these companies" -> the Company mentions just before; "these individuals" -> Person mentions.
# Nouns whose "of" complement is a sanctions regime named in passing, not a measure being reported.
REFERENCE_HEADS = {"pressure", "weight", "violation", "evasion", "breach", "circumvention", "compliance", "implication",
                   "scope",
                   "threat", "risk", "history", "effectiveness", "impact", "cost", "use", "wake", "lack",
                   "regime", "program", "programme", "architecture", "expert", "enforcement"}
EVASION_VERBS = {"violate", "evade", "circumvent", "breach", "skirt", "flout", "bust", "dodge", "avoid", "defy"}
# Verbs a measure can be the subject of while still being reported ("today's sanctions target X").
SUBJECT_OK_VERBS = {"target", "hit", "affect", "cover", "apply", "block", "prohibit", "freeze", "require",
                    "take", "go", "come", "impose", "bar", "restrict", "ban", "deny", "cut"}
# Verbs whose subject measure is being commented on, not reported ("sanctions against X aim to ...").
COMMENT_VERBS = {"aim", "seek", "intend", "serve", "help", "demonstrate", "show", "highlight", "underscore",
                 "reflect", "send", "signal", "build", "complement", "follow", "reinforce", "underline"}
DETERMINERS = {"the", "this", "that", "these", "those", "such", "its", "their", "today"}
STRONG_DETERMINERS = {"these", "this", "today", "such"}
RESULT_HEADS = {"result", "consequence"}
# "the 14th set of designations", "its fifth round of sanctions", "the largest package of sanctions"
SERIES_HEADS = {"set", "round", "wave", "tranche", "package", "series", "batch"}
SERIES_COPULAS = {"be", "mark", "represent", "constitute", "put"}
COUNTED = re.compile(r"^(?:\d+(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                     r"eleventh|twelfth)$")


def owned_measure(ctx: DocContext, trig: Trigger, roles: Roles) -> bool:
    """'the Trump administration's most recent actions on Huawei': an actor's possessive and a named
    firm, person or body as target make 'actions' a measure without a light verb (not 'the regime's
    brutal actions against the Syrian people')."""
    owners = [c for c in trig.token.children if c.dep_ == "poss" and ctx.mention(c.i) is not None]
    if not owners or not roles.by:
        return False
    return any(ctx.etype_of(t) in ("Company", "Person", "Organization", "Authority") for t in roles.targets)


def is_summary(ctx: DocContext, trig: Trigger) -> bool:
    """'Since September 2022, the United States has issued five rounds of designations', 'Over the last
    year, Treasury has sanctioned over 100 individuals': a tally of earlier measures, not one measure."""
    if trig.kind == "detention":
        return False  # "the regime arbitrarily detained dozens of political opponents": a mass detention (ONTOLOGY)
    s, e = ctx.unit(trig.token)
    text = span_text(ctx.doc, s, e).lower()
    if not SUMMARY.search(text):
        return _bare_perfect(trig) and not re.search(r"\btoday\b", text)
    # "the State Department is imposing visa restrictions on more than 500 Nicaraguan individuals": a measure
    # taken now on a large group is no tally
    return not (re.search(r"\btoday\b", text) or _present(trig.token) or (
        _present(trig.token.head) and trig.token.dep_ in ("dobj", "nsubjpass")))


def announced_today(ctx: DocContext, trig: Trigger, roles: Roles) -> bool:
    """'Today, the United States will sanction an expansive list of Putin's cronies ... The United States will
    also sanction Dmitry Peskov': in a paragraph that announces the day's measures in the future tense, a
    plain 'will' reports a measure taken today (not 'will continue', 'could', 'plans to')."""
    verb = roles.head_verb if roles.head_verb is not None else trig.token
    if not any(c.dep_ == "aux" and c.lower_ in ("will", "'ll") for c in verb.children):
        return False
    if verb.lemma_.lower() in ("continue", "keep", "consider", "seek", "work"):
        return False
    text = doc_text(ctx.doc)
    at = trig.token.idx
    if roles.targets and _announcing_fact_sheet(ctx.doc._.title):
        # "FACT SHEET: United States Imposes First Tranche ...": a fact sheet announces the day's measures
        # in the future tense ("The Secretary of the Treasury will impose full blocking sanctions on X",
        # "Treasury will designate seven Russian entities"), outside quotations
        s, e = ctx.unit(trig.token)
        if not any(t.text in QUOTES for t in ctx.tokens[s:e]):
            return True
    start = text.rfind("\n\n", 0, at)
    end = text.find("\n\n", at)
    para = text[start + 1 if start >= 0 else 0:end if end >= 0 else len(text)]
    return bool(TODAY_WILL.search(para))


def is_tally(ctx: DocContext, trig: Trigger) -> bool:
    """A perfect-tense count of past measures ('has designated over 700 individuals and entities',
    'have sanctioned more than 1,000 persons, including X'): the names it gives are examples of many
    earlier measures, not the targets of one."""
    if not trig.is_verb or not any(c.dep_ == "aux" and c.lower_ in ("has", "have", "had")
                                   for c in trig.token.children):
        return False
    s, e = ctx.unit(trig.token)
    return bool(TALLY.search(span_text(ctx.doc, s, e).lower()))


def is_reference(trig: Trigger, roles: Roles) -> str | None:
    """A noun trigger that names a regime or talks about measures rather than reporting one:
    'violations of US sanctions' -> "skip"; 'America's sanctions include ...', 'The designation could
    threaten ...' -> "anaphor" (evidence for, and a sharper kind of, a measure already read)."""
    if trig.is_verb:
        return None
    tok = trig.token
    if tok.dep_ == "pobj" and tok.head.lower_ == "of":
        head = tok.head.head
        if head.lemma_.lower() in RESULT_HEADS:
            return "anaphor"  # "As a result of Treasury's designation, all property ... must be blocked"
        if head.lemma_.lower() in SERIES_HEADS and any(
                c.dep_ == "amod" and (c.tag_ == "JJS" or COUNTED.match(c.lower_)) for c in head.children) and (
                head.dep_ in ("attr", "appos") or head.head.lemma_.lower() in SERIES_COPULAS):
            # (not "OFAC imposed its third round of sanctions targeting ...", which reports today's measure)
            # "Today's action marks OFAC's 14th set of designations against the FARC ... since 2004", "the
            # largest set of sanctions ... ever imposed": a count of rounds, whose basis is today's
            return "anaphor"
    if roles.governor is None:
        return None
    gov = roles.governor
    if roles.governor_dep == "pobj" and gov.lower_ == "of" and gov.head.lemma_.lower() in REFERENCE_HEADS:
        return "skip"
    if roles.governor_dep == "dobj" and gov.lemma_.lower() in EVASION_VERBS and not roles.relcl_measure:
        return "skip"  # "for violating Canada's sanctions on Russia"
    if roles.governor_dep == "nsubj" and gov.pos_ in ("VERB", "AUX") and (
            not roles.prep_targets or gov.lemma_.lower() in COMMENT_VERBS) and (
            gov.lemma_.lower() not in SUBJECT_OK_VERBS):
        return "anaphor"  # "Treasury's sanctions against MS-13 aim to interrupt ...": a comment on a measure
    return None


def is_anaphoric(trig: Trigger, roles: Roles) -> bool:
    """'These designations are being taken pursuant to E.O. 13224', 'Today's action is being taken pursuant to
    E.O. 14098': the measure already reported (its legal basis joins it)."""
    if trig.is_verb or roles.by or roles.targets:
        return False
    dets = {c.lower_ for c in trig.token.children if c.dep_ in ("det", "poss")}
    if roles.under:  # "the designation of four officials pursuant to the Kingpin Act": its own measure
        return bool(dets & STRONG_DETERMINERS)
    return bool(dets & DETERMINERS)


def foreign_state(ctx: DocContext, trig: Trigger, roles: Roles) -> bool:
    """'Deripaska is also sanctioned by Australia, Canada, the European Union ...': a simple present passive
    with foreign states as agents states who else has sanctions on the person, not a measure of today
    ('is being sanctioned by Canada today' is one)."""
    v = trig.token if trig.is_verb else roles.head_verb
    if v is None or roles.voice != "passive" or not roles.by:
        return False
    if any(c.lower_ == "being" for c in v.children) or any(c.lower_ == "today" for c in v.children):
        return False
    us = {"united-states"}
    return all(ctx.etype_of(b) == "Country" and b not in us for b in roles.by)


def _bare_perfect(trig: Trigger) -> bool:
    """'The United States, alongside over 30 partners around the world, has imposed unprecedented sanctions and
    export controls to hold President Putin to account': a bare plural measure noun (no determiner, possessor
    or number) that a perfect-tense verb governs sums up many earlier measures."""
    n = trig.token
    if trig.is_verb or n.tag_ != "NNS":
        return False
    while n.dep_ == "conj" and n.head.pos_ == "NOUN":
        n = n.head
    if n.dep_ != "dobj" or n.tag_ != "NNS" or any(c.dep_ in ("det", "poss", "nummod") for c in n.children):
        return False
    if trig.token is not n and any(c.dep_ in ("det", "poss", "nummod") for c in trig.token.children):
        return False
    return any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve") for c in n.head.children)


def _announcing_fact_sheet(title: str | None) -> bool:
    return bool(title) and bool(FACT_SHEET.search(title)) and not FACT_SHEET_PREVIEW.search(title)


def _present(verb) -> bool:
    """'is imposing', 'are designating', 'imposes': the verb reports what happens now."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in ("is", "are", "am") for c in verb.children)
