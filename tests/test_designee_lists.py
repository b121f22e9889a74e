"""Designee lists: the entries under a lead that states a measure are entities of their own and targets of
that measure, under the legal basis the lead cites. Every fixture is a real Treasury release passage (public
domain) found in neither dev set (ingest/entities/designee_lists.py, ingest/actions/list_targets.py)."""

from __future__ import annotations

from ingest.documents import Document
from ingest.entities.designee_lists import find_lists
from ingest.pipeline import extract_batch

# 2022-03-24-jy0677 (Treasury, Russia's defense-industrial base): the lead cites no basis of its own
KTRV = (
    "WASHINGTON \u2013 Today, in its latest action to impose severe costs on the Russian Federation for its "
    "illegal, unwarranted, and baseless war against Ukraine, the U.S. Department of the Treasury\u2019s Office of "
    "Foreign Assets Control (OFAC) is designating key enablers of the invasion.\n\n"
    "The following entities today are being designated for being owned or controlled by, or having acted or "
    "purported to act for or on behalf of, directly or indirectly, KTRV:\n\n"
    "- Globus Ryazan Design Bureau JSC develops, produces, and implements automated systems for maintenance "
    "and control of weapons and military equipment.\n"
    "- Joint Stock Company Ural Design Bureau Detal develops and manufactures radar systems for aircraft.\n"
    "- Vympel State Engineering Design Bureau JSC develops aircraft armament.\n"
    "- Joint Stock Company Salute produces armored parts for airplanes and helicopters.\n"
    "- AO GNPP Region produces weapons and ammunition.\n"
)
# 2022-02-24-jy0608 (Treasury, Russia's financial institutions): a numbered list under "are blocked:"
SOVCOMBANK = (
    "OFAC has also imposed blocking sanctions on three additional major Russian financial institutions: "
    "Otkritie, Novikom, and Sovcom.\n\n"
    "In addition, 22 Sovcombank subsidiaries were designated today pursuant to E.O. 14024 for being owned or "
    "controlled by, or for having acted or purported to act for or on behalf of, directly or indirectly, "
    "Sovcombank.\n\n"
    "The property and interests in property of the following Sovcombank subsidiaries are blocked:\n\n"
    "1. Aktsionernoe Obshchestvo Fintender is a financial technology company located in Russia.\n"
    "2. Bank National Factoring Company Joint Stock Company is a financial institution located in Russia.\n"
    "10. Ruskonsalt is a company located in Russia.\n"
    "15. Sovkom Faktoring is a company located in Russia.\n"
    "16. Sovkom Lizing is a leasing company located in Russia.\n"
)
# 2021-12-10-jy0526 (Treasury, Burma): a list of individuals
BURMA = (
    "WASHINGTON \u2014 Today, on International Human Rights Day, the U.S. Department of the Treasury\u2019s Office "
    "of Foreign Assets Control (OFAC) is designating 15 individuals and 10 entities for their connection to human "
    "rights abuse and repression in several countries around the globe.\n\n"
    "Myo Swe Win and the following three individuals are designated pursuant to E.O. 14014 for being foreign "
    "persons who are or have been a leader or official of the Government of Burma on or after February 2, 2021:"
    "\n\n"
    "- Saw Myint Oo is the Chief Minister of Kayin State in Burma.\n"
    "- Maung Ko is the Chief Minister of the Mandalay Region of Burma.\n"
    "- Khat Htein Nan is the Chief Minister of Kachin State in Burma.\n"
)
# 2024-03-27-jy2213 (Treasury, Hamas financing): a colon list that states no measure
RESOURCES = (
    "Additional Treasury resources on countering the financing of terrorism:\n\n"
    "- FinCEN Alert to Financial Institutions to Counter Financing to Hamas and its Terrorist Activities\n"
    "- 2022 National Terrorist Financing Risk Assessment\n"
)


def _extract(nlp, text: str, published: str):
    (ex,) = extract_batch(nlp, [Document.from_text(text, "test", published=published)])
    return ex


