"""Entities in texts never seen: U.S. body words inside foreign names and titles in foreign contexts, firms
whose names open with place words, firm ids that do not depend on '&'/'and' or a leading nationality
adjective, and copyright footers. Sentences from U.S. Treasury press releases (public domain)."""

from __future__ import annotations

from extracted import entities_by_id


def _entities(nlp, text: str) -> dict[str, tuple[str, list[str]]]:
    return entities_by_id(nlp, text, published="2025-11-19")


def test_a_foreign_congress_is_not_the_us_congress(nlp):
    # Treasury, Libya designations (2017-2018)
    ents = _entities(
        nlp,
        "Khalifa Ghwell is the Prime Minister and Defense Minister of the \"National Salvation Government,\" which "
        "is aligned with the unrecognized Libyan General National Congress, and he has actively worked to obstruct "
        "the implementation of the Libyan Political Agreement. Badi previously served in the former parliament in "
        "Tripoli, the General National Congress (GNC), and is renowned for having led fierce battles to keep the "
        "GNC in power.",
    )
    assert "us-congress" not in ents
    assert ents["general-national-congress"][0] == "Authority"  # Libya's former parliament
    assert "GNC" in ents["general-national-congress"][1]
    assert ents["libyan-general-national-congress"][0] == "Authority"


def test_a_title_in_a_foreign_context_is_not_the_us_office(nlp):
    # Treasury 2018 (Venezuela) and 2012 (mortgage fraud) releases
    ents = _entities(
        nlp, "In February 2012, now-deceased former President, Hugo Chavez, appointed Flores as the Attorney "
        "General of Venezuela.",
    )
    assert "us-doj" not in ents and ents["venezuela"][0] == "Country"
    ents = _entities(
        nlp, "Attorney General Eric Holder said the Justice Department would prosecute individuals and companies "
        "who exploit the misfortune of others.",
    )
    assert ents["us-doj"][0] == "Authority" and ents["eric-holder"][0] == "Person"


def test_a_firm_opening_with_place_words_and_its_bare_repeat(nlp):
    # Treasury hp837 (2010, Burma)
    ents = _entities(
        nlp,
        "The companies designated today include the major Burmese conglomerate Asia World Co. Ltd. and its "
        "subsidiaries, Asia World Port Management, Asia World Industries Ltd., and Asia World Light Ltd. "
        "Asia World has provided critical support to the Burmese regime and has received numerous lucrative "
        "government concessions, including the construction of ports, highways and government facilities.",
    )
    assert ents["asia-world"] == ("Company", ["Asia World Co. Ltd.", "Asia World"])
    assert ents["asia-world-industries"][0] == "Company" and ents["asia-world-light"][0] == "Company"
    assert "asia" not in ents  # the continent is not mentioned


def test_ampersand_and_and_give_one_firm_id(nlp):
    # BIS / Treasury Chinese suppliers: the same firm is written "Import and Export" and "Import & Export"
    a = _entities(nlp, "OFAC designated Wuhan Sanjiang Import and Export Co. LTD today.")
    b = _entities(nlp, "OFAC designated Wuhan Sanjiang Import & Export Co., Ltd. today.")
    firm_a = [eid for eid, (t, _) in a.items() if t == "Company"]
    firm_b = [eid for eid, (t, _) in b.items() if t == "Company"]
    assert firm_a == firm_b == ["wuhan-sanjiang-import-and-export"]


def test_a_nationality_adjective_before_a_firm_keeps_one_node(nlp):
    # Treasury tg1114 (2011, Libya)
    ents = _entities(
        nlp,
        "\u201cThe Libyan National Oil Corporation has been a primary funding source for the Qadhafi regime,\u201d "
        "said OFAC Director Adam J. Szubin. \u201cConsistent with UN Security Council Resolution 1973, all "
        "governments should block the National Oil Corporation's assets.\u201d",
    )
    firms = {eid: aliases for eid, (t, aliases) in ents.items() if t == "Company"}
    assert list(firms) == ["national-oil"]
    assert "Libyan National Oil Corporation" in firms["national-oil"]
    # and in a document that names it only with the adjective, the id is the same
    other = _entities(nlp, "The Libyan National Oil Corporation has been a primary funding source for the regime.")
    assert other["national-oil"][0] == "Company"


def test_a_copyright_footer_names_no_entity(nlp):
    # a Treasury sentence, then a publisher's footer as news pages end
    ents = _entities(
        nlp,
        "Lo Hsing Han founded Asia World Co. Ltd. in 1992.\n\n"
        "\u00a9 2025 Northwind Media Holdings Ltd., a division of Tailspin Broadcasting Inc. All rights reserved.",
    )
    assert "asia-world" in ents
    assert not any("northwind" in eid or "tailspin" in eid for eid in ents)


