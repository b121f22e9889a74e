"""The date of one action: the date expression nearest its trigger, resolved against the publication date."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ingest import dates
from ingest.actions.context import DocContext

MAX_DISTANCE = 25  # tokens; beyond that a date in the sentence describes something else
# Sentence openers that place a measure right after (or with) the one the sentence before dates.
# Nouns the parser makes heads of a date that are no event of their own ("pursuant to X on June 26, 2014",
# with "pursuant" tagged as a noun; "an SDNT under the Kingpin Act in 2014").
# nouns a measure's date may hang on that are no event of their own (what a target is designated as:
# "designated ... as targets of independent sanctions on Dec. 17")
NOT_EVENTS = {"pursuant", "accordance", "sdn", "sdnt", "sdgt", "fto", "trafficker", "terrorist", "target", "targets"}
SEQUEL_ADVERBS = {"subsequently", "simultaneously", "concurrently", "thereafter"}


def date_spans(ctx: DocContext) -> list[Span]:
    """spaCy DATE entities that are not part of a Law's name ("Executive Order 13224", "Act, 2019")."""
    out = []
    for ent in ctx.doc.ents:
        if ent.label_ != "DATE":
            continue
        if any((m := ctx.mention(i)) is not None and ctx.etype(m) == "Law" for i in range(ent.start, ent.end)):
            continue
        if _dates_an_instrument(ctx, ent):
            continue
        out.append(ent)
    return out


def _dates_an_instrument(ctx: DocContext, ent: Span) -> bool:
    """'Executive Order 13850 of November 1, 2018', 'Proclamation 8693 of July 24, 2011': the date of the
    instrument cited, not of the measure reported."""
    toks = ctx.tokens
    j = ent.start - 1
    if j < 1 or toks[j].lower_ != "of":
        j = ent.start  # the tagger may take "of" into the DATE entity
        if toks[j].lower_ != "of":
            return False
    prev = toks[j - 1]
    m = ctx.mention(prev.i)
    return (m is not None and ctx.etype(m) == "Law") or (prev.like_num and j >= 2 and toks[j - 2].lower_ in (
        "order", "proclamation", "memorandum", "directive"))


def _dates_other_event(ctx: DocContext, ent: Span, anchors: list[Token]) -> bool:
    """'in response to Russia's invasion of Ukraine on February 24, 2022': the date belongs to another
    event noun, not to the measure. A name is no event: in 'designated La Oficina as an SDNT pursuant to
    the Kingpin Act on June 26, 2014' the parser hangs the date on 'Act', yet it dates the designation."""
    root = ent.root
    if _time_frame(root.head):
        return False  # "detained during the November 2019 protests": the event's date frames the measure
    if _in_law_clause(ctx, root, anchors):
        return True
    if root.dep_ in ("nummod", "compound", "amod", "nmod", "poss") and root.head.pos_ in ("NOUN", "PROPN") and (
            root.head.lower_ not in NOT_EVENTS) and (
            root.head not in anchors and root.head.i > root.i and ctx.mention(root.head.i) is None) and not any(
            _governs(root.head, a) for a in anchors):
        # "attempts to influence the 2020 U.S. presidential election": the year of the election (not "the
        # January 2015 unsealing of an indictment", whose noun carries the measure)
        return True
    prep = root.head
    if prep.dep_ != "prep" or prep.pos_ != "ADP":
        return False
    owner = prep.head
    if owner.pos_ in ("VERB", "AUX") and owner not in anchors and _temporal_clause(owner) and not any(
            owner.left_edge.i <= a.i <= owner.right_edge.i for a in anchors):
        return True  # "After delaying new sanctions since taking office in January, ...": the date of taking office
    return owner.pos_ == "NOUN" and owner not in anchors and ctx.mention(owner.i) is None and (
        owner.lower_ not in NOT_EVENTS)


# Words that open a clause telling another time than the measure's: "since taking office in January".
TIME_CLAUSE_WORDS = {"since", "after", "before", "upon", "until", "when", "while", "following"}


