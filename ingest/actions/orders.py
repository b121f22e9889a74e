"""Presidential orders: an executive order, proclamation or memorandum is itself a set of measures.

"By the authority vested in me as President ... including the International Emergency Economic Powers Act
..., I hereby order: ... All property and interests in property ... are blocked", "the entry of such
persons ... is hereby suspended", "Executive Order 13894 ... is hereby revoked": the President who signs
the order takes each measure (a blocking designation, an entry suspension, a tariff, a revocation), under
the laws the order cites as its authority, on the date it is published. The operative sentences of an
order are passive or addressed to officials ("The Secretary of the Treasury is authorized to impose ..."),
so the generic trigger reading finds no actor in them; this module reads the order as a whole instead.

Fact sheets about an order ("Today, President Donald J. Trump signed an Executive Order imposing ...",
"The Order imposes new sanctions on ...") name the signer once; `signer` finds him for the clauses whose
subject is "the Order".

Everything here is a handful of regex passes over the document text: linear, compiled once.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ingest.actions.assemble import Reading
from ingest.actions.context import DocContext
from ingest.actions.order_designations import chapter_targets, designation_process_readings
from ingest.extensions import doc_text

_S = r"\s+"
AUTHORITY = re.compile(r"\bby\s+the\s+authority\s+vested\s+in\s+me\s+as\s+president\b", re.I)
# Where the authority clause ends: the order's own voice begins, or the background emergencies it builds on.
AUTHORITY_END = re.compile(
    r"\bI,\s+[A-Z]|\bit\s+is\s+hereby\s+ordered\b|\bI\s+hereby\s+(?:order|proclaim|direct|determine)\b"
    r"|\band\s+in\s+view\s+of\b|\bin\s+order\s+to\b|\bto\s+take\s+additional\s+steps\b|\bI\s+find\b",
    re.I)
SIGNATURE = re.compile(r"\bI,\s+(?P<name>[A-Z][A-Z.\s]+?[A-Z.]),\s+President\s+of\s+the\s+United\s+States")
SIGNED = re.compile(
    r"\bPresident\s+(?P<name>[A-Z][\w.\u2019'-]*(?:\s+[A-Z][\w.\u2019'-]*){0,3})\s+(?:has\s+)?signed\s+"
    r"(?:an?|the|two|three)\s+(?:\w+\s+){0,2}(?:Executive\s+Orders?|Proclamations?|Memorand(?:um|a)|"
    r"National\s+Security\s+Presidential\s+Memorand(?:um|a)|NSPM)")
# The measures an order takes, by kind. Each pattern names the operative formula, not a reference to it
# ("any person whose property and interests in property are blocked pursuant to this order" is a
# reference; "... are blocked and may not be transferred" is the blocking itself).
MEASURES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("designation", re.compile(
        r"\bare" + _S + r"blocked" + _S + r"and" + _S + r"may" + _S + r"not" + _S + r"be" + _S + r"transferred"
        r"|\bblock" + _S + r"all" + _S + r"property" + _S + r"and" + _S + r"interests" + _S + r"in" + _S
        + r"property", re.I)),
    ("visa_restriction", re.compile(
        r"\bentry\b[^.;]{0,400}?\bis" + _S + r"hereby" + _S + r"suspended\b"
        r"|\bhereby" + _S + r"suspend\w*" + _S + r"(?:the" + _S + r")?(?:unrestricted" + _S + r")?entry\b", re.I)),
    ("tariff", re.compile(
        r"\b(?:impose|imposed|imposing|apply|subject\s+to)\b[^.;]{0,200}?\b(?:tariffs?\b|ad\s+valorem\s+"
        r"(?:rate\s+of\s+)?dut(?:y|ies)|additional\s+(?:ad\s+valorem\s+)?dut(?:y|ies))", re.I)),
)
REVOCATION = re.compile(
    r"\b(?:is|are)" + _S + r"hereby" + _S + r"(?:revoked|terminated)\b|\bI" + _S + r"hereby" + _S
    + r"(?:revoke|terminate)\b|\bterminat(?:e|es|ing)" + _S + r"the" + _S + r"[\w\s]{1,30}?sanctions" + _S
    + r"program", re.I)
TITLE_WORDS = re.compile(r"[\w\u2019'.-]+")
# "... Undermine the Sovereignty and Territorial Integrity of Ukraine": the state the order protects.
PROTECTED = re.compile(r"\b(?:sovereignty|integrity|independence|security|support|supporting|people|citizens|"
                       r"allies|partners|defense|defence) (?:of|for|to) (?:the )?$")
US_NAMES = {"united states", "u.s.", "us", "usa", "america", "united states of america"}


@dataclass
class Order:
    president: list[str]  # entity ids: the signer, and the United States
    under: list[str]
    targets: list[str]


def is_order(text: str) -> bool:
    return AUTHORITY.search(text[:6000]) is not None


def _token_at(ctx: DocContext, char: int, starts: list[int]) -> int:
    return max(0, bisect_right(starts, char) - 1)


def _person_named(ctx: DocContext, name: str) -> str | None:
    """The Person entity whose name or alias matches `name` ('JOSEPH R. BIDEN JR.', 'Donald J. Trump')."""
    want = {w for w in re.findall(r"[a-z]+", name.lower()) if len(w) > 2 and w not in ("jr", "sr")}
    best = None
    for rec in ctx.entities.values():
        if rec.type != "Person":
            continue
        words = {w for n in [rec.name, *rec.aliases] for w in re.findall(r"[a-z]+", n.lower()) if len(w) > 2}
        overlap = len(want & words)
        if overlap and (best is None or overlap > best[0]):
            best = (overlap, rec.id)
    return best[1] if best else None


def _country_us(ctx: DocContext) -> str | None:
    for rec in ctx.entities.values():
        if rec.type == "Country" and {n.lower() for n in [rec.name, *rec.aliases]} & US_NAMES:
            return rec.id
    return None


def signer(ctx: DocContext) -> str | None:
    """The President who signs the order: 'I, JOSEPH R. BIDEN JR., President ...', the signature line at
    the end, or a fact sheet's 'President Donald J. Trump signed an Executive Order'."""
    text = doc_text(ctx.doc)
    m = SIGNATURE.search(text) or SIGNED.search(text)
    if m:
        pid = _person_named(ctx, m["name"])
        if pid:
            return pid
    if is_order(text):
        tail_start = max(0, len(text) - 600)
        for mention in ctx.doc._.pg_mentions or []:
            if mention.start >= tail_start and ctx.etype_of(mention.entity_id) == "Person":
                return mention.entity_id
    return None


