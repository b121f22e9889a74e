"""pg_actions: sanctions, listings, export/import controls, visa bans, tariffs, indictments, arrests ... read
from the parse around lexicon triggers (ingest/lexicons/triggers.yaml) and the mentions left by pg_entities.

Reads doc._.pg_mentions, doc._.pg_entities, doc._.pg_relations (PART_OF, for stable ids) and
doc._.published (relative dates); writes doc._.pg_actions (a list of ingest.contract.Action).
"""

from __future__ import annotations

import re
from collections import defaultdict

from spacy.language import Language
from spacy.tokens import Doc

from ingest import dates, extensions  # noqa: F401  (extensions registers the doc._ attributes)
from ingest.actions.assemble import Reading, merge, to_actions
from ingest.actions.context import DocContext
from ingest.actions.dating import action_date, date_spans
from ingest.actions.lexicon import LIST_ADDITION, Lexicon, load
from ingest.actions.modality import (
    confers_power,
    is_capability,
    is_hypothetical,
    is_negated,
    is_ongoing,
    status_of,
)
from ingest.actions.orders import order_readings, signer
from ingest.actions.roles import ACTOR_TYPES, RoleReader, Roles
from ingest.actions.triggers import Trigger, TriggerFinder
from ingest.extensions import doc_text, span_text
from ingest.lexicon import load_lexicon

SUMMARY = re.compile(r"\b(?:since (?:at least )?(?:19|20)\d\d|since (?:january|february|march|april|may|june|july|"
                     r"august|september|october|november|december)|over the (?:last|past)|in recent (?:years|months)|"
                     r"rounds of|waves of|dozens of|hundreds of|(?:over|more than|nearly|approximately|some) \d{3,}|"
                     r"\d{1,3},\d{3} )")
EXISTING = {"existing", "current", "previous", "prior", "earlier", "past", "former"}
SPEAKER_TITLE = re.compile(r"\b(?:testimony|remarks|treasury|secretary|director|prepared|interview|speech)\b", re.I)
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
DEMONSTRATIVE_CLASSES = {
    "company": {"Company"}, "firm": {"Company"}, "business": {"Company"}, "bank": {"Company"},
    "entity": {"Company", "Organization"}, "organization": {"Organization"}, "group": {"Organization"},
    "individual": {"Person"}, "person": {"Person", "Company", "Organization"}, "official": {"Person"},
    "people": {"Person"}, "leader": {"Person"}, "vessel": {"Company"},
}
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
# What a sentence-initial passive "they" ("Today, they were sanctioned") can point back to.
THEY_TYPES = {"Company", "Organization", "Person"}
# "a series of actions / a package of measures": a bundle of different measures, reported as one.
PACKAGE_ITEMS = {"action", "step", "measure"}
PACKAGES = {"series", "set", "package", "raft", "slew", "range", "suite"}
# "X faces / risks sanctions": the measure is threatened, not taken (unless in the past: "faced").
THREAT_VERBS = {"face", "risk"}
# Bodies that indict: "indicted ... in the U.S. District Court for ...", "by the U.S. Attorney's Office".
COURT_WORDS = ("court", "attorney", "grand jury", "prosecutor")
# Instruments a President signs: "The Order imposes new sanctions on ..." is the signer's measure.
ORDER_NOUNS = {"order", "proclamation", "memorandum", "nspm", "determination"}
ORDER_VERBS = {"authorize", "authorise", "broaden", "direct", "block", "suspend", "prohibit", "restrict"}



