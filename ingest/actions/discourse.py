"""Readings tied across sentences: 'these companies' and 'them' after a trigger point back to the names of the
sentences before; a summary ('two serious actions this week to sanction China') gives its actor and target to
the measures told next; 'This includes ...' lists the targets or the items of the measure before.
"""

from __future__ import annotations

from ingest.actions.assemble import Reading
from ingest.actions.context import DocContext
from ingest.actions.roles import ACTOR_TYPES
from ingest.actions.triggers import Trigger
from ingest.extensions import doc_text

# "these companies" -> the Company mentions just before; "these individuals" -> Person mentions.
DEMONSTRATIVE_CLASSES = {
    "company": {"Company"}, "firm": {"Company"}, "business": {"Company"}, "bank": {"Company"},
    "entity": {"Company", "Organization"}, "organization": {"Organization"}, "group": {"Organization"},
    "individual": {"Person"}, "person": {"Person", "Company", "Organization"}, "official": {"Person"},
    "people": {"Person"}, "leader": {"Person"}, "vessel": {"Company"},
}
# What a sentence-initial passive "they" ("Today, they were sanctioned") can point back to.
THEY_TYPES = {"Company", "Organization", "Person"}


def demonstrative_targets(ctx: DocContext, trig: Trigger) -> list[str]:
    """'ban exports to and imports from these companies', '... by delisting them': the named
    companies (entities, individuals) of the preceding sentences. Only demonstratives and 'them'
    right after the trigger are read; the antecedents are the mentions of the matching types in the
    nearest run of preceding sentences that has any."""
    toks = ctx.tokens
    s, e = ctx.unit(trig.token)
    types: set[str] | None = None
    nearest_only = False
    count = 0  # "both of those entities": how many of the nearest names
    paragraph = False  # the names of the whole paragraph so far, not only of the nearest sentence
    if trig.is_verb:
        # "All surveillance companies in Xinjiang should be placed on the entity list": a quantified
        # passive subject of a class noun points back like "these companies"
        for subj in (c for c in trig.token.children if c.dep_ == "nsubjpass"):
            dets = [c.lower_ for c in subj.children if c.dep_ in ("det", "predet")]
            counted = _counted_subject(subj)
            if ctx.mention(subj.i) is None and {"this", "these", "those"} & set(dets) and any(
                    c.dep_ == "conj" and {"this", "these", "those"} & {d.lower_ for d in c.children}
                    for c in subj.children):
                # "This individual and these entities were previously designated under E.O. 13469 in 2008",
                # "These entities and this individual have been designated": the names of the paragraph so far
                types = set().union(*(DEMONSTRATIVE_CLASSES.get(n.lemma_.lower(), set())
                                      for n in [subj, *(c for c in subj.children if c.dep_ == "conj")]))
                paragraph = True
            elif ctx.mention(subj.i) is None and {"all", "these", "those", "such"} & set(dets):
                types = DEMONSTRATIVE_CLASSES.get(subj.lemma_.lower())
            elif counted is not None:
                # "Both of those entities were designated pursuant to ...": the last two named before
                types, count = counted
                nearest_only = True
            elif subj.lower_ == "they" and not _pronoun_has_local_antecedent(ctx, s, subj.i):
                # "A, B, and C were previously identified ... Today, they were sanctioned": the names of
                # the sentence before
                types, nearest_only = THEY_TYPES, True
    subject = _subject_to(trig.token)
    if subject is not None and ctx.mention(subject.i) is None and {"these", "those", "all", "such"} & {
            c.lower_ for c in subject.children if c.dep_ in ("det", "predet")}:
        # "Concurrently, these individuals are now subject to visa restrictions by the Department of State"
        types = DEMONSTRATIVE_CLASSES.get(subject.lemma_.lower())
    for j in range(trig.token.i + 1, min(trig.token.i + 10, e)):
        if types:
            break
        t = toks[j]
        if t.lower_ in ("these", "those") and j + 1 < e:
            types = DEMONSTRATIVE_CLASSES.get(toks[j + 1].lemma_.lower())
        elif t.lower_ == "them" and trig.is_verb:
            types = _them_types(ctx, s, trig.token.i)
        if t.pos_ in ("VERB", "AUX") and t.dep_ == "conj" and t.head.i == trig.token.i:
            continue  # "delisting and deregistering them"
        if types is not None or t.pos_ in ("VERB", "AUX") or t.lower_ in (".", ";"):
            break
    if not types:
        return []
    found: list[str] = []
    text = doc_text(ctx.doc)
    unit_start, gaps = s, 0
    for _ in range(8):
        if unit_start == 0:
            break
        prev_start = ctx.unit_start[unit_start - 1]
        if paragraph and "\n\n" in text[ctx.tokens[prev_start].idx:ctx.tokens[unit_start].idx]:
            break
        hits = [m.entity_id for m in ctx.mentions_in(range(prev_start, unit_start)) if ctx.etype(m) in types]
        if paragraph:
            # "... for providing support to Iran's Mahan Air. These entities and this individual have been
            # designated": the names in a criterion ('for ...') are not the designees
            criteria = [(t.left_edge.i, t.right_edge.i) for t in ctx.tokens[prev_start:unit_start]
                        if t.dep_ == "prep" and t.lower_ == "for"]
            hits = [m.entity_id for m in ctx.mentions_in(range(prev_start, unit_start)) if ctx.etype(m) in types
                    and not any(a <= m.token_start <= b for a, b in criteria)]
            found = [h for h in hits if h not in found] + found  # in text order
            unit_start = prev_start
            continue
        if hits:
            found = [h for h in hits if h not in found] + found  # in text order
            gaps = 0
            if nearest_only and len(found) >= count:  # "both of these companies": as many as the count says
                break
        elif found:
            gaps += 1
            if gaps >= 2:
                break
        unit_start = prev_start
    return found[-count:] if count else found


