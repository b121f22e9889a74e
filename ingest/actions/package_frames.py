"""The measures of a sanctions package, one action each (ONTOLOGY: "a package is split by measure").

Reports of an adopted package (EU Council packages, a government's "new round of sanctions against X")
list its trade measures in the future or the passive, with no actor of their own: "Member states will no
longer be allowed to import Russian steel", "Exports of aircraft parts and investments in mining projects
will be banned", "There will also be a transit ban for Russian oil", "The package's sanctions also target 27
vessels". Once the text reports the package as adopted, these are its contents: enacted, taken by the
package's actor, against the country the package is aimed at (unless they name their own target), on the
package's date. Each kind of trade measure (imports, exports, transit, investment, vessels) is one action.

The package anchor is read from the parse: a package noun ("package", "round", "tranche", "set") of
sanctions or measures that is the object of an adoption verb with a Country or Authority subject, or the
subject of a passive with such an agent.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ingest import dates
from ingest.actions.assemble import Reading
from ingest.actions.body_actors import bare_body
from ingest.actions.context import DocContext
from ingest.actions.lexicon import Lexicon
from ingest.actions.modality import is_hypothetical, measure_chain

# "stop short of a ban", "fall short of an embargo": the measure is what was not done.
SHORT_OF_VERBS = {"stop", "fall"}
PACKAGE_NOUNS = {"package", "round", "tranche", "set", "wave"}
# (not "a limited set of new restrictions on imports": one measure of its own, read by the generic frames)
PACKAGE_OF = {"sanction", "sanctions", "measure", "penalty"}
# "Instead of an import ban ...", "rather than an export ban": the measure not taken
COUNTERFACTUAL = {"instead", "rather", "without"}
ADOPTION_VERBS = {"adopt", "agree", "approve", "endorse", "announce", "impose", "unveil", "introduce", "pass",
                  "finalize", "finalise", "roll", "slap", "level", "back", "rubber-stamp"}
ACTOR_TYPES = {"Country", "Authority"}
# What a trade measure of a package bans, by the word that names it (noun or verb), and the kind it gives
# (ONTOLOGY: take the kind from what the text states; transit and investment bans are `other`).
TRADE_WORDS = {
    "import": ("import", "import_ban"), "imports": ("import", "import_ban"), "importation": ("import", "import_ban"),
    "export": ("export", "export_control"), "exports": ("export", "export_control"),
    "sale": ("export", "export_control"), "sell": ("export", "export_control"),
    "transit": ("transit", "other"), "transshipment": ("transit", "other"), "transhipment": ("transit", "other"),
    "transship": ("transit", "other"), "tranship": ("transit", "other"),
    "investment": ("investment", "other"), "invest": ("investment", "other"),
}
BAN_NOUNS = {"ban", "prohibition", "embargo"}
BAN_VERBS = {"ban", "prohibit", "bar", "forbid"}
# "X will no longer be allowed to import ...": a permission withdrawn is a ban
PERMIT_VERBS = {"allow", "permit"}
VESSEL_WORDS = {"vessel", "ship", "tanker"}
# "the halting of all export permits", "no longer issuing new export permits": trade stopped by refusing
# the licences for it
STOP_NOUNS = {"halt", "halting", "suspension", "cancellation", "revocation", "end", "freeze"}
PERMIT_NOUNS = {"permit", "licence", "license", "authorization", "authorisation"}


def stops_short(trigger: Token) -> bool:
    """'The measures stop short of an EU ban on LNG imports': the trigger is the object of 'short of'."""
    tok = trigger
    for _ in range(4):
        head = tok.head
        if head is tok:
            return False
        if head.lower_ == "short" and head.head.lemma_.lower() in SHORT_OF_VERBS:
            return True
        tok = head
    return False


@dataclass
class Package:
    by: list[str]
    countries: list[str]
    date: str | None
    unit: int  # start token of the unit that reports the adoption


def package_anchor(ctx: DocContext, base: str | None) -> Package | None:
    """The first package of sanctions the text reports as adopted by a named state actor."""
    for tok in ctx.tokens:
        if tok.lemma_.lower() not in PACKAGE_NOUNS or tok.pos_ != "NOUN" or not _of_measures(tok):
            continue
        verb = tok.head
        if verb.lemma_.lower() not in ADOPTION_VERBS or verb.pos_ != "VERB":
            continue
        if any(c.dep_ == "aux" and c.lower_ in ("will", "would", "could", "may", "might", "should")
               for c in verb.children):
            continue  # a package still to come is no adopted one
        if tok.dep_ == "dobj":
            actors = [c for c in verb.children if c.dep_ == "nsubj"]
        elif tok.dep_ == "nsubjpass":
            actors = [o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
        else:
            continue
        by = [m.entity_id for a in actors for m in ctx.mentions_in(range(a.left_edge.i, a.right_edge.i + 1))
              if ctx.etype(m) in ACTOR_TYPES and not ctx.is_possessor(m)]
        # "The Council adopted a package of restrictive measures": the bare body noun is the document's Council
        by += [b for a in actors if (b := bare_body(ctx, a)) is not None]
        # "Trudeau announced Canada's second tranche of sanctions": the state that owns the package
        by += [m.entity_id for c in tok.children if c.dep_ == "poss" and (m := ctx.mention(c.i)) is not None
               and ctx.etype(m) == "Country"]
        if not by:
            continue
        countries = [m.entity_id for w in _aimed_at(tok)
                     for m in ctx.mentions_in(range(w.left_edge.i, w.right_edge.i + 1))
                     if ctx.etype(m) == "Country" and m.entity_id not in by]
        day = dates.to_date(base)
        return Package(by=list(dict.fromkeys(by)), countries=list(dict.fromkeys(countries)),
                       date=day.isoformat() if day else None, unit=ctx.unit_start[tok.i])
    return None


def _of_measures(tok: Token) -> bool:
    """'sanctions package', 'package of sanctions', 'new round of restrictive measures'."""
    for c in tok.children:
        if c.dep_ in ("compound", "amod") and c.lemma_.lower() in PACKAGE_OF:
            return True
        if c.dep_ == "prep" and c.lower_ == "of" and any(
                o.dep_ == "pobj" and o.lemma_.lower() in PACKAGE_OF for o in c.children):
            return True
    return False


def _aimed_at(tok: Token) -> list[Token]:
    """The objects of 'against'/'on' after the package noun or after its 'of sanctions'."""
    heads = [tok] + [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children]
    return [o for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in ("against", "on", "vs", "vs.")
            for o in p.children if o.dep_ == "pobj"]


def package_readings(ctx: DocContext, earlier: list[Reading], base: str | None, lex: Lexicon) -> list[Reading]:
    """One reading per trade measure of an adopted package (see the module docstring)."""
    pkg = package_anchor(ctx, base)
    if pkg is None:
        return []
    # measures the generic frames already read (the package's own report aside)
    reports = {ctx.unit_start[t.i] for t in ctx.tokens if t.lemma_.lower() in PACKAGE_NOUNS and _of_measures(t)}
    taken = {(r.kind, b) for r in earlier for b in r.by if ctx.unit_start[r.token_i] not in reports
             and not ctx.tokens[ctx.unit_start[r.token_i]].text.startswith("#")}
    for r in earlier:
        if not r.by and r.orphan and ctx.unit_start[r.token_i] in reports:
            # "European Union governments adopted a new package of sanctions against Russia": the package's
            # own report is the package actor's measure
            r.by, r.orphan = list(pkg.by), False
    # "EU foreign ministers adopted a new package ... on Monday, including an import ban on ...": the
    # package's date is the one its own report gives, when it gives one, not the publication date
    own = [r.date for r in earlier if ctx.unit_start[r.token_i] == pkg.unit and r.date and set(r.by) & set(pkg.by)]
    if own:
        pkg.date = own[0]
    seen: set[str] = set()
    out: list[Reading] = []
    for tok in ctx.tokens:
        s = ctx.unit_start[tok.i]
        if s < pkg.unit or ctx.tokens[s].text.startswith("#"):
            continue
        for key, kind, trigger in (_trade_measure(tok) + _vessel_measure(tok) + _financial_measure(tok)
                                   + _listing_measure(tok)):
            # (ships are no entities: a measure on them is never among the generic readings of named targets)
            if key in seen or (key != "vessels" and any((kind, b) in taken for b in pkg.by)) or (
                    not _stated_as_content(trigger, lex)):
                continue
            if _own_actor(ctx, trigger, pkg):
                continue  # "The EU on Friday adopted sanctions, including bans on ...": that actor's measure
            seen.add(key)
            targets = [] if key in ("vessels", "listings") else pkg.countries  # counted, no one named
            out.append(Reading(kind=kind, status="enacted", by=list(pkg.by), targets=list(targets), under=[],
                               date=pkg.date, evidence=ctx.unit_chars(tok), token_i=tok.i, distinct=True))
    _date_package_measures(ctx, earlier, pkg)
    return out


# clauses that tell another time than the package's ("Since the EU introduced the oil price cap, ...")
OTHER_TIME = {"since", "after", "before", "when", "until", "once"}  # (not contrastive "while", "as")


def _date_package_measures(ctx: DocContext, readings: list[Reading], pkg: Package) -> None:
    """'The EU also introduced further restrictions on exports of goods ...' in the report of the package:
    the package actor's undated measures told after its adoption are its contents, of its date."""
    if pkg.date is None:
        return
    for r in readings:
        if r.date or r.date_expr or r.background or r.status != "enacted" or not set(r.by) & set(pkg.by):
            continue
        if ctx.unit_start[r.token_i] < pkg.unit or _other_time(ctx.tokens[r.token_i]):
            continue
        r.date = pkg.date


