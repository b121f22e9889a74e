"""Name forms NER reads badly (ingest/entities/forms.py): persons defined by their own short form, East Slavic
patronymic names, legal-form-first firms, vessels and aircraft. Sentences from Treasury press releases
(U.S. government works, public domain)."""

from __future__ import annotations

from extracted import entities_by_id


def _entities(nlp, text: str) -> dict[str, tuple[str, list[str]]]:
    return entities_by_id(nlp, text, published="2024-09-25")


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
    sber = ents["sberbank"]  # the lexicon firm, whatever its form (ingest/lexicons/companies.yaml)
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


def test_spanish_firm_names_and_their_syllable_short_forms(nlp):
    # 2020-10-09 sm1149
    ents = _entities(
        nlp,
        "Cooperativa De Ahorro Y Credito Caja Rural Nacional RL (Caruna), a financial institution, was designated "
        "for having materially assisted Banco Corporativo, S.A. (Bancorp). Caruna has served as a tool for "
        "Nicaraguan President Daniel Ortega to siphon money from ALBA de Nicaragua, S.A.\u2019s (Albanisa) $2.4 "
        "billion in oil trusts. Albanisa is a Nicaraguan entity co-owned by designated Nicaraguan state gas company "
        "Distribuidor Nicaraguense de Petroleo S.A. and designated Venezuelan state gas company Petroleos de "
        "Venezuela, S.A. In 2017, management of these portfolios was transferred from Caruna to Bancorp. Regime "
        "officials are taking advantage of Caruna\u2019s lack of regulatory oversight.",
    )
    assert ents["cooperativa-de-ahorro-y-credito-caja-rural-nacional-rl"] == (
        "Company",
        ["Cooperativa De Ahorro Y Credito Caja Rural Nacional RL", "Caruna"],
    )
    assert ents["banco-corporativo"][1] == ["Banco Corporativo, S.A.", "Bancorp"]
    assert ents["alba-de-nicaragua"] == ("Company", ["ALBA de Nicaragua, S.A.", "Albanisa"])
    assert ents["distribuidor-nicaraguense-de-petroleo"][0] == "Company"
    assert ents["pdvsa"][0] == "Company"  # the lexicon firm (ingest/lexicons/companies.yaml)
    assert not {"caruna", "bancorp", "albanisa", "regime", "venezuela"} & set(ents)


def test_acronym_in_the_bodys_own_language_and_persons_ner_missed(nlp):
    # 2008-09-12 hp1132 and 2018-07-05 sm422
    ents = _entities(
        nlp,
        "Hugo Armando Carvajal Barrios is the Director of Venezuela's Military Intelligence Directorate (DGIM). "
        "Carvajal Barrios also provides the FARC with official Venezuelan government identification documents. "
        "The DGIM protects drug shipments. Moreno serves as the main link between municipal governments and the "
        "Sandinista National Liberation Front (FSLN), using municipal funds to pay for FSLN party activities.",
    )
    assert ents["hugo-armando-carvajal-barrios"][0] == "Person"
    assert "DGIM" in ents["military-intelligence-directorate"][1]
    assert "FSLN" in ents["sandinista-national-liberation-front"][1]
    assert not {"dgim", "fsln", "carvajal-barrios"} & set(ents)


def test_person_after_a_title_inside_an_ner_org_span(nlp):
    # 2025-04-02 sb0068: NER read "the Treasury Scott Bessent" as one ORG
    ents = _entities(
        nlp,
        "\u201cToday\u2019s action underscores our commitment to degrading the Houthis\u2019 ability to threaten the "
        "region through their destabilizing activities,\u201d said Secretary of the Treasury Scott Bessent.",
    )
    assert ents["scott-bessent"][0] == "Person"
    assert ents["us-dept-treasury"][0] == "Authority"


def test_cfr_section_text_is_not_an_alias_of_its_part(nlp):
    ents = _entities(nlp, "See 15 C.F.R. section 744.8 for additional information.")
    assert ents["cfr-15-744-8"] == ("Law", ["15 C.F.R. section 744.8"])
    assert "15 C.F.R. section 744.8" not in ents["cfr-15-744"][1]


def test_vessels_named_after_a_vessel_word_and_faq_are_not_entities(nlp):
    # 2023-11-16 jy1915
    ents = _entities(
        nlp,
        "UAE-based Progress Shipping Company Limited (Progress Shipping) is the registered owner of the Ligovsky "
        "Prospect. The Ligovsky Prospect used U.S.-person services. For information concerning the process for "
        "seeking removal from an OFAC list, please refer to OFAC\u2019s Frequently Asked Question 897 here.",
    )
    assert ents["progress-shipping"][1] == ["Progress Shipping Company Limited", "Progress Shipping"]
    assert "ligovsky-prospect" not in ents
    assert not any(eid.startswith("frequently") for eid in ents)


