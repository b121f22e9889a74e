"""pg_actions on real sentences from /work/shared/corpora and the seeds, through the real spaCy model and the
real pg_entities / pg_relations components (ingest.pipeline.build_nlp): roles, modality, non-actions, ids, seeds.

Orders, notices and summaries are in test_actions_orders_and_notices.py; later fixes on unseen releases in
test_actions_unseen_releases.py (one file was over 1,000 lines)."""

from __future__ import annotations

from pathlib import Path

import pytest
from extracted import actions, one

from ingest.actions.lexicon import LEXICON_FILE, load
from ingest.documents import Document
from ingest.pipeline import extract_batch

SHARED = Path(__file__).resolve().parents[2] / "shared"


# -- roles -------------------------------------------------------------------------------------------------

# Treasury press release SM780, 2019-09-20 (corpora/treasury/2019-09-20-sm780.md)
SM780 = (
    "WASHINGTON- Today, the U.S. Department of the Treasury\u2019s Office of Foreign Assets Control (OFAC) took "
    "action against the Central Bank of Iran (CBI), the National Development Fund of Iran (NDF), and Etemad "
    "Tejarate Pars Co. under its counterterrorism authority, Executive Order (E.O.) 13224.  Iran\u2019s Central "
    "Bank has provided billions of dollars to the Islamic Revolutionary Guards Corps (IRGC), its Qods Force "
    "(IRGC-QF) and its terrorist proxy, Hizballah.\n\n"
    "OFAC is designating NDF for having materially assisted, sponsored, or provided financial, material, or "
    "technological support for, or goods or services to, the IRGC-QF and MODAFL.\n\n"
    "Hizballah was designated by the Department of State as a Foreign Terrorist Organization in October 1997 "
    "pursuant to E.O. 13224 in October 2001."
)


def test_active_designation_with_actor_targets_legal_basis_and_today(nlp) -> None:
    found = actions(nlp, SM780, published="2019-09-20")
    today = [a for a in found if a.kind == "designation" and a.date == "2019-09-20"]
    assert len(today) == 1, found  # "took action against" and "is designating NDF" are one measure
    a = today[0]
    assert a.status == "enacted"
    assert "ofac" in a.by
    assert "eo-13224" in a.under
    assert len(a.targets) >= 3  # CBI, NDF, Etemad Tejarate Pars: a comma list with "and"
    assert len(a.evidence) == 2
    assert a.evidence[0].text.startswith("WASHINGTON- Today")
    assert 0 < a.confidence <= 1


def test_passive_designation_with_agent_is_a_separate_dated_action(nlp) -> None:
    found = actions(nlp, SM780, published="2019-09-20")
    past = [a for a in found if a.date and a.date.startswith("1997")]
    assert len(past) == 1, found
    a = past[0]
    assert a.kind == "designation"
    assert a.by == ["us-dept-state"]
    assert len(a.targets) == 1 and "hizballah" in a.targets[0]
    # "... as a Foreign Terrorist Organization in October 1997 pursuant to E.O. 13224 in October 2001": the E.O.
    # is the basis of the 2001 designation, another action (ONTOLOGY: one action per legal basis and date)
    assert "eo-13224" not in a.under
    later = [a for a in found if a.date == "2001-10"]
    assert len(later) == 1 and later[0].by == ["us-dept-state"] and "eo-13224" in later[0].under, found


def test_coordinated_targets_and_legal_basis(nlp) -> None:
    # corpora/treasury/2022-02-24-jy0608.md
    text = "OFAC designated Puchkov and Soloviev pursuant to E.O. 14024 for being or having been leaders, officials, " \
           "senior executive officers, or members of the board of directors of the GoR."
    a = one(actions(nlp, text, published="2022-02-24"), "designation")
    assert a.by == ["ofac"]
    assert a.under == ["eo-14024"]
    assert len(a.targets) == 2


