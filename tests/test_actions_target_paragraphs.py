"""Designees named in sentences after the designation statement join today's designation (real Treasury
releases from /work/shared/corpora/treasury-press-releases.jsonl, in neither dev set, through the real pipeline;
see ingest/actions/target_paragraphs.py)."""

from __future__ import annotations

from extracted import actions

# 2008-07-25 hp1097 ("Treasury Targets Mugabe Regime Cronies ..."), abridged
HP1097 = (
    "The U.S. Department of the Treasury's Office of Foreign Assets Control (OFAC) today designated seventeen "
    "entities, including several Zimbabwean parastatals, and one individual whose support for Robert Mugabe's "
    "regime contributes to the undermining of democratic processes and institutions in Zimbabwe.\n\n"
    "Today's designations include a number of Zimbabwean parastatals and entities that are owned or controlled by "
    "the Government of Zimbabwe. Treasury's designations today include the Minerals Marketing Corporation of "
    "Zimbabwe (a.k.a MMCZ), the sole marketing and export agent for all minerals, except gold and silver, mined in "
    "Zimbabwe; the Zimbabwe Mining Development Corporation (a.k.a. ZMDC), involved in investment in the mining "
    "industry in Zimbabwe; and Zimre Holdings Limited, an investment and reinsurance entity.\n\n"
    "Also designated today are Thamer Bin Saeed Ahmed Al-Shanfari, an Omani national with close ties to Mugabe and "
    "his top officials, as well as his company, Oryx Natural Resources, which Al-Shanfari uses to enable Mugabe and "
    "his senior officials to maintain access to various mining ventures in the Democratic Republic of the Congo.\n\n"
    "Finally, OFAC is designating the following companies that are owned or controlled by a number of Specially "
    "Designated Nationals (SDNs): Divine Homes, a property company whose Chairman is SDN David Chapfika, Zimbabwe's "
    "Deputy Minister of Agriculture; and Famba Safaris, a registered Zimbabwean safari operator.\n"
)

# 2015-07-30 jl0133 ("Treasury Sanctions Individuals and Entities for Sanctions Evasion ..."), abridged
JL0133 = (
    "The U.S. Department of the Treasury's Office of Foreign Assets Control (OFAC) today designated 13 individuals "
    "and entities that have supported serious and sustained evasion of existing sanctions pursuant to E.O. 13661.\n\n"
    "The following eight of these individuals and entities are linked to the provision of material support to the "
    "previously designated Gennady Timchenko: Airfix Aviation Oy, IPP Oil Products (Cyprus) Limited, Kai Paananen, "
    "Oleg Usachev, Petr Kolbin, Set Petrochemicals Oy, Southport Management Services Limited, and Southeast Trading "
    "Oy.\n"
)


def _today(found, published: str):
    return [a for a in found if a.kind == "designation" and a.status == "enacted" and a.date == published]


def _names(nlp, text: str, published: str) -> tuple[list, dict[str, str]]:
    found = actions(nlp, text, published=published)
    doc = nlp.make_doc(text)
    doc._.published = published
    doc = nlp(doc)
    return found, {e: r.name for e, r in (doc._.pg_entities or {}).items()}


def test_include_and_inverted_passive_sentences_name_todays_designees(nlp) -> None:
    found, ents = _names(nlp, HP1097, "2008-07-25")
    today = _today(found, "2008-07-25")
    targets = {ents.get(t, t) for a in today for t in a.targets}
    # "Treasury's designations today include X; Y; and Z" and "Also designated today are A ..., as well as his
    # company, B"
    for name in ("Minerals Marketing Corporation of Zimbabwe", "Zimbabwe Mining Development Corporation",
                 "Zimre Holdings Limited", "Thamer Bin Saeed Ahmed Al-Shanfari", "Oryx Natural Resources"):
        assert name in targets, (name, targets)
    # a name inside an item's description is not said to be targeted
    assert not any("Chapfika" in n for n in targets), targets
    # the sentences that name them are evidence of the designation
    quotes = " ".join(s.text for a in today for s in a.evidence)
    assert "Also designated today are" in quotes