def _other_time(tok: Token) -> bool:
    for _ in range(6):
        if tok.dep_ in ("advcl", "relcl", "pcomp") and any(
                c.dep_ in ("mark", "advmod") and c.lower_ in OTHER_TIME for c in tok.children):
            return True
        if tok.dep_ == "pobj" and tok.head.lower_ in OTHER_TIME:
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


Found = list[tuple[str, str, Token]]


def _trade_measure(tok: Token) -> Found:
    lemma = tok.lemma_.lower()
    if tok.pos_ == "NOUN" and lemma in BAN_NOUNS:
        # "a transit ban", "an import ban on coal", "a ban on the import of coal", "bans on imports of X"
        words = [c for c in tok.children if c.dep_ in ("compound", "amod")]
        for p in tok.children:
            if p.dep_ == "prep" and p.lower_ in ("on", "of"):
                for o in p.children:
                    if o.dep_ == "pobj":
                        words += [o, *o.conjuncts]
        return _trades(words, tok)
    if tok.pos_ == "VERB" and lemma in BAN_VERBS and any(c.dep_ == "auxpass" for c in tok.children):
        # "Exports of X and investments in Y will be banned"
        # the parser may hang the second trade on the first one's object ("exports of X and investments in Y")
        # ("investments in and exports to X" when a preposition is left hanging): every noun of the subject
        subj = [w for c in tok.children if c.dep_ == "nsubjpass" for w in c.subtree
                if w.i == c.i or w.pos_ == "NOUN"]
        return _trades(subj, tok)
    if tok.pos_ == "NOUN" and lemma in STOP_NOUNS:
        permits = [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                   if o.dep_ == "pobj" and o.lemma_.lower() in PERMIT_NOUNS]
        return _trades([c for o in permits for c in o.children if c.dep_ in ("compound", "amod")], tok)
    if tok.pos_ == "VERB" and lemma in ("issue", "grant") and any(
            c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children) for c in tok.children):
        permits = [o for o in tok.children if o.dep_ == "dobj" and o.lemma_.lower() in PERMIT_NOUNS]
        return _trades([c for o in permits for c in o.children if c.dep_ in ("compound", "amod")], tok)
    if tok.pos_ == "VERB" and lemma in PERMIT_VERBS and _withdrawn(tok):
        # "gas terminals will no longer be allowed to import LNG from Russia"
        comps = [c for c in tok.children if c.dep_ == "xcomp"]
        return _trades(comps, tok)
    return []