def test_two_surnames_are_the_short_form_of_the_full_name(nlp):
    # 2008-09-12 hp1132
    ents = _entities(
        nlp,
        "Henry de Jesus Rangel Silva, the Director of Venezuela's Directorate of Intelligence and Prevention "
        "Services or DISIP, is in charge of intelligence activities for the Venezuelan government. Rangel Silva "
        "has materially assisted the narcotics trafficking activities of the FARC.",
    )
    assert ents["henry-de-jesus-rangel-silva"] == ("Person", ["Henry de Jesus Rangel Silva", "Rangel Silva"])
    assert "rangel-silva" not in ents


def test_person_named_after_a_title_inside_an_ner_org_span_and_the_body_before_it(nlp):
    # White House fact sheet 2021-09-17 (northern Ethiopia), hard-wrapped as published
    ents = _entities(
        nlp,
        "USAID has provided nearly 65% of all\ndonor contributions to date to the humanitarian response in northern\n"
        "Ethiopia.  In August 2021, USAID Administrator Samantha Power\nvisited\nEthiopia and Ethiopian refugee camps "
        "in neighboring Sudan and committed\nto sustain ongoing assistance.\n\nThe United States is also committed to "
        "helping Ethiopia to address the\nCOVID-19 pandemic.",
    )
    assert ents["samantha-power"][0] == "Person"
    assert ents["usaid"][0] == "Authority"
    assert not any("administrator" in eid for eid in ents)
    # qualifiers inside a programme's name are no titles
    ents = _entities(
        nlp,
        "The Department of the Treasury's Office of Foreign Assets Control (OFAC) is publishing one Russian Harmful "
        "Foreign Activities Sanctions directive in the Federal Register.",
    )
    assert not any(etype == "Person" for etype, _ in ents.values())


def test_designated_groups_and_bodies_from_the_lexicons(nlp):
    # 2003-01-24 kd3796 and 2021-10-29 jy0443
    ents = _entities(
        nlp,
        "Jemaah Islamiyah (JI) is an al-Qaida linked terrorist group with cells operating in several countries in "
        "Southeast Asia. Javad Bordbar Shir Amin, an IRGC ASF official, is being designated pursuant to E.O. 13224.",
    )
    assert ents["jemaah-islamiyah"] == ("Organization", ["Jemaah Islamiyah", "JI"])
    assert ents["irgc-aerospace-force"][0] == "Authority"
    assert ents["al-qaida"][0] == "Organization"


def test_export_control_vocabulary_of_bis_rules_is_not_an_entity(nlp):
    # Federal Register abstracts 2020-04178, 2020-07239, 2020-28776
    text = (
        "This document corrects the final rule to provide an instruction to remove Yemen from Country Group B, as "
        "was described in the preamble of the February 24th rule. In this rule, the Bureau of Industry and Security "
        "(BIS) proposes to amend the Export Administration Regulations (EAR) by modifying License Exception "
        "Additional Permissive Reexports (APR). On January 6, 2020, the Bureau of Industry and Security (BIS) "
        "amended the Export Administration Regulations (EAR) to add Software Specially Designed to Automate the "
        "Analysis of Geospatial Imagery to the 0Y521 Temporary Export Control Classification Numbers (ECCN) Series "
        "as 0D521."
    )
    ents = _entities(nlp, text)
    assert set(ents) == {"yemen", "bis", "ear"}


def test_firms_named_head_first_or_with_a_lebanese_suffix(nlp):
    # treasury-press-releases.jsonl: Sinaloa retail fronts; Stars Group Holding subsidiaries (Hizballah)
    ents = _entities(
        nlp,
        "Similarly, Farmacia y Mini Super Trinidad, a retail pharmacy and supermarket in Nogales, Sonora, is owned, "
        "controlled, or directed by the network. The following Beirut-based subsidiaries of Stars Group Holding were "
        "also designated by Treasury today: Stars Communications Ltd., Teleserve Plus Sal, Stars Communications "
        "Offshore Sal, and Fastlink SARL.",
    )
    assert ents["farmacia-y-mini-super-trinidad"][0] == "Company"
    assert ents["teleserve-plus"] == ("Company", ["Teleserve Plus Sal"])
    assert ents["stars-communications-offshore"][0] == "Company"
    assert ents["fastlink"][0] == "Company"


