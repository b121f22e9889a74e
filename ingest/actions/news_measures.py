"""One measure told several times in a news report: the headline, the lede and the body's details.

- A generic "sanctions" whose clause goes on with the measure itself ("announced sanctions against three
  firms, placing the companies on the unreliable entities list") is that measure: one action, its kind.
- A heading's generic sanction ("# China sanctions US companies") is the body's measure by the same state
  (the state itself, its government or one of its ministries): it adds no action of its own.
- A state and its own ministry reported as taking the same measure ("The UK has imposed sanctions against
  four settlers" ... "The Foreign Office announced restrictions against the four") are one actor pair
  (ONTOLOGY `by`: a parent credited with the same measure).
- Sanctions "that will freeze the assets of" named people are a sanctions-list designation (ONTOLOGY:
  "listing on any government's ... sanctions list"), as "targeted with an asset freeze" is.
- The names a report gives after the measure ("The sanctioned companies are A, B and C", "The sanctioned
  individuals, including A and B, ...", "Among the oligarchs named are A; B") are its targets.
"""

from __future__ import annotations

from spacy.tokens import Token

from ingest.actions.assemble import SPECIFICITY, Reading
from ingest.actions.capital_actors import capital_state
from ingest.actions.consolidate import sovereign
from ingest.actions.context import DocContext
from ingest.actions.news_frames import lede_unit
from policygraph.ontology import KIND_FAMILY

GENERIC = "sanction"
# participles that make a group noun the designees of the measure told before ("the sanctioned companies")
DESIGNEE_PARTICIPLES = {"sanction", "designate", "list", "name", "target", "blacklist", "sanctioned", "designated",
                        "listed", "named", "targeted", "blacklisted"}
FREEZE_VERBS = {"freeze", "block"}
FREEZE_OBJECTS = {"asset", "assets", "property", "fund", "funds"}
NAMED_TYPES = {"Person", "Company", "Organization"}
ACTOR_TYPES = {"Country", "Authority"}


def news_measures(ctx: DocContext, readings: list[Reading], published: str | None) -> list[Reading]:
    """Apply the rules of the module docstring; returns the readings kept."""
    readings = readings + _powers_used(ctx, readings, published) + _parallel_ones(ctx, readings, published)
    readings = _specified(ctx, readings)
    _freeze_designations(ctx, readings)
    _un_listings(ctx, readings)
    _named_designees(ctx, readings, published)
    _join_state_and_ministry(ctx, readings, published)
    _possessive_actor(ctx, readings)
    _economy_targets(ctx, readings)
    _adopted_from_others(ctx, readings)
    _join_leader(ctx, readings)
    _case_actors(ctx, readings)
    _pronoun_targets(ctx, readings)
    return _drop_headline_repeats(ctx, readings)


# "Australia has used cyber-sanction powers for the first time on X": a sanctions power used on someone
USE_VERBS = {"use", "invoke", "exercise", "deploy", "wield", "employ"}
POWER_NOUNS = {"power", "law", "authority", "regime", "framework", "legislation"}


def _powers_used(ctx: DocContext, readings: list[Reading], published: str | None) -> list[Reading]:
    """A state using its sanctions powers or laws on a named person or firm sanctions them (the capability
    reading drops 'powers' otherwise)."""
    out: list[Reading] = []
    cands: list | None = None
    for verb in ctx.tokens:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in USE_VERBS or verb.tag_ in ("VB", "VBG"):
            continue  # "will use", "using": no measure taken yet
        powers = [o for o in verb.children if o.dep_ == "dobj" and o.lemma_.lower() in POWER_NOUNS
                  and any("sanction" in w.lower_ for w in o.subtree if w.i < o.i)]
        if not powers or any(r.token_i == verb.i for r in readings):
            continue
        # "on X" may hang on the verb, the powers or an adjunct ("for the first time on X")
        objs = [w for p in verb.subtree if p.dep_ == "prep" and p.lower_ in ("on", "against")
                and _clause_verb(p).i == verb.i for w in p.children if w.dep_ == "pobj"]
        targets = _named_in(ctx, objs) + [m.entity_id for o in objs for m in
                                          ctx.mentions_in(range(o.left_edge.i, o.right_edge.i + 1))
                                          if ctx.etype(m) == "Country"]
        by = [m.entity_id for c in verb.children if c.dep_ == "nsubj"
              for m in ctx.mentions_in(range(c.left_edge.i, c.right_edge.i + 1)) if ctx.etype(m) in ACTOR_TYPES]
        if not targets or not by:
            continue
        from ingest.actions.dating import action_date, date_spans

        cands = cands if cands is not None else date_spans(ctx)
        date, expr = action_date(ctx, verb, None, cands, published, prefer_future=False, present_default=False)
        if date is None and expr is None and ctx.unit_start[verb.i] == lede_unit(ctx) and any(
                c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.children):
            date = published  # "Australia has used ...": the lede's news of the day
        out.append(Reading(kind=GENERIC, status="enacted", by=by, targets=list(dict.fromkeys(targets)), under=[],
                           date=date, evidence=ctx.unit_chars(verb), token_i=verb.i, date_expr=expr))
    return out