def _temporal_clause(verb: Token) -> bool:
    """The verb heads a clause opened by a temporal preposition or conjunction ('since taking office',
    'after he was elected')."""
    if verb.dep_ == "pcomp" and verb.head.lower_ in TIME_CLAUSE_WORDS:
        return True
    return verb.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in TIME_CLAUSE_WORDS
                                        for c in verb.children)


def _in_law_clause(ctx: DocContext, tok: Token, anchors: list[Token]) -> bool:
    """'designated Bank Rossiya pursuant to E.O. 13661, which was signed by President Obama on March 16, 2014':
    a date inside a relative clause on a cited instrument dates the instrument, not the measure (unless
    the measure is read from that clause)."""
    for _ in range(5):
        if tok.head is tok:
            return False
        if tok.dep_ in ("relcl", "acl"):
            m = ctx.mention(tok.head.i)
            if m is None or ctx.etype(m) != "Law":
                return False
            lo, hi = tok.left_edge.i, tok.right_edge.i
            return not any(lo <= a.i <= hi for a in anchors)
        tok = tok.head
    return False


def _time_frame(event: Token) -> bool:
    """The event noun is the time frame of the clause: 'during the November 2019 protests', 'in the lead up to
    Nicaragua's November 2021 sham elections', 'ahead of the 2020 elections'."""
    if event.dep_ != "pobj":
        return False
    prep = event.head
    if prep.lower_ in ("during", "amid", "amidst"):
        return True
    if prep.lower_ == "to" and prep.head.lower_ in ("up", "run-up", "lead-up", "lead", "run"):
        return True  # "in the lead up to": the parser hangs "to" on "lead" or on "up"
    return prep.lower_ == "of" and prep.head.lower_ == "ahead"


def _governing_verb(trigger: Token) -> Token | None:
    """The verb an infinitive trigger depends on: 'took action ... to designate' -> took."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children):
        return None
    up = trigger.head
    if up.pos_ in ("NOUN", "PROPN") and up.dep_ in ("dobj", "nsubjpass", "pobj"):
        up = up.head
    return up if up.pos_ in ("VERB", "AUX") and up.i != trigger.i else None


def _reason_spans(anchors: list[Token]) -> list[tuple[int, int]]:
    """The 'for having ...' / 'for being ...' clauses of the measure: the designation criteria."""
    out = []
    for a in anchors:
        for c in a.children:
            if c.dep_ == "prep" and c.lower_ == "for" and c.i > a.i:
                out.append((c.i, c.right_edge.i))
    return out


def _criterion_date(ctx: DocContext, ent: Span, reasons: list[tuple[int, int]]) -> bool:
    """'designated ... for being leaders or officials of the Government of Burma on or after February 2, 2021',
    'for having engaged in censorship ... on or after June 12, 2009': a date of the criteria, not of the measure."""
    if any(a <= ent.start and ent.end - 1 <= b for a, b in reasons):
        return True
    toks = ctx.tokens
    j = ent.start - 1
    if j >= 0 and toks[j].lower_ == "on":  # the tagger may leave "on" out of the entity
        j -= 1
    before = " ".join(t.lower_ for t in toks[max(0, j - 2):j + 1])
    return before.endswith("on or after") or before.endswith("or after") or ent.text.lower().startswith("on or after")


def _governs(noun: Token, tok: Token) -> bool:
    """'the unsealing of an indictment': the noun is the head of the measure's own 'of' phrase."""
    for _ in range(3):
        if tok.head is tok:
            return False
        tok = tok.head
        if tok.i == noun.i:
            return True
        if tok.pos_ in ("VERB", "AUX"):
            return False
    return False


def _linked(ent: Span, anchors: list[Token]) -> bool:
    tok, hops = ent.root, 0
    while hops < 4 and tok.head is not tok:
        tok, hops = tok.head, hops + 1
        if tok in anchors:
            return True
    return False