def _targets_by_name(ex) -> list[tuple[str, str, list[str], set[tuple[str, str]]]]:
    """(kind, status, under, {(target name, type)}) per action."""
    ents = {e.id: e for e in ex.entities}
    return [(a.kind, a.status, a.under, {(ents[t].name, ents[t].type) for t in a.targets}) for a in ex.actions]


def test_lists_found_after_a_measure_lead_only() -> None:
    (ktrv,) = find_lists(KTRV)
    assert len(ktrv.items) == 5 and ktrv.persons is False
    assert KTRV[ktrv.items[4] :].startswith("AO GNPP Region")
    (sovcom,) = find_lists(SOVCOMBANK)
    assert len(sovcom.items) == 5 and SOVCOMBANK[sovcom.items[3] :].startswith("Sovkom Faktoring")
    (burma,) = find_lists(BURMA)
    assert burma.persons is True
    assert find_lists(RESOURCES) == []


def test_entity_list_entries_are_targets_of_the_leads_measure(nlp) -> None:
    ex = _extract(nlp, KTRV, "2022-03-24")
    names = {
        "Globus Ryazan Design Bureau JSC", "Joint Stock Company Ural Design Bureau Detal",
        "Vympel State Engineering Design Bureau JSC", "Joint Stock Company Salute", "AO GNPP Region",
    }
    found = [a for a in _targets_by_name(ex) if a[0] == "designation" and {n for n, _ in a[3]} >= names]
    assert found, _targets_by_name(ex)
    assert found[0][1] == "enacted"
    assert all(t == "Company" for n, t in found[0][3] if n in names)
    assert ("KTRV", "Company") not in found[0][3] or len(found) == 1


def test_numbered_entries_with_no_cue_become_companies_and_targets(nlp) -> None:
    ex = _extract(nlp, SOVCOMBANK, "2022-02-24")
    types = {e.name: e.type for e in ex.entities}
    assert types.get("Sovkom Faktoring") == "Company" and types.get("Ruskonsalt") == "Company"
    targets = set().union(*(a[3] for a in _targets_by_name(ex) if a[0] in ("designation", "asset_freeze")))
    assert {("Sovkom Faktoring", "Company"), ("Sovkom Lizing", "Company"), ("Ruskonsalt", "Company")} <= targets


def test_individuals_list_entries_are_persons_and_targets(nlp) -> None:
    ex = _extract(nlp, BURMA, "2021-12-10")
    designations = [a for a in _targets_by_name(ex) if a[0] == "designation"]
    assert designations, _targets_by_name(ex)
    targets = set().union(*(a[3] for a in designations))
    assert {("Saw Myint Oo", "Person"), ("Maung Ko", "Person"), ("Khat Htein Nan", "Person")} <= targets
    assert all(a[2] == ["eo-14014"] for a in designations if a[3] & {("Maung Ko", "Person")})


# 2022-06-02-jy0803 (Treasury, CJNG): the names after a colon inside the sentence that states the measure
CJNG = (
    "WASHINGTON \u2014 Today, the U.S. Department of the Treasury\u2019s Office of Foreign Assets Control (OFAC) "
    "designated six individuals pursuant to Executive Order (E.O.) 14059 because of their support for, or actions "
    "on behalf of, the Cartel de Jalisco Nueva Generacion (CJNG).\n\n"
    "He also led a network supporting Osegura Cervantes, which included his family members who are being "
    "designated today: Esther Godoy Arellano (mother), Angelberto Rincon Godoy (brother), Julio Efrain Rincon "
    "Godoy (brother), and Moises Gonzalez Anguiano (brother-in-law), who was recently arrested by Mexican "
    "authorities.\n"
)