def _trades(words: list[Token], trigger: Token) -> Found:
    """Each trade the words name, once ('exports to X and investments in Y': two measures)."""
    out: Found = []
    for w in words:
        hit = TRADE_WORDS.get(w.lower_) or TRADE_WORDS.get(w.lemma_.lower())
        if hit and all(hit[0] != k for k, _, _ in out):
            out.append((hit[0], hit[1], trigger))
    return out


def _withdrawn(verb: Token) -> bool:
    """'will no longer be allowed', 'will not be permitted' (passive)."""
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return False
    return any(c.dep_ == "neg" or (c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children))
               for c in verb.children)


def _vessel_measure(tok: Token) -> Found:
    """'The package's sanctions also target 27 specific vessels', '189 vessels ... were targeted today': a
    counted group of ships, not entities."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in ("target", "list", "designate", "sanction"):
        return []
    if any(c.dep_ == "auxpass" for c in tok.children):
        objs = [c for c in tok.children if c.dep_ == "nsubjpass" and c.lemma_.lower() in VESSEL_WORDS]
    elif any(c.dep_ == "nsubj" and c.lemma_.lower() in PACKAGE_OF for c in tok.children):
        objs = [c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in VESSEL_WORDS]
    else:
        return []
    if objs and any(c.dep_ == "nummod" for o in objs for c in o.children):
        return [("vessels", "sanction", tok)]
    return []


LISTED_WORDS = {"individual", "person", "entity", "people", "official", "company", "organisation", "organization"}


def _listing_measure(tok: Token) -> Found:
    """'including listings of 28 individuals and 3 entities', 'today's addition of 75 new listings (17 persons
    and 58 entities)': the package's listings on the sanctions list, a designation (ONTOLOGY: listing on the EU's
    sanctions list is a `designation`), counted, naming no one."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in ("listing", "listings"):
        return []
    counted = any(c.dep_ == "nummod" for c in tok.children) or any(
        c.dep_ == "prep" and c.lower_ == "of" and any(
            o.dep_ == "pobj" and o.lemma_.lower() in LISTED_WORDS and any(n.dep_ == "nummod" for n in o.children)
            for o in c.children) for c in tok.children)
    return [("listings", "designation", tok)] if counted else []


