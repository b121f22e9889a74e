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
    assert len(today) == 1 and len(today[0].targets) >= 3, today


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


# 2023-09-15-jy1733: "OFAC's 13th round of designations" counts rounds; its basis is today's measure's.
JY1733 = (
    "WASHINGTON \u2014 Today, the U.S. Department of the Treasury\u2019s Office of Foreign Assets Control (OFAC) is "
    "designating 29 individuals and entities in connection with the Iranian regime\u2019s violent suppression of "
    "nationwide protests.\n\nToday\u2019s sanctions are\u00a0OFAC\u2019s 13th round of designations in connection "
    "with the protests that began in September 2022 and are taken pursuant to Executive Order (E.O.) 13553, which "
    "imposes sanctions on certain persons with respect to serious human rights abuses by the Government of Iran."
)


def test_a_counted_round_of_designations_is_no_action_of_its_own(nlp) -> None:
    found = [a for a in actions(nlp, JY1733, "2023-09-15") if a.kind == "designation"]
    assert len(found) == 1, found
    assert found[0].date == "2023-09-15"
    assert any(u.startswith("eo-13553") for u in found[0].under), found


# 2023-02-10-jy1264: the UK's designation the same day is the UK's own action; State's visa restrictions are
# another action, under Section 7031(c), dated today ("now").
JY1264 = (
    "Today\u2019s action builds on previous OFAC sanctions against Delyan Peevski, Vassil Bojkov, Ilko Zhelyazkov, "
    "and related entities. Reinforcing these actions, today the United Kingdom also designated Peevski, Bojkov, and "
    "Zhelyazkov under the UK Global Anti-Corruption Sanctions Regime.\n\nAdditionally, Ovcharov, Nikolov, Goranov, "
    "and their immediate families are now subject to visa restrictions by the Department of State under Section "
    "7031(c) of the\u00a0annual\u00a0Department of State, Foreign Operations, and Related Programs Appropriations Act."
)


def test_a_foreign_governments_measure_of_today_is_its_own_action(nlp) -> None:
    found = actions(nlp, JY1264, "2023-02-10")
    uk = [a for a in found if a.by == ["united-kingdom"]]
    assert len(uk) == 1 and uk[0].date == "2023-02-10", found
    assert not any("united-kingdom" in a.by for a in found if a is not uk[0]), found