def points_back(trig: Trigger) -> bool:
    """'these individuals are now subject to visa restrictions', 'These entities were designated': a
    demonstrative subject of the measure (whose names may come only later in the text)."""
    subj = _subject_to(trig.token)
    if subj is None and trig.is_verb:
        subj = next((c for c in trig.token.children if c.dep_ == "nsubjpass"), None)
    return subj is not None and subj.pos_ == "NOUN" and subj.lemma_.lower() in DEMONSTRATIVE_CLASSES and any(
        c.dep_ == "det" and c.lower_ in ("these", "those") for c in subj.children)


def latest_reading(readings: list[Reading], before: int) -> Reading | None:
    """The latest measure with an actor read before token `before`, not a restated earlier one."""
    for r in reversed(readings):
        if r.token_i < before and r.by and not r.anaphoric and not r.background and r.status == "enacted":
            return r
    return None


def _subject_to(tok):
    """'X are (now) subject to <measure>': the subject X of the measure noun's 'subject to'."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "to" or tok.head.head.lower_ != "subject":
        return None
    adj = tok.head.head
    verb = adj.head if adj.dep_ in ("acomp", "amod", "oprd") else None
    if verb is None:
        return None
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


COUNT_WORDS = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5}


def _counted_subject(subj) -> tuple[set[str], int] | None:
    """'Both of those entities', 'the two companies', 'these three individuals': (class, how many)."""
    noun, n = subj, COUNT_WORDS.get(subj.lower_)
    if n is not None:  # "Both of those entities": the quantifier heads the phrase
        noun = next((p for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"
                     for p in c.children if p.dep_ == "pobj"), None)
        if noun is None or not any(d.lower_ in ("these", "those", "the") for d in noun.children):
            return None
    else:
        nums = [c for c in subj.children if c.dep_ == "nummod" and c.lower_ in COUNT_WORDS]
        if not nums or not any(d.lower_ in ("these", "those", "the") for d in subj.children):
            return None
        n = COUNT_WORDS[nums[0].lower_]
    types = DEMONSTRATIVE_CLASSES.get(noun.lemma_.lower())
    return (types, n) if types else None


def _pronoun_has_local_antecedent(ctx: DocContext, start: int, i: int) -> bool:
    """'OFAC named A and B, and they were sanctioned': 'they' points inside its own sentence."""
    return any(ctx.etype(m) in THEY_TYPES for m in ctx.mentions_in(range(start, i)))


def _them_types(ctx: DocContext, start: int, end: int) -> set[str] | None:
    """'them' takes the class of a demonstrative phrase earlier in the same sentence."""
    toks = ctx.tokens
    for j in range(start, end):
        if toks[j].lower_ in ("these", "those") and j + 1 < end:
            cls = DEMONSTRATIVE_CLASSES.get(toks[j + 1].lemma_.lower())
            if cls:
                return cls
    return None


NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "several": 9, "a series of": 9}
SUMMARY_NOUNS = {"action", "step", "measure", "sanction", "move"}
SUMMARY_VERBS = {"take", "announce", "impose", "unveil", "adopt", "roll"}
PURPOSE_VERBS = {"sanction", "punish", "target", "pressure", "penalize", "penalise", "hit"}


def _summaries(ctx: DocContext) -> list[tuple[int, int, list[str], list[str]]]:
    """'the Trump administration has taken two serious actions this week to sanction China': (token index,
    number of measures, actors, targets). The measures reported next are those actions."""
    out = []
    for tok in ctx.tokens:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in SUMMARY_NOUNS:
            continue
        if tok.head.lemma_.lower() not in SUMMARY_VERBS:
            continue
        nums = [c for c in tok.children if c.dep_ == "nummod" and c.lower_ in NUMBER_WORDS]
        if not nums or tok.dep_ != "dobj":
            continue
        verb = tok.head
        by = [m.entity_id for c in verb.children if c.dep_ == "nsubj"
              for m in ctx.mentions_in(t.i for t in c.subtree) if ctx.etype(m) in ACTOR_TYPES]
        targets: list[str] = []
        for c in list(tok.children) + list(verb.children):
            if c.dep_ in ("acl", "advcl", "relcl") and c.lemma_.lower() in PURPOSE_VERBS:
                targets += [m.entity_id for o in c.children if o.dep_ in ("dobj", "nsubjpass")
                            for m in ctx.mentions_in(t.i for t in o.subtree)
                            if ctx.etype(m) in ("Country", "Authority", "Company", "Organization", "Person")]
            if c.dep_ == "prep" and c.lower_ == "to":  # "to sanction China" parsed as a preposition
                targets += [m.entity_id for o in c.children if o.lemma_.lower() in PURPOSE_VERBS
                            for m in ctx.mentions_in(t.i for t in o.subtree if t is not o)
                            if ctx.etype(m) in ("Country", "Authority", "Company", "Organization", "Person")]
            if c.dep_ == "prep" and c.lower_ in ("against", "on"):
                targets += [m.entity_id for m in ctx.mentions_in(t.i for t in c.subtree)
                            if ctx.etype(m) in ("Country", "Authority", "Company", "Organization", "Person")]
        if by and targets:
            out.append((tok.i, NUMBER_WORDS[nums[0].lower_], by, targets))
    return out


def apply_summaries(ctx: DocContext, readings: list[Reading]) -> list[Reading]:
    """The measures that follow a summary ('two serious actions this week to sanction China. The two
    sanctions include X ... On Tuesday, Y ...') are taken by its actor against its target (JUDGMENT_CALLS:
    by = the body named plus the government the text also credits)."""
    for tok_i, n, by, targets in _summaries(ctx):
        end = ctx.unit_end[tok_i]
        for _ in range(4):  # the summary's own sentence and the next few
            if end >= len(ctx.doc):
                break
            end = ctx.unit_end[end]
        kinds: list[str] = []
        for r in readings:
            if not (tok_i < r.token_i < end) or r.anaphoric or r.background or r.status != "enacted" or not r.by:
                continue
            if r.kind not in kinds:
                if len(kinds) >= n:
                    continue
                kinds.append(r.kind)
            r.by += [b for b in by if b not in r.by]
            r.targets += [t for t in targets if t not in r.targets and t not in r.by]
    return readings



INCLUDES_SUBJECTS = {"this", "these", "which"}
# Where an 'includes' list names the measure's targets: the heads of its items, not their modifiers
# ("close Putin associate ... Sergei Roldugin": Roldugin, not Putin).
ITEM_DEPS = {"dobj", "conj", "pobj", "appos", "attr"}


def _includes_verb(tok) -> bool:
    """'This includes ...', 'These include ...': an 'include' whose subject points back."""
    return tok.lemma_.lower() == "include" and tok.pos_ == "VERB" and any(
        c.dep_ == "nsubj" and c.lower_ in INCLUDES_SUBJECTS for c in tok.children)


def included_item(tok) -> bool:
    """'This includes adding 71 parties ... to the Entity List': the gerund is an item of the measure before."""
    return tok.tag_ == "VBG" and tok.dep_ in ("xcomp", "dobj", "ccomp") and _includes_verb(tok.head)


def previous_unit_reading(ctx: DocContext, readings: list[Reading], i: int) -> Reading | None:
    """The latest measure with an actor read in the unit just before token i's own."""
    start = ctx.unit_start[i]
    if start == 0:
        return None
    prev_start = ctx.unit_start[start - 1]
    while prev_start > 0 and all(t.is_space or t.is_punct for t in ctx.tokens[prev_start:start]):
        start = prev_start
        prev_start = ctx.unit_start[start - 1]
    for r in reversed(readings):
        if prev_start <= r.token_i < start and r.by and r.status == "enacted" and not r.background:
            return r
    return None


