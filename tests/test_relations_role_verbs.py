"""HOLDS_ROLE from verb frames where the person is not next to the title ("who ... served as X's Director",
"who commands X", "became the commander of X"), with the real spaCy model, on sentences quoted from Treasury
press releases in neither dev set."""

from __future__ import annotations

import pytest

import ingest.factories  # noqa: F401  (registers the PolicyGraph components)


@pytest.fixture(scope="module")
def nlp(relations_nlp):  # entities and relations only: the session's copy (tests/conftest.py)
    return relations_nlp



def _roles(doc) -> dict[tuple[str, str], str]:
    ents = doc._.pg_entities
    return {(ents[r.source].name, ents[r.target].name): r.properties.get("title", "") for r in doc._.pg_relations
            if r.type == "HOLDS_ROLE"}


def test_served_as_after_an_inserted_clause(nlp) -> None:
    doc = nlp(
        "In 2002, Al Ghabra met with and stayed at the home of Faraj Al-Libi, who, until he was detained by "
        "Pakistani authorities in 2005, served as al Qaida's Director of Operations."
    )
    assert ("Faraj Al-Libi", "Al-Qaida") in _roles(doc)


def test_a_person_who_commands_a_force(nlp) -> None:
    doc = nlp(
        "As Lieutenant General Gadi Eizenkot, who commands the Israeli Defense Forces, put it, and I quote: "
        "“Without a doubt the nuclear deal between Iran and the West is a historic turning point.”"
    )
    assert ("Gadi Eizenkot", "Israeli Defense Forces") in _roles(doc)


def test_became_the_commander_of(nlp) -> None:
    doc = nlp("Mohammad Kazemi became the commander of the IRGC-IO in June 2022.")
    assert any(p == "Mohammad Kazemi" and "commander" in t for (p, _b), t in _roles(doc).items())


def test_an_apposition_on_the_post_names_no_second_body(nlp) -> None:
    doc = nlp(
        "Khan in early 2015 claimed ISIL was responsible for the April 18, 2015 suicide attacks in Jalalabad City, "
        "Nangarhar Province which killed approximately 33 people.  Khan formerly served as a senior commander in "
        "Tehrik-e Taliban Pakistan, an SDGT designated by the U.S. government in September 2010."
    )
    roles = _roles(doc)
    assert ("Khan", "Tehrik-e Taliban Pakistan") in roles
    assert not any(p == "Khan" and "government" in b for (p, b) in roles)


def test_a_subject_shared_by_conjoined_verbs(nlp) -> None:
    doc = nlp(
        "Abdullah Anshori was associated with JI emir Abu Bakar Ba'asyir while in Malaysia and served as the head "
        "of the JI organization in Indonesia, which came to be known as Mantiqi II."
    )
    assert ("Abdullah Anshori", "Jemaah Islamiyah") in _roles(doc)
