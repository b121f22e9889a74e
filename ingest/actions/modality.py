"""Status of an action from the words that govern its trigger: will/plans -> proposed, should/urge ->
advocated, lift/revoke -> lifted, otherwise enacted."""

from __future__ import annotations

from spacy.tokens import Token

from ingest.actions.lexicon import Lexicon

# Reporting verbs end the climb: "X said the U.S. will ..." takes the modality of "will", not of "said".
REPORTING = {"say", "tell", "state", "announce", "add", "note", "report", "write", "tweet", "explain", "declare"}
INTENT_VERBS = {"seek", "vow", "pledge", "promise", "hope", "resolve"}
CONFERRING = {"authorize", "authorise", "empower", "permit", "allow"}
INSTRUMENTS = {"order", "e.o.", "eo", "act", "law", "statute", "section", "provision", "proclamation", "regulation",
               "regulations", "authority"}
TEMPORAL = {"after", "before", "following", "since", "amid", "despite", "over", "because", "like", "than"}
GENERIC_ACTS = {"effort", "attempt", "bid", "move", "step", "action", "measure", "decision"}
CLIMB_DEPS = {"csubj", "xcomp", "dobj", "pobj", "prep", "nsubjpass", "nsubj", "attr", "oprd", "conj", "acl", "advcl",
              "ccomp", "relcl", "appos", "compound", "amod", "nmod", "pcomp", "agent"}


def is_capability(trigger: Token, head_verb: Token | None, lex: Lexicon) -> bool:
    """'OFAC's ability to designate and add persons', 'authority ... to expand sanctions': no measure."""
    chain = _chain(trigger, head_verb)
    if any(t is not trigger and t.lemma_.lower() in lex.capability_heads for t in chain):
        return True
    # "any effort by the ICC to investigate, arrest, detain, or prosecute protected persons": a kind of act
    # named in general, no act taken
    if any(t.i != trigger.i and t.pos_ == "NOUN" and t.lemma_.lower() in GENERIC_ACTS and any(
            c.dep_ == "det" and c.lower_ in ("any", "every") for c in t.children) for t in chain):
        return True
    # "The Secretary of the Treasury is authorized to impose any of the sanctions": a power conferred
    if any(t is not trigger and t.lemma_.lower() in ("authorize", "authorise", "empower") and any(
            c.dep_ == "auxpass" for c in t.children) for t in chain):
        return True
    # "OFAC can prohibit or impose strict conditions": a power described, not used
    return any(c.lower_ in ("can", "ca") and c.dep_ == "aux" for t in chain for c in t.children)


def confers_power(trigger: Token, head_verb: Token | None) -> bool:
    """'E.O. 13902, which authorizes Treasury to sanction any Iranian financial institution': an instrument
    conferring a power, no measure (not 'The President authorized Treasury to sanction X', a directive)."""
    for t in _chain(trigger, head_verb):
        if t is trigger or t.lemma_.lower() not in CONFERRING:
            continue
        for subj in (c for c in t.children if c.dep_ == "nsubj"):
            if (subj.lower_ in ("which", "that") and t.dep_ == "relcl") or subj.lemma_.lower() in INSTRUMENTS:
                return True
    return False


def is_hypothetical(trigger: Token, head_verb: Token | None) -> bool:
    """'the United States may ease or remove sanctions when circumstances warrant': a possibility, which with
    no one named reports no measure."""
    chain = _chain(trigger, head_verb)[:3]
    modal = {c.lower_ for t in chain for c in t.children if c.dep_ == "aux"}
    if modal & {"can", "ca"}:
        return True
    if not modal & {"may", "might", "could"}:
        return False
    # a forecast ("other actions this week could include new rules") is a proposal; a rule of conduct with a
    # condition ("may ... when circumstances warrant") is not
    return any(c.dep_ == "advcl" and any(m.dep_ == "advmod" and m.lower_ in ("when", "whenever") or
                                         m.dep_ == "mark" and m.lower_ in ("if", "when", "unless", "whenever")
                                         for m in c.children)
               for t in chain for c in t.children)


def is_negated(trigger: Token, head_verb: Token | None) -> bool:
    """'has not lifted a single sanction', 'did not designate': the measure was not taken."""
    for t in _chain(trigger, head_verb)[:3]:
        if any(c.dep_ == "neg" for c in t.children):
            return True
        if any(c.dep_ == "det" and c.lower_ == "no" for c in t.children) and t is trigger:
            return True  # "no sanctions were imposed"
    return False


def is_ongoing(trigger: Token, head_verb: Token | None) -> bool:
    """'continue to ramp up sanctions against Chinese entities', 'will continue to target ...': a statement
    of ongoing policy; with no named target it reports no one measure."""
    chain = _chain(trigger, head_verb)
    return any(t.lemma_.lower() in ("continue", "keep", "remain") for t in chain if t is not trigger)


