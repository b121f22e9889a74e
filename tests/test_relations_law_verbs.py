"""ADMINISTERS and PART_OF stated by a verb ("FinCEN administers the Bank Secrecy Act", "is maintained by the State
Department", "OFAC has added X to the ... List", "the Regulations implement Executive Orders N"), with the real spaCy
model, on sentences quoted from Treasury and Federal Register texts in neither dev set."""

from __future__ import annotations

import pytest

import ingest.factories  # noqa: F401  (registers the PolicyGraph components)


@pytest.fixture(scope="module")
def nlp(relations_nlp):  # entities and relations only: the session's copy (tests/conftest.py)
    return relations_nlp



def _rels(doc, rtype: str) -> set[tuple[str, str]]:
    ents = doc._.pg_entities
    return {(ents[r.source].name, ents[r.target].name) for r in doc._.pg_relations if r.type == rtype}


def test_an_active_administers_sentence(nlp) -> None:
    doc = nlp(
        "FinCEN administers the Bank Secrecy Act, collecting and analyzing suspicious activity reports and other "
        "regulatory filings to combat money laundering here at home."
    )
    assert ("Financial Crimes Enforcement Network", "Bank Secrecy Act") in _rels(doc, "ADMINISTERS")


def test_a_list_maintained_by_a_body(nlp) -> None:
    doc = nlp(
        "The Cuba Restricted List is maintained by the State Department and will be published and periodically "
        "updated as necessary in the Federal Register."
    )
    assert ("U.S. Department of State", "Cuba Restricted List") in _rels(doc, "ADMINISTERS")


def test_adding_to_a_list_is_administering_it(nlp) -> None:
    doc = nlp(
        "Today’s sanctions action imposes several prohibitions related to Martelly, and OFAC has added Martelly to "
        "the Non-SDN Menu-Based Sanctions List (NS-MBS List)."
    )
    assert ("Office of Foreign Assets Control", "Non-SDN Menu-Based Sanctions List") in _rels(doc, "ADMINISTERS")


def test_regulations_that_implement_orders_and_the_office_that_administers_them(nlp) -> None:
    doc = nlp(
        'The Iraqi Sanctions Regulations, 31 CFR part 575 (the "Regulations"), implement Executive Orders 12722 '
        "and 12724 and are administered by the Treasury Department's Office of Foreign Assets Control (\"OFAC\")."
    )
    assert ("Iraqi Sanctions Regulations", "Executive Order 12722") in _rels(doc, "PART_OF")
    assert ("Office of Foreign Assets Control", "Iraqi Sanctions Regulations") in _rels(doc, "ADMINISTERS")


def test_a_country_that_maintains_prohibitions_administers_nothing(nlp) -> None:
    doc = nlp(
        "Most recently, in 2000, Congress passed the Trade Sanctions Reform and Export Enhancement Act (the TSRA), "
        "providing for the licensing of agricultural commodities, medicine and medical supplies to countries against "
        "which the United States maintains trade prohibitions."
    )
    assert not _rels(doc, "ADMINISTERS")