def test_possessive_actor_and_relative_date(nlp) -> None:
    # seed 000 (The Hill, 2019-10-11)
    text = ("On Tuesday, the State Department\u2019s announced visa restrictions on Chinese government and Communist "
            "Party officials involved in persecution of Uighur and other ethnic groups in Xinjiang.")
    a = one(actions(nlp, text, published="2019-10-11"), "visa_restriction")
    assert a.by == ["us-dept-state"]
    assert a.date == "2019-10-08"
    assert a.targets == []  # "Chinese government and Communist Party officials" is an unnamed group
    assert one(actions(nlp, text, published=None), "visa_restriction").date is None


def test_list_addition_names_the_list_as_legal_basis_and_continues(nlp) -> None:
    # seed 004: the first sentence names the list, the later "BIS added ..." continues the same listing
    text = ("The Commerce Department\u2019s Bureau of Industry and Security (BIS) added 37 entities to the Entity "
            "List, including 34 Chinese research institutes and technology companies.\n\n"
            "BIS added China\u2019s Academy of Military Medical Sciences an 11 of its research institutes for using "
            "\u201cbiotechnology processes\u201d to support Chinese military uses.")
    found = actions(nlp, text)
    a = one(found, "entity_listing")
    assert "bis" in a.by
    assert "entity-list" in a.under
    assert a.targets and all(t != "china" for t in a.targets)
    assert len(a.evidence) == 2


def test_detention_actor_from_place_and_arrest_merged_with_detention(nlp) -> None:
    # seed 002
    text = ("China has been angered by the arrest of Meng Wanzhou, the chief financial officer of Huawei, the "
            "Chinese telecommunications company. Meng Wanzhou has been detained in Canada on suspicion of fraud.")
    a = one(actions(nlp, text), "arrest")
    assert a.by == ["canada"]
    assert a.targets == ["meng-wanzhou"]
    assert not [x for x in actions(nlp, text) if x.kind == "detention"]


# -- modality ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "kind", "status"),
    [
        # seed 000: the writers urge it
        ("The White House must designate Chen Quanguo and his subordinates as gross human right abusers under "
         "the Global Magnitsky Act.", "designation", "advocated"),
        # seed 002: planned
        ("The Justice Department is preparing to announce the indictments of several hackers that the United "
         "States believes worked for the Chinese government.", "indictment", "proposed"),
        # seed 003
        ("The U.S. will boost restrictions on software companies connected to China, Secretary of State Mike "
         "Pompeo said.", "sanction", "proposed"),
        # corpora/whitehouse 2025-06-30 fact sheet on Syria
        ("The Treasury Department quickly took the first step in lifting sanctions on Syria by issuing a general "
         "license, known as GL25, to authorize transactions.", "sanction", "lifted"),
        # corpora/treasury 2018-04-06-sm0338
        ("OFAC imposed sectoral sanctions on Surgutneftegaz pursuant to Directive 4 issued under E.O. 13662 in "
         "September 2014.", "designation", "enacted"),
    ],
)
def test_status_from_modality(nlp, text: str, kind: str, status: str) -> None:
    found = [a for a in actions(nlp, text, published="2020-01-15") if a.kind == kind]
    assert found, actions(nlp, text)
    assert found[0].status == status


def test_advocated_action_keeps_the_urged_actor_and_target(nlp) -> None:
    text = ("The White House must designate Chen Quanguo and his subordinates as gross human right abusers under "
            "the Global Magnitsky Act.")
    a = one(actions(nlp, text), "designation")
    assert a.by == ["white-house"]
    assert a.targets == ["chen-quanguo"]
    assert a.under  # the Global Magnitsky Act


# -- what is not an action ------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        # seed 000: "designate X as its hub" is not a sanctions designation
        "Worse still, China now designates Xinjiang as its surveillance technology export hub.",
        # seed 002: a regime named in passing
        "Meng has been detained on suspicion of fraud involving violations of US sanctions in Iran.",
        # corpora/treasury boilerplate: no named actor and no named target
        "In addition, persons that engage in certain transactions with the entities designated today may "
        "themselves be exposed to designation.",
    ],
)
def test_no_action_from_non_measures(nlp, text: str) -> None:
    kinds = {a.kind for a in actions(nlp, text, published="2019-09-20")}
    assert not kinds & {"designation", "sanction"}