def action_date(
    ctx: DocContext,
    trigger: Token,
    head_verb: Token | None,
    candidates: list[Span],
    base: str | None,
    prefer_future: bool,
    present_default: bool,
    restated: bool = False,
) -> tuple[str | None, str | None]:
    """(resolved date or None, the date expression read when it could not be resolved, or None)."""
    anchors = [trigger] + ([head_verb] if head_verb is not None else [])
    up = _governing_verb(trigger)
    if up is not None and all(a.i != up.i for a in anchors):
        anchors.append(up)  # "Today, OFAC took action ... to designate key individuals": the governor's date
    s, e = ctx.unit(trigger)
    reasons = _reason_spans(anchors)
    scored = []
    for ent in candidates:
        if ent.start < s or ent.end > e:
            continue
        if _dates_other_event(ctx, ent, anchors) or _criterion_date(ctx, ent, reasons):
            continue
        dist = min(min(abs(a.i - ent.start), abs(a.i - (ent.end - 1))) for a in anchors)
        if dist > MAX_DISTANCE:
            continue
        if _linked(ent, anchors):
            dist -= 10
        scored.append((dist, ent.start, ent))
    unresolved = None
    for _, _, ent in sorted(scored, key=lambda x: (x[0], x[1])):
        if ent.text.strip().isdigit() and len(ent.text.strip()) != 4:
            continue  # "13224", "(see 2007310028)": numbers the tagger took for dates
        value = dates.resolve(ent.text, base, prefer_future=prefer_future)
        if value:
            return value, None
        if not _is_time_point(ent.text) and ent.root.dep_ == "npadvmod":
            continue  # "just nine days after Seoul designated ... on Dec. 17": a span of time, no point
        # The nearest date expression belongs to the measure: when it fixes no date ("over the past
        # decade", "last year" without a publication date) the date is unknown; a farther "today" is not it.
        if _is_time_point(ent.text):
            unresolved = ent.text.lower().strip()
        return None, unresolved
    if unresolved is None and _sequel(ctx, s):
        # "Today, the Secretary ... identified the financial sector ... Subsequently, OFAC sanctioned eighteen
        # banks": a measure told as the next step of the sentence before takes that sentence's date
        ps = ctx.unit_start[s - 1]
        for ent in candidates:
            if ps <= ent.start and ent.end <= s and not ent.text.strip().isdigit():
                value = dates.resolve(ent.text, base, prefer_future=prefer_future)
                if value:
                    return value, None
    if present_default and base and restated:
        # an earlier measure takes no date from the tense of the sentence that mentions it, unless a present
        # announcement reports it ('is publishing the name of a person that has been placed on the SDN List')
        verb = head_verb if head_verb is not None else trigger
        d = dates.to_date(base)
        return ((d.isoformat() if d else None) if _reported_perfect(verb) else None), unresolved
    if present_default and base:
        verb = head_verb if head_verb is not None else trigger
        if any(c.dep_ == "advmod" and c.lower_ in ("concurrently", "simultaneously") for c in verb.children):
            d = dates.to_date(base)  # "The MOIS was also concurrently designated ...": with today's measure
            return (d.isoformat() if d else None), None
        if verb.dep_ == "pcomp" and verb.head.head.pos_ in ("VERB", "AUX"):
            verb = verb.head.head  # "BIS amends the EAR by adding ... entities"
        if verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            # "BIS is taking immediate action to limit exports": the infinitive takes the tense of its governor
            up = verb.head
            if up.pos_ in ("NOUN", "PROPN") and up.dep_ in ("dobj", "nsubjpass") and up.head.pos_ in ("VERB", "AUX"):
                up = up.head
            if up.pos_ in ("VERB", "AUX") and up.i != verb.i:
                verb = up
        if verb.tag_ in ("VBZ", "VBP") or (verb.tag_ in ("VBG", "VBN") and any(
                c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in verb.children)
                and not any(c.lower_ in ("has", "have") for c in verb.children)) or _reported_perfect(verb):
            d = dates.to_date(base)
            return (d.isoformat() if d else None), None
    return None, unresolved


