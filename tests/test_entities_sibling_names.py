"""Issue 12, persons: two given names sharing one family name ("Gilberto and Miguel Rodriguez Orejuela") are two
persons with the full name each; a first person of two given names ("Joaquin Mario and Guillermo ...") and a firm
("Ahmed and Sons Trading Company") are left alone. Real sentences from ../shared/corpora/treasury-press-releases.jsonl,
in neither dev set; the firm sentence is written for this test."""

from __future__ import annotations

from extracted import entities_and_relations as _read


def test_two_given_names_share_the_family_name(nlp) -> None:
    found, _ = _read(nlp, "These individuals are the administrators and shareholders of this network of companies and "
                          "act for or on behalf of Gilberto and Miguel Rodriguez Orejuela in their business dealings.")
    assert {"gilberto-rodriguez-orejuela", "miguel-rodriguez-orejuela"} <= set(found), found
    assert found["gilberto-rodriguez-orejuela"].type == "Person"


def test_a_firm_named_after_a_person_is_no_sibling_pair(nlp) -> None:
    found, _ = _read(nlp, "OFAC also named Ahmed and Sons Trading Company, a Dubai-based firm.")
    assert not any(r.type == "Person" for r in found.values()), found
