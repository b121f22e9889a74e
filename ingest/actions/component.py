"""pg_actions: sanctions, listings, export/import controls, visa bans, tariffs, indictments, arrests ... read
from the parse around lexicon triggers (ingest/lexicons/triggers.yaml) and the mentions left by pg_entities.

Reads doc._.pg_mentions, doc._.pg_entities, doc._.pg_relations (PART_OF, for stable ids) and
doc._.published (relative dates); writes doc._.pg_actions (a list of ingest.contract.Action).
"""

from __future__ import annotations

from collections import defaultdict

from spacy.language import Language
from spacy.tokens import Doc

from ingest import dates, extensions  # noqa: F401  (extensions registers the doc._ attributes)
from ingest.actions.assemble import Reading, merge, to_actions
from ingest.actions.bloc_actors import credit_bloc
from ingest.actions.body_actors import body_actor
from ingest.actions.capability_statements import drop_capability_statements
from ingest.actions.capital_actors import capital_actor
from ingest.actions.consolidate import (
    drop_designated_places,
    join_state_and_agency,
    lifted_basis,
    listings_from_export_bans,
    mark_restated,
    part_of_table,
    removed_names,
    same_actors,
    sanctions_delistings,
    share_pointed_targets,
    split_by_dates,
    split_parallel,
)
from ingest.actions.context import DocContext
from ingest.actions.dating import action_date, date_spans, dated_segments
from ingest.actions.designee_actors import repair_designee_actors
from ingest.actions.discourse import (
    apply_summaries,
    demonstrative_targets,
    included_item,
    included_targets,
    latest_reading,
    points_back,
    previous_unit_reading,
    previous_unit_subject,
)
from ingest.actions.implied_actors import (
    court_actor,
    demonym_agent,
    imply_actor,
    order_subject,
    place_actor,
    president_agent,
    we_actor,
)
from ingest.actions.lexicon import LIST_ADDITION, Lexicon, load
from ingest.actions.list_targets import list_targets
from ingest.actions.located_leads import fold_located_leads
from ingest.actions.modality import (
    confers_power,
    is_capability,
    is_hypothetical,
    is_negated,
    is_ongoing,
    status_of,
)
from ingest.actions.news_frames import (
    counted_group,
    date_lede_perfects,
    headline_kinds,
    news_readings,
    stops_short,
    subject_to_targets,
)
from ingest.actions.news_measures import news_measures
from ingest.actions.order_powers import directed_measure, granted_measure
from ingest.actions.orders import order_readings, signer
from ingest.actions.package_frames import package_readings
from ingest.actions.prior_measures import resolve_restated_pronouns
from ingest.actions.programme_starts import programme_start_readings
from ingest.actions.renewals import renewal_verb, until_tokens
from ingest.actions.restated import restated_readings
from ingest.actions.roles import RoleReader, Roles
from ingest.actions.screening import (
    EVASION_VERBS,
    announced_today,
    foreign_state,
    is_anaphoric,
    is_reference,
    is_summary,
    is_tally,
    owned_measure,
)
from ingest.actions.sequels import date_also_sequels
from ingest.actions.speaker_targets import drop_speaking_officials
from ingest.actions.target_paragraphs import attach_designees
from ingest.actions.triggers import Trigger, TriggerFinder
from ingest.extensions import doc_text

