"""Sentence units the action frames read: the small parser must not cut a sentence inside a line after a word
that closes no sentence (a bracketed short form, a name, a verb), or the target and legal basis of a measure
land in a sentence of their own ("OFAC sanctioned Libyan Speaker ... (HoR) | Agila Saleh Issa (Issa) pursuant
to E.O. 13726"). Fixtures are real Treasury sentences from ../shared/corpora/treasury/, in neither dev set.
"""

from __future__ import annotations

# 2023-04-05-jy1388
SDN_SENTENCE = (
    "The power and integrity of sanctions derive not only from OFAC\u2019s ability to designate and add persons to "
    "the Specially Designated Nationals and Blocked Persons (SDN) List but also from OFAC\u2019s willingness to "
    "remove persons from the SDN List consistent with the law. OFAC designated Genesis Market today."
)
# 2020-08-07-sm1088, a heading and the paragraph under it
HEADED = (
    "### Stephen Lo, Former Commissioner of HKPF\n\n"
    "Stephen Lo was the previous commissioner of the HKPF until 2019. Under his leadership, over 4,000 "
    "protestors were arrested and 1,600 injured in clashes."
)


def sentences(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


def test_no_cut_after_a_bracketed_short_form(nlp) -> None:
    got = sentences(nlp, SDN_SENTENCE)
    assert got[0].endswith("consistent with the law."), got
    assert got[-1] == "OFAC designated Genesis Market today.", got


def test_no_cut_inside_a_name(nlp) -> None:
    got = sentences(nlp, HEADED)
    assert any(s.startswith("Stephen Lo was the previous commissioner") for s in got), got