def _clause_verb(tok: Token) -> Token:
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


LIGHT_PARTICIPLES = {"impose", "announce", "levy", "introduce", "adopt", "take", "issue", "unveil"}


def _parallel_ones(ctx: DocContext, readings: list[Reading], published: str | None) -> list[Reading]:
    """'these sanctions, along with ones imposed last week by the US': 'ones' stands for the measure noun it
    is set beside, taken by the agent of its participle: a parallel measure of another actor (ONTOLOGY: one
    action per actor), dated by its own words ('last week' fixes no day)."""
    out: list[Reading] = []
    for tok in ctx.tokens:
        if tok.lower_ not in ("ones", "those") or tok.dep_ not in ("pobj", "conj", "appos"):
            continue
        part = next((c for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN"
                     and c.lemma_.lower() in LIGHT_PARTICIPLES), None)
        if part is None:
            continue
        by = [m.entity_id for a in part.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"
              for m in ctx.mentions_in(range(o.left_edge.i, o.right_edge.i + 1)) if ctx.etype(m) in ACTOR_TYPES]
        unit = ctx.unit_start[tok.i]
        # the measure noun 'ones' stands for: the nearest measure read before it in the same sentence
        model = [r for r in readings if ctx.unit_start[r.token_i] == unit and r.token_i < tok.i]
        if not by and model:
            continue
        model = model or [r for r in readings if r.token_i < tok.i and r.kind in (GENERIC, "designation")]
        if not by or not model:
            continue
        from ingest.actions.dating import action_date, date_spans

        date, expr = action_date(ctx, part, None, date_spans(ctx), published, prefer_future=False,
                                 present_default=False)
        src = max(model, key=lambda r: r.token_i)
        out.append(Reading(kind=src.kind, status="enacted", by=by, targets=[], under=[], date=date,
                           evidence=ctx.unit_chars(tok), token_i=tok.i, date_expr=expr, distinct=True))
    return out


def _heading(ctx: DocContext, r: Reading) -> bool:
    return ctx.tokens[ctx.unit_start[r.token_i]].text.startswith("#")


def _states(ctx: DocContext, by: list[str]) -> set[str]:
    return {s for b in by if ctx.etype_of(b) in ACTOR_TYPES and (s := sovereign(ctx, b))}


def _specified(ctx: DocContext, readings: list[Reading]) -> list[Reading]:
    out = []
    for r in readings:
        tok = ctx.tokens[r.token_i]
        if r.kind == GENERIC and tok.pos_ == "NOUN" and r.by and not r.background:
            verb = tok.head
            spec = next((o for o in readings if o is not r and o.kind != GENERIC and set(o.by) & set(r.by)
                         and ctx.unit_start[o.token_i] == ctx.unit_start[r.token_i]
                         and _participle_of(ctx.tokens[o.token_i], verb)), None)
            if spec is not None:
                spec.targets.extend(t for t in r.targets if t not in spec.targets and t not in spec.by)
                spec.date = spec.date or r.date
                continue
        out.append(r)
    return out