def test_names_after_a_colon_in_the_measures_sentence_are_its_targets(nlp) -> None:
    ex = _extract(nlp, CJNG, "2022-06-02")
    targets = set().union(*(a[3] for a in _targets_by_name(ex) if a[0] == "designation"))
    names = {"Esther Godoy Arellano", "Angelberto Rincon Godoy", "Julio Efrain Rincon Godoy",
             "Moises Gonzalez Anguiano"}
    assert names <= {n for n, t in targets if t == "Person"}, _targets_by_name(ex)
    assert not {n for n, _ in targets} & {"Osegura Cervantes", "Mexican"}


# 2022-09-30-jy0981 (Treasury, Russia's Federation Council): "These are:" points back to the measure
COUNCIL = (
    "On February 25, 2022, OFAC designated Matviyenko. Today, OFAC is designating all of Matviyenko\u2019s 169 "
    "Federation Council colleagues pursuant to E.O. 14024 for being or having been leaders, officials, senior "
    "executive officers, or members of the board of directors of the GoR. These are:\n\n"
    "1. Ivan Nikolayevich Abramov\n2. Yelena Vladimirovna Afanaseva\n3. Mikhail Alexandrovich Afanasov\n"
)
# 2023-12-11-jy1973 (Treasury, Rahmani network): an entry that is itself a colon list of firms
RAHMANI = (
    "Treasury is designating the following 41 entities\u00a0pursuant to E.O. 13818 for being owned or controlled "
    "by, or for having acted or purported to act for or on behalf of, directly or indirectly, A. Rahmani:\n\n"
    "- 21 German companies: Ozean Immobilien Management GmbH & Co. KG, Ozean Group GmbH, Ozean Horizont "
    "Bauwerke GmbH\n"
)


def test_these_are_lead_and_entries_that_list_firms(nlp) -> None:
    ex = _extract(nlp, COUNCIL, "2022-09-30")
    today = [a for a in _targets_by_name(ex) if a[0] == "designation" and a[2] == ["eo-14024"]]
    names = {"Ivan Abramov", "Yelena Afanaseva", "Mikhail Afanasov"}
    got = {n for a in today for n, t in a[3] if t == "Person"}
    assert all(any(n.split()[0] in g and n.split()[1] in g for g in got) for n in names), _targets_by_name(ex)
    ex = _extract(nlp, RAHMANI, "2023-12-11")
    targets = {n for a in _targets_by_name(ex) if a[0] == "designation" for n, _ in a[3]}
    assert {"Ozean Group GmbH", "Ozean Horizont Bauwerke GmbH"} <= targets, _targets_by_name(ex)


# 2023-05-19-jy1494 and 2023-11-29-jy1932 (Treasury): a passive measure opened by a bare list of names,
# which the parser hangs elsewhere but for the last one
ELMEC = (
    "Estonia-registered Elmec Trade OU (Elmec Trade) has shipped millions of dollars of electronics to Russia "
    "since the beginning of Russia\u2019s full-scale invasion of Ukraine. In particular, Elmec Trade has shipped "
    "U.S.-manufactured electronic components to Russian companies Limited Liability Company Kvazar (Kvazar), an "
    "importer of U.S.-manufactured electronic components, and Limited Liability Company Spetsvoltazh "
    "(Spetsvoltazh), an importer and distributor of U.S.-, Europe-, and Asia-made electronic components.\n\n"
    "Elmec Trade, Kvazar, and Spetsvoltazh were designated pursuant to E.O. 14024 for operating or having "
    "operated in the electronics sector of the Russian Federation economy.\n"
)
SEALINK = (
    "MSE Overseas PTE. Ltd., Sealink Overseas PTE. Ltd., and Solise Energy (FZE) are being designated pursuant to "
    "E.O. 13224, as amended, for being owned, controlled, or directed by, directly or indirectly, Mehboob "
    "Thachankandy Palikandy.\n"
)


def test_a_passive_measure_opened_by_a_list_of_names_targets_them_all(nlp) -> None:
    for text, names in ((ELMEC, ("Elmec", "Kvazar", "Spetsvoltazh")), (SEALINK, ("MSE", "Sealink", "Solise"))):
        ex = _extract(nlp, "Today, OFAC designated 22 entities.\n\n" + text, "2023-05-19")
        designations = [a for a in _targets_by_name(ex) if a[0] == "designation"]
        targets = {n for a in designations for n, _ in a[3]}
        assert all(any(w in t for t in targets) for w in names), designations
        assert not any("Palikandy" in t for t in targets)


