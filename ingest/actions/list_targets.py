"""The entries of a designee list are targets of the measure its lead states.

"The following Russia-based entities were designated pursuant to E.O. 14024 for operating ...:" names no
designee itself: its targets are the entries below it (ingest/entities/designee_lists.py finds the lists and
the names opening their entries). A trigger in the lead's last sentence takes the entities those names were
resolved to; its actor and legal basis are read from the lead as for any other sentence, so every entry
joins the measure under the basis its own list cites, and lists under two bases make two measures.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ingest.actions.context import DocContext
from ingest.actions.triggers import Trigger
from ingest.entities.designee_lists import COUNT, NUMBER_WORDS, designee_lists, entry_lines
from ingest.entities.head_words import LEGAL_SUFFIXES
from ingest.extensions import doc_text

# Types a designee can have (not places, countries or the instruments a list cites).
DESIGNEE_TYPES = {"Person", "Company", "Organization", "Authority"}


def list_targets(ctx: DocContext, trig: Trigger, by: list[str]) -> list[str]:
    """Entity ids of the entries of the list the trigger leads: the lines under its sentence when that ends
    with a colon, or the names after a colon later in its own sentence ([] when it leads no list)."""
    out = _inline_entries(ctx, trig, by)
    out += [t for t in _subject_list(ctx, trig, by) if t not in out]
    out += [t for t in _paragraph_designees(ctx, trig, by) if t not in out]
    out += [t for t in _sentence_designees(ctx, trig, by) if t not in out]
    lists = designee_lists(ctx.doc)
    if not lists:
        return out
    start, end = ctx.unit_chars(trig.token)
    # the trigger's sentence is the lead's, or the one a "These are:" lead points back to
    led = [lst for lst in lists if start <= lst.colon <= end + 1 or lst.lead <= trig.token.idx < lst.colon]
    if not led:
        return out
    for s, line_end, _persons in entry_lines(ctx.doc, led):
        for eid in _entry_names(ctx, s, line_end):
            if eid not in by and eid not in out:
                out.append(eid)
    return out


def _entry_names(ctx: DocContext, s: int, end: int) -> list[str]:
    """The designees an entry names before its first verb: the name that opens it, the names joined to it
    ("X Limited Liability Company (X) and Y Limited Liability Company (Y) are ..."), or the names after a
    colon ("21 German companies: A GmbH, B GmbH & Co. KG, ...")."""
    toks = ctx.tokens
    out: list[str] = []
    depth = 0
    colon = False
    for i in range(s, end):
        t = toks[i]
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
        if depth:
            continue
        if t.text == ":" and not colon:
            colon, out = True, []  # the count before the colon ("21 German companies") names nobody
            continue
        m = ctx.mention(i)
        if m is not None and m.token_start == i and ctx.etype(m) in DESIGNEE_TYPES:
            prev = _before(toks, i, s)
            if (i == s or prev in (",", ";", "and", ":") or (colon and prev is None)) and m.entity_id not in out:
                out.append(m.entity_id)
            continue
        if m is None and t.pos_ in ("VERB", "AUX") and t.text.islower():
            break  # "... develops radar systems": the entry's description starts
    return out


def _before(toks: list, i: int, s: int) -> str | None:
    """The word before token i, skipping a bracketed short form ("X (X) and Y"); None at the entry's start."""
    k = i - 1
    while k >= s and toks[k].is_space:
        k -= 1
    if k >= s and toks[k].lower_ == "and":
        return "and"
    if k >= s and toks[k].text == ")":
        return ")"
    return toks[k].text if k >= s else None


PASSIVE_AUX = {"is", "are", "was", "were", "been", "being", "be"}