def test_addresses_and_identifying_information_labels_are_not_entities(nlp):
    ents = _entities(
        nlp,
        "Identifying Information\n\nIndividual: Muammer Kuntay Duransoy\nDOB: 1970\nAddress: Bagdat Caddesi, Burc "
        "Sitesi, Feneryolu - Kadikoy, Istanbul, Turkey Alt. Address: Alvand St., Tehran, Iran\n\n"
        "Changing the status of this form so that it is required by the Bank Secrecy Act rather than the Internal "
        "Revenue Code could provide valuable information to law enforcement.",
    )
    assert not any(eid.endswith(("caddesi", "sitesi", "st", "alt")) for eid in ents)
    assert ents["internal-revenue-code"][0] == "Law"
    assert ents["bank-secrecy-act"][0] == "Law"


def test_identifying_information_aka_list_and_treasury_spellings(nlp):
    # 2013-02-14 tg1855
    ents = _entities(
        nlp,
        "WASHINGTON \u2013 The U.S. Department of the Treasury today designated Yahya Abu Hammam (Hammam) pursuant "
        "to Executive Order (E.O.) 13224, which targets terrorists and their supporters.  "
        "Hammam is a senior leader of al-Qa'ida in the Lands of the Islamic Maghreb (AQIM) and has played a key "
        "role in the group\u2019s ongoing terrorist activities in North Africa and Mali. AQIM merged with al-Qa'ida "
        "in September 2006.\nIdentifying Information:   Name:  Yahya Abu Hammam  AKA:  Jamel Akacha AKA:  Akkacha "
        "Djamel AKA:  Yahia Abou el Hammam DOB:  1979 POB:  Algeria",
    )
    assert ents["aqim"][0] == "Organization" and ents["al-qaida"][0] == "Organization"
    assert ents["north-africa"][0] == "Place"
    person = ents["yahya-abu-hammam"]
    assert person[0] == "Person" and {"Jamel Akacha", "Akkacha Djamel"} <= set(person[1])
    assert not {"jamel-akacha", "qa-ida", "africa"} & set(ents)


def test_nickname_in_parentheses_and_peruvian_legal_form(nlp):
    # 2024-10-08 jy2635 and 2017-05-05 sm0074
    ents = _entities(
        nlp,
        "Algoney is a brother of Mohammed Hamdan Daglo (Hemedti), the leader of the RSF. He is close to Hemedti, "
        "having also previously worked as his personal secretary. The Lima-based businesses include R Inver Corp "
        "S.A.C., a real estate and construction company; G & M Autos S.A.C., an automobile repair shop.",
    )
    assert ents["mohammed-hamdan-daglo"] == ("Person", ["Mohammed Hamdan Daglo", "Hemedti"])
    assert "hemedti" not in ents
    assert ents["r-inver-corp-s-a-c"][1] == ["R Inver Corp S.A.C."]


def test_unit_named_after_an_authoritys_possessive_is_an_authority(nlp):
    # 2017-05-05 sm0074
    ents = _entities(
        nlp,
        "Today's OFAC designation was taken in coordination with the Drug Enforcement Administration, the Federal "
        "Bureau of Investigation, and Customs and Border Protection's National Targeting Center.",
    )
    assert ents["national-targeting-center"][0] == "Authority"
    assert ents["cbp"][0] == "Authority"


def test_numbered_list_of_firms_keeps_and_inside_a_name(nlp):
    # 2011-03-22 tg1114
    ents = _entities(
        nlp,
        "(Archived Content)\n\nOFAC identified the following as companies owned by of Libya\u2019s National Oil "
        "Corporation:\n"
        "1. Arabian Gulf Oil Company\n"
        "4. Harouge Oil Operations\n"
        "5. Jamahiriya Oil Well Fluids And Equipment\n"
        "8. National Oil Fields and Terminals Catering Company\n"
        "11. Ras Lanuf Oil And Gas Processing Company\n",
    )
    companies = {eid for eid, (etype, _) in ents.items() if etype == "Company"}
    assert {
        "national-oil-fields-and-terminals-catering",
        "ras-lanuf-oil-and-gas-processing",
        "jamahiriya-oil-well-fluids-and-equipment",
        "arabian-gulf-oil",
    } <= companies
    assert not {"terminals-catering", "gas-processing", "national-oil-fields"} & set(ents)


def test_general_licenses_photo_credits_and_firms_named_of_a_country(nlp):
    # 2025-05-23 sb0148 and 2019-07-23 sm739
    ents = _entities(
        nlp,
        "WASHINGTON \u2013 Today, the Department of the Treasury\u2019s Office of Foreign Assets Control (OFAC) issued "
        "Syria General License (GL) 25 to provide immediate sanctions relief for Syria.  GL 25 authorizes "
        "transactions prohibited by the Syrian Sanctions Regulations, effectively lifting sanctions on Syria.  In line "
        "with the GL, the Financial Crimes Enforcement Network (FinCEN) is providing exceptive relief to permit U.S. "
        "financial institutions to maintain correspondent accounts for the Commercial Bank of Syria.\n\n"
        "Mahan Air has been used by the IRGC as recently as March 2019 to transport bodies of fighters who are killed "
        "fighting in Syria back to several airports in Iran (Photo: Iran\u2019s Mashregh News and Javan Daily).",
    )
    assert ents["general-license-syria-25"] == ("Law", ["Syria General License (GL) 25", "GL 25"])
    assert ents["syrian-sanctions-regulations"][0] == "Law"
    assert ents["commercial-bank-of-syria"][0] == "Company"
    assert not {"gl", "mashregh-news", "javan-daily"} & set(ents)