def _authority_laws(ctx: DocContext, text: str) -> list[str]:
    """The Law entities the authority clause cites, without the parenthesised citations that only repeat
    a statute ('(50 U.S.C. 1701 et seq.)')."""
    m = AUTHORITY.search(text[:6000])
    if m is None:
        return []
    end_m = AUTHORITY_END.search(text, m.end(), m.end() + 3000)
    end = end_m.start() if end_m else min(len(text), m.end() + 1500)
    out: list[str] = []
    laws = [x for x in ctx.doc._.pg_mentions or [] if m.start() <= x.start < end and ctx.etype_of(x.entity_id) == "Law"]
    for mention in laws:
        if _nested(mention, laws):
            continue  # "section 212(f) of the Immigration and Nationality Act": the section is the basis, not the Act
        before = text[max(m.start(), mention.start - 3):mention.start].rstrip(" *_")
        if before.endswith("("):
            continue
        rec = ctx.record(mention.entity_id)
        if rec is None or mention.entity_id in out:
            continue
        out.append(mention.entity_id)
    return out


def _order_law(ctx: DocContext) -> str | None:
    """The Law the order heading the document is ('Imposing Sanctions on the International Criminal Court'):
    the Law entity named by the document's title."""
    title = " ".join((ctx.doc._.title or "").split()).lower()
    if not title:
        return None
    for rec in ctx.entities.values():
        if rec.type == "Law" and any(" ".join(n.split()).lower() == title for n in [rec.name, *rec.aliases]):
            return rec.id
    return None


def _nested(mention, laws: list) -> bool:
    """The Law mention lies inside a longer Law mention (an act named inside the citation of its section)."""
    return any(o is not mention and o.start <= mention.start and mention.end <= o.end and (o.end - o.start) > (
        mention.end - mention.start) for o in laws)


