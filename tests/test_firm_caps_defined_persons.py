"""A person's name written in capitals and defined by a short form in capitals ("ALVARO LOPEZ MIERA (LOPEZ
MIERA)") is a Person under the full name, and the designation of the short form targets that person. The
fixture is a real Treasury release passage (2021-07-22-jy0288, public domain) found in neither dev set
(ingest/entities/forms.py defined_persons)."""

from __future__ import annotations

from ingest.documents import Document
from ingest.pipeline import extract_batch

CUBA = (
    "WASHINGTON \u2014 Today, the U.S. Department of the Treasury\u2019s Office of Foreign Assets Control (OFAC) "
    "sanctioned one Cuban individual and one Cuban entity pursuant to Executive Order (E.O.) 13818, which builds "
    "upon and implements the Global Magnitsky Human Rights Accountability Act and targets perpetrators of serious "
    "human rights abuse and corruption around the world. Today\u2019s action targets the Cuban Minister of "
    "Defense, ALVARO LOPEZ MIERA (LOPEZ MIERA), and the "
    "BRIGADA ESPECIAL NACIONAL DEL MINISTERIO DEL INTERIOR (SNB) of the Cuban Ministry of the Interior (MININT) in "
    "connection with the repression of peaceful, pro-democratic protests in Cuba that began on July 11.\n\n"
    "LOPEZ MIERA is being designated pursuant to E.O. 13818 for being a foreign person who is the leader or "
    "official of MINFAR, an entity that has engaged in, or whose members have engaged in, serious human rights "
    "abuse, relating to his tenure.\n"
)


def test_a_name_in_capitals_defined_in_capitals_is_the_designated_person(nlp) -> None:
    (ex,) = extract_batch(nlp, [Document.from_text(CUBA, "test", published="2021-07-22")])
    people = {e.id: e for e in ex.entities if e.type == "Person"}
    (lopez,) = [e for e in people.values() if "LOPEZ MIERA" in e.aliases]
    assert lopez.name.upper() == "ALVARO LOPEZ MIERA", lopez
    assert any(lopez.id in a.targets for a in ex.actions if a.kind == "designation"), ex.actions