def previous_unit_subject(ctx: DocContext, i: int) -> list[str]:
    """The public body that is the subject of the main verb of the unit before token i's own."""
    start = ctx.unit_start[i]
    if start == 0:
        return []
    prev_start = ctx.unit_start[start - 1]
    while prev_start > 0 and all(t.is_space or t.is_punct for t in ctx.tokens[prev_start:start]):
        start = prev_start
        prev_start = ctx.unit_start[start - 1]
    for t in ctx.tokens[prev_start:start]:
        if t.dep_ == "nsubj" and t.head.dep_ == "ROOT":
            m = ctx.mention(t.i)
            return [m.entity_id] if m is not None and ctx.etype(m) == "Authority" else []
    return []


def included_targets(ctx: DocContext, readings: list[Reading]) -> list[Reading]:
    """White House fact sheets: 'The Department of the Treasury is targeting prominent Russian government
    officials ... This includes close Putin associate ..., Sergei Roldugin ...; ... Imperial Yachts': the names
    the next sentence lists are the targets of a measure whose own object names none."""
    if not readings:
        return readings
    starts = {r.token_i for r in readings}
    for tok in ctx.tokens:
        if not _includes_verb(tok):
            continue
        s, e = ctx.unit_start[tok.i], ctx.unit_end[tok.i]
        if any(s <= i < e for i in starts):
            continue  # the sentence reports a measure of its own
        prev = previous_unit_reading(ctx, readings, tok.i)
        if prev is None or prev.targets or prev.nominal:
            continue
        while e < len(ctx.tokens) and ctx.tokens[e].text == ";":
            e = ctx.unit_end[e]  # "This includes X, a close associate of Russian officials.; Y ...; and Z"
        for m in ctx.mentions_in(range(tok.i + 1, e)):
            root = ctx.tokens[m.token_end - 1]
            if root.dep_ == "pobj" and root.head.lower_ == "of":
                continue  # "the President of United Aircraft Corporation": the target is the person
            if root.dep_ in ITEM_DEPS and ctx.etype(m) in ("Person", "Company", "Organization") and (
                    m.entity_id not in prev.targets and m.entity_id not in prev.by):
                prev.targets.append(m.entity_id)
    return readings