def _financial_measure(tok: Token) -> Found:
    """'It also tightens financial sanctions against Russia by banning European banks from ...': the package's
    financial measures, a sanction of their own."""
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in ("sanction", "sanctions", "restriction") and any(
            c.dep_ == "amod" and c.lower_ == "financial" for c in tok.children):
        return [("financial", "sanction", tok)]
    return []


def _own_actor(ctx: DocContext, trigger: Token, pkg: Package) -> bool:
    """The clause of the measure names another state actor as its subject."""
    for t in measure_chain(trigger):
        for c in t.children:
            if c.dep_ not in ("nsubj", "agent"):
                continue
            # ("EU restrictive measures in respect of actions ... of Ukraine now apply to ...": a state named
            # in the subject's complements or conjuncts is no actor; the subject's head and its modifiers are)
            end = c.i + 1 if c.dep_ == "nsubj" else c.right_edge.i + 1
            if any(ctx.etype(m) in ACTOR_TYPES and m.entity_id not in pkg.by
                   for m in ctx.mentions_in(range(c.left_edge.i, end))):
                return True
    return False


def _stated_as_content(trigger: Token, lex: Lexicon) -> bool:
    """The measure is told as what the package does: not urged, planned by someone, capable or conditional
    ('may ban ... if'); a future auxiliary alone is the package's effect ('will be banned')."""
    chain = measure_chain(trigger)
    if is_hypothetical(trigger, None):
        return False
    if stops_short(trigger) or _other_time(trigger):
        return False  # "Since the EU introduced an import ban on coal, ...": an earlier measure
    if any(t.dep_ == "pobj" and t.head.lower_ in ("of", "than", "without") and (
            t.head.lower_ == "without" or any(c.lower_ in COUNTERFACTUAL for c in t.head.head.subtree
                                               if c.i < t.head.i)) for t in chain):
        return False
    for t in chain:
        if t.i == trigger.i:
            continue
        low = t.lemma_.lower()
        if low in lex.proposed_heads or low in lex.advocated_heads or low in lex.capability_heads:
            return False
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in lex.advocated_aux for c in t.children):
            return False
    return not any(c.dep_ in ("aux",) and c.lower_ in lex.advocated_aux for c in trigger.children)
