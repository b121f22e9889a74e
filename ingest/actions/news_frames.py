"""Frames of the news genre that the trigger-centred reading misses: measures told in the passive with no
actor in the sentence ("X was targeted with an asset freeze and a travel ban on Thursday", "Y was also
targeted, as was Z"), list additions counted but not named ("the package adds 69 new individuals and 47
entities to the European sanctions list"), and measures denied by the frame ("the measures stop short of a
ban on LNG imports").

A passive news measure takes its actor from the document: the actor of the nearest measure read before it
(the headline "X sanctioned by UK", the lead "the UK hit a fresh round of oligarchs"). Parallel clauses
("also targeted, as was Z") join the measure of the clause before them.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ingest import dates
from ingest.actions.assemble import Reading
from ingest.actions.context import DocContext
from ingest.actions.dating import action_date
from ingest.actions.package_frames import package_anchor, stops_short  # noqa: F401  (stops_short: for component)
from ingest.actions.screening import SUMMARY

# Verbs a news report uses for a measure taken against a named party, in the passive ("was targeted",
# "was hit with sanctions"); "sanction" itself is a lexicon trigger and read by the generic frames.
PASSIVE_MEASURE_VERBS = {"target", "hit"}
# What "targeted with ..." names: a listing's attached measures make a sanctions-list designation
# (ONTOLOGY: "listing on any government's sanctions list, its attached travel ban included").
LISTING_MEASURES = {"freeze", "ban"}
# Subtree branches that describe a target rather than name another one ("who is the chief executive of X",
# "an industrialist with links to Y").
DESCRIPTIVE_DEPS = {"relcl", "acl", "prep", "poss", "advcl"}
TARGET_TYPES = {"Person", "Company", "Organization", "Authority"}
ACTOR_TYPES = {"Country", "Authority"}
# Openers of a running total ("Since the beginning of 2012, Treasury has imposed sanctions on 22 individuals").
TALLY_WORDS = re.compile(r"\b(?:since|thus far|so far|to date|in total|altogether)\b")


def counted_group(ctx: DocContext, trigger: Token) -> bool:
    """'The UK has imposed sanctions against four "extremist" Israeli settlers': in a report's lede, a measure noun
    aimed at a counted group (a plain numeral, no 'over' / 'more than') is the measure of the day, not a sum."""
    if trigger.pos_ != "NOUN":
        return False
    s, e = ctx.unit(trigger)
    if s != lede_unit(ctx):
        return False  # further down, "Treasury has imposed sanctions on 22 individuals" sums up a campaign
    if SUMMARY.search(text := ctx.doc[s:e].text.lower()) or TALLY_WORDS.search(text):
        return False  # "over the last year ... on 120 individuals": a tally all the same
    for prep in trigger.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("against", "on"):
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            nums = [c for c in obj.children if c.dep_ == "nummod"]
            if nums and not any(c.dep_ in ("quantmod", "advmod") for n in nums for c in n.children):
                return True
    return False


def news_readings(ctx: DocContext, earlier: list[Reading], base: str | None) -> list[Reading]:
    """Readings of the passive and list-count frames of news texts (see the module docstring)."""
    out: list[Reading] = []
    cands: list[Span] | None = None
    for tok in ctx.doc:
        lemma = tok.lemma_.lower()
        if lemma in PASSIVE_MEASURE_VERBS and tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children):
            reading = _passive_measure(ctx, tok, earlier + out, base, cands := cands or _date_spans(ctx))
        elif lemma == "add" and tok.pos_ == "VERB":
            reading = _counted_listing(ctx, tok, earlier + out, base, cands := cands or _date_spans(ctx))
        else:
            continue
        if reading is not None:
            out.append(reading)
    return out


def _date_spans(ctx: DocContext) -> list[Span]:
    from ingest.actions.dating import date_spans

    return date_spans(ctx)


def _passive_measure(ctx: DocContext, verb: Token, earlier: list[Reading], base: str | None,
                     cands: list[Span]) -> Reading | None:
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    targets = [t for s in subjects for t in _named(ctx, s)]
    for clause in verb.children:  # "..., as was Mr Putin's right-hand man Igor Sechin"
        if clause.dep_ == "advcl" and clause.lemma_ == "be" and any(
                m.dep_ == "mark" and m.lower_ == "as" for m in clause.children):
            targets += [t for s in clause.children if s.dep_ == "nsubj" for t in _named(ctx, s)]
    targets = list(dict.fromkeys(targets))
    if not targets:
        return None
    start = ctx.unit_chars(verb)[0]
    before = [r for r in earlier if r.evidence[0] < start and r.by and r.status == "enacted"]
    prior = max(before, key=lambda r: r.evidence[0], default=None)
    if prior is None or not all(ctx.etype_of(b) in ACTOR_TYPES for b in prior.by):
        return None  # no actor this news report credits with its measures
    means = [w for p in verb.children if p.dep_ == "prep" and p.lower_ == "with"
             for o in p.children if o.dep_ == "pobj" for w in [o, *o.conjuncts]]
    also = any(c.dep_ == "advmod" and c.lower_ == "also" for c in verb.children)
    if any(w.lemma_.lower() in LISTING_MEASURES for w in means):
        kind = "designation"
    elif also and not means:
        kind = prior.kind  # "X was also targeted": the measure told just before
    else:
        kind = "sanction"  # "targeted with sanctions", "hit": a foreign measure named only as sanctions
    # "targeted with an asset freeze and a travel ban on Thursday": the date the parser hangs on the
    # measure noun dates the measure
    date, expr = action_date(ctx, means[-1] if means else verb, verb if means else None, cands, base,
                             prefer_future=False, present_default=False)
    if date is None and expr is None and also and not means:
        date = prior.date
    return Reading(kind=kind, status="enacted", by=list(prior.by), targets=targets, under=[], date=date,
                   evidence=ctx.unit_chars(verb), token_i=verb.i, date_expr=expr)


def _counted_listing(ctx: DocContext, verb: Token, earlier: list[Reading], base: str | None,
                     cands: list[Span]) -> Reading | None:
    """'The package adds 69 new individuals and 47 entities to the European sanctions list'."""
    lists = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "to"
             for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() == "list"]
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    for o in objs:  # the parser may hang "to the list" on the last conjunct of the object
        lists += [g for c in o.conjuncts for p in c.children if p.dep_ == "prep" and p.lower_ == "to"
                  for g in p.children if g.dep_ == "pobj" and g.lemma_.lower() == "list"]
    if not lists or not objs:
        return None
    kind = "designation"
    if not any(c.lemma_.lower() in ("sanction", "sanctions") for lst in lists for c in lst.children):
        # "added 31 new entities to the list of those subject to tighter export restrictions": a trade list
        if not any(w.lower_ in ("export", "exports") for lst in lists for w in lst.subtree):
            return None
        kind = "entity_listing"
    if not any(c.dep_ == "nummod" for o in objs for w in [o, *o.conjuncts] for c in w.children):
        return None  # named additions are read by the generic list frames
    targets = [t for o in objs for w in [o, *o.conjuncts] for t in _named(ctx, w)]
    by = [m.entity_id for s in verb.children if s.dep_ == "nsubj"
          for m in ctx.mentions_in(range(s.left_edge.i, s.right_edge.i + 1)) if ctx.etype(m) in ACTOR_TYPES]
    if not by:
        by = _bundle_actor(ctx, [s for s in verb.children if s.dep_ == "nsubj"])
    if not by:
        start = ctx.unit_chars(verb)[0]
        before = [r for r in earlier if r.evidence[0] < start and r.by]
        prior = max(before, key=lambda r: r.evidence[0], default=None)
        if prior is not None and all(ctx.etype_of(b) in ACTOR_TYPES for b in prior.by):
            by = list(prior.by)
        else:
            pkg = package_anchor(ctx, base)  # "The Council also added 31 new entities ...": the package's actor
            if pkg is None:
                return None
            by = list(pkg.by)
    date, expr = action_date(ctx, verb, None, cands, base, prefer_future=False, present_default=False)
    if date is None and expr is None and verb.tag_ in ("VBZ", "VBP") and dates.to_date(base):
        date = dates.to_date(base).isoformat()  # "the package adds ...": taken as the report appears
    return Reading(kind=kind, status="enacted", by=by, targets=targets, under=[], date=date,
                   evidence=ctx.unit_chars(verb), token_i=verb.i, date_expr=expr)


def _bundle_actor(ctx: DocContext, subjects: list[Token]) -> list[str]:
    """'The package adds ...': the actor of the first clause that adopts, imposes or announces a bundle of
    that name ('EU adopts 14th sanctions package against Russia')."""
    nouns = {s.lemma_.lower() for s in subjects if s.pos_ == "NOUN"}
    if not nouns:
        return []
    for tok in ctx.doc:
        if tok.lemma_.lower() in nouns and tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ == "VERB":
            role = "nsubj" if tok.dep_ == "dobj" else "agent"
            for s in tok.head.children:
                if s.dep_ != role:
                    continue
                span = range(s.left_edge.i, s.right_edge.i + 1)
                found = [m.entity_id for m in ctx.mentions_in(span) if ctx.etype(m) in ACTOR_TYPES
                         and not ctx.is_possessor(m)]
                if found:
                    return found
    return []


def _named(ctx: DocContext, head: Token) -> list[str]:
    """Entities named by a noun phrase, its appositions included, its descriptions (relative clauses,
    prepositional phrases, possessors) left out."""
    keep: list[int] = []
    stack = [head]
    while stack:
        t = stack.pop()
        keep.append(t.i)
        stack.extend(c for c in t.children if c.dep_ not in DESCRIPTIVE_DEPS)
    out = []
    for m in ctx.mentions_in(sorted(keep)):
        if ctx.etype(m) in TARGET_TYPES and not ctx.is_possessor(m) and m.entity_id not in out:
            out.append(m.entity_id)
    return out


def date_lede_perfects(ctx: DocContext, readings: list[Reading], base: str | None) -> None:
    """'The UK has imposed sanctions against four settlers': an active present perfect in a report's lede
    (its first sentence that has a subject, headings and bylines aside) states the news of the day, so the
    measure takes the publication date (ONTOLOGY: "has added" takes the publication date). A main-clause
    perfect further down may restate an earlier measure and stays undated."""
    day = dates.to_date(base)
    if day is None:
        return
    lede = lede_unit(ctx)
    if lede is None:
        return
    for r in readings:
        if r.date is not None or r.date_expr is not None or r.status != "enacted":
            continue
        tok = ctx.doc[r.token_i]
        if ctx.unit_start[tok.i] != lede:
            continue
        verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
        if verb.pos_ != "VERB" or verb.tag_ != "VBN" or verb.dep_ != "ROOT":
            continue
        aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
        if aux & {"has", "have"} and not any(c.dep_ == "auxpass" for c in verb.children):
            r.date = day.isoformat()


SENTENCE_ENDS = {".", "!", "?", "\"", "\u201d", "'", "\u2019", ")"}


def lede_unit(ctx: DocContext) -> int | None:
    """Start of the first unit with a subject and a finite verb that is no heading ('# ...') or byline."""
    s, n, text = 0, len(ctx.tokens), ctx.doc.text
    while s < n:
        start, first, nxt = s, ctx.tokens[s], ctx.unit_end[s]
        unit = ctx.tokens[s:nxt]
        s = nxt
        if first.text.startswith("#") or first.text in ("*", "_") or first.lower_ == "by":
            continue
        if text[text.rfind("\n", 0, first.idx) + 1:first.idx].lstrip().startswith("#"):
            continue  # the second sentence of a heading ("# X announces sanctions. This is what ...")
        last = next((t for t in reversed(unit) if not t.is_space), None)
        after = last.idx + len(last) if last is not None else 0
        if last is not None and last.text not in SENTENCE_ENDS and "\n" in text[after:after + 3]:
            continue  # a standfirst under the headline ("Travel bans and asset freezes imposed over ..."): no full stop
        if any(t.dep_ in ("nsubj", "nsubjpass") and t.head.tag_ in ("VBZ", "VBP", "VBD") or (
                t.dep_ == "aux" and t.tag_ in ("VBZ", "VBP", "VBD")) for t in unit):
            return start
    return None


def subject_to_targets(ctx: DocContext, readings: list[Reading]) -> None:
    """'North Korea's Munitions Industry Department is also subject to UN Security Council sanctions': the
    copular subject of 'subject to <measure>' is its target."""
    for r in readings:
        if r.targets or not r.by:
            continue
        tok = ctx.doc[r.token_i]
        prep = tok.head
        adj = prep.head
        if tok.dep_ != "pobj" or prep.lower_ != "to" or adj.lower_ != "subject" or adj.dep_ != "acomp":
            continue
        found = [t for s in adj.head.children if s.dep_ == "nsubj" for t in _named(ctx, s) if t not in r.by]
        r.targets = found


# Kinds a headline's generic "sanctioned" may stand for when the body names the measure.
SANCTION_FAMILY = {"designation", "asset_freeze"}


def headline_kinds(ctx: DocContext, readings: list[Reading]) -> None:
    """'# Roman Abramovich sanctioned by UK ...' over 'Mr Abramovich was targeted with an asset freeze and a
    travel ban': the headline's generic sanction is the body's measure (same actor, same target), so it takes
    that measure's kind and is reported as one action with it."""
    for r in readings:
        if r.kind != "sanction" or not r.targets or not ctx.doc[ctx.unit_start[r.token_i]].text.startswith("#"):
            continue
        body = [o for o in readings if o is not r and o.kind in SANCTION_FAMILY and set(o.by) & set(r.by)
                and set(o.targets) & set(r.targets) and not ctx.doc[ctx.unit_start[o.token_i]].text.startswith("#")]
        if body:
            r.kind = body[0].kind
            if r.date is None:
                r.date = body[0].date