def test_following_colon_list_of_todays_group_joins_the_designation(nlp) -> None:
    found, ents = _names(nlp, JL0133, "2015-07-30")
    today = _today(found, "2015-07-30")
    targets = {ents.get(t, t) for a in today for t in a.targets}
    for name in ("IPP Oil Products (Cyprus) Limited", "Kai Paananen", "Southport Management Services Limited"):
        assert name in targets, (name, targets)
    # the earlier designee the lead mentions is not one of today's
    assert "Gennady Timchenko" not in targets, targets


# 2009-11-10 tg401, 2009-07-09 tg201, 2009-06-11 tg169 (SDNT networks), abridged
NETWORKS = (
    "The U.S. Department of the Treasury's Office of Foreign Assets Control (OFAC) today designated a network of "
    "14 individuals and 25 companies in Colombia, Spain and the Netherlands as Specially Designated Narcotics "
    "Traffickers (SDNTs) pursuant to Executive Order 12978.\n\n"
    "Hernando Mejia Uribe owns or controls a number of Colombian companies, principally located in Cartagena, "
    "Colombia, including: Inversiones El Progreso S.A., Euromar Caribe S.A., and Inversiones Lamarc S.A. Mejia "
    "Uribe's network also includes his wife, Maria Emma Botero Aristizabal; lawyers Luis Carlos Gamboa Morales and "
    "Luis Gonzalo Baena Cardenas; and accountants Inmaculada Diaz Chacon and Sixto Parra Millares. "
    "The individuals and entities are all targeted in today's action.\n\n"
    "Florez Upegui's financial associates in Colombia are also targeted in today's action, including two of his "
    "brothers, Carlos Jairo and Elkin de Jesus Florez Upegui, as well as Ruth Cecilia Velasquez Rodriguez and "
    "Jairo de Jesus Velez Trujillo.\n\n"
    "In addition, today's OFAC action targets several Mexican nationals in Guadalajara, Mexico: Juan Cardenas Real, "
    "Jose Luis Lares Rangel, Jorge Octavio Lopez Rodriguez, Mario Antonio Flores Salinas, and Luz del Rocio "
    "Arambula Garcia.\n"
)


def test_pointer_including_and_colon_sentences_name_todays_designees(nlp) -> None:
    found, ents = _names(nlp, NETWORKS, "2009-11-10")
    today = _today(found, "2009-11-10")
    targets = {ents.get(t, t) for a in today for t in a.targets}
    # "The individuals and entities are all targeted in today's action": the names of its paragraph
    # "... are also targeted in today's action, including A, B, as well as C"; "today's action targets ...: A, B"
    for name in ("Maria Emma Botero Aristizabal", "Luis Carlos Gamboa Morales", "Sixto Parra Millares",
                 "Elkin de Jesus Florez Upegui", "Jairo de Jesus Velez Trujillo", "Juan Cardenas Real",
                 "Luz del Rocio Arambula Garcia"):
        assert name in targets, (name, targets)
    assert not any(ents.get(b) == "Juan Cardenas Real" for a in found for b in a.by)


# 2012-11-08 tg1760 ("Treasury Announces New Sanctions Against Iran"), abridged: a package split by legal basis
TG1760 = (
    "The U.S. Department of the Treasury today announced a set of targeted sanctions against 17 individuals and "
    "entities related to the Iranian government\u2019s human rights abuses, its support of terrorism, and Iran\u2019s "
    "Islamic Revolutionary Guard Corps (IRGC).\n\n"
    "The first set of designations is being taken pursuant to E.O. 13628, which implements the TRA by sanctioning "
    "individuals and entities who have engaged in censorship or other activities with respect to Iran.  These "
    "designations include, Reza Taghipour the Minister of Communications and Information Technology, the Ministry "
    "of Culture and Islamic Guidance as well as a number of officials and other entities involved in the Iranian "
    "regime\u2019s ongoing attempts to repress and silence Iran\u2019s people.\n\n"
    "The final set of actions today is being taken pursuant to E.O. 13382, which targets proliferators of weapons "
    "of mass destruction and their support networks.  Today\u2019s designations include two IRGC-linked "
    "universities and companies, including the National Iranian Oil Company.\n"
)