def _subject_list(ctx: DocContext, trig: Trigger, by: list[str]) -> list[str]:
    """ "Elmec Trade, Kvazar, and Spetsvoltazh were designated pursuant to E.O. 14024 ...": a passive measure
    whose sentence opens with nothing but a list of names; the small parser often hangs all but the last name
    elsewhere, so the list is read from the surface: names, commas, "and", bracketed short forms."""
    toks = ctx.tokens
    i = trig.token.i
    k = i - 1
    while k >= 0 and toks[k].lower_ in PASSIVE_AUX | {"also", "today", "now", "have", "has", "had"}:
        k -= 1
    if k == i - 1 or not trig.is_verb or trig.token.tag_ != "VBN":
        return []
    start, _ = ctx.unit(trig.token)
    while start <= k and toks[start].is_space:
        start += 1
    while 0 < start <= k and toks[start].lower_ in LEGAL_SUFFIXES and "\n" not in toks[start - 1].text:
        start = ctx.unit_start[start - 1]  # the sentence splitter cut "MSE Overseas PTE. | Ltd., ..."
    out: list[str] = []
    short = False  # a name read from a short form the entities left unresolved
    j = start
    depth = 0
    while j <= k:
        t = toks[j]
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth -= 1
        elif depth == 0 and not (t.is_space or t.text in (",", ";", ".") or t.lower_ == "and" or (
                t.lower_ in LEGAL_SUFFIXES and j > start)):  # "PTE. Ltd.": a legal form the name left out
            m = ctx.mention(j)
            if m is None:
                eid, j = _short_form(ctx, j, k + 1)
                short = short or eid is not None
            elif m.token_start == j and ctx.etype(m) in DESIGNEE_TYPES:
                eid, j = m.entity_id, m.token_end
            else:
                eid = None
            if eid is None:
                return []  # something else opens the sentence: not a bare list of names
            if eid not in by and eid not in out:
                out.append(eid)
            continue
        j += 1
    return out if len(out) > 1 or short else []  # a single resolved subject is the role reader's


def _short_form(ctx: DocContext, j: int, end: int) -> tuple[str | None, int]:
    """A capitalised run the entities did not resolve that is a designee's name without its legal form
    ("Elmec Trade" for "Elmec Trade OU (Elmec Trade)"), or the family name of one person of the document and
    no other ("Puriya and Asadollah are being designated ..." after "Mostafa Puriya and Hossein Asadollah
    sell electronics ..."): that designee, and the token after the run."""
    toks = ctx.tokens
    e = j
    while e < end and toks[e].text[:1].isupper() and ctx.mention(e) is None:
        e += 1
    if e == j:
        return None, j
    run = " ".join(t.lower_ for t in toks[j:e])
    family: set[str] = set()
    for rec in ctx.entities.values():
        if rec.type not in DESIGNEE_TYPES:
            continue
        for name in (rec.name, *rec.aliases):
            words = name.lower().replace(",", " ").split()
            while words and words[-1] in LEGAL_SUFFIXES:
                words.pop()
            if words and " ".join(words) == run:
                return rec.id, e
            if rec.type == "Person" and len(words) > e - j and " ".join(words[j - e:]) == run:
                family.add(rec.id)
    return (family.pop(), e) if len(family) == 1 else (None, j)


def _inline_entries(ctx: DocContext, trig: Trigger, by: list[str]) -> list[str]:
    """ "... his family members who are being designated today: Esther Godoy Arellano (mother), Angelberto
    Rincon Godoy (brother), and Moises Gonzalez Anguiano (brother-in-law)": the names that open the colon's
    segment and each item after a comma, semicolon or "and"."""
    toks = ctx.tokens
    _, end = ctx.unit(trig.token)
    # the tokenizer leaves "):" whole after a bracketed short form ("... of Belarus (GUBOPiK): its head, ...")
    colon = next((i for i in range(trig.token.i + 1, end) if toks[i].text in (":", "):")), None)
    if colon is None:
        return []
    first = colon + 1
    while first < len(toks) and toks[first].is_space:
        first += 1
    if first >= end:
        if first >= len(toks) or "\n" in toks[colon].whitespace_ or any("\n" in t.text for t in toks[colon:first]):
            return []  # the colon ends a line: a list under it, read from the lines (designee_lists)
        end = ctx.unit_end[first]  # the parser cut the sentence at the colon
    m = ctx.mention(first)
    if m is None or m.token_start != first or ctx.etype(m) not in DESIGNEE_TYPES:
        if COUNT.search(doc_text(ctx.doc), trig.token.idx, toks[colon].idx) is not None:
            return _counted_entries(ctx, first, end, by)
        return []  # the colon opens a quotation or a clause, not a list of names
    out: list[str] = []
    for i in range(first, end):
        m = ctx.mention(i)
        if m is None or m.token_start != i or ctx.etype(m) not in DESIGNEE_TYPES:
            continue
        prev = toks[i - 1]
        item = i == first or prev.text in (",", ";") or (prev.lower_ == "and" and (
            toks[i - 2].text in (",", ";") or not any(t.text == "," for t in toks[first:i])))
        if item and m.entity_id not in by and m.entity_id not in out:
            out.append(m.entity_id)
    return out