def _reported_perfect(verb: Token) -> bool:
    """'OFAC is publishing the names of persons that have been placed on the SDN List', 'the persons whose
    property has been blocked under this order': a present perfect in a clause that a present-tense
    announcement governs reports the measure it announces (ONTOLOGY: 'has added' takes the publication date);
    a main-clause 'X has been designated by the UN' restates an earlier one."""
    if verb.tag_ != "VBN" or not any(c.lower_ in ("has", "have") and c.dep_ == "aux" for c in verb.children):
        return False
    if verb.dep_ != "relcl":
        return False
    up = verb.head
    for _ in range(5):  # person -> of -> name -> publishing
        if up.pos_ in ("VERB", "AUX"):
            return up.tag_ in ("VBZ", "VBP") or (up.tag_ == "VBG" and any(
                c.dep_ == "aux" and c.lower_ in ("is", "are") for c in up.children))
        if up.head is up:
            return False
        up = up.head
    return False


def _sequel(ctx: DocContext, s: int) -> bool:
    """The unit opens with an adverb that ties it in time to the sentence before ("Subsequently, ...")."""
    if s == 0:
        return False
    toks = ctx.tokens
    j = s
    while j < len(toks) and (toks[j].is_space or toks[j].is_punct):
        j += 1
    if j >= len(toks):
        return False
    low = toks[j].lower_
    if low in SEQUEL_ADVERBS:
        return True
    return low == "at" and " ".join(t.lower_ for t in toks[j:j + 4]) == "at the same time"


def _is_time_point(text: str) -> bool:
    """'last year', 'on Monday' (a point we could not place without a base), not 'for years'."""
    return dates.resolve(text, "2000-06-15") is not None


def _in_frame(ent: Span, anchors: list[Token]) -> bool:
    """The date hangs on the measure's own words ('designated ... in 2001 ... and as an FTO in 1997'), not on
    another verb of the sentence."""
    tok = ent.root
    for _ in range(6):
        if tok.head is tok:
            return False
        tok = tok.head
        if tok in anchors:
            return True
        if tok.pos_ in ("VERB", "AUX"):
            return False
    return False


def dated_segments(
    ctx: DocContext, trigger: Token, head_verb: Token | None, candidates: list[Span], base: str | None,
    prefer_future: bool,
) -> list[tuple[int, int, str]]:
    """'The State Department designated the FARC as a Specially Designated Global Terrorist in 2001 pursuant to
    Executive Order 13224 and as a Foreign Terrorist Organization in 1997', 'Nada was designated by the United
    States on November 7, 2001, and by the United Nations on November 9, 2001': one trigger, coordinated
    complements each with a date of its own, are measures of their own. Returns the token ranges (start, end)
    after the trigger that each such date governs, with the date; [] when the trigger has at most one date."""
    anchors = [trigger] + ([head_verb] if head_verb is not None else [])
    s, e = ctx.unit(trigger)
    reasons = _reason_spans(anchors)
    found: list[tuple[int, int, str]] = []
    for ent in candidates:
        if ent.start < s or ent.end > e or ent.start <= trigger.i:
            continue
        if ent.text.strip().isdigit() and len(ent.text.strip()) != 4:
            continue
        if _dates_other_event(ctx, ent, anchors) or _criterion_date(ctx, ent, reasons) or not _in_frame(ent, anchors):
            continue
        value = dates.resolve(ent.text, base, prefer_future=prefer_future)
        if value:
            found.append((ent.start, ent.end, value))
    found.sort()
    if len({v for _, _, v in found}) < 2:
        return []
    toks = ctx.tokens
    out: list[tuple[int, int, str]] = []
    start = trigger.i + 1
    for k, (_, d_end, value) in enumerate(found):
        if k + 1 < len(found):
            nxt = found[k + 1][0]
            ands = [j for j in range(d_end, nxt) if toks[j].lower_ == "and"]
            end = ands[-1] if ands else d_end
        else:
            end = e
        out.append((start, end, value))
        start = end
    return out
