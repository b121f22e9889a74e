"""Titles with no named holder bring in no body (ONTOLOGY entity conventions).

A lexicon title names its body ("Secretary of State" -> Department of State). With a holder ("Secretary of State
Mike Pompeo", "Adam Szubin, acting Under Secretary ...") the title is the body's mention and gives HOLDS_ROLE. An
order's boilerplate ("the Secretary of the Treasury, in consultation with the Secretary of State, is hereby
authorized") names offices, not bodies: the department is a node only where the text names it, and then the
title is one more mention of it.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ingest.extensions import EntityRecord, Mention, doc_tokens

# Tokens that may stand between a title and its holder: "Under Secretary ... Brian E. Nelson", "Adam Szubin,
# acting Under Secretary", "Director of OFAC, Andrea Gacki", markup around bold names.
_GAP = {
    ",", "the", "acting", "former", "then", "now", "-", "*", "**", "_", "as", "is", "was", "serves", "served", "who",
    "has", "been", "also", "previously", "currently",
}
_MAX_GAP = 6  # "Robert Werner, who served as the Director of OFAC"
_MEASURE_VERBS = {"impose", "designate", "sanction", "block", "add", "restrict", "ban", "freeze", "suspend", "identify",
                  "announce", "prohibit", "list", "revoke"}
_DELEGATION = re.compile(r"\b(?:is|are) hereby (?:authorized|directed|empowered)\b|\bshall take all appropriate action")
# Role words whose "of <office>" names the office only as a post ("the Director of the Office of Management and
# Budget"): capitalised, as boilerplate writes them.
_OFFICE_ROLES = {"Director", "Administrator", "Secretary", "Chairman", "Chair", "Head", "Commissioner"}


def drop_holderless_titles(
    doc: Doc, records: dict[str, EntityRecord], mentions: list[Mention]
) -> tuple[dict[str, EntityRecord], list[Mention]]:
    """Remove the entities that are mentioned only inside titles no person holds."""
    toks = doc_tokens(doc)
    spans = {id(m): _title_span(toks, m, records) for m in mentions}
    titled = {m.entity_id for m in mentions if spans[id(m)] is not None}
    if not titled:
        return records, mentions
    named = {m.entity_id for m in mentions if spans[id(m)] is None}
    only_titles = titled - named
    if not only_titles:
        return records, mentions
    person_starts, person_ends = set(), set()
    for m in mentions:
        rec = records.get(m.entity_id)
        if rec is not None and rec.type == "Person":
            person_starts.add(m.token_start)
            person_ends.add(m.token_end)
    held = set()
    for m in mentions:
        if m.entity_id in only_titles and (
            _has_holder(toks, spans[id(m)], person_starts, person_ends) or _delegated(toks, m)
        ):
            held.add(m.entity_id)
    drop = only_titles - held
    if not drop:
        return records, mentions
    return (
        {k: v for k, v in records.items() if k not in drop},
        [m for m in mentions if m.entity_id not in drop],
    )


def _title_span(toks: list, m: Mention, records: dict[str, EntityRecord]) -> tuple[int, int] | None:
    """The token span of the title a mention stands in: a lexicon title, or an office named after a role
    word ("the Director of the Office of Management and Budget"); None for a plain mention."""
    if m.source == "title":
        # a lower-case title ("every member of Congress") names the body itself, not a post
        return (m.token_start, m.token_end) if m.text[:1].isupper() else None
    rec = records.get(m.entity_id)
    if rec is None or rec.type != "Authority":
        return None
    i = m.token_start - 1
    if i >= 0 and toks[i].lower_ == "the":
        i -= 1
    if i >= 1 and toks[i].lower_ == "of" and toks[i - 1].text in _OFFICE_ROLES:
        return i - 1, m.token_end
    return None


def _has_holder(toks: list, span: tuple[int, int], person_starts: set[int], person_ends: set[int]) -> bool:
    n = len(toks)
    i = span[1]
    for _ in range(_MAX_GAP + 1):  # the holder after the title
        if i in person_starts:
            return True
        if i >= n or not (toks[i].is_space or toks[i].lower_ in _GAP or toks[i].is_title and _initial(toks[i])):
            break
        i += 1
    i = span[0]
    for _ in range(_MAX_GAP + 1):  # the holder before it, in apposition
        if i in person_ends:
            return True
        if i <= 0 or not (toks[i - 1].is_space or toks[i - 1].lower_ in _GAP):
            break
        i -= 1
    return False


def _delegated(toks: list, m: Mention) -> bool:
    """An order's delegation clause brings in the body its title names ("The Secretary of the Treasury, in
    consultation with the Secretary of State, is hereby authorized"; "the Order directs the Secretary of State to";
    "the Secretary of State or the Secretary of the Treasury, as applicable, shall take all appropriate action"), and
    so does a measure the office takes itself; the body consulted gets nothing."""
    sent = toks[m.token_start].sent
    before = " ".join(t.lower_ for t in toks[max(sent.start, m.token_start - 4) : m.token_start])
    if "consultation with" in before or "consult with" in before:
        return False
    if before.split()[-2:-1] in (["directs"], ["directed"], ["direct"], ["instructs"]):
        return True  # "The Order directs the Secretary of State to review ..."
    root = next((t for t in toks[m.token_start : m.token_end] if not m.token_start <= t.head.i < m.token_end), None)
    if root is not None and root.dep_ == "nsubj" and root.head.lemma_ in _MEASURE_VERBS:
        return True  # the office takes the measure itself: "The Secretary of the Treasury will impose sanctions"
    after = " ".join(t.lower_ for t in toks[m.token_end : sent.end] if not t.is_space)
    return _DELEGATION.search(after) is not None


def _initial(tok) -> bool:
    """'Mr.', 'Dr.' and similar short forms before a name."""
    return tok.text in {"Mr.", "Mrs.", "Ms.", "Dr."}