def test_sets_under_different_orders_are_one_designation_each_with_their_own_designees(nlp) -> None:
    found, ents = _names(nlp, TG1760, "2012-11-08")
    today = _today(found, "2012-11-08")
    by_law = {ents.get(u, u): {ents.get(t, t) for t in a.targets} for a in today for u in a.under}
    first = next(v for k, v in by_law.items() if "13628" in k)
    final = next(v for k, v in by_law.items() if "13382" in k)
    assert "Reza Taghipour" in first and "National Iranian Oil Company" not in first, by_law
    assert "National Iranian Oil Company" in final and "Reza Taghipour" not in final, by_law
    # the lead that announced the sets is no targetless measure of its own
    assert all(a.targets for a in today), today


# 2009-02-10 tg19 ("Treasury Designates Financial Network of Peruvian Drug Kingpin ..."), abridged
TG19 = (
    "The U.S. Department of the Treasury's Office of Foreign Assets Control (OFAC) today designated 26 companies "
    "and 14 individuals tied to Peruvian drug kingpin Fernando Zevallos Gonzales.\n\n"
    "Key Fernando Zevallos family members designated today include his sisters Lupe Maritza Zevallos Gonzales, "
    "Sara Marilyn Zevallos Gonzales, Maria del Rosario Zevallos Gonzales, and Milagros Angelina Zevallos Gonzales; "
    "his brother Winston Ricardo Zevallos Gonzales; and his mother, Sara Maria Gonzales Garbancho de Zevallos.\n"
)


def test_a_kinship_noun_before_a_name_still_opens_an_item(nlp) -> None:
    found, ents = _names(nlp, TG19, "2009-02-10")
    targets = {ents.get(t, t) for a in _today(found, "2009-02-10") for t in a.targets}
    for name in ("Lupe Maritza Zevallos Gonzales", "Winston Ricardo Zevallos Gonzales",
                 "Sara Maria Gonzales Garbancho de Zevallos"):
        assert name in targets, (name, targets)


# 2021-09-22 jy0367 ("Treasury Sanctions Sinaloa Cartel Members Operating in Sonora"), abridged: a counted group,
# then "the individuals include ...: A, B, and C" with the list after a colon
JY0367 = (
    "Washington \u2014 Today, the U.S. Department of the Treasury\u2019s Office of Foreign Assets Control (OFAC) "
    "designated Mexican national Sergio Valenzuela Valenzuela (\u201cValenzuela Valenzuela\u201d) as a Specially "
    "Designated Narcotics Trafficker pursuant to the Foreign Narcotics Kingpin Designation Act (Kingpin Act).\n\n"
    "In addition to Valenzuela Valenzuela, OFAC also designated seven other Mexican nationals for providing "
    "material assistance to Valenzuela Valenzuela.  Specifically, the individuals include Valenzuela Valenzuela\u2019s "
    "right-hand man, Leonardo Pineda Armenta, who directs operations for him, and six cartel lieutenants who "
    "ultimately report to Valenzuela Valenzuela:  Gilberto Martinez Renteria, Jaime Humberto Gonzalez Higuera, "
    "Jorge Damian Roman Figueroa, Luis Alberto Carrillo Jimenez, Meliton Rochin Hurtado, and Miguel Raymundo "
    "Marrufo Cabrera.\n"
)


def test_the_individuals_a_designation_counted_are_named_after_it(nlp) -> None:
    found, ents = _names(nlp, JY0367, "2021-09-22")
    targets = {ents.get(t, t) for a in _today(found, "2021-09-22") for t in a.targets}
    # before: only Sergio Valenzuela Valenzuela
    for name in ("Leonardo Pineda Armenta", "Gilberto Martinez Renteria", "Luis Alberto Carrillo Jimenez",
                 "Miguel Raymundo Marrufo Cabrera"):
        assert name in targets, (name, targets)
