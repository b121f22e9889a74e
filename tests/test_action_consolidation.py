"""Per-document consolidation of actions (ONTOLOGY 'Action conventions'): one action per actor, kind, legal basis
and date; earlier measures restated with their own date, actor and basis; parallel measures of several
governments split; removals lifted; 'today' is the publication date. Every passage is a real Treasury text from
/work/shared/corpora/treasury-press-releases.jsonl that is in neither dev set, run through the real pipeline."""

from __future__ import annotations

from ingest.contract import Action
from ingest.documents import Document
from ingest.pipeline import extract_batch


def actions(nlp, text: str, published: str) -> list[Action]:
    (ex,) = extract_batch(nlp, [Document.from_text(text, "test", published=published)])
    return list(ex.actions)


def targeting(found: list[Action], fragment: str) -> list[Action]:
    """The actions one of whose targets has an id containing `fragment`."""
    return [a for a in found if any(fragment in t for t in a.targets)]


# 2002-08-29-po3380: two governments' designations of one man, each with its own date, in one sentence.
PO3380 = (
    "Based on information available to Italy and the United States, Youssef Nada (Nada) and Ahmed Idris Nasreddin "
    "(Nasreddin), through commercial holdings, operate an extensive financial network providing support for "
    "terrorist related activities. Nada was designated by the United States on November 7, 2001, and by the United "
    "Nations on November 9, 2001."
)


def test_parallel_measures_of_two_governments_are_one_action_each_with_its_own_date(nlp) -> None:
    found = [a for a in targeting(actions(nlp, PO3380, "2002-08-29"), "nada") if a.kind == "designation"]
    by_date = {a.date: a.by for a in found}
    assert by_date.get("2001-11-07") == ["united-states"], found
    assert by_date.get("2001-11-09") == ["un"], found


# 2004-09-09-js1895: "designated by the United States and the UN 1267 Sanctions Committee": parallel, not joint.
JS1895 = (
    "Documents naming Al-Buthe as the organization's attorney and providing him with broad legal authority were "
    "signed by Aqeel Abdul Aziz Al-Aqil, the former director of AFH.\u00a0 Aqil has been designated by the United "
    "States and the UN 1267 Sanctions Committee because of AHF's support for al Qaida while under his oversight."
)


def test_designation_by_a_state_and_a_un_committee_is_split_per_actor(nlp) -> None:
    found = [a for a in targeting(actions(nlp, JS1895, "2004-09-09"), "aqil") if a.kind == "designation"]
    assert len(found) == 2, found
    assert all(len(a.by) == 1 for a in found), found
    assert "united-states" in {a.by[0] for a in found}, found


# 2015-05-21-jl10061: "These entities and this individual" are today's designees; Mahan Air's 2011 designation
# and the IRGC-QF's 2007 one are earlier measures restated, each its own action with its own date.
JL10061 = (
    "**WASHINGTON** \u2013The U.S. Department of the Treasury today announced the designation of Iraq-based "
    "Al-Naser Airlines, Syrian businessman Issam Shammout, and his UAE-based Sky Blue Bird Aviation for providing "
    "support to Iran's Mahan Air.\u00a0 These entities and this individual have been designated pursuant to "
    "Executive Order (E.O.) 13224, a counter-terrorism authority.\u00a0 Mahan Air was designated in October 2011 "
    "pursuant to E.O. 13224 for providing financial, material and technological support to Iran's Islamic "
    "Revolutionary Guard Corps-Qods Force (IRGC-QF).\u00a0 The IRGC-QF was designated under E.O. 13224 in 2007 for "
    "its support to numerous terrorist groups."
)


def test_restated_earlier_designations_keep_their_own_dates_beside_todays(nlp) -> None:
    found = [a for a in actions(nlp, JL10061, "2015-05-21") if a.kind == "designation"]
    today = [a for a in found if a.date == "2015-05-21"]
    assert len(today) == 1, found
    assert any("mahan" in t for a in found if a.date == "2011-10" for t in a.targets), found
    assert any("irgc" in t for a in found if a.date == "2007" for t in a.targets), found
    assert not any("mahan" in t for t in today[0].targets), today  # Mahan Air is not designated today
    assert any(u.startswith("eo-13224") for u in today[0].under), today


def test_a_demonstrative_subject_of_both_kinds_names_the_paragraphs_designees(nlp) -> None:
    today = [a for a in actions(nlp, JL10061, "2015-05-21") if a.kind == "designation" and a.date == "2015-05-21"]
    assert len(today) == 1, today
    # the airline, the businessman and his company; not Mahan Air, named in the criterion ('for providing
    # support to Iran's Mahan Air')
    assert {"al-naser-airlines", "issam-shammout", "sky-blue-bird-aviation"} <= set(today[0].targets), today
    assert "mahan-air" not in today[0].targets, today


# 2019-09-17-sm778: "Both of these companies were designated on July 25, 2019": the two companies just named,
# an earlier measure of its own (not today's designations of other companies).
SM778 = (
    "**Washington**\u2013 Today, the U.S. Department of the Treasury\u2019s Office of Foreign Assets Control (OFAC) "
    "designated three individuals and 16 entities for their connections to Alex Nain Saab Moran (Alex Saab) and his "
    "business partner, Alvaro Enrique Pulido Vargas (Alvaro Pulido).\n\n"
    "- **David Nicolas Rubio Gonzalez (Rubio)** is the son of Alvaro Pulido and brother of Emmanuel Enrique Rubio "
    "Gonzalez, who were previously designated on July 25, 2019.\u00a0 Rubio is a Director at Global Structure, S.A. "
    "and an Assistant Manager at C I Fondo Global De Alimentos LTDA.\u00a0 Both of these companies were designated "
    "on July 25, 2019.\u00a0 Three additional companies owned or controlled by Rubio in Colombia and Panama are being "
    "designated today."
)


