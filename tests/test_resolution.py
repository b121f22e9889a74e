"""Co-reference of person names inside a document (ingest/entities/resolve.py): shorter forms of a fuller
name join it when exactly one fuller name fits."""

from __future__ import annotations

from ingest.documents import Document
from ingest.pipeline import extract_batch


def _persons(nlp, text: str) -> dict[str, list[str]]:
    ex = extract_batch(nlp, [Document.from_text(text, "test", published="2025-11-19")])[0]
    return {e.id: e.aliases for e in ex.entities if e.type == "Person"}


def test_short_form_joins_the_full_name(nlp):
    persons = _persons(
        nlp,
        "WASHINGTON - Today, the Office of Foreign Assets Control (OFAC) sanctioned Ryan James Wedding, "
        "a former Olympic athlete, and his network. Since 2024, Ryan Wedding has been a fugitive in Mexico.",
    )
    assert "ryan-james-wedding" in persons
    assert "ryan-wedding" not in persons
    assert {"Ryan Wedding", "Ryan James Wedding"} <= set(persons["ryan-james-wedding"])


def test_given_names_and_paternal_surname_join_the_full_name(nlp):
    persons = _persons(
        nlp,
        "OFAC designated Edgar Aaron Vazquez Alvarado and Daniela Alejandra Acuna Macias today. "
        "Edgar Aaron manages the network's finances. Acuna moved the proceeds through shell companies.",
    )
    assert set(persons) >= {"edgar-aaron-vazquez-alvarado", "daniela-alejandra-acuna-macias"}
    assert "Edgar Aaron" in persons["edgar-aaron-vazquez-alvarado"]
    assert "Acuna" in persons["daniela-alejandra-acuna-macias"]
    assert "edgar-aaron" not in persons and "acuna" not in persons


def test_two_fuller_names_leave_a_short_form_alone(nlp):
    persons = _persons(
        nlp,
        "OFAC designated Ali Reza Khan and Ali Akbar Khan, two brothers. Ali Khan was not designated.",
    )
    assert "ali-reza-khan" in persons and "ali-akbar-khan" in persons
    assert "Ali Khan" not in persons["ali-reza-khan"] and "Ali Khan" not in persons["ali-akbar-khan"]