def test_family_members_listed_with_their_kinship_are_whole_persons(nlp):
    # Treasury sb0343 (2025-12-19); NER cut "Damaris del Carmen" at the particle and missed "Iriamni"
    ents = _entities(
        nlp,
        "Today, OFAC is designating the following individuals pursuant to E.O. 13850 for being immediate adult "
        "family members of Malpica Flores: Eloisa Flores de Malpica, Malpica Flores\u2019s mother and the sister of "
        "Cilia Flores; Carlos Evelio Malpica Torrealba, his father; Iriamni Malpica Flores, his sister; Damaris "
        "del Carmen Hurtado Perez, his wife; and Erica Patricia Malpica Hurtado, his adult daughter.",
    )
    persons = {eid for eid, (t, _) in ents.items() if t == "Person"}
    assert {
        "eloisa-flores-de-malpica",
        "carlos-evelio-malpica-torrealba",
        "iriamni-malpica-flores",
        "damaris-del-carmen-hurtado-perez",
        "erica-patricia-malpica-hurtado",
    } <= persons
    assert "damaris-del-carmen" not in ents and "erica-patricia-malpica" not in ents


def test_governments_of_regions_states_and_cities_are_authorities(nlp):
    # Treasury: Crimea designations (2021) and a timeshare-fraud release (2023)
    ents = _entities(
        nlp,
        "The so-called government of Crimea, without the consent of Ukraine, unlawfully nationalized, privatized, "
        "and sold Joint Stock Company AY-Petri to LLC UKIP. In 2016, the Illinois state government identified "
        "Padilla as being involved in timeshare fraud targeting Mexican citizens.",
    )
    assert ents["government-of-crimea"] == ("Authority", ["government of Crimea"])
    assert ents["government-of-illinois"] == ("Authority", ["Illinois state government"])
    assert ents["ukraine"][0] == "Country"
    # Treasury, Russia Magnitsky Act designations (2020)
    other = _entities(
        nlp, "They were designated today pursuant to the Russia Magnitsky Act for having acted as agents of or on "
        "behalf of the government of Chechnya in a matter relating to extrajudicial killings.",
    )
    assert other["government-of-chechnya"] == ("Authority", ["government of Chechnya"])


def test_officials_named_by_surname_alone_keep_their_id(nlp):
    # Treasury sb0339 (2025) names the Secretary by surname only; sm0347-era releases give the full name
    short = _entities(nlp, "Click here to watch a video from Secretary Bessent on today\u2019s action.")
    full = _entities(
        nlp, "\u201cWe will counter the spread of these types of barbaric chemical weapons,\u201d said Treasury "
        "Secretary Steven T. Mnuchin.",
    )
    assert short["scott-bessent"][0] == "Person"
    assert full["steven-mnuchin"][0] == "Person" and "Steven T. Mnuchin" in full["steven-mnuchin"][1]


def test_a_hyphenated_firm_name_is_not_cut_at_the_hyphen(nlp):
    # Treasury jl2628 (2014, Sinaloa Cartel attorneys)
    ents = _entities(
        nlp,
        "Additionally, Avina Bribiesca, Gonzalez Hernandez, and Gonzalez Linares hold official positions in the "
        "Guadalajara-based real estate company Bona-Habitat, which was also designated today because it is "
        "controlled by Gonzalez Parada.",
    )
    assert ents["bona-habitat"] == ("Company", ["Bona-Habitat"])
    assert "bona" not in ents and "habitat" not in ents
    assert ents["gonzalez-linares"][0] == "Person"


def test_a_byline_under_a_title_heading_names_no_entity(nlp):
    # a news page's title heading and byline, then a Treasury sentence (hp837)
    ents = _entities(
        nlp,
        "# Treasury sanctions Burmese conglomerate\n\n*By Northwind Media*\n\n"
        "Lo Hsing Han founded Asia World Co. Ltd. in 1992.",
    )
    assert "asia-world" in ents and not any("northwind" in eid for eid in ents)


def test_cities_and_provinces_named_as_seats_are_places(nlp):
    # Treasury (2024): a Canadian numbered company and its storefront
    ents = _entities(
        nlp,
        "The network laundered its funds through his jewelry business, 2351885 Ontario Inc, which operates under "
        "the trade name \u201cDiamond Tsar\u201d and maintains a storefront in Toronto, Ontario.",
    )
    assert ents["toronto"][0] == "Place" and ents["ontario"][0] == "Place"
    assert ents["2351885-ontario"][0] == "Company"  # the province inside a firm's name stays the firm's


def test_a_state_body_named_of_its_country_or_by_its_adjective_has_one_id(nlp):
    # Treasury (2005, Colombia): the adjective form
    ents = _entities(nlp, "On October 7, 2004, Colombian National Police arrested Puerta Parra near Bogota, Colombia.")
    assert ents["colombian-national-police"][0] == "Authority"
    # the "of <country>" form of the same body resolves to the same id
    from ingest.entities.resolve import _demonym_first

    assert _demonym_first("National Police of Colombia") == "colombian-national-police"
    assert _demonym_first("National Police of the Dominican Republic") == "dominican-national-police"
    assert _demonym_first("Office of Foreign Assets Control") is None