def test_both_of_these_companies_are_the_two_named_just_before(nlp) -> None:
    found = [a for a in actions(nlp, SM778, "2019-09-17") if a.kind == "designation" and a.date == "2019-07-25"]
    targets = {t for a in found for t in a.targets}
    assert any("global-structure" in t for t in targets), found
    assert any("fondo-global" in t for t in targets), found
    today = [a for a in actions(nlp, SM778, "2019-09-17") if a.date == "2019-09-17"]
    assert not any("global-structure" in t for a in today for t in a.targets), today  # an earlier measure


# 2009-08-20-tg265: "Today's action ... is OFAC's tenth set of designations against the FARC under the Kingpin Act
# since 2004" counts rounds: no designation of the FARC today, and the Act is the basis of today's measure.
TG265 = (
    "The U.S. Department of the Treasury's Office of Foreign Assets Control (OFAC) today designated Jose Cayetano "
    "Melo Perilla for materially assisting the narcotics trafficking activities of, and acting for or on behalf of, "
    "the Revolutionary Armed Forces of Colombia (FARC), a drug trafficking organization.OFAC also today named four "
    "entities that are owned, controlled, or directed by, or act for or on behalf of, Jose Cayetano Melo Perilla. "
    "Today's action, pursuant to the Foreign Narcotics Kingpin Designation Act (Kingpin Act), is OFAC's tenth set "
    "of designations against the FARC under the Kingpin Act since 2004."
)


def test_a_counted_round_of_designations_is_no_action_of_its_own(nlp) -> None:
    found = [a for a in actions(nlp, TG265, "2009-08-20") if a.kind == "designation"]
    assert len(found) == 1, found
    assert found[0].date == "2009-08-20" and any("melo" in t for t in found[0].targets), found
    assert not any("farc" in t or "revolutionary" in t for t in found[0].targets), found
    assert any("kingpin" in u for u in found[0].under), found


# Federal Register 2022-14069 (2022-06-30): "this rule removes two entities" names no list: the rule's list,
# lifted, dated when the removal is (the publication date).
FR14069 = (
    "In this rule, the Bureau of Industry and Security (BIS) amends the Export Administration Regulations (EAR) by "
    "adding 36 entities under 41 entries to the Entity List. These 36 entities have been determined by the U.S. "
    "Government to be acting contrary to the national security or foreign policy interests of the United States. "
    "Lastly, this rule removes two entities and one address for a non-listed entity, consisting of one removal of "
    "an entity and one removal of an address under the destination of China, and one removal under the "
    "destination of Pakistan."
)


def test_a_removal_from_an_unnamed_list_is_that_lists_kind_lifted(nlp) -> None:
    found = [a for a in actions(nlp, FR14069, "2022-06-30") if a.kind == "entity_listing"]
    assert {a.status for a in found} == {"enacted", "lifted"}, found
    lifted = next(a for a in found if a.status == "lifted")
    assert lifted.by == ["bis"] and lifted.date == "2022-06-30", lifted
    assert any("entity-list" in u for u in lifted.under), lifted


# Federal Register 2020-05301 (2020-03-16): "is publishing the names of persons that have been placed on ... List":
# the notice reports today's measure.
FR05301 = (
    "The U.S. Department of the Treasury's Office of Foreign Assets Control (OFAC) is publishing the names of persons "
    "that have been placed on OFAC's Specially Designated Nationals and Blocked Persons List based on OFAC's "
    "determination that one or more applicable legal criteria were satisfied."
)


def test_a_present_perfect_under_a_present_announcement_takes_the_publication_date(nlp) -> None:
    found = [a for a in actions(nlp, FR05301, "2020-03-16") if a.kind == "designation"]
    assert [a.date for a in found] == ["2020-03-16"], found


# 2024-02-20-jy2114: "the recent trilateral designation of Alexander Ermakov" is an earlier measure: no date of
# today from the tense of the sentence that recalls it.
JY2114 = (
    "WASHINGTON \u2014 Today, the United States is designating two individuals who are affiliates of the "
    "Russia-based ransomware group LockBit.\n\nThis action follows other recent actions taken by the U.S. against "
    "Russian cybercriminals, including the recent trilateral designation of Alexander Ermakov, a Russian national "
    "involved in the 2022 ransomware attack against Medibank Private Limited, in coordination with Australia and "
    "the United Kingdom."
)


def test_a_recent_designation_recalled_takes_no_date_of_today(nlp) -> None:
    found = targeting(actions(nlp, JY2114, "2024-02-20"), "ermakov")
    assert found and all(a.date != "2024-02-20" for a in found), found


# 2014-08-29-jl2618: earlier measures named in passing by a modifier of their target.
JL2618 = (
    "WASHINGTON \u2013 Today, the U.S. Department of the Treasury announced actions targeting a diverse set of "
    "entities and individuals under various Iran-related authorities, targeting Iran\u2019s missile and nuclear "
    "programs, sanctions evasion efforts, and support for terrorism. These actions reflect the United States\u2019 "
    "sustained commitment to enforce our sanctions.\n\nIn an effort to help Mahan Air evade sanctions, Pioneer "
    "Logistics has shipped aircraft parts to another U.S.-designated Mahan Air front company, UAE-based Avia Trust, "
    "for onward delivery to Mahan Air."
)


def test_a_glued_actor_designated_modifier_is_that_states_earlier_designation(nlp) -> None:
    found = [a for a in actions(nlp, JL2618, "2014-08-29") if a.kind == "designation"]
    avia = targeting(found, "avia-trust")
    assert len(avia) == 1 and avia[0].by == ["united-states"] and avia[0].date is None, found
