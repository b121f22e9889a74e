"""Name forms NER reads badly (ingest/entities/forms.py): persons defined by their own short form, East Slavic
patronymic names, legal-form-first firms, vessels and aircraft. Sentences from Treasury press releases
(U.S. government works, public domain)."""

from __future__ import annotations

import pytest

from ingest.documents import Document
from ingest.pipeline import build_nlp, extract_batch
from policygraph.settings import get_settings


@pytest.fixture(scope="module")
def nlp():
    return build_nlp(get_settings().model)


def _entities(nlp, text: str) -> dict[str, tuple[str, list[str]]]:
    ex = extract_batch(nlp, [Document.from_text(text, "test", published="2024-09-25")])[0]
    return {e.id: (e.type, e.aliases) for e in ex.entities}


def test_full_name_before_its_parenthesised_short_form_is_one_person(nlp):
    # 2018-07-05 sm422: NER cut the first name to "Francisco Javier" and read "Fidel" into an office's name
    ents = _entities(
        nlp,
        "Accordingly, today the U.S. Department of the Treasury\u2019s Office of Foreign Assets Control (OFAC) "
        "sanctioned Nicaraguan National Police Commissioner Francisco Javier Diaz Madriz (Diaz) and Secretary of "
        "the Mayor\u2019s Office of Managua Fidel Antonio Moreno Briones (Moreno) for being responsible for, or the "
        "leaders of entities involved in, serious human rights abuse.",
    )
    assert ents["francisco-javier-diaz-madriz"] == ("Person", ["Francisco Javier Diaz Madriz", "Diaz"])
    assert ents["fidel-antonio-moreno-briones"][0] == "Person"
    assert not {"francisco-javier", "diaz", "mayor", "antonio-moreno-briones"} & set(ents)
    # 2023-03-08 jy1327: NER found only the short form
    ents = _entities(
        nlp,
        "Sayyed Abdolrahim Mousavi (Mousavi) has served as the Commander-in-Chief of the Islamic Republic of "
        "Iran Army (IRIA) since August 2017.",
    )
    assert ents["sayyed-abdolrahim-mousavi"] == ("Person", ["Sayyed Abdolrahim Mousavi", "Mousavi"])
    assert "mousavi" not in ents


def test_short_form_that_is_not_the_names_own_word_defines_nothing(nlp):
    ents = _entities(
        nlp,
        "OFAC designated Naji Pas Company (Naji Pas), which organizes the International Police, Safety, and "
        "Security Equipment (IPAS) exhibition.",
    )
    assert not any(etype == "Person" for etype, _ in ents.values())


def test_patronymic_names_keep_their_given_name(nlp):
    # 2022-03-24 jy0677: list lines without final punctuation; NER started most names at the patronymic
    text = (
        "Treasury is designating the following members of the State Duma:\n\n"
        "102. Sultan Sultanbiyevich Khamzaev, Member of State Duma\n"
        "113. Andrey Fedorovich Trifonov, Member of State Duma\n"
        "171. Artyom Aleksandrovich Bichayev, Member of State Duma\n"
        "256. Alfia Gumarovna Kogogina, Member of State Duma\n"
        "328. Zhanna Anatolyevna Ryabtseva, Member of State Duma\n"
    )
    ents = _entities(nlp, text)
    persons = {eid for eid, (etype, _) in ents.items() if etype == "Person"}
    assert persons == {
        "sultan-sultanbiyevich-khamzaev",
        "andrey-fedorovich-trifonov",
        "artyom-aleksandrovich-bichayev",
        "alfia-gumarovna-kogogina",
        "zhanna-anatolyevna-ryabtseva",
    }
    assert ents["russia-duma"][0] == "Authority"


def test_legal_form_written_first_is_part_of_the_firm(nlp):
    # 2022-03-24 jy0677
    ents = _entities(
        nlp,
        "Herman Oskarovich Gref (Gref) is the Chief Executive Officer (CEO) of Public Joint Stock Company "
        "Sberbank of Russia (Sberbank) and Chairman of its Executive Board.\n\n"
        "- Joint Stock Company 711 Aircraft Repair Plant repairs weapons and military equipment.\n"
        "- TRV Auto Limited Liability Company repairs motor vehicles.\n"
        "- JSC NPO High Precision Systems (High Precision Systems) is a state-owned holding company.\n"
        "- Aktsionernoe Obshchestvo Elektrotyaga is engaged in activity related to electronic machinery.\n",
    )
    assert ents["herman-oskarovich-gref"][0] == "Person"
    sber = ents["sberbank-of-russia"]
    assert sber[0] == "Company" and {"Public Joint Stock Company Sberbank of Russia", "Sberbank"} <= set(sber[1])
    assert ents["711-aircraft-repair-plant"][1][0] == "Joint Stock Company 711 Aircraft Repair Plant"
    assert ents["trv-auto"][1] == ["TRV Auto Limited Liability Company"]
    assert "High Precision Systems" in ents["npo-high-precision-systems"][1]
    assert ents["elektrotyaga"][0] == "Company"
    # no firm made of the legal form alone
    assert not {"joint-stock", "liability", "public-joint-stock", "stock"} & set(ents)


def test_one_firm_whether_its_legal_form_comes_first_or_last(nlp):
    ents = _entities(
        nlp,
        "OFAC designated LLC Kolibri Group. Kolibri Group LLC also supplied the Houthis.",
    )
    assert [eid for eid, (etype, _) in ents.items() if etype == "Company"] == ["kolibri"]


def test_vessels_and_aircraft_are_not_entities(nlp):
    # 2024-09-25 jy2613 and 2020-02-07 sm903
    ents = _entities(
        nlp,
        "Similarly, the Panama-flagged FENG TAI (IMO: 9248473) transported IRGC-QF-owned products, loaded in "
        "Iran, to the PRC on behalf of Concepto Screen SAL Offshore. FENG TAI later sailed to Syria.\n\n"
        "The following CONVIASA aircraft are blocked property of the Government of Venezuela.\n\n"
        "- YV1003, Make & Model: Viking Air DHC7\n- YV2984, Make & Model: Airbus A319\n",
    )
    assert "feng-tai" not in ents
    assert not any("model" in eid or eid == "airbus" for eid in ents)
    assert ents["iran"][0] == "Country" and "venezuelan-government" in ents