EXISTING = {"existing", "current", "previous", "prior", "earlier", "past", "former", "recent"}
# "a series of actions / a package of measures": a bundle of different measures, reported as one.
PACKAGE_ITEMS = {"action", "step", "measure"}
PACKAGES = {"series", "set", "package", "raft", "slew", "range", "suite"}
# "X faces / risks sanctions": the measure is threatened, not taken (unless in the past: "faced").
THREAT_VERBS = {"face", "risk"}
# "sentenced", "convicted": read as an indictment only with the convict named (pronouns are not resolved)
CONVICTING = {"sentence", "convict"}


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
        generic += restated_readings(ctx, self.lex.implied_actors)
        generic += programme_start_readings(ctx, generic, date_spans(ctx), doc._.published)
        generic += news_readings(ctx, generic, doc._.published)  # passive and counted news frames
        generic += package_readings(ctx, generic, doc._.published, self.lex)  # a package's trade measures
        date_lede_perfects(ctx, generic, doc._.published)  # "X has imposed sanctions ..." in a lede
        subject_to_targets(ctx, generic)  # "X is also subject to UN Security Council sanctions"
        headline_kinds(ctx, generic)  # "# X sanctioned by UK" is the body's "X was targeted with an asset freeze"
        generic = news_measures(ctx, generic, published.isoformat() if published else None)  # one news measure
        date_also_sequels(ctx, generic)  # "Japan on Friday added ... Japanese authorities also froze ..."
        repair_designee_actors(ctx, generic, self.lex.implied_actors)  # "X, designated on ...": X is no actor
        readings = split_parallel(ctx, mark_restated(ordered + apply_summaries(ctx, included_targets(ctx, generic))))
        readings = join_state_and_agency(ctx, readings)
        part_of = part_of_table(doc)
        clusters = merge(readings, same_actors(ctx, part_of), published.isoformat() if published else None)
        listings_from_export_bans(ctx, clusters)
        share_pointed_targets(readings, clusters)
        sanctions_delistings(ctx, clusters, self.lex.implied_actors.get("designation", ()))  # SDN removals
        removed_names(ctx, clusters)  # "Hijab's name will be removed from ... the SDN List"
        lifted_basis(clusters)
        resolve_restated_pronouns(ctx, clusters, published.isoformat() if published else None)  # "They were ..."
        attach_designees(ctx, clusters, published.isoformat() if published else None)  # names told later
        fold_located_leads(ctx, clusters, self.lex.actor_kinds.get("sanction", {}),
                           published.isoformat() if published else None)  # "N entities based in X, Y"
        drop_designated_places(ctx, clusters)  # "designees based in Iran, the UAE ...": no place is designated
        drop_capability_statements(ctx, clusters)  # "OFAC can prohibit ...", "may be subject to ..."
        drop_speaking_officials(ctx, clusters, part_of)  # "..., said Under Secretary X": X is not designated
        credit_bloc(ctx, clusters)  # "The Council adopted ..." / "the EU imposes ...": the Council and the EU
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
            roles.add("targets", list_targets(ctx, trig, roles.by))  # a lead's designee list
            renewal = renewal_verb(trig.token, trig.is_verb)  # "decided to prolong the restrictive measures"
            if trig.entry is not None and trig.entry.needs_light_verb and not roles.light and not (
                    owned_measure(ctx, trig, roles)) and renewal is None:
                continue
            ref = is_reference(trig, roles)
            if ref == "skip":
                continue
            kind = self._kind(ctx, trig, roles)
            listed = trig.list_text is not None or kind == LIST_ADDITION
            if kind == LIST_ADDITION:
                kind = self._continue_list(out, roles)
                if kind is None:
                    continue
            granted = granted_measure(ctx, trig, roles)  # "The Order also authorizes new sanctions on ..."
            if not granted and confers_power(trig.token, roles.head_verb):
                if roles.under:  # the instrument is still the legal basis of the measure it is cited for
                    out.append(Reading(
                        kind=kind, status="enacted", by=[], targets=[], under=roles.under, date=None,
                        evidence=ctx.unit_chars(trig.token), token_i=trig.token.i, elaboration=True))
                continue
            if is_capability(trig.token, roles.head_verb, self.lex) or is_negated(trig.token, roles.head_verb) or (
                    stops_short(trig.token)):
                continue
            if not roles.targets and (is_ongoing(trig.token, roles.head_verb) or (
                    is_summary(ctx, trig) and not counted_group(ctx, trig.token))):
                continue
            if roles.targets and is_tally(ctx, trig):
                continue  # "the United States has sanctioned over 600 individuals and entities—including Iran ..."
            status = "lifted" if trig.lifted else status_of(trig.token, roles.head_verb, self.lex, trig.legislation)
            if granted:
                status = "proposed"  # a power the day's order confers, not yet used
            if trig.lifted and status == "enacted":
                status = "lifted"
            if status == "enacted" and roles.governor is not None and roles.governor_dep == "dobj" and (
                    roles.governor.lemma_.lower() in THREAT_VERBS and roles.governor.tag_ not in ("VBD", "VBN")):
                status = "proposed"  # "China had until March 1 ... or face more tariffs": a threat
            announced = status == "proposed" and announced_today(ctx, trig, roles)
            if announced:
                status = "enacted"
            if status in ("proposed", "lifted") and not roles.targets and is_hypothetical(trig.token, roles.head_verb):
                continue  # "the United States may ease or remove sanctions when circumstances warrant"
            if trig.sponsor is not None and status == "enacted" and ctx.etype(trig.sponsor) == "Person":
                status = "proposed"  # a member's bill is introduced, not passed, unless the text says so
            pointed: Reading | None = None
            if not roles.targets:
                roles.add("targets", [t for t in demonstrative_targets(ctx, trig) if t not in roles.by])
                if not roles.targets and points_back(trig):
                    # "Concurrently, these individuals are now subject to visa restrictions": the names are
                    # those of the measure told before, which may only be read after merging
                    pointed = latest_reading(out, ctx.unit_start[trig.token.i])
            anaphoric = ref == "anaphor" or is_anaphoric(trig, roles)
            if not trig.is_verb and not roles.light and any(
                    c.dep_ == "amod" and c.lower_ in EXISTING for c in trig.token.children):
                roles.background = True  # "despite existing sanctions against AQAH": measures taken before
            if trig.is_verb and trig.token.lemma_.lower() == "list" and kind == "designation":
                # "Both Mutasa and Ndlovu were listed in the Annex of E.O. 13288": the order's own, earlier, listing
                roles.background = True
            if kind == "indictment" and trig.is_verb and trig.token.lemma_.lower() in CONVICTING and not roles.targets:
                continue  # "the Government of Ecuador sentenced him": a sentence is told of a named convict only
            if kind in ("arrest", "detention", "indictment") and not roles.by:
                demonym_agent(ctx, trig, roles)
            if kind in ("arrest", "detention"):
                place_actor(ctx, trig, roles)
            if kind == "indictment" and not roles.by:
                court_actor(ctx, trig, roles)
            if roles.compound_by and not (roles.targets or roles.under or roles.light) and all(
                    ctx.etype_of(b) == "Country" for b in roles.by):
                continue  # "violations of US sanctions": the name of a regime, not a measure
            implied = False
            signed = False
            if not roles.by and order_subject(trig, roles, self.lex):
                if not president:
                    president.append(signer(ctx))
                if president[0]:
                    roles.add("by", [president[0]])
                    signed = True
            if roles.earlier and not roles.targets and not roles.by:
                continue  # "links to previously designated SDNTs" with no name and no actor read: nothing to report
            if not roles.by and not anaphoric and trig.is_verb and included_item(trig.token):
                prev = previous_unit_reading(ctx, out, trig.token.i)
                # "The Department of Commerce is further restricting ... This includes adding ..."
                roles.add("by", prev.by if prev is not None else previous_unit_subject(ctx, trig.token.i))
                included = roles.by and trig.token.head.tag_ in ("VBZ", "VBP")  # "This includes ...": today's
            # the document's own "we", a capital standing for its government ("Seoul designated another 11
            # individuals ..."), the President, a bare body noun or a reported "it" ("The Council today adopted
            # ...", "the ministry said it would impose ..."): tried in this order until one gives the actor
            for actor_from in (we_actor, capital_actor, president_agent, body_actor):
                if not roles.by and not anaphoric:
                    actor_from(ctx, trig, roles)
            if not roles.by and not anaphoric:
                implied = imply_actor(ctx, trig, kind, roles, self.lex)
            # "The Order directs the Secretary of State to ...": the signer too, on the day of the fact sheet
            granted = directed_measure(ctx, trig, roles) or granted
            orphan = not roles.by and not anaphoric
            if orphan and not roles.targets:
                continue
            # No actor named and no one targeted: at most an elaboration of a measure already read
            # ("a visa ban authorized under Section 7031(c)"); "may be exposed to designation" is dropped.
            if implied and not roles.targets and trig.is_verb:
                continue
            elaboration = implied and not roles.targets and pointed is None
            if renewal is not None:  # "prolong ... until 28 February 2026": when the measure ends, not its date
                untils = until_tokens(renewal)
                trig_dates = [c for c in date_cands if c.start not in untils]
            else:
                trig_dates = date_cands
            date, date_expr = action_date(
                ctx, trig.token, roles.head_verb, trig_dates, base,
                prefer_future=status == "proposed",
                # a conviction a release mentions is a court's, never the measure it announces today
                present_default=status in ("enacted", "lifted") and not foreign_state(ctx, trig, roles) and not (
                    trig.is_verb and trig.token.lemma_.lower() in CONVICTING),
                restated=roles.background,  # "Today's action follows the recent State Department designation"
            )
            if (signed or announced or included or granted) and date is None and date_expr is None and (
                    status in ("enacted", "lifted") or granted):
                date = dates.to_date(base).isoformat() if dates.to_date(base) else None  # the order signed today
            if pointed is not None and date is None and date_expr is None:
                date = pointed.date  # "Concurrently, these individuals are now subject to ...": the same day
            reading = Reading(
                kind=kind, status=status, by=roles.by, targets=roles.targets, under=roles.under, date=date,
                evidence=ctx.unit_chars(trig.token), token_i=trig.token.i, implied_by=implied,
                anaphoric=anaphoric, orphan=orphan, elaboration=elaboration, list_addition=listed,
                date_expr=date_expr, background=roles.background, distinct=roles.distinct, nominal=not trig.is_verb,
                points_to=pointed.evidence if pointed is not None else None,
            )
            segments = [] if anaphoric or elaboration else dated_segments(
                ctx, trig.token, roles.head_verb, trig_dates, base, prefer_future=status == "proposed")
            out.extend(split_by_dates(ctx, reading, segments) if segments else [reading])
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
                # nor is a regime named as what was evaded ("charges ... for conspiring to evade U.S. economic
                # sanctions and violating OFAC's ... Regulations": the law charged goes to the charges)
                own = [t for t in trigs if not _describes(t.token, m) and not _evaded(t.token)] or trigs
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
                and tok.head.head.lemma_.lower() in PACKAGES and not any(
                    c.dep_ == "amod" and c.lower_ == "restrictive" for c in tok.children)):
            # (not "a package of restrictive measures": the EU's name for a sanctions package)
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


def _describes(tok, law) -> bool:
    """The trigger sits in a relative or participial clause attached to the law mention."""
    for _ in range(4):
        if tok.head is tok or tok.head.i == tok.i:
            return False
        if tok.dep_ in ("relcl", "acl") and law.token_start <= tok.head.i < law.token_end:
            return True
        tok = tok.head
    return False


def _evaded(tok) -> bool:
    """'to evade U.S. economic sanctions': a measure noun named as the object of an evasion verb."""
    return tok.dep_ == "dobj" and tok.head.lemma_.lower() in EVASION_VERBS
