"""Issue 12, national chapters and branches are organisations of their own, PART_OF the parent the text names and
BASED_IN the country of their demonym when the document names it ("the Palestinian branch of the Muslim Brotherhood"
-> Palestinian Muslim Brotherhood). Real sentences from ../shared/corpora/treasury-press-releases.jsonl, in neither
dev set; the last one is written for this test in the style of a White House order."""

from __future__ import annotations

from extracted import entities_and_relations as _read


def test_a_branch_of_a_named_organization(nlp) -> None:
    found, rels = _read(nlp, "HAMAS was formed in 1987 as an outgrowth of the Palestinian branch of the Muslim "
                             "Brotherhood.")
    assert found["palestinian-muslim-brotherhood"].type == "Organization", found
    assert ("PART_OF", "palestinian-muslim-brotherhood", "muslim-brotherhood") in rels, rels


def test_a_hyphenated_parent_and_its_short_form(nlp) -> None:
    found, rels = _read(nlp, "Treasury designated Bosnian-operated charities that were funneling dollars for "
                             "terrorist-related activities, including the Benevolence International Foundation (BIF), "
                             "the Global Relief Foundation (GRF) and the Bosnian branch of Al-Haramain Foundation "
                             "(AHF), including its director and Vazir, an alias for the organization.")
    branch = [r for r in found.values() if r.name == "Bosnian Al-Haramain Foundation"]
    assert branch, found
    assert ("PART_OF", branch[0].id, "al-haramain-foundation") in rels or any(
        r[:2] == ("PART_OF", branch[0].id) for r in rels), rels


def test_the_demonym_form_of_a_parent_with_chapters(nlp) -> None:
    found, rels = _read(nlp, "The order concerns the chapters of the Muslim Brotherhood in Jordan and Egypt. "
                             "Jordanian Muslim Brotherhood leaders have supported violent groups, and the Egyptian "
                             "chapter of the Muslim Brotherhood has called for attacks.")
    assert {"jordanian-muslim-brotherhood", "egyptian-muslim-brotherhood"} <= set(found), found
    for cid, country in (("jordanian-muslim-brotherhood", "jordan"), ("egyptian-muslim-brotherhood", "egypt")):
        assert ("PART_OF", cid, "muslim-brotherhood") in rels, rels
        assert ("BASED_IN", cid, country) in rels, rels