# -- ids ---------------------------------------------------------------------------------------------------

def test_action_ids_are_stable_across_documents_and_runs(nlp) -> None:
    other = SM780.replace("Iran\u2019s Central Bank has provided", "The bank has provided")
    docs = [Document.from_text(t, source=f"{i}.md", published="2019-09-20") for i, t in enumerate([SM780, other])]
    first, second = extract_batch(nlp, docs)
    ids1 = {(a.kind, a.date): a.id for a in first.actions}
    ids2 = {(a.kind, a.date): a.id for a in second.actions}
    assert ids1 == ids2
    again = extract_batch(nlp, docs[:1])[0]
    assert {a.id for a in again.actions} == set(ids1.values())
    assert len(set(ids1.values())) == len(first.actions)  # distinct actions keep distinct ids


def test_same_day_announcement_with_fewer_targets_keeps_its_id(nlp) -> None:
    full = ("Today, the U.S. Department of the Treasury\u2019s Office of Foreign Assets Control (OFAC) designated "
            "Wang Junzheng and Chen Mingguo pursuant to E.O. 13818.")
    part = "Today, OFAC designated Chen Mingguo pursuant to E.O. 13818."
    a = one(actions(nlp, full, published="2021-03-22"), "designation")
    b = one(actions(nlp, part, published="2021-03-22"), "designation")
    assert a.id == b.id


# -- seeds and lexicon ---------------------------------------------------------------------------------------

def test_seed_extraction_is_valid_contract(nlp) -> None:
    paths = sorted((SHARED / "seeds").glob("*.txt"))
    docs = [Document.from_text(p.read_text(encoding="utf-8"), source=p.name) for p in paths]
    entity_ids = set()
    for ex in extract_batch(nlp, docs):
        entity_ids = {e.id for e in ex.entities}
        types = {e.id: e.type for e in ex.entities}
        for a in ex.actions:
            assert set(a.by) | set(a.targets) | set(a.under) <= entity_ids
            assert all(types[u] == "Law" for u in a.under)
            assert a.evidence
    assert entity_ids


