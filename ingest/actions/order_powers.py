"""What a White House fact sheet says the day's order authorises or directs: measures for later, by its signer.

"The Order also authorizes new sanctions on covered persons ...", "The amended E.O. also authorizes certain
restrictions on new investment in sectors of the ... economy": the order the fact sheet reports signed today
confers a power that is not yet used, so each measure it names is `proposed`, by the President who signs
it, dated the day of the statement (ONTOLOGY: proposed actions take the date of the statement that proposes
them; a measure announced by the actor's own leader is `proposed`).

"The Order directs the Secretary of State to review ... designation", "The NSPM directs the Secretary of the
Treasury to impose maximum economic pressure on the Government of Iran, including by sanctioning ...": the
signer directs the measure, so he joins the official's department in `by` (ONTOLOGY: a leader who signs,
directs or orders a measure is in `by`).

Only the day's own order counts: a definite "the/this Order", "the amended E.O.", "the NSPM" with no number
("E.O. 13902, which authorizes Treasury to sanction ..." describes an older instrument: no measure). An order
document itself is read by `orders.order_readings`; nothing here applies to it.
"""

from __future__ import annotations

from spacy.tokens import Token

from ingest.actions.context import DocContext
from ingest.actions.orders import _title_targets, is_order, signer
from ingest.actions.roles import Roles
from ingest.actions.triggers import Trigger
from ingest.extensions import doc_text

ORDER_NOUNS = {"order", "e.o.", "eo", "nspm", "memorandum", "proclamation"}
GRANTING = {"authorize", "authorise", "allow", "permit", "enable"}
DIRECTING = {"direct", "instruct", "task"}
OWN_DETERMINERS = {"the", "this", "today", "today's"}
STATE_TYPES = ("Country", "Authority")


def own_order_verb(trigger: Token, lemmas: set[str]) -> Token | None:
    """The verb of `lemmas` above the trigger (a few hops, inside its clause) whose subject is the day's
    own order: 'The Order also authorizes new sanctions', 'The amended E.O. also authorizes ...'."""
    tok = trigger
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in lemmas:
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            return tok if subj is not None and _own_order(subj) else None
        if tok.head is tok or tok.dep_ in ("ccomp", "advcl", "relcl", "ROOT"):
            return None
        tok = tok.head
    return None


def _own_order(subj: Token) -> bool:
    """'The Order', 'This E.O.', 'The amended E.O.', 'The NSPM' -- not 'E.O. 13902' nor 'an order'."""
    if subj.lower_ not in ORDER_NOUNS and subj.lemma_.lower() not in ORDER_NOUNS:
        return False
    if any(c.like_num or c.dep_ == "nummod" for c in subj.children):
        return False
    dets = [c.lower_ for c in subj.children if c.dep_ in ("det", "poss")]
    return bool(dets) and all(d in OWN_DETERMINERS for d in dets)


def _fact_sheet_signer(ctx: DocContext) -> str | None:
    text = doc_text(ctx.doc)
    return None if is_order(text) else signer(ctx)


def granted_measure(ctx: DocContext, trig: Trigger, roles: Roles) -> bool:
    """'The Order also authorizes new sanctions on ...' in a fact sheet: the signer's proposed measure.
    Adds the signer to `by` and says whether the reading is one (the caller makes it `proposed`)."""
    if own_order_verb(trig.token, GRANTING) is None:
        return False
    president = _fact_sheet_signer(ctx)
    if president is None:
        return False
    roles.add("by", [president])
    if not roles.targets:
        # "The Order also authorizes new sanctions on covered persons ...": no one named, so the measure is
        # aimed where the fact sheet's title aims the order ("... Imposes Sanctions on Cuban Regime Officials")
        roles.add("targets", [t for t in _title_targets(ctx, set(roles.by)) if ctx.etype_of(t) in STATE_TYPES])
    return True


def directed_measure(ctx: DocContext, trig: Trigger, roles: Roles) -> bool:
    """'The Order directs the Secretary of State to review ...': the signer joins the directed official's body.
    Says whether it did (the measure is then dated the day of the fact sheet)."""
    if not roles.by or own_order_verb(trig.token, DIRECTING) is None:
        return False
    president = _fact_sheet_signer(ctx)
    if president is None:
        return False
    if president not in roles.by:
        roles.by.insert(0, president)
    return True