def _participle_of(tok: Token, verb: Token) -> bool:
    """'..., placing the companies on the list': the trigger's clause is a participle hung on `verb`."""
    for _ in range(3):
        if tok.dep_ in ("advcl", "conj", "xcomp") and tok.tag_ == "VBG" and tok.head.i == verb.i:
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _freeze_designations(ctx: DocContext, readings: list[Reading]) -> None:
    """'approved sanctions that will freeze the assets of 18 Russian individuals': a listing."""
    for r in readings:
        tok = ctx.tokens[r.token_i]
        if r.kind != GENERIC or tok.pos_ != "NOUN":
            continue
        for c in tok.children:
            objs = [o for o in c.children if o.dep_ == "dobj" and o.lower_ in FREEZE_OBJECTS]
            if c.dep_ in ("relcl", "acl") and c.lemma_.lower() in FREEZE_VERBS and objs:
                r.kind = "designation"
                # "freeze the assets of Igor Sechin and Andrei Kostin": the owners are the targets
                owners = [w for o in objs for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                          for w in p.children if w.dep_ == "pobj"]
                r.targets.extend(t for t in _named_in(ctx, owners) if t not in r.targets and t not in r.by)


def _un_listings(ctx: DocContext, readings: list[Reading]) -> None:
    """'X is also subject to UN Security Council sanctions': the Security Council's sanctions on a named body or
    person are its sanctions-list listing (a designation, as a listing under a UNSC resolution is)."""
    for r in readings:
        if r.kind == GENERIC and r.by and all(sovereign(ctx, b) == "un" for b in r.by) and any(
                ctx.etype_of(t) in NAMED_TYPES | {"Authority"} for t in r.targets):
            r.kind = "designation"


def _named_designees(ctx: DocContext, readings: list[Reading], published: str | None) -> None:
    """Names given after the measure, in a sentence about its designees, join its targets: those of the
    day's measure when there is one (not an earlier one told in between), else of the latest before. A group
    the text calls designated or listed makes a generic sanction a designation."""
    done: set[int] = set()
    for tok in ctx.tokens:
        s = ctx.unit_start[tok.i]
        if s in done:
            continue
        names = _names_beside(ctx, tok) if _designee_group(tok) else _list_complement(ctx, tok)
        if not names:
            continue
        done.add(s)
        start = ctx.unit_chars(tok)[0]
        before = [r for r in readings if r.evidence[0] < start and r.by and r.status == "enacted"
                  and not r.background and r.kind != "other"]
        if not before:
            continue
        today = [r for r in before if published and r.date == published]
        host = max(today or before, key=lambda r: r.evidence[0])
        host.targets.extend(n for n in names if n not in host.targets and n not in host.by)
        if host.kind == GENERIC and any(c.lemma_.lower() in ("designate", "list", "blacklist") and c.dep_ in (
                "amod", "acl") for c in tok.children):
            host.kind = "designation"  # "among the 15 individuals designated Thursday, ..."


