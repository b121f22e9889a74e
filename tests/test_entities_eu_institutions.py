"""The European Council (the EU's heads of state or government) and the Council of the European Union (the
ministers, who adopt sanctions) are two institutions (ONTOLOGY: EU institutions are separate Authorities). A news
form written for this test; no public-domain corpus text names the European Council."""

from __future__ import annotations

import pytest

import ingest.factories  # noqa: F401  (registers the PolicyGraph components)


@pytest.fixture(scope="module")
def nlp(relations_nlp):  # entities and relations only: the session's copy (tests/conftest.py)
    return relations_nlp



def test_the_european_council_is_not_the_council_of_the_eu(nlp) -> None:
    doc = nlp(
        "The Council of the European Union adopted the new sanctions on Monday. European Council President "
        "Charles Michel welcomed the decision after a summit in Brussels."
    )
    ents = doc._.pg_entities
    names = {r.name: eid for eid, r in ents.items()}
    assert "European Council" in names and "Council of the European Union" in names
    assert names["European Council"] != names["Council of the European Union"]
    roles = {(ents[r.source].name, ents[r.target].name) for r in doc._.pg_relations if r.type == "HOLDS_ROLE"}
    assert ("Charles Michel", "European Council") in roles