def test_dateline_in_capitals_is_the_lexicon_place(nlp):
    # treasury-press-releases.jsonl (Secretary Yellen in Mexico): a dateline in capitals
    ents = _entities(
        nlp,
        "MEXICO CITY \u2014 Today, Secretary of the Treasury Janet L. Yellen announced during her travel to Mexico "
        "that the U.S. Department of the Treasury is working with Mexico.",
    )
    assert ents["mexico-city"] == ("Place", ["MEXICO CITY"])
    # one-word datelines ("LONDON \u2014", "BRUSSELS \u2014") reach the lexicon place by their lower-cased form, not a
    # second node "london-place"
    component = nlp.get_pipe("pg_entities")
    assert component.caps_places["london"] == "london" and component.caps_places["brussels"] == "brussels"


def test_bodies_named_of_the_russian_federation_and_order_titles(nlp):
    # 2022-03-02 jy0624 and 2024-08-20 jy2542
    ents = _entities(
        nlp,
        "This guidance makes clear that there should be no loopholes for Russia to evade the unprecedented "
        "prohibitions by the United States to lock up Russia\u2019s war chest \u2013 Central Bank of the Russian "
        "Federation, National Wealth Fund of the Russian Federation, and Ministry of Finance of the Russian Federation "
        "\u2013 that were imposed this week. Today\u2019s guidance makes clear that such actions on behalf of "
        "Russia\u2019s Central Bank are prohibited. OFAC sanctioned the former President of Haiti, Michel Joseph "
        "Martelly (Martelly), pursuant to Executive Order (E.O.) 14059 of December 15, 2021, \u201cImposing Sanctions "
        "on Foreign Persons Involved in the Global Illicit Drug Trade.\u201d",
    )
    assert ents["russia-central-bank"] == (
        "Authority",
        ["Central Bank of the Russian Federation", "Central Bank"],
    )
    assert ents["russia-nwf"][0] == "Authority" and ents["russia-minfin"][0] == "Authority"
    assert ents["michel-joseph-martelly"][0] == "Person"
    assert not any("drug-trade" in eid or eid == "central-bank" for eid in ents)


def test_hyphenated_legal_form_written_first(nlp):
    # 2022-03-24 jy0677
    ents = _entities(nlp, "- Joint-Stock Company 810 Aircraft Repair Plant repairs helicopters.\n")
    assert ents["810-aircraft-repair-plant"] == (
        "Company",
        ["Joint-Stock Company 810 Aircraft Repair Plant", "810 Aircraft Repair Plant"],
    )
    assert "stock" not in ents


def test_charitable_trusts_are_organizations(nlp):
    # treasury-press-releases.jsonl (Al Akhtar Trust designation)
    ents = _entities(nlp, "Al Akhtar is carrying on the activities of the previously designated Al Rashid Trust.")
    assert ents["al-rashid-trust"][0] == "Organization"


def test_us_armed_forces_and_presidential_memoranda(nlp):
    # White House order 2025-02-06 (ICC) and fact sheet 2026-05-01 (Cuba), hard-wrapped as published
    ents = _entities(
        nlp,
        "In addition to exposing members of the\nArmed Forces of the United States to the risk of international "
        "criminal\nprosecution, the Rome Statute creates a risk.\n\n- In June 2025, President Trump strengthened the "
        "United States\u2019 policy\n  pressure on Cuba through a National Secuirty Presidential Memorandum,\n  "
        "ensuring that engagement between the United States and Cuba advances\n  the interests of the United States.",
    )
    assert ents["us-military"][0] == "Authority"
    assert ents["rome-statute"][0] == "Law"
    assert not any(etype == "Company" for etype, _ in ents.values())


def test_businesses_named_by_what_they_are_are_firms(nlp):
    # treasury-press-releases.jsonl (darknet markets; Prince Group)
    ents = _entities(
        nlp,
        "This designation builds upon previous actions against darknet marketplaces, such as the designation of "
        "Hydra Market. A June 2025 press release published by the Cambodian government confirms that Jin Bei Casino "
        "is owned by Prince Holding Group with Chen Zhi as the CEO.",
    )
    assert ents["hydra-market"][0] == "Company"
    assert ents["jin-bei-casino"][0] == "Company"
    assert ents["chen-zhi"][0] == "Person"
