"""Designees named in ways the entities do not link to the measure: a family name the entities left unresolved
("Puriya and Asadollah are being designated ...") is the one person of the document with that family name;
names after the colon of a counted group, each after its post; names opening the sentences after a counted
group. Fixtures are real Treasury release passages (public domain) found in neither dev set
(ingest/actions/list_targets.py)."""

from __future__ import annotations

from ingest.documents import Document
from ingest.pipeline import extract_batch

NETWORK = (
    "WASHINGTON \u2014 Today, the U.S. Department of the Treasury\u2019s Office of Foreign Assets Control (OFAC) is "
    "designating members of a network of Lebanon- and Kuwait-based financial conduits that fund Hizballah.\n\n"
    "Amini and Qasir are aided in their efforts by a team of trusted subordinates. Omid Yazdanparast, "
    "Mohammad Ali Damirchilu, and Samaneh Damirchilu facilitate the smuggling of gold and currency from "
    "Iran to Turkey via commercial flights operated by U.S.-designated Iranian airline Mahan Air. "
    "Mohammad Reza Kazemi facilitates the gold sales in Turkey.  Once gold is sold, the proceeds are "
    "returned to Iran through the same process, whereupon they are transferred to Amini and Qasir.  "
    "Samaneh Damirchilu has also worked with Qasir to facilitate the sale of Iranian oil to foreign "
    "buyers.\n\n"
    "Yazdanparast and Samaneh Damirchilu are being designated pursuant to E.O. 13224, as amended, for "
    "having materially assisted, sponsored, or provided financial, material, or technological support "
    "for, or goods or services to or in support of, Ali Qasir.  Mohammad Reza Kazemi is being designated "
    "pursuant to E.O. 13224, as amended, for having materially assisted, sponsored, or provided "
    "financial, material, or technological support for, or goods or services to or in support of, Meghdad"
    " Amini.  Mohammad Ali Damirchilu is being designated pursuant to E.O. 13224, as amended, for having "
    "acted or purported to act for or on behalf of, directly or indirectly, Ali Qasir.\n\n"
    "Mostafa Puriya and Hossein Asadollah sell electronics on behalf of this network in the UAE through "
    "the Dubai-based company Hemera Infotech FZCO.  Puriya and Asadollah are being designated pursuant to"
    " E.O. 13224, as amended, for having materially assisted, sponsored, or provided financial, material,"
    " or technological support for, or goods or services to or in support of, Meghdad Amini.  Hemera "
    "Infotech FZCO is being designated pursuant to E.O. 13224, as amended, for being owned, controlled, "
    "or directed by, directly or indirectly, Hossein Asadollah.\n\n"
)


def test_a_family_name_subject_is_the_documents_person(nlp) -> None:
    (ex,) = extract_batch(nlp, [Document.from_text(NETWORK, "test", published="2021-09-17")])
    names = {e.id: e.name for e in ex.entities}
    targets = {names[t] for a in ex.actions if a.kind == "designation" for t in a.targets}
    assert {"Mostafa Puriya", "Hossein Asadollah", "Samaneh Damirchilu"} <= targets, targets

# 2021-12-02-jy0512: a counted group, then a colon and the names, each after its post
GUBOPIK = (
    "To continue to expose and pressure those repressing civil society in Belarus, OFAC is designating ten senior "
    "officials of the Main Directorate for Combating Organized Crime and Corruption of the MVD of the Republic of "
    "Belarus (GUBOPiK): its head, Andrey Parshin; deputies Oleg Larin, Denis Chemodanov, and Mikhail Bedunkevich; "
    "and divisional leaders Vasiliy Sysoyev, Dmitriy Kovach, Aleksandr Zhivlyuk, Andrei Makarevich, Vladimir "
    "Vashkevich, and Aleksandr Alyoksa.\n"
)


def test_names_after_the_colon_of_a_counted_group_each_after_its_post(nlp) -> None:
    (ex,) = extract_batch(nlp, [Document.from_text(GUBOPIK, "test", published="2021-12-02")])
    names = {e.id: e.name for e in ex.entities}
    targets = {names[t] for a in ex.actions if a.kind == "designation" for t in a.targets}
    want = {"Andrey Parshin", "Oleg Larin", "Mikhail Bedunkevich", "Vasiliy Sysoyev", "Aleksandr Alyoksa"}
    assert want <= targets, targets

# 2022-12-21-jy1177: a counted group whose member the next sentence of the paragraph names
BASIJ = (
    "WASHINGTON \u2014 Today, the U.S. Department of the Treasury\u2019s Office of Foreign Assets Control (OFAC) "
    "is targeting the Prosecutor General and key military and paramilitary officials in Iran, as well as a company "
    "manufacturing and providing Iran\u2019s Law Enforcement Forces with anti-riot equipment.\n\n"
    "OFAC is also designating two senior officials of Iran\u2019s Basij Resistance Forces, a paramilitary "
    "organization controlled by Iran\u2019s Islamic Revolutionary Guard Corps (IRGC). Moslem Moein (Moein), as "
    "chief of the Basij Cyberspace Headquarters, oversees efforts to control and censor Iranians\u2019 online "
    "activities. He has spoken publicly about the Basij\u2019s priority to monitor Iranians\u2019 use of the "
    "internet.\n"
)


def test_the_sentences_after_a_counted_group_name_its_members(nlp) -> None:
    (ex,) = extract_batch(nlp, [Document.from_text(BASIJ, "test", published="2022-12-21")])
    names = {e.id: e.name for e in ex.entities}
    targets = {names[t] for a in ex.actions if a.kind == "designation" for t in a.targets}
    assert "Moslem Moein" in targets, targets
    assert not {"Basij Resistance Forces", "Islamic Revolutionary Guard Corps"} & targets, targets