class ActionComponent:
    def __init__(self, nlp: Language, lexicon: Lexicon | None = None) -> None:
        self.lex = lexicon or load()
        self.finder = TriggerFinder(nlp, self.lex)
        self.roles = RoleReader(self.lex)

    def __call__(self, doc: Doc) -> Doc:
        if not doc._.pg_entities:
            doc._.pg_actions = []
            return doc
        ctx = DocContext.build(doc)
        triggers = self.finder.find(ctx)
        published = dates.to_date(doc._.published)
        # A presidential order's own measures come first: the generic readings of its clauses then join them.
        ordered = order_readings(ctx, published.isoformat() if published else None)
        generic = self._readings(ctx, triggers)
        if ordered:
            # The order's measures are read as a whole; its clauses restate them ("any person whose property
            # ... is blocked pursuant to this order", "I hereby terminate ... Executive Order 13338 (Blocking
            # Property ...)"), so only what others take or took stands on its own.
            signers = {r.by[0] for r in ordered}
            generic = [r for r in generic if not (r.orphan or r.elaboration or r.implied_by or signers & set(r.by))]
        readings = ordered + _apply_summaries(ctx, _included_targets(ctx, generic))
        part_of = _part_of(doc)
        clusters = merge(readings, _same_actors(ctx, part_of), published.isoformat() if published else None)
        _listings_from_export_bans(ctx, clusters)
        doc._.pg_actions = to_actions(clusters, doc_text(doc), part_of)
        return doc

    # -- readings --------------------------------------------------------------------------------------
    def _readings(self, ctx: DocContext, triggers: list[Trigger]) -> list[Reading]:
        laws = self._laws_by_trigger(ctx, triggers)
        date_cands = date_spans(ctx)
        base = ctx.doc._.published
        out: list[Reading] = []
        purposes = {t.purpose.i for t in triggers if t.purpose is not None}
        president: list[str | None] = []  # the order's signer, looked up once and only when needed
        for trig in triggers:
            included = False
            if trig.is_verb and trig.token.i in purposes:
                continue  # "legislation to sanction China": the sanction is the law's content, read there
            roles = self.roles.read(ctx, trig)
            roles.add("under", laws.get(trig.token.i, []))
            roles.targets = [t for t in roles.targets if t not in roles.under]
            if trig.entry is not None and trig.entry.needs_light_verb and not roles.light and not (
                    self._owned_measure(ctx, trig, roles)):
                continue
            ref = self._is_reference(trig, roles)
            if ref == "skip":
                continue
            kind = self._kind(ctx, trig, roles)
            listed = trig.list_text is not None or kind == LIST_ADDITION
            if kind == LIST_ADDITION:
                kind = self._continue_list(out, roles)
                if kind is None:
                    continue
            if confers_power(trig.token, roles.head_verb):
                if roles.under:  # the instrument is still the legal basis of the measure it is cited for
                    out.append(Reading(
                        kind=kind, status="enacted", by=[], targets=[], under=roles.under, date=None,
                        evidence=ctx.unit_chars(trig.token), token_i=trig.token.i, elaboration=True))
                continue
            if is_capability(trig.token, roles.head_verb, self.lex) or is_negated(trig.token, roles.head_verb):
                continue
            if not roles.targets and (is_ongoing(trig.token, roles.head_verb) or self._is_summary(ctx, trig)):
                continue
            if roles.targets and self._is_tally(ctx, trig):
                continue  # "the United States has sanctioned over 600 individuals and entities—including Iran ..."
            status = "lifted" if trig.lifted else status_of(trig.token, roles.head_verb, self.lex, trig.legislation)
            if trig.lifted and status == "enacted":
                status = "lifted"
            if status == "enacted" and roles.governor is not None and roles.governor_dep == "dobj" and (
                    roles.governor.lemma_.lower() in THREAT_VERBS and roles.governor.tag_ not in ("VBD", "VBN")):
                status = "proposed"  # "China had until March 1 ... or face more tariffs": a threat
            announced = status == "proposed" and self._announced_today(ctx, trig, roles)
            if announced:
                status = "enacted"
            if status in ("proposed", "lifted") and not roles.targets and is_hypothetical(trig.token, roles.head_verb):
                continue  # "the United States may ease or remove sanctions when circumstances warrant"
            if trig.sponsor is not None and status == "enacted" and ctx.etype(trig.sponsor) == "Person":
                status = "proposed"  # a member's bill is introduced, not passed, unless the text says so
            if not roles.targets:
                roles.add("targets", [t for t in self._demonstrative_targets(ctx, trig) if t not in roles.by])
            anaphoric = ref == "anaphor" or self._anaphoric(trig, roles)
            if not trig.is_verb and not roles.light and any(
                    c.dep_ == "amod" and c.lower_ in EXISTING for c in trig.token.children):
                roles.background = True  # "despite existing sanctions against AQAH": measures taken before
            if kind in ("arrest", "detention"):
                self._place_actor(ctx, trig, roles)
            if kind == "indictment" and not roles.by:
                self._court_actor(ctx, trig, roles)
            if roles.compound_by and not (roles.targets or roles.under or roles.light) and all(
                    ctx.etype_of(b) == "Country" for b in roles.by):
                continue  # "violations of US sanctions": the name of a regime, not a measure
            implied = False
            signed = False
            if not roles.by and _order_subject(trig, roles, self.lex):
                if not president:
                    president.append(signer(ctx))
                if president[0]:
                    roles.add("by", [president[0]])
                    signed = True
            if roles.earlier and not roles.targets and not roles.by:
                continue  # "links to previously designated SDNTs" with no name and no actor read: nothing to report
            if not roles.by and not anaphoric and trig.is_verb and _included_item(trig.token):
                prev = _previous_unit_reading(ctx, out, trig.token.i)
                # "The Department of Commerce is further restricting ... This includes adding ..."
                roles.add("by", prev.by if prev is not None else _previous_unit_subject(ctx, trig.token.i))
                included = roles.by and trig.token.head.tag_ in ("VBZ", "VBP")  # "This includes ...": today's
            if not roles.by and not anaphoric:
                self._we_actor(ctx, trig, roles)
            if not roles.by and not anaphoric:
                implied = self._imply_actor(ctx, trig, kind, roles)
            orphan = not roles.by and not anaphoric
            if orphan and not roles.targets:
                continue
            # No actor named and no one targeted: at most an elaboration of a measure already read
            # ("a visa ban authorized under Section 7031(c)"); "may be exposed to designation" is dropped.
            if implied and not roles.targets and trig.is_verb:
                continue
            elaboration = implied and not roles.targets
            date, date_expr = action_date(
                ctx, trig.token, roles.head_verb, date_cands, base,
                prefer_future=status == "proposed",
                present_default=status == "enacted" and not self._foreign_state(ctx, trig, roles),
            )
            if (signed or announced or included) and date is None and date_expr is None and (
                    status in ("enacted", "lifted")):
                date = dates.to_date(base).isoformat() if dates.to_date(base) else None  # the order signed today
            out.append(Reading(
                kind=kind, status=status, by=roles.by, targets=roles.targets, under=roles.under, date=date,
                evidence=ctx.unit_chars(trig.token), token_i=trig.token.i, implied_by=implied,
                anaphoric=anaphoric, orphan=orphan, elaboration=elaboration, list_addition=listed,
                date_expr=date_expr, background=roles.background, distinct=roles.distinct, nominal=not trig.is_verb,
            ))
        return out

    def _laws_by_trigger(self, ctx: DocContext, triggers: list[Trigger]) -> dict[int, list[str]]:
        """Each Law mention of a unit goes to the nearest trigger of that unit (its legal basis)."""
        by_unit: dict[int, list[Trigger]] = defaultdict(list)
        for t in triggers:
            by_unit[ctx.unit(t.token)[0]].append(t)
        out: dict[int, list[str]] = defaultdict(list)
        for start, trigs in by_unit.items():
            end = ctx.unit_end[start]
            for m in ctx.mentions_in(range(start, end)):
                if ctx.etype(m) != "Law":
                    continue
                # "pursuant to E.O. 14098, which imposes sanctions on certain persons ...": the clause that
                # describes the law is no measure it is the basis of
                own = [t for t in trigs if not _describes(t.token, m)] or trigs
                best = min(own, key=lambda t: (abs(t.token.i - m.token_start), t.token.i > m.token_start))
                if m.entity_id not in out[best.token.i]:
                    out[best.token.i].append(m.entity_id)
        return out

    def _kind(self, ctx: DocContext, trig: Trigger, roles: Roles) -> str:
        kind = trig.kind
        if kind in ("designation", "sanction"):
            for law in roles.under:
                names = ctx.names(law)
                for key, k in self.lex.law_kinds.items():
                    if any(key in n for n in names):
                        return k
        upgrades = self.lex.actor_kinds.get(kind)
        # Sanctions on a whole country ("lifting sanctions on Syria") are a programme, not a designation.
        country_wide = any(ctx.etype_of(t) == "Country" for t in roles.targets)
        if upgrades and not (trig.phrase and kind == "sanction") and not country_wide:
            for new_kind, actor_names in upgrades.items():
                if any(ctx.names(b) & set(actor_names) for b in roles.by):
                    return new_kind
        tok = trig.token
        if (not trig.is_verb and tok.lemma_.lower() in PACKAGE_ITEMS and tok.dep_ == "pobj" and tok.head.lower_ == "of"
                and tok.head.head.lemma_.lower() in PACKAGES):
            return "other"  # "a series of actions targeting China's trade, cyber, and economic policies"
        return kind

    def _continue_list(self, earlier: list[Reading], roles: Roles) -> str | None:
        """'BIS also added ...' with no list named: the latest list addition by the same actor."""
        for r in reversed(earlier):
            if r.list_addition and (not roles.by or set(roles.by) & set(r.by)):
                if not roles.by:
                    roles.add("by", r.by)
                roles.add("under", r.under)
                return r.kind
        return None

    def _owned_measure(self, ctx: DocContext, trig: Trigger, roles: Roles) -> bool:
        """'the Trump administration's most recent actions on Huawei': an actor's possessive and a named
        firm, person or body as target make 'actions' a measure without a light verb (not 'the regime's
        brutal actions against the Syrian people')."""
        owners = [c for c in trig.token.children if c.dep_ == "poss" and ctx.mention(c.i) is not None]
        if not owners or not roles.by:
            return False
        return any(ctx.etype_of(t) in ("Company", "Person", "Organization", "Authority") for t in roles.targets)

    def _is_summary(self, ctx: DocContext, trig: Trigger) -> bool:
        """'Since September 2022, the United States has issued five rounds of designations', 'Over the last
        year, Treasury has sanctioned over 100 individuals': a tally of earlier measures, not one measure."""
        s, e = ctx.unit(trig.token)
        text = span_text(ctx.doc, s, e).lower()
        if not SUMMARY.search(text):
            return _bare_perfect(trig) and not re.search(r"\btoday\b", text)
        # "the State Department is imposing visa restrictions on more than 500 Nicaraguan individuals": a measure
        # taken now on a large group is no tally
        return not (re.search(r"\btoday\b", text) or _present(trig.token) or (
            _present(trig.token.head) and trig.token.dep_ in ("dobj", "nsubjpass")))

    def _announced_today(self, ctx: DocContext, trig: Trigger, roles: Roles) -> bool:
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

    def _is_tally(self, ctx: DocContext, trig: Trigger) -> bool:
        """A perfect-tense count of past measures ('has designated over 700 individuals and entities',
        'have sanctioned more than 1,000 persons, including X'): the names it gives are examples of many
        earlier measures, not the targets of one."""
        if not trig.is_verb or not any(c.dep_ == "aux" and c.lower_ in ("has", "have", "had")
                                       for c in trig.token.children):
            return False
        s, e = ctx.unit(trig.token)
        return bool(TALLY.search(span_text(ctx.doc, s, e).lower()))

    def _is_reference(self, trig: Trigger, roles: Roles) -> str | None:
        """A noun trigger that names a regime or talks about measures rather than reporting one:
        'violations of US sanctions' -> "skip"; 'America's sanctions include ...', 'The designation could
        threaten ...' -> "anaphor" (evidence for, and a sharper kind of, a measure already read)."""
        if trig.is_verb or roles.governor is None:
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

    def _anaphoric(self, trig: Trigger, roles: Roles) -> bool:
        """'These designations are being taken pursuant to E.O. 13224', 'Today's action is being taken pursuant to
        E.O. 14098': the measure already reported (its legal basis joins it)."""
        if trig.is_verb or roles.by or roles.targets:
            return False
        dets = {c.lower_ for c in trig.token.children if c.dep_ in ("det", "poss")}
        if roles.under:  # "the designation of four officials pursuant to the Kingpin Act": its own measure
            return bool(dets & STRONG_DETERMINERS)
        return bool(dets & DETERMINERS)

    def _demonstrative_targets(self, ctx: DocContext, trig: Trigger) -> list[str]:
        """'ban exports to and imports from these companies', '... by delisting them': the named
        companies (entities, individuals) of the preceding sentences. Only demonstratives and 'them'
        right after the trigger are read; the antecedents are the mentions of the matching types in the
        nearest run of preceding sentences that has any."""
        toks = ctx.tokens
        s, e = ctx.unit(trig.token)
        types: set[str] | None = None
        nearest_only = False
        if trig.is_verb:
            # "All surveillance companies in Xinjiang should be placed on the entity list": a quantified
            # passive subject of a class noun points back like "these companies"
            for subj in (c for c in trig.token.children if c.dep_ == "nsubjpass"):
                dets = [c.lower_ for c in subj.children if c.dep_ in ("det", "predet")]
                if ctx.mention(subj.i) is None and {"all", "these", "those", "such"} & set(dets):
                    types = DEMONSTRATIVE_CLASSES.get(subj.lemma_.lower())
                elif subj.lower_ == "they" and not self._pronoun_has_local_antecedent(ctx, s, subj.i):
                    # "A, B, and C were previously identified ... Today, they were sanctioned": the names of
                    # the sentence before
                    types, nearest_only = THEY_TYPES, True
        for j in range(trig.token.i + 1, min(trig.token.i + 10, e)):
            if types:
                break
            t = toks[j]
            if t.lower_ in ("these", "those") and j + 1 < e:
                types = DEMONSTRATIVE_CLASSES.get(toks[j + 1].lemma_.lower())
            elif t.lower_ == "them" and trig.is_verb:
                types = self._them_types(ctx, s, trig.token.i)
            if t.pos_ in ("VERB", "AUX") and t.dep_ == "conj" and t.head.i == trig.token.i:
                continue  # "delisting and deregistering them"
            if types is not None or t.pos_ in ("VERB", "AUX") or t.lower_ in (".", ";"):
                break
        if not types:
            return []
        found: list[str] = []
        unit_start, gaps = s, 0
        for _ in range(8):
            if unit_start == 0:
                break
            prev_start = ctx.unit_start[unit_start - 1]
            hits = [m.entity_id for m in ctx.mentions_in(range(prev_start, unit_start)) if ctx.etype(m) in types]
            if hits:
                found += [h for h in hits if h not in found]
                gaps = 0
                if nearest_only:
                    break
            elif found:
                gaps += 1
                if gaps >= 2:
                    break
            unit_start = prev_start
        return found

    def _pronoun_has_local_antecedent(self, ctx: DocContext, start: int, i: int) -> bool:
        """'OFAC named A and B, and they were sanctioned': 'they' points inside its own sentence."""
        return any(ctx.etype(m) in THEY_TYPES for m in ctx.mentions_in(range(start, i)))

    def _them_types(self, ctx: DocContext, start: int, end: int) -> set[str] | None:
        """'them' takes the class of a demonstrative phrase earlier in the same sentence."""
        toks = ctx.tokens
        for j in range(start, end):
            if toks[j].lower_ in ("these", "those") and j + 1 < end:
                cls = DEMONSTRATIVE_CLASSES.get(toks[j + 1].lemma_.lower())
                if cls:
                    return cls
        return None

    def _place_actor(self, ctx: DocContext, trig: Trigger, roles: Roles) -> None:
        """'Meng has been detained in Canada': the state where an arrest or detention happens takes it."""
        heads = [trig.token] + ([roles.head_verb] if roles.head_verb is not None else [])
        for prep in (c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "in"):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                m = ctx.mention(pobj.i)
                if m is not None and ctx.etype(m) == "Country":
                    roles.add("by", [m.entity_id])
                    roles.targets = [t for t in roles.targets if t != m.entity_id]

    def _foreign_state(self, ctx: DocContext, trig: Trigger, roles: Roles) -> bool:
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

    def _we_actor(self, ctx: DocContext, trig: Trigger, roles: Roles) -> None:
        """'And today, we are holding Iran accountable—imposing new sanctions and export controls on Iran': in
        the document's own voice (a White House statement, not a quotation) 'we' is the United States."""
        tok = trig.token
        for _ in range(4):
            if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "we" for c in tok.children):
                break
            if tok.head.i == tok.i:
                return
            tok = tok.head
        else:
            return
        s, _ = ctx.unit(trig.token)
        if SPEAKER_TITLE.search(ctx.doc._.title or ""):
            return  # "Testimony of Secretary John W. Snow ...": 'we' is the speaker's department
        before = [t.text for t in ctx.tokens[s:trig.token.i]]
        if before.count("\"") % 2 or before.count("\u201c") > before.count("\u201d"):
            return  # inside a quotation: the speaker's office, not the country
        us = ctx.find_entity(("united states", "u.s.", "united states of america", "us"))
        if us is not None and ctx.etype_of(us) == "Country":
            roles.add("by", [us])
            roles.targets = [t for t in roles.targets if t != us]

    def _court_actor(self, ctx: DocContext, trig: Trigger, roles: Roles) -> None:
        """'X and Y were indicted on ... charges in the U.S. District Court for the Southern District of Florida':
        the court (or U.S. Attorney's Office) named with 'in'/'by' is the indicting body."""
        s, e = ctx.unit(trig.token)
        for prep in (t for t in trig.token.subtree if t.dep_ in ("prep", "agent") and t.lower_ in ("in", "by")
                     and t.i > trig.token.i and t.i < e):
            for m in ctx.mentions_in(t.i for t in prep.subtree):
                names = " ".join(ctx.names(m.entity_id))
                if ctx.etype(m) == "Authority" and any(w in names for w in COURT_WORDS):
                    roles.add("by", [m.entity_id])
                    roles.targets = [t for t in roles.targets if t != m.entity_id]
                    return

    def _imply_actor(self, ctx: DocContext, trig: Trigger, kind: str, roles: Roles) -> bool:
        names = self.lex.implied_actors.get(kind)
        if names:
            eid = ctx.find_entity(names)
            s, e = ctx.unit(trig.token)
            if eid is not None and kind == "legislation" and not any(
                    m.entity_id == eid for m in ctx.mentions_in(range(s, e))):
                eid = None  # a legislature is implied only when the sentence names it ("the Duma's bill")
            if eid is not None:
                roles.add("by", [eid])
                # "OFAC is publishing the names of persons that have been placed on the SDN List": the
                # implied actor is named in the same sentence, so the text does attribute it.
                return not any(m.entity_id == eid and _is_subject(ctx, m) for m in ctx.mentions_in(range(s, e)))
        return False


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