def _designee_group(tok: Token) -> bool:
    """A plural group noun described as the measure's designees: 'the sanctioned companies', 'the 15
    individuals designated Thursday', 'the Russian oligarchs named'."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NNS":
        return False
    return any(c.dep_ in ("amod", "acl") and (c.lower_ in DESIGNEE_PARTICIPLES or c.lemma_.lower() in
                                              DESIGNEE_PARTICIPLES) and c.tag_ in ("VBN", "JJ")
               for c in tok.children)


def _names_beside(ctx: DocContext, group: Token) -> list[str]:
    """The named entities the sentence equates with the group: the complement of a copula ('The sanctioned
    companies are A, B and C'), its inverted subject ('Among the oligarchs named are A; B'), or an
    'including' phrase ('The sanctioned individuals, including A and B, ...')."""
    spans: list[Token] = []
    spans += [o for p in group.children if p.dep_ == "prep" and p.lower_ == "including"
              for o in p.children if o.dep_ == "pobj"]
    head = group.head
    if group.dep_ == "nsubj" and head.lemma_ == "be":
        spans += [c for c in head.children if c.dep_ in ("attr", "acomp")]
    if group.dep_ == "pobj" and head.lower_ == "among":
        # "Among the oligarchs named are A; B", "among the 15 individuals designated Thursday, one named X ..."
        spans += [c for c in head.head.children if c.dep_ in ("nsubj", "attr") and c.i != head.i]
    if group.dep_ in ("nsubj", "attr") and head.lemma_ == "be":
        spans += [c for c in head.children if c.dep_ in ("nsubj", "attr") and c.i != group.i]
    return _named_in(ctx, spans)


def _named_in(ctx: DocContext, spans: list[Token]) -> list[str]:
    """Persons, companies and organisations named in the spans, less the bodies that only qualify a named
    person's title ('Rosneft boss Igor Sechin', 'VTB Bank chairman Andrei Kostin')."""
    out: list[str] = []
    for sp in spans:
        for m in ctx.mentions_in(range(sp.left_edge.i, sp.right_edge.i + 1)):
            if ctx.etype(m) in NAMED_TYPES and not ctx.is_possessor(m) and m.entity_id not in out:
                out.append(m.entity_id)
    employers = {r.target for r in ctx.doc._.pg_relations or [] if r.type == "HOLDS_ROLE" and r.source in out}
    return [e for e in out if e not in employers]


def _list_complement(ctx: DocContext, tok: Token) -> list[str]:
    """'Also making the sanctions list are A and B': an inverted copula whose subject clause puts the names
    on the measure's list."""
    if tok.lemma_.lower() != "make" or tok.tag_ != "VBG" or tok.dep_ not in ("csubj", "ROOT", "advcl", "nsubj"):
        return []
    # the parser reads the inversion either way: 'making' as the copula's subject clause, or as the root
    # with 'the sanctions list are ...' as its complement
    lst = next((t for t in tok.subtree if t.lemma_.lower() == "list"), None)
    if lst is None:
        lst = next((t for t in tok.head.subtree if t.lemma_.lower() == "list" and t.i > tok.i), None)
    if lst is None:
        return []
    copula = tok.head if tok.head.lemma_ == "be" else next(
        (c for c in tok.children if c.dep_ == "ccomp" and c.lemma_ == "be"), None)
    if copula is None:
        return []
    return _named_in(ctx, [c for c in copula.children if c.dep_ in ("nsubj", "attr") and c.i != tok.i
                           and c.i != lst.i])


def _join_state_and_ministry(ctx: DocContext, readings: list[Reading], published: str | None) -> None:
    """A state's measure and its own ministry's report of a measure of the same kind against the same
    (or an unnamed) group, on a compatible date, in the body: one measure by both."""
    body = [r for r in readings if r.by and not r.background and not _heading(ctx, r) and r.status == "enacted"]
    lede = lede_unit(ctx)
    for r in body:
        # the state's measure is the news of the day: told in the lede, dated the publication day
        if not all(ctx.etype_of(b) == "Country" for b in r.by) or ctx.unit_start[r.token_i] != lede:
            continue
        if r.date is None or r.date != published:
            continue
        for o in body:
            if o is r or o.kind != r.kind or any(ctx.etype_of(b) == "Country" for b in o.by):
                continue
            if not _states(ctx, o.by) or not _states(ctx, o.by) <= set(r.by):
                continue
            if o.targets and r.targets and not set(o.targets) & set(r.targets):
                continue
            if o.date and r.date and o.date != r.date:
                continue
            both = r.by + [b for b in o.by if b not in r.by]
            r.by, o.by = list(both), list(both)


# "Switzerland has adopted the latest round of EU sanctions": verbs by which a state takes over another's
# measures as its own
TAKE_OVER_VERBS = {"adopt", "implement", "apply", "mirror", "follow", "copy", "transpose", "replicate", "match",
                   "join"}


def _adopted_from_others(ctx: DocContext, readings: list[Reading]) -> None:
    """'Switzerland has adopted the latest round of European Union sanctions against Russia': the state that
    takes over another's measures takes them itself (ONTOLOGY: one action per actor); the bloc named as the
    measures' origin is no actor of this one."""
    for r in readings:
        tok = ctx.tokens[r.token_i]
        if tok.pos_ != "NOUN" or not r.by:
            continue
        origin = [m.entity_id for c in tok.children if c.dep_ in ("compound", "poss", "amod")
                  for m in ctx.mentions_in(range(c.left_edge.i, c.right_edge.i + 1)) if m.entity_id in r.by]
        if not origin:
            continue
        obj = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else tok  # "round of X sanctions"
        verb = obj.head
        if obj.dep_ != "dobj" or verb.lemma_.lower() not in TAKE_OVER_VERBS:
            continue
        takers = [m.entity_id for c in verb.children if c.dep_ == "nsubj"
                  for m in ctx.mentions_in(range(c.left_edge.i, c.right_edge.i + 1))
                  if ctx.etype(m) in ACTOR_TYPES and m.entity_id not in origin and not ctx.is_possessor(m)]
        if takers:
            r.by = takers + [b for b in r.by if b not in origin and b not in takers]


def _economy_targets(ctx: DocContext, readings: list[Reading]) -> None:
    """'sanctions on Syria's economy', 'measures against Russia's energy sector': the state whose economy or
    sector the measure is aimed at is its target (ONTOLOGY: the country when the text frames the measure as
    against it)."""
    for r in readings:
        tok = ctx.tokens[r.token_i]
        if r.targets or tok.pos_ != "NOUN":
            continue
        for p in tok.children:
            if p.dep_ != "prep" or p.lower_ not in ("on", "against"):
                continue
            for o in p.children:
                for c in o.children if o.dep_ == "pobj" else []:
                    m = ctx.mention(c.i) if c.dep_ == "poss" else None
                    if m is not None and ctx.etype(m) == "Country" and m.entity_id not in r.by:
                        r.targets.append(m.entity_id)


def _join_leader(ctx: DocContext, readings: list[Reading]) -> None:
    """'Japan announced a new round of sanctions against Russia' and 'Japanese Prime Minister Fumio Kishida
    approved sanctions that will freeze the assets of ...': a leader who holds a role of the state and
    approves, signs or orders the state's measure of the day is in its `by` with the state (ONTOLOGY), and
    the two reports are one measure of the more specific kind."""
    roles: dict[str, set[str]] = {}
    for rel in ctx.doc._.pg_relations or []:
        if rel.type == "HOLDS_ROLE" and ctx.etype_of(rel.target) == "Country":
            roles.setdefault(rel.source, set()).add(rel.target)
    for r in readings:
        if r.background or r.status != "enacted" or not r.by or not all(b in roles for b in r.by):
            continue
        states = set().union(*(roles[b] for b in r.by))
        fam = KIND_FAMILY.get(r.kind, r.kind)
        for o in readings:
            if o is r or o.background or o.status != r.status or KIND_FAMILY.get(o.kind, o.kind) != fam:
                continue
            if not o.by or not set(o.by) <= states or (o.date and r.date and o.date != r.date):
                continue
            kind = max((r.kind, o.kind), key=lambda k: SPECIFICITY.get(k, 0))
            both = o.by + [b for b in r.by if b not in o.by]
            for x in (r, o):
                x.by, x.kind = list(both), kind
                x.targets = [t for t in x.targets if t not in both]


CASE_KINDS = {"arrest", "indictment", "detention"}


def _case_actors(ctx: DocContext, readings: list[Reading]) -> None:
    """'A Toronto man ... has been arrested by the RCMP for sanctions violations. Anton Trofimov has been
    charged with two counts of evading ...': one case told in steps. The charges with no actor of their own
    are brought by the body that made the arrest (or charged before), and an arrest of an unnamed person
    is of the person named as charged in the next sentence."""
    case = [r for r in readings if r.kind in CASE_KINDS and r.status == "enacted"]
    for r in case:
        if r.by or r.kind != "indictment" or _heading(ctx, r):
            continue
        acting = [o for o in case if o.by and all(ctx.etype_of(b) in ACTOR_TYPES for b in o.by)]
        if acting:
            near = min(acting, key=lambda o: abs(o.evidence[0] - r.evidence[0]))
            r.by, r.orphan = list(near.by), False
    for r in case:
        if r.targets:
            continue
        nxt = ctx.unit_end[ctx.unit_start[r.token_i]]
        named = [o for o in case if o is not r and ctx.unit_start[o.token_i] == nxt and o.targets
                 and all(ctx.etype_of(t) == "Person" for t in o.targets)]
        if named and not _names_a_person(ctx, ctx.unit_start[r.token_i]):
            r.targets = list(named[0].targets)


def _names_a_person(ctx: DocContext, start: int) -> bool:
    return any(ctx.etype(m) == "Person" for m in ctx.mentions_in(range(start, ctx.unit_end[start])))


def _pronoun_targets(ctx: DocContext, readings: list[Reading]) -> None:
    """'He was sanctioned by the U.S. Treasury in May 2023': the person a subject pronoun stands for is the
    last person the text made the subject of a sentence before it."""
    for r in readings:
        tok = ctx.tokens[r.token_i]
        if r.targets or tok.pos_ != "VERB":
            continue
        if not any(c.dep_ == "nsubjpass" and c.lower_ in ("he", "she") for c in tok.children):
            continue
        person = _last_subject_person(ctx, ctx.unit_start[tok.i])
        if person is not None and person not in r.by:
            r.targets = [person]


def _last_subject_person(ctx: DocContext, start: int) -> str | None:
    """The Person mention that is the subject (or its head noun's apposition) of the closest unit before."""
    s = start
    for _ in range(3):
        if s == 0:
            return None
        s = ctx.unit_start[s - 1]
        for tok in ctx.tokens[s:ctx.unit_end[s]]:
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.lower_ not in ("he", "she", "it", "they"):
                for m in ctx.mentions_in(range(tok.left_edge.i, tok.right_edge.i + 1)):
                    if ctx.etype(m) == "Person" and not ctx.is_possessor(m):
                        return m.entity_id
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.lower_ in ("he", "she"):
                break  # a pronoun again: look one sentence further back
    return None


def _drop_headline_repeats(ctx: DocContext, readings: list[Reading]) -> list[Reading]:
    """'# China sanctions US companies' over 'China's Ministry of Commerce announced ...': the heading's
    generic sanction with no named target of its own repeats the body's measure by the same state."""
    out = []
    for r in readings:
        if r.kind == GENERIC and _heading(ctx, r) and not r.by:
            # "# Seoul sanctions 15 North Korean individuals": the capital the parser took for a target acts
            states = [st for t in r.targets if (st := capital_state(ctx, t))]
            if states:
                r.by = states[:1]
                r.targets = [t for t in r.targets if not capital_state(ctx, t)]
        if r.kind == GENERIC and _heading(ctx, r) and r.by and not [
                t for t in r.targets if ctx.etype_of(t) in NAMED_TYPES]:
            states = _states(ctx, r.by)
            body = [o for o in readings if o is not r and not _heading(ctx, o) and o.status == r.status
                    and _states(ctx, o.by) & states]
            if states and body:
                lede = lede_unit(ctx)
                for o in body:  # the headline's day is the lede's: "Trudeau announced Canada's ..."
                    if o.date is None and o.date_expr is None and ctx.unit_start[o.token_i] == lede:
                        o.date = r.date
                continue
        out.append(r)
    return out


def _possessive_actor(ctx: DocContext, readings: list[Reading]) -> None:
    """'Prime Minister Justin Trudeau announced Canada's second tranche of sanctions': the state that owns
    the measure (a possessive on it or on its package noun) takes it, beside whoever announces it."""
    for r in readings:
        tok = ctx.tokens[r.token_i]
        if tok.pos_ != "NOUN" or r.background:
            continue
        # the possessor of the measure noun itself is its actor only when the noun names its target apart
        # ("Canada's sanctions against Russia"; "Syria's designation as a State Sponsor of Terrorism" is Syria's)
        aimed = any(p.dep_ == "prep" and p.lower_ in ("against", "on") for p in tok.children)
        heads = [tok] if aimed else []
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
            heads.append(tok.head.head)  # "tranche of sanctions", "package of measures"
        for h in heads:
            for c in h.children:
                m = ctx.mention(c.i) if c.dep_ == "poss" else None
                if m is not None and ctx.etype(m) == "Country" and m.entity_id not in r.by:
                    r.by.append(m.entity_id)
                    r.targets = [t for t in r.targets if t != m.entity_id]