def _counted_entries(ctx: DocContext, first: int, end: int, by: list[str]) -> list[str]:
    """ "OFAC is designating ten senior officials of ... (GUBOPiK): its head, Andrey Parshin; deputies Oleg Larin,
    Denis Chemodanov, and Mikhail Bedunkevich; and divisional leaders ...": after a colon that follows a
    counted group, every name outside brackets is one of the group, whatever post is written before it."""
    toks = ctx.tokens
    out: list[str] = []
    depth = 0
    i = first
    while i < end:
        t = toks[i]
        depth += (t.text == "(") - (t.text == ")")
        m = ctx.mention(i) if depth <= 0 else None
        if m is not None and m.token_start == i and ctx.etype(m) in DESIGNEE_TYPES:
            if m.entity_id not in by and m.entity_id not in out:
                out.append(m.entity_id)
            i = max(i + 1, m.token_end)
            continue
        i += 1
    return out


# "OFAC designated six individuals pursuant to ...": a measure on a counted group the release then describes
# one paragraph per designee. The count, the group's noun: persons, entities, or both.
_NUMBER = (r"(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
           r"sixteen|seventeen|eighteen|nineteen|twenty)")
COUNTED_LEAD = re.compile(
    r"\b" + _NUMBER + r"\s+(?:[\w\u2019'-]+\s+){0,4}?(?:individuals|persons|people|officials|nationals|members|"
    r"leaders|executives|representatives|associates|facilitators|financiers|operatives|entities|companies|firms|"
    r"businesses|organizations|banks|actors|targets)\b", re.I)
# The group's nouns in the lead sentence ("25 actors (10 individuals and 15 entities)", "16 individuals,
# entities, and groups").
GROUP_NOUN = re.compile(r"\b(?:individuals|persons|people|officials|nationals|members|leaders|executives|"
                        r"representatives|associates|facilitators|financiers|operatives|entities|companies|firms|"
                        r"businesses|organizations|banks|groups|actors|targets)\b", re.I)
GROUP_TAIL = re.compile(r"(?:\s*(?:,|\(|\band\b|\d+)\s*(?:and\s+)?(?:\d+\s+)?(?:" + GROUP_NOUN.pattern[5:-3] + r"))*",
                        re.I)
_PERSON_GROUP = {"individuals", "people", "officials", "nationals", "members", "leaders", "executives",
                 "representatives", "associates", "facilitators", "financiers", "operatives"}
_ENTITY_GROUP = {"entities", "companies", "firms", "businesses", "organizations", "banks", "groups"}
_BOTH_GROUP = {"persons", "actors", "targets"}
# The sections that close the description of today's designees.
CLOSING_HEADING = re.compile(r"#+[^\n]*(?:IMPLICATION|PREVIOUS|PRIOR|BACKGROUND|HISTORY)", re.I)
# A paragraph about someone designated before, not today.
EARLIER = re.compile(r"\b(?:previously|already|formerly)\b|\bdesignated (?:on|in) ", re.I)
LEDE_CHARS = 2500  # the counted lead is the release's opening statement


def _paragraph_designees(ctx: DocContext, trig: Trigger, by: list[str]) -> list[str]:
    """The names opening the paragraphs after a lede that designates a counted group ("OFAC designated six
    individuals ...", then "Severo Flores Mendoza (Flores Mendoza) is a corrupt municipal police official ..."),
    up to the section on sanctions implications or earlier actions."""
    tok = trig.token
    if not trig.is_verb or tok.idx > LEDE_CHARS or tok.lemma_.lower() not in ("designate", "sanction"):
        return []
    text = doc_text(ctx.doc)
    end = tok.idx + len(tok.text)
    sent_end = ctx.unit_chars(tok)[1]
    m = COUNTED_LEAD.search(text, end, sent_end)
    if m is None:
        return []
    counted = {g.group(0).lower() for g in GROUP_NOUN.finditer(text, m.start(), sent_end)}
    want: set[str] = set()
    if counted & (_PERSON_GROUP | _BOTH_GROUP):
        want.add("Person")
    if counted & (_ENTITY_GROUP | _BOTH_GROUP):
        want |= {"Company", "Organization"}
    toks = ctx.tokens
    starts = [t.idx for t in toks]
    out: list[str] = []
    para = text.find("\n\n", end)
    while para >= 0:
        at = para + 2
        nxt = text.find("\n\n", at)
        block = text[at:nxt if nxt >= 0 else len(text)]
        para = nxt
        stripped = block.lstrip(" \t\u00a0\n*")
        if stripped.startswith("#"):
            if CLOSING_HEADING.match(stripped):
                break
            continue
        i = bisect_left(starts, at + len(block) - len(stripped))
        if i >= len(toks):
            break
        mention = ctx.mention(i)
        if mention is None or mention.token_start != i or ctx.etype(mention) not in want:
            continue
        if EARLIER.search(text, toks[i].idx, ctx.unit_chars(toks[i])[1]):
            continue
        for eid in _joined_names(ctx, mention, want):
            if eid not in by and eid not in out:
                out.append(eid)
    return out