# 2021-07-02-jy0260 (Treasury, Burma): "the following 15 individuals are designated ... ." with a full stop
SPOUSES = (
    "In addition to the individuals identified above, the following 15 individuals are designated pursuant to "
    "E.O. 14014 for being a spouse or adult child of a person whose property and interests in property are "
    "blocked pursuant to E.O. 14014.\n\n"
    "- Kyu Kyu Hla is the spouse of SAC Chairman Senior General Min Aung Hlaing, whom Treasury designated on "
    "February 11, 2021;\n\n"
    "- Moe Htet Htet Tun is the adult child of Lieutenant General Moe Myint Tun;\n\n"
    "- Theit Thinzar Ye is the adult child of Lieutenant General Ye Win Oo;\n"
)


def test_a_following_lead_ending_in_a_full_stop(nlp) -> None:
    (lst,) = find_lists(SPOUSES)
    assert len(lst.items) == 3 and lst.persons is True
    assert find_lists("OFAC designated Kyu Kyu Hla today.\n\n- Kyu Kyu Hla is the spouse of X.\n") == []
    ex = _extract(nlp, "Today, OFAC designated 22 individuals.\n\n" + SPOUSES, "2021-07-02")
    targets = {n for a in _targets_by_name(ex) if a[0] == "designation" and a[2] == ["eo-14014"] for n, _ in a[3]}
    assert {"Kyu Kyu Hla", "Moe Htet Htet Tun", "Theit Thinzar Ye"} <= targets, _targets_by_name(ex)
    assert "Min Aung Hlaing" not in targets


# 2023-05-02-jy0803 (Treasury, CJNG): a lede designates a counted group; one paragraph per designee follows
CJNG_LEDE = (
    "WASHINGTON \u2014 Today, the U.S. Department of the Treasury\u2019s Office of Foreign Assets Control (OFAC) "
    "designated six individuals pursuant to Executive Order (E.O.) 14059 because of their support for, or actions "
    "on behalf of, the Cartel de Jalisco Nueva Generacion (CJNG), a violent Mexico-based organization.\n\n"
    "\u201cViolence and corruption have been critical to CJNG\u2019s growth in the past decade,\u201d said Under "
    "Secretary of the Treasury for Terrorism and Financial Intelligence Brian E. Nelson.\n\n"
    "**Severo Flores Mendoza (Flores Mendoza)** is a corrupt municipal police official and national of Mexico who "
    "provides law enforcement information to CJNG in exchange for bribes.\n\n"
    "Saul Alejandro Rincon Godoy (Rincon Godoy) (a.k.a. \u201cChopa\u201d) was a senior member of CJNG who "
    "recently died in Puerto Vallarta following a confrontation with Mexican authorities.\n\n"
    "### PREVIOUS ACTIONS AGAINST CJNG\n\n"
    "On April 8, 2015, OFAC designated CJNG, along with its leader Oseguera Cervantes, pursuant to the Foreign "
    "Narcotics Kingpin Designation Act (Kingpin Act) for playing a significant role in international narcotics "
    "trafficking.\n"
)


def test_paragraphs_after_a_counted_lede_name_its_designees(nlp) -> None:
    ex = _extract(nlp, CJNG_LEDE, "2023-05-02")
    targets = set().union(*(names for kind, _, _, names in _targets_by_name(ex) if kind == "designation"))
    assert {("Severo Flores Mendoza", "Person"), ("Saul Alejandro Rincon Godoy", "Person")} <= targets
    assert not any(name == "Brian E. Nelson" for name, _ in targets)


