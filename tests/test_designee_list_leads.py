"""Designee lists whose lead is not the line just above them: a count in an earlier sentence of the paragraph
("designating the remaining N State Duma members ... . This action follows ..."), a last sentence that points
back ("These subsidiaries provide ...:"), a list of bare names under a designation, and entries that open with
the designee's post ("UDV board member Aleksey Nikolaevich Chumakov;"). Fixtures are real Treasury release
passages (public domain) found in neither dev set (ingest/entities/designee_lists.py)."""

from __future__ import annotations

from ingest.documents import Document
from ingest.entities.designee_lists import find_lists
from ingest.pipeline import extract_batch

# 2022-09-30-jy0981: the count is in the measure sentence, a sentence on something else closes the paragraph
DUMA = (
    "Today OFAC is designating the remaining 4 State Duma members pursuant to E.O. 14024 for being or having "
    "been leaders, officials, senior executive officers, or members of the board of directors of the Government "
    "of the Russian Federation. This action follows efforts by Russian occupying forces in eastern and southern "
    "Ukraine to call for referenda that would declare occupied territory as part of Russia.\n\n"
    "1. Olga Nikolaevna Alimova\n"
    "2. Georgy Konstantinovich Arapov\n"
    "3. Otary Ionovich Arshba\n"
    "4. Sardana Vladimirovna Avksentieva\n"
)
# 2022-04-06-jy0705: the colon closes a sentence that describes the designees counted in the one before it
ALFA = (
    "In addition, OFAC is designating six Alfa-Bank subsidiaries pursuant to E.O. 14024 for being owned or "
    "controlled by, or for having acted or purported to act for or on behalf of, directly or indirectly, "
    "Alfa-Bank. These subsidiaries provide a variety of financial services:\n\n"
    "- Alfa Capital Markets LTD (Cyprus)\n"
    "- Alfa-Direct (Russia)\n"
    "- Alfa-Forex LLC (Russia)\n"
    "- Alfa-Lizing OOO (Russia)\n"
    "- Amsterdam Trade Bank NV (the Netherlands)\n"
    "- Subsidiary Bank Alfa-Bank JSC (Kazakhstan)\n"
)
# 2022-06-28-jy0838: entries that open with the designee's post
UDV = (
    "OFAC designated the following individuals pursuant to E.O. 14024 for being or having been a leader, "
    "official, senior executive officer, or member of the board of directors of the UDV:\n\n"
    "2. UDV board member Aleksey Nikolaevich Chumakov;\n"
    "4. UDV deputy chief of staff Dmitriy Vladimirovich Dzinikashvili;\n"
    "5. Boroday\u2019s aide and UDV\u2019s Southern Military District representative Tamerlan Borisovich "
    "Enaldiev;\n"
    "11. UDV board member Roman Yuryevich Lenshin, the former commander of the so-called LNR\u2019s border "
    "troops;\n"
)
# A colon line on something else is no lead even under a sentence that counts as many designees (composed:
# a lede sentence before the 2024-03-27-jy2213 resources list)
NOT_A_LEAD = (
    "OFAC designated 2 individuals today. Additional Treasury resources on countering the financing of "
    "terrorism:\n\n"
    "- FinCEN Alert to Financial Institutions to Counter Financing to Hamas and its Terrorist Activities\n"
    "- 2022 National Terrorist Financing Risk Assessment\n"
)


def _targets(nlp, text: str, published: str) -> set[tuple[str, str]]:
    (ex,) = extract_batch(nlp, [Document.from_text(text, "test", published=published)])
    ents = {e.id: e for e in ex.entities}
    return {(ents[t].name, ents[t].type) for a in ex.actions if a.kind == "designation" for t in a.targets}


def test_a_counted_measure_sentence_leads_the_list_under_its_paragraph(nlp) -> None:
    (lst,) = find_lists(DUMA)
    assert DUMA[lst.lead:lst.colon + 1].startswith("Today OFAC is designating") and lst.persons
    assert DUMA[lst.colon] == "." and "referenda" not in DUMA[lst.lead:lst.colon]
    targets = _targets(nlp, DUMA, "2022-09-30")
    assert {("Olga Nikolaevna Alimova", "Person"), ("Sardana Vladimirovna Avksentieva", "Person")} <= targets


def test_a_last_sentence_pointing_back_hands_the_list_to_the_measure(nlp) -> None:
    (lst,) = find_lists(ALFA)
    assert ALFA[lst.lead:].startswith("In addition, OFAC is designating six")
    names = {n for n, _ in _targets(nlp, ALFA, "2022-04-06")}
    assert {"Alfa Capital Markets LTD", "Alfa-Lizing OOO", "Amsterdam Trade Bank NV"} <= names, names


def test_entries_opening_with_a_post_name_the_person_after_it(nlp) -> None:
    targets = _targets(nlp, UDV, "2022-06-28")
    want = {"Aleksey Nikolaevich Chumakov", "Dmitriy Vladimirovich Dzinikashvili", "Tamerlan Borisovich Enaldiev",
            "Roman Yuryevich Lenshin"}
    assert want <= {n for n, t in targets if t == "Person"}, targets
    assert "Boroday" not in {n for n, _ in targets}


def test_an_unrelated_list_is_not_led_by_an_earlier_count() -> None:
    assert find_lists(NOT_A_LEAD) == []