def group_types(text: str, start: int, end: int) -> set[str]:
    """The entity types a counted group's nouns between two offsets stand for."""
    counted = {g.group(0).lower() for g in GROUP_NOUN.finditer(text, start, end)}
    want: set[str] = set()
    if counted & (_PERSON_GROUP | _BOTH_GROUP):
        want.add("Person")
    if counted & (_ENTITY_GROUP | _BOTH_GROUP):
        want |= {"Company", "Organization"}
    return want


def _sentence_designees(ctx: DocContext, trig: Trigger, by: list[str]) -> list[str]:
    """ "TFTC members designated six individuals connected to ... Boko Haram. Abdurrahman Ado Musa, Salihu
    Yusuf Adamu, ..., and Surajo Abubakar Muhammad were found guilty of ...", "Today's action also targets
    four China-based DPRK WMD representatives ... . Sim Kwang Sok is a Dalian-based chief representative ...
    Kim Song Hun is ...": a measure on a counted group its own sentence does not name; the sentences after it
    in the paragraph that open with names of the group's type name its members, as many as it counts."""
    tok = trig.token if trig.is_verb else trig.token.head  # "Today's action also targets four ..."
    if tok.lemma_.lower() not in ("designate", "sanction", "target"):
        return []
    text = doc_text(ctx.doc)
    sent_end = ctx.unit_chars(tok)[1]
    m = COUNTED_LEAD.search(text, tok.idx + len(tok.text), sent_end)
    if m is None:
        return []
    word = m.group(0).split()[0].lower()
    n = int(word) if word.isdigit() else NUMBER_WORDS.get(word, 0)
    # the group's own nouns ("six individuals", "16 individuals, entities, and groups"), not later ones
    want = group_types(text, m.start(), GROUP_TAIL.match(text, m.end()).end())
    toks = ctx.tokens
    _, i = ctx.unit(tok)
    if not n or not want or any(
            (mm := ctx.mention(k)) is not None and ctx.etype(mm) in want for k in range(tok.i + 1, i)):
        return []  # the measure's sentence names its designees itself
    para_end = text.find("\n\n", sent_end)
    para_end = len(text) if para_end < 0 else para_end
    out: list[str] = []
    while i < len(toks) and toks[i].idx < para_end and len(out) < n:
        if toks[i].is_space:
            i += 1
            continue
        first = ctx.mention(i)
        if first is not None and first.token_start == i and ctx.etype(first) in want and not EARLIER.search(
                text, toks[i].idx, ctx.unit_chars(toks[i])[1]):
            out += [e for e in _joined_names(ctx, first, want) if e not in by and e not in out]
        i = max(i + 1, ctx.unit_end[i])
    return out[:n]


def _joined_names(ctx: DocContext, first, want: set[str]) -> list[str]:
    """The name opening a paragraph and those joined to it ("Chuen Fat Yip and Wuhan Yuancheng Gongchuang
    Technology Co. Ltd.: ...", "X (X), Y, and Z are ..."), skipping bracketed short forms."""
    toks = ctx.tokens
    out = [first.entity_id]
    j = first.token_end
    n = len(toks)
    while j < n:
        if toks[j].text == "(":
            close = next((k for k in range(j + 1, min(n, j + 12)) if toks[k].text == ")"), None)
            if close is None:
                break
            j = close + 1
            continue
        if toks[j].text == "," or toks[j].lower_ == "and":
            j += 1
            continue
        m = ctx.mention(j)
        if m is None or m.token_start != j or ctx.etype(m) not in want or toks[j - 1].text not in (",", "and"):
            break
        out.append(m.entity_id)
        j = m.token_end
    return out
