"""Legal forms that close a firm's name, read from rigour's table of legal forms and the project's suffixes:
Bulgarian "EAD"/"AD" and two firms joined by "and" in one list entry. The fixture is a real Treasury release
passage (2021-06-02-jy0208, public domain) found in neither dev set (ingest/entities/forms.py is_legal_form,
ingest/entities/firm_cands.py, ingest/entities/designee_lists.py)."""

from __future__ import annotations

import spacy

from ingest.documents import Document
from ingest.entities.forms import is_legal_form
from ingest.pipeline import extract_batch
from tests.extracted import entities_by_id

PEEVSKI = (
    "OFAC is also designating six entities registered in Bulgaria that are owned or controlled by Peevski or one "
    "of his companies:\n\n"
    "- Int Ltd EOOD and Intrust PLC EAD are owned or controlled by Peevski.\n"
    "- Rex Loto AD is owned or controlled by Vabo-2005 EOOD.\n"
    "- BM Systems EAD, Int Invest EOOD, Inttrafik EOOD, and Real Estates Int Ltd EOOD are owned or controlled by "
    "Intrust PLC EAD.\n"
)


def test_forms_in_capitals_not_words_of_prose() -> None:
    # a vessel "SANAN II", a US state "CA" are no legal forms though rigour's table lists "ii" and "ca"
    doc = spacy.blank("en")("Intrust PLC EAD Adler BG AD Sberbank Europe AG is AS In SANAN II Sunnyvale CA")
    assert [t.text for t in doc if is_legal_form(t)] == ["PLC", "EAD", "AD", "AG"]


def test_two_firms_joined_in_an_entry_are_two_companies(nlp) -> None:
    ents = entities_by_id(nlp, PEEVSKI, "2021-06-02")
    names = {(typ, alias) for typ, aliases in ents.values() for alias in aliases}
    assert {("Company", "Int Ltd EOOD"), ("Company", "Intrust PLC EAD"), ("Company", "Rex Loto AD")} <= names, names


def test_every_firm_of_a_comma_list_entry_is_a_target(nlp) -> None:
    (ex,) = extract_batch(nlp, [Document.from_text(PEEVSKI, "test", published="2021-06-02")])
    names = {e.id: e.name for e in ex.entities}
    targets = {names[t] for a in ex.actions if a.kind == "designation" for t in a.targets}
    want = {"Int Ltd EOOD", "Intrust PLC EAD", "BM Systems EAD", "Int Invest EOOD", "Inttrafik EOOD",
            "Real Estates Int Ltd EOOD"}
    assert want <= targets, targets