def _intended(trigger: Token, head_verb: Token | None) -> bool:
    """'seeks to impose', 'vowed to sanction', 'looks forward to signing a bill': the measure is the direct
    complement of a verb of intent (only then: 'Razavi promised to provide X, also designated today')."""
    for v in (trigger, head_verb):
        if v is None or v.pos_ not in ("VERB", "AUX"):
            continue
        if v.dep_ == "xcomp" and v.head.lemma_.lower() in INTENT_VERBS:
            return True
        if v.dep_ == "pcomp" and v.head.lower_ == "to" and v.head.head.lemma_.lower() == "look" and any(
                c.lower_ == "forward" for c in v.head.head.children):
            return True
    return False


def status_of(trigger: Token, head_verb: Token | None, lex: Lexicon, legislation: bool = False) -> str:
    if _intended(trigger, head_verb):
        return "proposed"
    chain = _chain(trigger, head_verb)
    lifted = False
    # "Today, the United States will sanction an expansive list of Putin's cronies": a fact sheet announcing the
    # day's measures in the future tense reports them as taken
    today = any(c.lower_ == "today" and c.dep_ in ("npadvmod", "advmod") for t in chain for c in t.children)
    for k, tok in enumerate(chain):
        lemma = tok.lemma_.lower()
        low = tok.lower_
        # "Treasury's sanctions against MS-13 aim to interrupt ...": the measure is the subject of the verb of
        # intent, not its object; only the verb's auxiliaries ("sanctions will target") say anything
        subject_of = k > 0 and chain[k - 1].dep_ in ("nsubj", "nsubjpass") and chain[k - 1].head.i == tok.i
        for c in tok.children:
            cl = c.lower_
            if c.dep_ in ("aux", "auxpass") or c.tag_ == "MD":
                if cl in lex.advocated_aux or c.lemma_.lower() in lex.advocated_aux:
                    return "advocated"
                if cl in lex.proposed_aux or c.lemma_.lower() in lex.proposed_aux:
                    if today and cl in ("will", "'ll", "shall"):
                        continue
                    if cl in ("will", "'ll", "shall") and _announced_lifting(chain[:k + 1], lex):
                        return "lifted"
                    return "proposed"
            if c.dep_ == "amod" and c.lemma_.lower() in lex.proposed_heads and tok is trigger:
                return "proposed"  # "possible sanctions", "proposed tariffs"
        if tok is not trigger and not subject_of:
            if lemma in lex.advocated_heads or low in lex.advocated_heads:
                return "advocated"
            # ("an 11th round ... aimed at restricting exports": a participle that says what a taken measure is
            # for, not a plan)
            purpose = lemma == "aim" and tok.tag_ == "VBN" and tok.dep_ == "acl"
            if (lemma in lex.proposed_heads or low in lex.proposed_heads) and not purpose:
                return "proposed"
            if (lemma in ("go", "be") and any(c.dep_ == "xcomp" for c in tok.children)
                    and tok.tag_ == "VBG"):  # "is going to designate"
                return "proposed"
        if lemma in lex.lifted_heads and (tok is not trigger or tok.pos_ == "NOUN"):
            lifted = True
    if legislation:
        lemma = trigger.lemma_.lower()
        if lemma in lex.proposing_verbs:
            return "proposed"
    return "lifted" if lifted else "enacted"


def _announced_lifting(chain: list[Token], lex: Lexicon) -> bool:
    """'The European Union will lift sanctions on Syria's economy': an actor announcing that it lifts a measure
    reports the lifting (status lifted), unless a condition holds it back ('will lift ... if', 'when')."""
    verb = chain[-1]
    if verb.lemma_.lower() not in lex.lifted_heads or verb.pos_ != "VERB":
        return False
    if not any(c.dep_ == "nsubj" for c in verb.children):
        return False
    return not any(c.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") and m.lower_ in ("if", "when", "unless",
                                                                                        "once", "whenever")
                                             for m in c.children) for c in verb.children)


def measure_chain(trigger: Token, head_verb: Token | None = None) -> list[Token]:
    """The trigger and the words above it inside its clause (public for the package frames)."""
    return _chain(trigger, head_verb)


def _chain(trigger: Token, head_verb: Token | None) -> list[Token]:
    """The trigger and the words above it inside its clause (at most a few hops)."""
    out = [trigger]
    tok = trigger
    for _ in range(5):
        if tok.dep_ not in CLIMB_DEPS or tok.head is tok:
            break
        if tok.dep_ == "pobj" and tok.head.lower_ in TEMPORAL:
            break  # "calling for limits after the administration's actions": the actions are their own event
        nxt = tok.head
        if nxt.lemma_.lower() in REPORTING and tok.dep_ in ("ccomp", "conj"):
            break
        out.append(nxt)
        if tok.dep_ in ("ccomp", "advcl") or nxt.pos_ in ("VERB", "AUX") and nxt.dep_ in ("ROOT",):
            break
        tok = nxt
    if head_verb is not None and head_verb not in out:
        out.append(head_verb)
    return out
