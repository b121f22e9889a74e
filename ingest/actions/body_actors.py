"""Actors a measure's subject names without a mention of its own: a bare body noun ("The Council today adopted
restrictive measures against ...", "the ministry blacklisted ...") and a pronoun in reported speech ("South
Korea's foreign ministry said it would impose sanctions on ...", "Canberra said it had frozen ...").

ONTOLOGY: "Actor from context: ... an acting bare title is the person the text names with it". A bare
definite body noun is read the same way: the one Authority of the document whose name holds that noun (the
Council of the EU for "the Council" in a Council press release). With no such Authority, or several and none
mentioned before the measure, nothing is guessed. A pronoun subject ("it", "they") of a clause reported by a
speech verb is the speaker when the speaker is a state or an authority the document names.
"""

from __future__ import annotations

from spacy.tokens import Token

from ingest.actions.context import DocContext
from ingest.actions.roles import Roles
from ingest.actions.triggers import Trigger
from ingest.actions.voice import SPEECH_VERBS, reporting_subjects

# Head nouns of bodies that take measures; a bare "the <noun>" names the document's body of that kind.
BODY_NOUNS = {"council", "commission", "ministry", "department", "government", "office", "parliament",
              "cabinet", "bureau", "agency", "administration"}
PRONOUNS = {"it", "they"}
ACTOR_TYPES = {"Authority", "Country"}


def _clause_verbs(verb: Token) -> list[Token]:
    """The measure verb and the verbs it hangs from by control or coordination ('decided to impose',
    'adopted and published'): their subjects are the measure's subject."""
    out = [verb]
    tok = verb
    for _ in range(3):
        if tok.dep_ == "acl" and tok.head.dep_ == "dobj" and tok.head.head is not tok.head:
            tok = tok.head.head  # "adopted a decision to lift ...": the subject of the adopting verb
        elif tok.dep_ in ("xcomp", "conj") and tok.head is not tok:
            tok = tok.head
        else:
            break
        out.append(tok)
    return out


def _subjects(verb: Token) -> list[Token]:
    subs = [c for v in _clause_verbs(verb) for c in v.children if c.dep_ == "nsubj"]
    # the passive agent: "was adopted by the Council"
    subs += [p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    return subs


def _body_named(ctx: DocContext, noun: Token) -> str | None:
    """The Authority of the document whose name holds `noun`'s lemma: the only one, or else the one last
    mentioned before it."""
    word = noun.lemma_.lower()
    hits = [rec.id for rec in ctx.entities.values() if rec.type == "Authority" and any(
        word in n.lower().replace(",", " ").split() for n in [rec.name, *rec.aliases])]
    if len(hits) == 1:
        return hits[0]
    if not hits:
        return None
    for i in range(noun.i - 1, -1, -1):
        m = ctx.mention(i)
        if m is not None and m.entity_id in hits:
            return m.entity_id
    return None


def bare_body(ctx: DocContext, subj: Token) -> str | None:
    """'The Council', 'the ministry': a definite body noun, no mention, no name-like modifier."""
    if subj.lemma_.lower() not in BODY_NOUNS or ctx.mention(subj.i) is not None:
        return None
    kids = list(subj.children)
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in kids):
        return None
    if any(c.dep_ in ("compound", "poss", "amod", "prep", "appos") for c in kids):
        return None  # "the foreign ministry", "the Council of Europe": a body of its own, left to the entities
    return _body_named(ctx, subj)


def _speaker(ctx: DocContext, verb: Token) -> str | None:
    """'X said it would impose ...': the subject of the speech verb the measure clause is reported by."""
    tok = verb
    for _ in range(3):
        if tok.dep_ == "ccomp" and tok.head.lemma_.lower() in SPEECH_VERBS:
            for subj in (c for c in tok.head.children if c.dep_ == "nsubj"):
                m = ctx.mention(subj.i)
                if m is None:
                    for t in subj.subtree:  # "South Korea's foreign ministry": the possessor when no mention
                        m = ctx.mention(t.i) or m
                        if m is not None and ctx.etype(m) in ACTOR_TYPES:
                            break
                if m is not None and ctx.etype(m) in ACTOR_TYPES:
                    return m.entity_id
                body = bare_body(ctx, subj)
                if body is not None:
                    return body
            return None
        if tok.dep_ not in ("xcomp", "conj") or tok.head is tok:
            return None
        tok = tok.head
    return None


def body_actor(ctx: DocContext, trig: Trigger, roles: Roles) -> None:
    """The measure's subject is a bare body noun, or a pronoun reporting its speaker's own measure."""
    verb = trig.token if trig.is_verb else roles.head_verb
    if verb is None:
        return
    for subj in _subjects(verb):
        actor = bare_body(ctx, subj)
        if actor is None and subj.lower_ in PRONOUNS:
            actor = _speaker(ctx, subj.head)
        if actor is not None:
            roles.add("by", [actor])
            roles.targets = [t for t in roles.targets if t != actor]
            return
    if not roles.targets and not _quoted(ctx, verb) and any(c.dep_ == "auxpass" for c in verb.children) and not any(
            c.dep_ == "agent" for c in verb.children):
        # "More than 50 companies were sanctioned on Wednesday, the Foreign Office said": the body that reports
        # a passive measure with no agent and no one named announces its own measure (a named target's passive
        # measure joins the measure told of it instead)
        for subj in reporting_subjects(verb):
            m = ctx.mention(subj.i) or next(iter(ctx.mentions_in(range(subj.left_edge.i, subj.i + 1))), None)
            actor = m.entity_id if m is not None and ctx.etype(m) in ACTOR_TYPES else bare_body(ctx, subj)
            if actor is not None:
                roles.add("by", [actor])
                roles.targets = [t for t in roles.targets if t != actor]
                return


def _quoted(ctx: DocContext, verb: Token) -> bool:
    """The verb stands inside a quotation ('announced that "15 workers ... have been designated"'): the quoted
    words are the speaker's report of a measure told elsewhere in the text, left to the other readings."""
    s, _ = ctx.unit(verb)
    before = [t.text for t in ctx.tokens[s:verb.i]]
    return before.count("\"") % 2 == 1 or before.count("\u201c") > before.count("\u201d")