def test_lexicon_rejects_yaml_booleans(tmp_path) -> None:
    bad = tmp_path / "triggers.yaml"
    bad.write_text("verbs: {}\nnouns:\n  sanction: {kind: sanction, target_preps: [on]}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="quote it"):
        load(bad)
    assert load(LEXICON_FILE).nouns["sanction"].target_preps[0] == "on"


def test_past_designations_stay_apart_from_todays_announcement(nlp) -> None:
    # corpora/treasury/2019-09-26-sm785.md
    text = ("Specifically, OFAC designated Maritime Assistance LLC, which is a front company supporting the "
            "U.S-designated company OJSC Sovfracht.\n\n"
            "In December 2016, OFAC designated Transpetrochart Co. Ltd. pursuant to E.O. 13685 for having provided "
            "material support to Sovfracht.\n\n"
            "Maritime Assistance LLC is being designated pursuant to E.O. 13685 for having materially assisted, "
            "sponsored, or provided financial, material, or technological support for Sovfracht.")
    found = [a for a in actions(nlp, text, published="2019-09-26") if a.kind == "designation"]
    by_date = {a.date: a for a in found}
    # "the U.S-designated company OJSC Sovfracht" is an earlier, undated designation of its own
    assert set(by_date) - {None} == {"2016-12", "2019-09-26"}, found
    assert not set(by_date["2016-12"].targets) & set(by_date["2019-09-26"].targets)
    assert not [t for t in by_date["2019-09-26"].targets if "sovfracht" in t]
    assert len(by_date["2019-09-26"].evidence) == 2  # the undated first report joins today's


def test_demonstrative_targets_and_conjoined_kinds(nlp) -> None:
    # seed 000: "these companies" are the three named two sentences before
    text = ("Two leading Xinjiang surveillance companies, Leon Technology Co. and Xinjiang Sailing Information Tech "
            "Co. Ltd., are missing from the Commerce Department\u2019s list. They have built surveillance platforms "
            "in many cities. Moreover, Beijing Superred Technology Ltd. Co. provides equipment and technology to "
            "Xinjiang police.\n\n"
            "The U.S. should ban exports to and imports from these companies, and deny the companies access to "
            "U.S. capital markets by delisting and deregistering them.")
    found = actions(nlp, text)
    for kind in ("export_control", "import_ban", "delisting"):
        a = one(found, kind)
        assert a.status == "advocated"
        assert a.by == ["united-states"]
        assert len(a.targets) == 3, a


def test_possessor_of_a_designation_is_its_target(nlp) -> None:
    # corpora/whitehouse 2025-06-30 fact sheet (Syria)
    text = ("The Order directs the Secretary of State to review Syria\u2019s designation as a State Sponsor of "
            "Terrorism.")
    a = one(actions(nlp, text, published="2025-06-30"), "designation")
    assert a.targets == ["syria"]
    assert "syria" not in a.by
    assert a.status == "proposed"


def test_federal_register_notice_of_removals_is_lifted(nlp) -> None:
    # corpora/federal-register abstracts, 2020-02-19 "Notice of OFAC Sanctions Actions"
    text = ("The U.S. Department of the Treasury\u2019s Office of Foreign Assets Control (OFAC) is publishing the name "
            "of persons who have been removed from the list of Specially Designated Nationals and Blocked Persons.")
    a = one(actions(nlp, text, published="2020-02-19"), "designation")
    assert a.status == "lifted"
    assert "ofac" in a.by


def test_sponsored_bill_is_proposed_legislation(nlp) -> None:
    # seed 001
    text = ("The bill that did the most to gesture in the right direction, Sen. Hawley\u2019s The Slave-Free Business "
            "Certification Act, still has major holes.")
    a = one(actions(nlp, text), "legislation")
    assert a.status == "proposed"
    assert a.under and a.by


def test_law_named_by_its_purpose_and_a_states_own_law(nlp) -> None:
    # seed 003: the law's target is the object of its purpose verb; the chamber is named in the sentence
    text = ("The administration is \u201cgetting nearly every member of Congress aligned\u201d on Chinese policies, "
            "he said, pointing to recent legislation to sanction China over Hong Kong.")
    found = actions(nlp, text)
    a = one(found, "legislation")
    assert a.targets == ["china"] and a.by == ["us-congress"] and a.status == "enacted"
    assert not [x for x in found if x.kind == "sanction"]  # the sanction is the law's content
    # seed 001: "its 2017 Duty of Vigilance Law" is the law France passed, dated by its year
    text = ("France recently took it a step further with its 2017 Duty of Vigilance Law, which imposes penalties on "
            "firms who do not live up to the standards.")
    b = one(actions(nlp, text), "legislation")
    assert b.by == ["france"] and b.date == "2017" and b.under


def test_two_unnamed_bills_stay_two_actions(nlp) -> None:
    # seed 001: an indefinite "a bill" introduces another bill each time
    text = ("The House nearly unanimously passed a bill that puts the burden on importers to prove that inputs from "
            "Xinjiang didn\u2019t use forced labor.\n\n"
            "A bill that passed the House but is stalled in the Senate mandates disclosure of firms\u2019 "
            "interactions with Xinjiang but has no enforcement mechanism.")
    found = [a for a in actions(nlp, text) if a.kind == "legislation"]
    assert len(found) == 2 and len({a.id for a in found}) == 2
    assert all(a.by == ["us-house"] and a.targets == ["xinjiang"] for a in found)