def _apply_summaries(ctx: DocContext, readings: list[Reading]) -> list[Reading]:
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


def _included_item(tok) -> bool:
    """'This includes adding 71 parties ... to the Entity List': the gerund is an item of the measure before."""
    return tok.tag_ == "VBG" and tok.dep_ in ("xcomp", "dobj", "ccomp") and _includes_verb(tok.head)


def _previous_unit_reading(ctx: DocContext, readings: list[Reading], i: int) -> Reading | None:
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


def _previous_unit_subject(ctx: DocContext, i: int) -> list[str]:
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


def _included_targets(ctx: DocContext, readings: list[Reading]) -> list[Reading]:
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
        prev = _previous_unit_reading(ctx, readings, tok.i)
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


def _order_subject(trig: Trigger, roles: Roles, lex: Lexicon) -> bool:
    """'The Order imposes new sanctions on X', 'signed an Executive Order imposing sanctions on X': the
    order's signer takes the measure (not in 'This Executive Order follows sanctions the United States has
    already imposed': the verb must be one that takes or undoes a measure)."""
    verb = roles.head_verb if roles.head_verb is not None else (trig.token if trig.is_verb else None)
    if verb is None:
        return False
    measure_verb = False
    for _ in range(3):
        lemma = verb.lemma_.lower()
        measure_verb = measure_verb or verb is trig.token or lemma in lex.light_verbs or (
            lemma in lex.lifted_heads or lemma in ORDER_VERBS)
        if measure_verb and any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in ORDER_NOUNS
                                for c in verb.children):
            return True
        if measure_verb and verb.dep_ in ("acl", "relcl") and verb.head.lemma_.lower() in ORDER_NOUNS:
            return True
        if verb.dep_ not in ("conj", "xcomp"):
            break
        verb = verb.head
    return False