# 2022-02-23-jy0603 (Treasury, al-Shabaab and al-Jamal networks): Turkish "Anonim Sirketi" closes the firm's name
TURKISH = (
    "Treasury is also taking action today against Turkey-based JJO General Trading Gida Sanayi Ve Ticaret Anonim "
    "Sirketi and UAE-based Al Foulk General Trading Co. L.L.C, companies directed by Mahamud and Dael, "
    "respectively. JJO General Trading Gida Sanayi Ve Ticaret Anonim Sirketi is being designated pursuant to "
    "E.O. 13224, as amended, for being owned, controlled, or directed by, directly or indirectly, Abdi Nasir Ali "
    "Mahamud.\n\n"
    "Turkey-based Garanti Ihracat Ithalat Kuyumculuk Dis Ticaret Limited Sirketi (Garanti Ihracat) has "
    "facilitated millions of dollars\u2019 worth of transactions for al-Jamal, including transfers in support of "
    "oil shipments to China and Syria.\n"
)


def test_turkish_legal_forms_close_a_firms_name(nlp) -> None:
    ex = _extract(nlp, TURKISH, "2022-02-23")
    names = {(e.name, e.type) for e in ex.entities}
    assert ("JJO General Trading Gida Sanayi Ve Ticaret Anonim Sirketi", "Company") in names
    assert ("Garanti Ihracat Ithalat Kuyumculuk Dis Ticaret Limited Sirketi", "Company") in names
    targets = set().union(*(n for kind, _, _, n in _targets_by_name(ex) if kind == "designation"))
    assert ("JJO General Trading Gida Sanayi Ve Ticaret Anonim Sirketi", "Company") in targets


# 2021-12-15-jy0535 (Treasury, new counter-narcotics E.O.): a counted lede of both kinds, a paragraph that opens
# with two names joined by "and"
DRUG_EO = (
    "Under the new E.O., \u201cImposing Sanctions on Foreign Persons Involved in the Global Illicit Drug Trade,\u201d "
    "the Office of Foreign Assets Control (OFAC) today designated 25 actors (10 individuals and 15 entities) in "
    "four countries for having engaged in activities that have materially contributed to the international "
    "proliferation of illicit drugs.\n\n"
    "### China\n\n"
    "Chuen Fat Yip and Wuhan Yuancheng Gongchuang Technology Co. Ltd.: Chuen Fat Yip, a Chinese national, leads "
    "a DTO that operates in mainland China and Hong Kong.\n"
)


def test_a_paragraph_opening_with_joined_names_after_a_counted_lede(nlp) -> None:
    ex = _extract(nlp, DRUG_EO, "2021-12-15")
    targets = set().union(*(n for kind, _, _, n in _targets_by_name(ex) if kind == "designation"))
    assert {("Chuen Fat Yip", "Person"), ("Wuhan Yuancheng Gongchuang Technology Co. Ltd.", "Company")} <= targets


# 2022-12-15-jy1163 (Treasury, VTB Bank subsidiaries): "The 17 entities are:" points back to the measure
VTB = (
    "OFAC is also adding 17 subsidiaries of VTB Bank Public Joint Stock Company (VTB Bank), Russia\u2019s second "
    "largest bank, to the SDN List. These VTB Bank subsidiaries were designated pursuant to E.O. 14024 for being "
    "owned or controlled by, or for acting or purporting to act for or on behalf of, directly or indirectly, VTB "
    "Bank, the property and interests in property of which are blocked pursuant to E.O. 14024. The 17 entities "
    "are:\n\n"
    "- Aktsionernoe Obshchestvo SG-Development, a Russia-based entity engaged in real estate activities.\n"
    "- Embassy Development Limited, a United Kingdom-based entity engaged in financial activities.\n"
)


def test_a_counted_anaphoric_lead_points_back_to_the_measure(nlp) -> None:
    assert find_lists(VTB)
    ex = _extract(nlp, VTB, "2022-12-15")
    targets = {n for _, _, _, names in _targets_by_name(ex) for n, _ in names}
    assert {"Aktsionernoe Obshchestvo SG-Development", "Embassy Development Limited"} <= targets, targets