ANNEX = re.compile(r"^\W*annex\b", re.I | re.M)
ANNEX_TYPES = ("Person", "Company", "Organization")


def _annex_targets(ctx: DocContext, text: str, exclude: set[str]) -> list[str]:
    """'ANNEX  1. Karim Khan, Prosecutor of the ICC.': the persons and bodies an order's annex lists by name."""
    heads = list(ANNEX.finditer(text))
    m = heads[-1] if heads else None  # the last heading: the annex follows the signature
    if m is None or m.start() < len(text) // 2:
        return []
    out: list[str] = []
    for mention in ctx.doc._.pg_mentions or []:
        if mention.start >= m.end() and ctx.etype_of(mention.entity_id) in ANNEX_TYPES and (
                mention.entity_id not in out and mention.entity_id not in exclude):
            out.append(mention.entity_id)
    return out


def _title_targets(ctx: DocContext, exclude: set[str]) -> list[str]:
    """The states, bodies, firms and people an order's title names ('Blocking Property With Respect to
    the Situation in Burma', 'Imposing Sanctions on the International Criminal Court')."""
    title = ctx.doc._.title or ""
    if not title:
        return []
    low = " " + " ".join(TITLE_WORDS.findall(title.lower().replace("\u00a0", " "))) + " "
    out: list[str] = []
    for rec in ctx.entities.values():
        if rec.id in exclude or rec.type in ("Law",) or rec.type not in (
                "Country", "Authority", "Organization", "Company", "Person", "Place"):
            continue
        names = {n.lower() for n in [rec.name, *rec.aliases]}
        if names & US_NAMES:
            continue
        for n in names:
            words = " ".join(TITLE_WORDS.findall(n))
            at = low.find(f" {words} ")
            if len(words) >= 4 and at >= 0 and not PROTECTED.search(low[:at + 1]):
                out.append(rec.id)
                break
    return out


def order_readings(ctx: DocContext, published: str | None) -> list[Reading]:
    """The measures of a presidential order, one reading per kind (evidence: the first operative
    sentence of that kind)."""
    text = doc_text(ctx.doc)
    if not is_order(text):
        return []
    president = signer(ctx)
    us = _country_us(ctx)
    by = [x for x in (president, us) if x]
    if not by:
        return []
    # The authority clause cites the laws the whole order rests on: each measure of the order keeps them all
    # (ONTOLOGY: one measure citing several instruments keeps them all in `under`).
    laws = _authority_laws(ctx, text)
    named = _annex_targets(ctx, text, set(by))
    targets = _title_targets(ctx, set(by)) + named
    targets = [t for i, t in enumerate(targets) if t not in targets[:i]]
    starts = [t.idx for t in ctx.doc]
    out: list[Reading] = []
    title = (ctx.doc._.title or "").lower()
    lifting = bool(re.search(r"\b(?:revocation|revoking|terminating|termination|lifting)\b", title))

    def add(kind: str, status: str, char: int, under: list[str]) -> None:
        tok = ctx.tokens[_token_at(ctx, char, starts)]
        out.append(Reading(kind=kind, status=status, by=list(by), targets=list(targets), under=list(under),
                           date=published, evidence=ctx.unit_chars(tok), token_i=tok.i))

    own = _order_law(ctx)
    if not lifting:
        # the order is itself the instrument its measures are taken under (a revocation keeps the laws it cites)
        taken_under = [own, *(x for x in laws if x != own)] if own else laws
        for kind, pat in MEASURES:
            m = pat.search(text)
            if m is None:
                continue
            if kind == "designation" and not named:
                kind = "sanction"  # blocking with no one named in it: the start of a sanctions programme
            add(kind, "enacted", m.start(), taken_under)
    m = REVOCATION.search(text)
    if m is not None and (lifting or not out):
        add("sanction", "lifted", m.start(), laws)
    if not out and not lifting:
        # "This order creates a process by which ... will be designated as Foreign Terrorist Organizations"
        own_first = [own, *(x for x in laws if x != own)] if own else laws
        out += designation_process_readings(ctx, text, by, targets + chapter_targets(ctx, targets), own_first,
                                            published)
    return out