def _describes(tok, law) -> bool:
    """The trigger sits in a relative or participial clause attached to the law mention."""
    for _ in range(4):
        if tok.head is tok or tok.head.i == tok.i:
            return False
        if tok.dep_ in ("relcl", "acl") and law.token_start <= tok.head.i < law.token_end:
            return True
        tok = tok.head
    return False


def _present(verb) -> bool:
    """'is imposing', 'are designating', 'imposes': the verb reports what happens now."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in ("is", "are", "am") for c in verb.children)


def _is_subject(ctx: DocContext, m) -> bool:
    """The mention is the subject of its clause ('OFAC is publishing the names of persons that ...'); a
    possessor is not enough ('the Customs and Border Protection's forced labor division')."""
    for tok in ctx.doc[m.token_start:m.token_end]:
        # "the Treasury's Office of Foreign Assets Control (OFAC) is publishing": through appositions,
        # compounds and "of" inside the name, not through a possessor
        for _ in range(5):
            if tok.dep_ in ("nsubj", "nsubjpass"):
                return True
            if tok.dep_ in ("appos", "compound", "flat", "pobj", "prep") and tok.head is not tok and (
                    tok.dep_ != "pobj" or tok.head.lower_ == "of"):
                tok = tok.head
                continue
            break
    return False


LISTED_GROUP = re.compile(
    r"\b(?:to|on|against)\s+(?:\d+|[a-z]+(?:-[a-z]+)?)\s+(?:[\w.-]+\s+){0,3}(?:companies|entities|firms|organizations|"
    r"bureaus|institutes|universities|individuals|persons|parties|subsidiaries|affiliates)\b", re.I)


def _listings_from_export_bans(ctx: DocContext, clusters: list) -> None:
    """'the Commerce Department's export restrictions ... to ban the sale of U.S. products to 20 Chinese police
    bureaus ... and eight Chinese companies' in a text that calls the measure 'the Commerce Department's
    list': export restrictions on a number of organisations by the body that keeps the Entity List (an
    ADMINISTERS relation of this document) are additions to that list."""
    lists: dict[str, str] = {}
    for r in ctx.doc._.pg_relations or []:
        if getattr(r, "type", None) == "ADMINISTERS" and any("entity list" in n for n in ctx.names(r.target)):
            lists[r.source] = r.target
    if not lists:
        return
    text = doc_text(ctx.doc)
    for c in clusters:
        if c.kind != "export_control" or c.status != "enacted":
            continue
        owner = next((b for b in c.by if b in lists), None)
        if owner is None or not any(LISTED_GROUP.search(text[s:e]) for s, e in c.evidence):
            continue
        c.kind = "entity_listing"
        if lists[owner] not in c.under:
            c.under.append(lists[owner])


def _same_actors(ctx: DocContext, part_of: dict[str, set[str]]) -> dict[str, set[str]]:
    """For merging only: 'Trump banned imports of cotton' and 'the Trump administration announced ...
    restrictions on imports' name one actor. A Person counts as part of the '<surname> administration'."""
    admins = {}
    for rec in ctx.entities.values():
        if rec.type == "Authority":
            for n in [rec.name, *rec.aliases]:
                m = re.match(r"^(?:the\s+)?([A-Z][\w-]+)\s+administration$", n.strip(), re.I)
                if m:
                    admins[m.group(1).lower()] = rec.id
    if not admins:
        return part_of
    out = {k: set(v) for k, v in part_of.items()}
    for rec in ctx.entities.values():
        if rec.type != "Person":
            continue
        surname = rec.name.split()[-1].lower() if rec.name.split() else ""
        if surname in admins:
            out.setdefault(rec.id, set()).add(admins[surname])
    return out


def _part_of(doc: Doc) -> dict[str, set[str]]:
    """PART_OF as the document states it, plus the lexicon's parents of the bodies it names: 'the U.S.
    Department of the Treasury imposed sanctions' in the lead and 'OFAC' in a later paragraph are one actor
    even when no sentence ties them (for merging and for the action id, not a relation of the document)."""
    out: dict[str, set[str]] = defaultdict(set)
    for r in doc._.pg_relations or []:
        if getattr(r, "type", None) == "PART_OF":
            out[r.source].add(r.target)
    lex = load_lexicon()
    for eid in doc._.pg_entities or {}:
        for _ in range(6):
            entry = lex.get(eid)
            if entry is None or not entry.parent or entry.parent in out[eid]:
                break
            out[eid].add(entry.parent)
            eid = entry.parent
    return out
