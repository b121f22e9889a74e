"""pg_actions on real sentences from /work/shared/corpora and the seeds, through the real spaCy model and the
real pg_entities / pg_relations components (ingest.pipeline.build_nlp)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.actions.lexicon import LEXICON_FILE, load
from ingest.contract import Action
from ingest.documents import Document
from ingest.pipeline import extract_batch

SHARED = Path(__file__).resolve().parents[2] / "shared"



def actions(nlp, text: str, published: str | None = None) -> list[Action]:
    doc = nlp.make_doc(text)
    doc._.published = published
    doc = nlp(doc)
    for a in doc._.pg_actions:
        for span in a.evidence:  # evidence offsets always point at the text they quote
            assert doc.text[span.start:span.end] == span.text
    return list(doc._.pg_actions)


def one(found: list[Action], kind: str) -> Action:
    hits = [a for a in found if a.kind == kind]
    assert len(hits) == 1, found
    return hits[0]


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


# -- presidential orders, Federal Register notices, summaries ----------------------------------------------

def titled_actions(nlp, text: str, title: str, published: str) -> list[Action]:
    doc = nlp.make_doc(text)
    doc._.published = published
    doc._.title = title
    doc = nlp(doc)
    for a in doc._.pg_actions:
        for span in a.evidence:
            assert doc.text[span.start:span.end] == span.text
    return list(doc._.pg_actions)


# corpora/whitehouse/presidential-actions__2021-02__2021-02-11-executive-order-on-blocking-property-with-respect-
# to-the-situation-in-burma.md (abridged: the authority clause, sections 1(a) and 3(a), the signature)
BURMA_EO = (
    "By the authority vested in me as President by the Constitution and the\nlaws of the United States of America, "
    "including the International\nEmergency Economic Powers Act (50 U.S.C. 1701 *et seq*.) (IEEPA), the\nNational "
    "Emergencies Act (50 U.S.C. 1601 *et seq*.) (NEA), section\n212(f) of the Immigration and Nationality Act of 1952 "
    "(8 U.S.C.\n1182(f)), and section 301 of title 3, United States Code,\n\n"
    "I, JOSEPH R. BIDEN JR., President of the United States of America, find\nthat the situation in and in relation "
    "to Burma constitutes an unusual and extraordinary threat to the national\nsecurity and foreign policy of the "
    "United States.  I hereby declare a\nnational emergency to deal with that threat.\n\n"
    "**Section 1.**  (a)  All property and interests in property that are in\nthe United States of the following "
    "persons are blocked and may not be\ntransferred, paid, exported, withdrawn, or otherwise dealt in:  any\nforeign "
    "person determined by the Secretary of the Treasury to operate in the defense sector of the Burmese economy.\n\n"
    "**Sec. 3.**  (a)  The unrestricted immigrant and nonimmigrant entry into\nthe United States of noncitizens "
    "determined to meet one or more of the\ncriteria in section 1(a) of this order would be detrimental to the\n"
    "interests of the United States, and the entry of such persons into the\nUnited States, as immigrants or "
    "nonimmigrants, is hereby suspended.\n\n"
    "                             JOSEPH R. BIDEN JR.\n"
)


def test_executive_order_blocks_property_and_suspends_entry_by_the_president(nlp) -> None:
    found = titled_actions(nlp, BURMA_EO, "Executive Order on Blocking Property with Respect to the Situation in "
                           "Burma", "2021-02-11")
    block = one(found, "sanction")  # blocking that names no one starts a sanctions programme (dev2 gold)
    assert block.status == "enacted" and block.date == "2021-02-11"
    assert "joe-biden" in block.by and "united-states" in block.by
    assert "ieepa" in block.under and not [u for u in block.under if u.startswith("usc-")]  # citations repeat IEEPA
    assert "burma" in block.targets
    entry = one(found, "visa_restriction")
    assert entry.by == block.by and entry.date == "2021-02-11"
    # the authority clause is the basis of every measure of the order (ONTOLOGY: all instruments cited together)
    assert any("212" in u for u in entry.under) and "ieepa" in entry.under
    assert entry.evidence[0].text.endswith("is hereby suspended.")


def test_executive_order_revoking_a_sanctions_program_lifts_it(nlp) -> None:
    # corpora/whitehouse/presidential-actions__2025-06__2025-06-30-providing-for-the-revocation-of-syria-sanctions.md
    text = ("By the authority vested in me as President by the Constitution and the laws of the United States of "
            "America, including the International Emergency Economic Powers Act (50 U.S.C. 1701 et seq.), it is "
            "hereby ordered:\n\n"
            "Sec. 3. (a) Effective July 1, 2025, I hereby terminate the national emergency declared in Executive "
            "Order 13338 of May 11, 2004 (Blocking Property of Certain Persons and Prohibiting the Export of Certain "
            "Goods to Syria), and revoke that order.\n\n"
            "                             DONALD J. TRUMP\n")
    found = titled_actions(nlp, text, "Providing for the Revocation of Syria Sanctions", "2025-06-30")
    a = one(found, "sanction")
    assert a.status == "lifted" and a.date == "2025-06-30"
    # the order's opening frame cites the Constitution too (ONTOLOGY Law conventions; dev2 gold)
    assert "donald-trump" in a.by and a.targets == ["syria"]
    assert set(a.under) == {"constitution-of-the-united-states", "ieepa"}
    assert not [x for x in found if x.kind == "designation"]  # the revoked order's own title is no new measure


def test_fact_sheet_order_clauses_are_the_signers_measure(nlp) -> None:
    # corpora/whitehouse/fact-sheets__2026-05__2026-05-01-fact-sheet-...-cuban-regime-officials-...md
    text = ("Today, President Donald J. Trump signed an Executive Order imposing new sanctions on the Cuban regime, "
            "protecting U.S. national security.\n\n"
            "- The Order broadens the existing sanctions on Cuba to include new restrictions under the International "
            "Emergency Economic Powers Act.")
    found = titled_actions(nlp, text, "Fact Sheet: President Donald J. Trump Imposes Sanctions on Cuban Regime "
                           "Officials", "2026-05-01")
    hits = [a for a in found if "donald-trump" in a.by]
    assert hits and all(a.date == "2026-05-01" and a.status == "enacted" for a in hits)


def test_ofac_unblocking_notice_is_a_lifted_designation_not_dated_by_the_order_cited(nlp) -> None:
    # corpora/federal-register abstracts 2021-07534
    text = ("The U.S. Department of the Treasury's Office of Foreign Assets Control (OFAC) is publishing the names of "
            "persons whose property and interests in property have been unblocked pursuant to Executive Order 13850 "
            "of November 1, 2018.")
    a = one(actions(nlp, text, published="2021-04-13"), "designation")
    assert a.status == "lifted" and a.by == ["ofac"] and "eo-13850" in a.under
    assert a.date != "2018-11-01"


def test_summary_sentence_gives_actor_and_target_to_the_measures_it_announces(nlp) -> None:
    # seed 000; JUDGMENT_CALLS (gold_reviewed): both actions target china, by includes the administration
    text = ("It is rather curious that the Trump administration has taken two serious actions this week to sanction "
            "China while U.S. and Chinese trade officials meet in Washington.\n\n"
            "The two sanctions include the Commerce Department\u2019s export restrictions, announced on Monday, to ban "
            "the sale of U.S. products to 20 Chinese police bureaus. On Tuesday, the State Department\u2019s "
            "announced visa restrictions on Chinese government and Communist Party officials.")
    found = actions(nlp, text, published="2019-10-11")
    visa = one(found, "visa_restriction")
    assert visa.targets == ["china"] and set(visa.by) == {"us-dept-state", "trump-administration"}
    export = [a for a in found if a.kind in ("export_control", "entity_listing")]
    assert len(export) == 1 and export[0].targets == ["china"]


def test_garbled_passive_takes_the_name_before_the_verb_and_threats_are_proposed(nlp) -> None:
    # seed 004 (ungrammatical sentence) and seed 002 ("or face more tariffs")
    text = ("DJI is the world\u2019s largest commercial drone producer, supplies drones to the Xinjiang Public "
            "Security Bureau was sanctioned by OFAC last year.")
    a = one(actions(nlp, text), "designation")
    assert a.by == ["ofac"] and len(a.targets) == 1 and "xinjiang" in a.targets[0]
    text = ("Lighthizer said that China had until March 1 to reach an agreement with the United States or face more "
            "tariffs on its exports.")
    t = one(actions(nlp, text), "tariff")
    assert t.status == "proposed" and t.targets == ["china"] and t.by == ["united-states"] and t.date is None


def test_dated_statute_in_a_states_clause_is_that_states_law(nlp) -> None:
    # seed 001
    text = "The UK first got the ball rolling with the 2015 Modern Slavery Act that mandated reporting requirements."
    a = one(actions(nlp, text), "legislation")
    assert a.by == ["united-kingdom"] and a.date == "2015" and a.status == "enacted" and a.under


def test_earlier_measures_an_order_follows_are_not_the_signers(nlp) -> None:
    # corpora/whitehouse statements-releases 2021-09-17 (Ethiopia fact sheet)
    text = ("Today, President Joe Biden signed an Executive Order on Ethiopia.\n\n"
            "This Executive Order follows sanctions and visa restrictions the United States has already imposed.")
    found = titled_actions(nlp, text, "FACT SHEET: Actions in Response to the Crisis in Ethiopia", "2021-09-17")
    assert not [a for a in found if "joe-biden" in a.by]


def test_designated_pursuant_to_an_order_as_amended_is_a_designation(nlp) -> None:
    # treasury-press-releases.jsonl 2024-01-25 (Houthi officials): "as amended" is not "designate X as Y"
    text = ("WASHINGTON — Today, the U.S. Department of the Treasury’s Office of Foreign Assets Control (OFAC) imposed "
            "sanctions on key officials of the forces of Ansarallah.\n\n"
            "Muhammad Ali al-Qadiri, Muhammad Ahmad al-Talibi, Mohamed al-Atifi, and Muhammad Fadl Abd al-Nabi are "
            "being designated pursuant to E.O. 13224, as amended, for having materially assisted the Houthis.")
    a = one(actions(nlp, text, published="2024-01-25"), "designation")
    assert "ofac" in a.by and "eo-13224" in a.under
    assert {"muhammad-ali-al-qadiri", "mohamed-al-atifi", "muhammad-fadl-abd-al-nabi"} <= set(a.targets)


def test_designate_as_a_category_still_needs_a_sanctions_category(nlp) -> None:
    # "designated as X" with a non-sanctions X stays no designation, even after an "as amended" clause
    text = ("Under E.O. 13224, as amended, the Department of State designated Ambassador John Smith as its special "
            "envoy to the region.")
    assert not [a for a in actions(nlp, text, published="2024-01-25") if a.kind == "designation"]


def test_entity_list_addition_counted_under_entries(nlp) -> None:
    # corpora/federal-register abstracts 2025-00704: "adding 11 entities under 11 entries to the Entity List"
    text = ("In this rule, the Bureau of Industry and Security (BIS) amends the Export Administration Regulations "
            "(EAR) by adding 11 entities under 11 entries to the Entity List.")
    a = one(actions(nlp, text, published="2025-01-16"), "entity_listing")
    assert a.by == ["bis"] and "entity-list" in a.under



def test_passive_they_takes_the_names_of_the_sentence_before_and_joins_todays_measure(nlp) -> None:
    # treasury-press-releases.jsonl 2020-10-08 ("Treasury Sanctions Eighteen Major Iranian Banks")
    text = ("WASHINGTON – Today, the Office of Foreign Assets Control (OFAC) sanctioned eighteen major Iranian banks "
            "pursuant to E.O. 13902.\n\n"
            "Amin Investment Bank, Bank Maskan, Eghtesad Novin Bank, and Karafarin Bank were previously identified "
            "as Iranian financial institutions pursuant to E.O. 13599. Today, they were sanctioned as entities "
            "operating in Iran’s financial sector.")
    found = [a for a in actions(nlp, text, published="2020-10-08") if a.date == "2020-10-08"]
    assert len(found) == 1
    a = found[0]
    assert "ofac" in a.by
    assert {"amin-investment-bank", "bank-maskan", "karafarin-bank"} <= set(a.targets)


def test_they_with_an_antecedent_in_its_own_sentence_is_not_read_back(nlp) -> None:
    text = ("Amin Investment Bank and Bank Maskan were previously identified as Iranian financial institutions. "
            "Today, OFAC designated Karafarin Bank and Tourism Bank, and they were sanctioned pursuant to E.O. 13902.")
    found = actions(nlp, text, published="2020-10-08")
    assert any("karafarin-bank" in a.targets for a in found)  # OFAC's designation is read ...
    assert all("amin-investment-bank" not in a.targets for a in found)  # ... without the banks of the sentence before


def test_looking_forward_to_signing_a_bill_is_proposed(nlp) -> None:
    # whitehouse/statements-releases__2022-03__2022-03-11-fact-sheet-united-states-european-union-and-g7-...md
    text = ("The United States Congress has demonstrated bipartisan leadership to revoke Permanent Normal Trade "
            "Relations for Russia, and President Biden looks forward to signing a bill into law.")
    a = one(actions(nlp, text, published="2022-03-11"), "legislation")
    assert a.status == "proposed"


def test_power_conferring_clause_is_no_measure_but_gives_the_basis_and_subsequently_takes_the_date(nlp) -> None:
    # treasury-press-releases.jsonl 2020-10-08 ("Treasury Sanctions Eighteen Major Iranian Banks")
    text = ("WASHINGTON – Today, the Secretary of the Treasury, in consultation with the Secretary of State, "
            "identified the financial sector of the Iranian economy pursuant to section 1(a)(i) of Executive Order "
            "(E.O.) 13902, which authorizes Treasury to sanction any Iranian financial institution. Subsequently, "
            "the Office of Foreign Assets Control (OFAC) sanctioned Amin Investment Bank and Bank Maskan.")
    found = actions(nlp, text, published="2020-10-08")
    assert len(found) == 1, found
    a = found[0]
    assert a.kind == "designation" and "ofac" in a.by and "amin-investment-bank" in a.targets
    assert a.date == "2020-10-08"
    assert any("13902" in u for u in a.under)


def test_country_and_title_before_a_persons_name_qualify_the_person(nlp) -> None:
    # treasury-press-releases.jsonl 2018-06-12 (Global Magnitsky, Dominican Republic)
    text = ("WASHINGTON - Today, the U.S. Department of the Treasury’s Office of Foreign Assets Control (OFAC) "
            "sanctioned Dominican Republic Senator Felix Ramon Bautista Rosario (Bautista) for engaging in corrupt "
            "acts, including in relation to reconstruction efforts in Haiti.")
    a = one(actions(nlp, text, published="2018-06-12"), "designation")
    assert "ofac" in a.by
    assert [t for t in a.targets if t.startswith("felix-ramon-bautista")]
    assert "dominican-republic" not in a.targets and "us-senate" not in a.targets


def test_body_with_its_short_form_before_officials_is_a_qualifier(nlp) -> None:
    # treasury-press-releases.jsonl 2025-03-25 (Iranian intelligence officers)
    text = ("WASHINGTON — Today, the Office of Foreign Assets Control (OFAC) is imposing sanctions on three Iranian "
            "Ministry of Intelligence and Security (MOIS) officials.\n\n"
            "Reza Amiri Moghadam, Gholamhossein Mohammadnia, and Taqi Daneshvar are being designated pursuant to "
            "E.O. 14078, as amended, for being owned, controlled, or directed by, or having acted or purported to act "
            "for or on behalf of, directly or indirectly, MOIS.")
    a = one(actions(nlp, text, published="2025-03-25"), "designation")
    assert "ofac" in a.by and "taqi-daneshvar" in a.targets and "eo-14078" in a.under
    assert not [t for t in a.targets if t.startswith("mois") or "ministry" in t]


# -- unseen-text fixes (round 3) ---------------------------------------------------------------------------

# treasury-press-releases.jsonl 2017-05-31 sm0098 ("Treasury Designates Colombia-Based Business Partners ...")
SM0098 = (
    "The U.S. Department of the Treasury\u2019s Office of Foreign Assets Control (OFAC) today designated four "
    "Colombian nationals as Specially Designated Narcotics Traffickers (SDNTs) pursuant to the Foreign Narcotics "
    "Kingpin Designation Act (Kingpin Act) because of their links to previously designated SDNTs Juan Santiago "
    "Gallon Henao, Pedro David Gallon Henao, and La Oficina de Envigado (\u201cLa Oficina\u201d).  "
    "OFAC designated La Oficina as an SDNT pursuant to the Kingpin Act on June 26, 2014."
)


def test_date_after_a_legal_basis_dates_the_designation_not_the_law(nlp) -> None:
    # the parser hangs "on June 26, 2014" on "pursuant" (tagged as a noun): still the designation's date, so
    # the 2014 designation stays apart from today's
    found = actions(nlp, SM0098, published="2017-05-31")
    past = [a for a in found if a.date == "2014-06-26"]
    assert len(past) == 1, found
    assert "ofac" in past[0].by and "kingpin-act" in past[0].under
    assert [t for t in past[0].targets if t.startswith("la-oficina")]
    today = [a for a in found if a.date == "2017-05-31"]
    assert len(today) == 1 and not [t for t in today[0].targets if t.startswith("la-oficina")]


def test_designation_category_after_as_is_no_target(nlp) -> None:
    found = actions(nlp, SM0098, published="2017-05-31")
    for a in found:
        names = " ".join(a.targets)
        assert "specially-designated" not in names and "sdnt" not in names, a


def test_treasury_in_the_lead_and_ofac_later_are_one_actor_of_one_announcement(nlp) -> None:
    # treasury-press-releases.jsonl 2021-09-16 jy0358 ("Treasury Designates al-Qa'ida Financial Network in Turkey"):
    # no sentence ties OFAC to Treasury, the lexicon does
    text = ("WASHINGTON \u2014 Today, the U.S. Department of the Treasury imposed sanctions against five "
            "al-Qa\u2019ida "
            "supporters operating in Turkey who provided a range of financial and travel facilitation services to "
            "al-Qa\u2019ida.  These designations are being taken pursuant to Executive Order (E.O.) 13224, as "
            "amended.\n\n"
            "Majdi Salim is designated pursuant to E.O. 13224, as amended, for having materially assisted, sponsored, "
            "or provided financial, material, or technological support for, or goods or services to or in support "
            "of, al-Qa\u2019ida.\n\n"
            "As a result of today\u2019s action, all property and interests in property of these individuals named "
            "above must be blocked and reported to OFAC.")
    found = [a for a in actions(nlp, text, published="2021-09-16") if a.kind == "designation"]
    assert len(found) == 1, found
    a = found[0]
    assert "us-dept-treasury" in a.by and "majdi-salim" in a.targets and "eo-13224" in a.under


def test_a_word_of_a_law_name_is_no_trigger(nlp) -> None:
    # treasury-press-releases.jsonl 2021-09-16 jy0358: "Designated" inside "Specially Designated Global Terrorist"
    text = ("Furthermore, engaging in certain transactions with the individuals designated today entails risk of "
            "secondary sanctions pursuant to E.O. 13224, as amended.  Pursuant to this authority, OFAC can prohibit "
            "or impose strict conditions on the opening or maintaining in the United States of a correspondent "
            "account or a payable-through account by a foreign financial institution that either knowingly "
            "conducted or facilitated any significant transaction on behalf of a Specially Designated Global "
            "Terrorist.")
    assert actions(nlp, text, published="2021-09-16") == []


def test_counted_group_spelt_out_after_a_colon_gives_the_targets(nlp) -> None:
    # whitehouse/statements-releases__2022-02__2022-02-22-fact-sheet-united-states-imposes-first-tranche-...
    text = ("The Secretary of the Treasury will impose full blocking sanctions on two large state-owned Russian "
            "financial institutions that provide key services crucial to financing the Kremlin and the Russian "
            "military: Vnesheconombank and Promsvyazbank and their subsidiaries.")
    a = one(actions(nlp, text, published="2022-02-22"), "designation")
    assert "us-dept-treasury" in a.by
    assert {"vnesheconombank", "promsvyazbank"} <= set(a.targets), a.targets
    assert not {"kremlin", "russian-military"} & set(a.targets)


def test_measures_to_target_a_country_announced_by_departments_of_x_and_y(nlp) -> None:
    # whitehouse/statements-releases__2024-10__2024-10-11-statement-from-national-security-advisor-jake-sullivan-...
    text = ("We have since consulted with allies and partners, including a call between the President and his G7 "
            "counterparts, and today the Departments of the Treasury and State have announced new and significant "
            "measures to more effectively target Iran\u2019s energy trade.")
    found = actions(nlp, text, published="2024-10-11")
    assert len(found) == 1, found
    a = found[0]
    assert a.status == "enacted" and a.date == "2024-10-11"
    assert "us-dept-treasury" in a.by and "iran" in a.targets


def test_designated_as_a_capitalised_category_with_a_participle_in_it(nlp) -> None:
    # "as Specially Designated Narcotics Traffickers": the tagger makes "Designated" a verb; the "as" phrase is
    # still a sanctions category, so "today designated" is a designation
    found = actions(nlp, SM0098, published="2017-05-31")
    today = [a for a in found if a.date == "2017-05-31"]
    assert len(today) == 1 and "ofac" in today[0].by and "kingpin-act" in today[0].under
    assert today[0].evidence[0].text.startswith("The U.S. Department of the Treasury")


def test_appositive_participle_is_not_the_main_subjects_measure(nlp) -> None:
    # treasury-press-releases.jsonl 2024-09-25 jy2613 ("Treasury Sanctions Networks Enabling Illicit Trade ...")
    text = ("Luay al-Mallah has assisted his brother, sanctioned Syrian shipping magnate Abdul Jalil Mallah, in "
            "running his family\u2019s business following the latter\u2019s designation for assisting the illicit "
            "shipping network of Sa\u2019id al-Jamal, an IRGC-QF-backed Houthi financial official.")
    for a in actions(nlp, text, published="2024-09-25"):
        assert not [b for b in a.by if "luay" in b], a


def test_a_groups_own_blacklist_is_no_state_listing(nlp) -> None:
    # treasury-press-releases.jsonl 2004-06-10 js1720 (Hizballah in the Tri-Border Area)
    text = ("Barakat threatened TBA shopkeepers who are sympathetic to Hizballah's cause with having family members "
            "in Lebanon placed on a Hizballah blacklist if the shopkeepers did not pay their quota to Hizballah via "
            "Barakat.")
    assert actions(nlp, text, published="2004-06-10") == []


# treasury-press-releases.jsonl 2012-01-10 tg1392 ("Treasury Sanctions Three Drug Traffickers Tied to ... Chapo Guzman")
TG1392 = (
    "The U.S. Department of the Treasury\u2019s Office of Foreign Assets Control (OFAC) today designated three "
    "individuals with ties to Sinaloa Cartel leader Joaquin Guzman Loera (a.k.a. Chapo Guzman) as Specially "
    "Designated Narcotics Traffickers (SDNTs) pursuant to the Foreign Narcotics Kingpin Designation Act (Kingpin "
    "Act).\n\n"
    "Two of the individuals designated today, Mexican nationals Oscar Alvarez Zepeda and Joel Valdez Benites, are "
    "from Culiacan, Sinaloa, Mexico. Oscar Alvarez Zepeda is the brother of the previously-designated Mexican "
    "national Alfredo Alvarez Zepeda.\n\n"
    "OFAC designated Cifuentes Villa as an SDNT in February 2011 along with more than 70 other individuals and "
    "entities. Guzman Loera and Jorge Milton Cifuentes Villa were indicted on drug trafficking and/or money "
    "laundering charges in the U.S. District Court for the Southern District of Florida in November 2010."
)


def test_designated_as_an_sdnt_is_a_designation(nlp) -> None:
    found = actions(nlp, TG1392, published="2012-01-10")
    past = [a for a in found if a.kind == "designation" and a.date == "2011-02"]
    assert len(past) == 1, found
    assert "ofac" in past[0].by and [t for t in past[0].targets if "cifuentes" in t]


def test_previously_designated_is_an_earlier_measure_not_todays(nlp) -> None:
    found = actions(nlp, TG1392, published="2012-01-10")
    today = [a for a in found if a.kind == "designation" and a.date == "2012-01-10"]
    assert len(today) == 1, found
    assert "oscar-alvarez-zepeda" in today[0].targets
    assert "alfredo-alvarez-zepeda" not in today[0].targets


def test_indicted_in_a_district_court_takes_the_court_as_actor(nlp) -> None:
    found = actions(nlp, TG1392, published="2012-01-10")
    a = one(found, "indictment")
    assert a.date == "2010-11"
    assert [b for b in a.by if "district-court" in b or "court" in b], a.by
    assert [t for t in a.targets if "cifuentes" in t]


def test_a_tally_of_past_measures_is_no_action_even_with_examples(nlp) -> None:
    # whitehouse/statements-releases__2024-04__2024-04-18-statement-from-president-joe-biden-on-iran-sanctions.md
    text = ("And today, we are holding Iran accountable\u2014imposing new sanctions and export controls on Iran.\n\n"
            "During my Administration, the United States has sanctioned over 600 individuals and entities\u2014"
            "including Iran and its proxies, Hamas, Hezbollah, the Houthis, and Kataib Hezbollah.")
    found = actions(nlp, text, published="2024-04-18")
    assert not [a for a in found if [t for t in a.targets if "hamas" in t or "houthi" in t or "hizballah" in t]]


def test_a_year_that_modifies_another_noun_is_not_the_measures_date(nlp) -> None:
    # whitehouse/statements-releases__2021-04__2021-04-15-fact-sheet-imposing-costs-for-harmful-foreign-activities-...
    text = ("Treasury sanctioned 32 entities and individuals carrying out Russian government-directed attempts to "
            "influence the 2020 U.S. presidential election, and other acts of disinformation and interference.")
    a = one(actions(nlp, text, published="2021-04-15"), "designation")
    assert a.date is None or not a.date.startswith("2020")


def test_a_measure_taken_now_on_a_large_group_is_no_tally(nlp) -> None:
    # whitehouse/statements-releases__2022-10__2022-10-24-fact-sheet-biden-harris-administration-expands-efforts-...
    text = ("To continue supporting the Nicaraguan people and hold those who support the corrupt Nicaraguan "
            "Government accountable, the State Department is imposing visa restrictions on more than 500 Nicaraguan "
            "individuals, and their family members, who work for the Nicaraguan Government.")
    a = one(actions(nlp, text, published="2022-10-24"), "visa_restriction")
    assert a.status == "enacted" and a.date == "2022-10-24" and "us-dept-state" in a.by
    # a tally of the past stays no action
    assert actions(nlp, "Over the last year, Treasury has sanctioned over 100 individuals and entities.",
                   published="2022-10-24") == []


def test_sanctions_relief_issued_by_ofac_is_a_lifting_by_ofac(nlp) -> None:
    # treasury-press-releases.jsonl 2025-05-23 sb0148 ("Treasury Issues Immediate Sanctions Relief for Syria"):
    # the purpose clause "to provide" keeps OFAC as its subject (no object control from "issued GL 25")
    text = ("WASHINGTON \u2013 Today, the Department of the Treasury\u2019s Office of Foreign Assets Control (OFAC) "
            "issued Syria General License (GL) 25 to provide immediate sanctions relief for Syria in line with the "
            "President\u2019s announcement for the cessation of all sanctions on Syria.")
    found = actions(nlp, text, published="2025-05-23")
    lifted = [a for a in found if a.status == "lifted"]
    assert len(lifted) == 1, found
    assert "ofac" in lifted[0].by and "syria" in lifted[0].targets and "syria" not in lifted[0].by
    assert lifted[0].date == "2025-05-23"


def test_directed_to_evaluate_suspending_sanctions_is_proposed(nlp) -> None:
    # whitehouse/fact-sheets__2025-06__2025-06-30-fact-sheet-president-donald-j-trump-provides-for-the-revocation-...
    text = ("- The Order directs the Secretary of State to evaluate suspending sanctions, either in whole or in part "
            "if specific criteria are met, under the Caesar Act, a law that sanctions the Assad regime for atrocities.")
    assert all(a.status == "proposed" for a in actions(nlp, text, published="2025-06-30"))


def test_sanctions_under_the_ear_against_countries_are_export_controls_on_them(nlp) -> None:
    # federal-register abstracts 2023-10774 ("Implementation of Additional Sanctions Against Russia and Belarus ...")
    text = ("In response to the Russian Federation's (Russia's) ongoing aggression against Ukraine, as substantially "
            "enabled by Belarus, the Department of Commerce is strengthening its existing sanctions under the Export "
            "Administration Regulations (EAR) against Russia and Belarus, including by expanding the scope of the "
            "EAR's Russian and Belarusian Industry Sector Sanctions.")
    a = one(actions(nlp, text, published="2023-05-23"), "export_control")
    assert {"russia", "belarus"} <= set(a.targets) and "us-dept-commerce" in a.by
    assert a.date == "2023-05-23" and "ear" in a.under


def test_action_to_limit_exports_is_an_export_control_of_today(nlp) -> None:
    # federal-register abstracts 2021-03350 ("Burma: Implementation of Sanctions")
    text = ("The Department of Commerce's Bureau of Industry and Security (BIS) is taking immediate action to limit "
            "exports and reexports of sensitive goods to Burma's military and security services.")
    a = one(actions(nlp, text, published="2021-02-18"), "export_control")
    assert "bis" in a.by and a.date == "2021-02-18" and a.status == "enacted"


def test_freezing_someones_assets_targets_the_owner(nlp) -> None:
    # treasury-press-releases.jsonl 2017-12-21 sm0243 (Global Magnitsky, Yahya Jammeh)
    text = "The Gambian Government has since taken action to freeze Jammeh\u2019s assets within The Gambia."
    a = one(actions(nlp, text, published="2017-12-21"), "asset_freeze")
    assert [t for t in a.targets if "jammeh" in t] and not [t for t in a.targets if "gambia" in t]
    assert [b for b in a.by if "gambia" in b]


def test_the_month_of_an_unsealing_dates_its_indictment(nlp) -> None:
    # treasury-press-releases.jsonl 2015-11-24 jl0285
    text = ("Today\u2019s action follows the January 2015 unsealing of an indictment by the U.S. Attorney\u2019s "
            "Office for the Northern District of Illinois against Fernandez Valencia.")
    a = one(actions(nlp, text, published="2015-11-24"), "indictment")
    assert a.date == "2015-01" and a.by and "fernandez-valencia" in a.targets


def test_civil_money_penalties_are_no_sanction(nlp) -> None:
    # treasury-press-releases.jsonl 2013-03-07 jl1871 (FinCEN enforcement)
    text = ("Also, in November 2012, FinCEN joined the FDIC and the Department of Justice to assess concurrent civil "
            "money penalties of $15 million against First Bank of Delaware.")
    assert actions(nlp, text, published="2013-03-07") == []


def test_a_date_in_the_designation_criteria_is_not_the_designations_date(nlp) -> None:
    # treasury-press-releases.jsonl 2023-10-31 jy1856 (Burma)
    text = ("Today, the U.S. Department of the Treasury's Office of Foreign Assets Control (OFAC) designated three "
            "entities and five individuals connected to Burma's military regime.\n\n"
            "Charlie Than, Kan Zaw, Swe Swe Aung, and Zaw Min are being designated pursuant to E.O. 14014 for being "
            "leaders or officials of the Government of Burma on or after February 2, 2021.")
    found = actions(nlp, text, published="2023-10-31")
    assert not [a for a in found if a.date and a.date.startswith("2021")], found
    assert [a for a in found if a.date == "2023-10-31" and a.kind == "designation"]


def test_a_measure_commented_on_is_no_new_proposal(nlp) -> None:
    # treasury-press-releases.jsonl 2023-02-08 jy1253 (MS-13)
    text = ("\u201cTreasury\u2019s sanctions against MS-13 aim to interrupt its use of the financial system to launder "
            "illicit proceeds,\u201d said Under Secretary of the Treasury for Terrorism and Financial Intelligence "
            "Brian E. Nelson.")
    assert not [a for a in actions(nlp, text, published="2023-02-08") if a.status == "proposed"]


def test_a_conditional_rule_of_conduct_is_no_measure(nlp) -> None:
    # treasury-press-releases.jsonl 2021-11-18 jy0493 ("Termination of Burundi Sanctions Program")
    text = ("Further, the United States may ease or remove sanctions when circumstances warrant such an adjustment, "
            "including in cases where relevant parties change their behavior.")
    assert actions(nlp, text, published="2021-11-18") == []


def test_todays_action_taken_pursuant_to_an_order_gives_the_legal_basis(nlp) -> None:
    # treasury-press-releases.jsonl 2024-01-31 jy2066 ("Treasury Targets Entities Funding the Conflict in Sudan")
    text = ("WASHINGTON \u2014 Today, the U.S. Department of the Treasury's Office of Foreign Assets Control (OFAC) "
            "sanctioned three entities for their role in undermining the peace, security, and stability of Sudan.\n\n"
            "Today\u2019s action is being taken pursuant to Executive Order (E.O.) 14098, which imposes sanctions on "
            "certain persons destabilizing Sudan and undermining the goal of a democratic transition.")
    found = actions(nlp, text, published="2024-01-31")
    assert len(found) == 1, found
    a = found[0]
    assert a.kind == "designation" and a.date == "2024-01-31"
    assert {"us-dept-treasury", "ofac"} <= set(a.by)  # the possessed office acts too
    assert "eo-14098" in a.under


def test_todays_future_tense_announcement_is_enacted_today(nlp) -> None:
    # whitehouse/statements-releases__2022-03__2022-03-03-fact-sheet-the-united-states-continues-to-target-...
    text = ("Today, the United States will sanction an expansive list of Putin\u2019s cronies and their family "
            "members. The United States will also sanction Dmitry Peskov, who as Putin\u2019s spokesman is a top "
            "purveyor of Putin\u2019s propaganda.")
    found = actions(nlp, text, published="2022-03-03")
    assert found and all(a.status == "enacted" and a.date == "2022-03-03" for a in found), found
    assert [a for a in found if "dmitry-peskov" in a.targets]


def test_bullet_list_after_a_colon_names_the_targets(nlp) -> None:
    # same fact sheet: the heading's list is spelt out in bullets
    text = ("Today, the United States will sanction Russian elites.\n\n"
            "**Full blocking sanctions on an expansive new list of Russian elites and their family members who enable "
            "Putin: **\n\n"
            "-   Nikolai Tokarev (his wife Galina, daughter Mayya, and his two luxury real estate companies)\n"
            "-   Boris Rotenberg (his wife Karina, and his sons Roman and Boris)\n"
            "-   Sergei Chemezov (His wife Yekaterina, his son Stanislav, and stepdaughter Anastasiya)\n")
    targets = {t for a in actions(nlp, text, published="2022-03-03") for t in a.targets}
    assert {"nikolai-tokarev", "boris-rotenberg", "sergei-chemezov"} <= targets, targets


def test_we_in_the_documents_own_voice_is_the_united_states(nlp) -> None:
    # whitehouse/statements-releases__2024-04__2024-04-18-statement-from-president-joe-biden-on-iran-sanctions.md
    text = ("Together with our allies and partners, the United States defended Israel. And today, we are holding Iran "
            "accountable\u2014imposing new sanctions and export controls on Iran.")
    found = actions(nlp, text, published="2024-04-18")
    assert {a.kind for a in found} >= {"sanction", "export_control"}, found
    assert all(a.by == ["united-states"] and "iran" in a.targets and a.date == "2024-04-18" for a in found)
    # inside a quotation "we" is the speaker's office: no country is made up
    quoted = ("\u201cWe will impose sanctions on Iran,\u201d said Under Secretary of the Treasury Brian E. Nelson of "
              "the United States.")
    assert not [a for a in actions(nlp, quoted, published="2024-04-18") if "united-states" in a.by]


def test_existing_sanctions_are_earlier_measures_unless_a_light_verb_renews_them(nlp) -> None:
    # treasury-press-releases.jsonl 2021-05-11 jy0170 (Hizballah, AQAH)
    text = ("WASHINGTON \u2014 Today, the U.S. Department of the Treasury\u2019s Office of Foreign Assets Control "
            "(OFAC) designated seven individuals in connection with Hizballah and its financial firm, Al-Qard "
            "al-Hassan (AQAH).\n\nYazbeck, Gharib, Harb, Akar, and Othman maintain joint bank accounts in "
            "Lebanese banks that have allowed them to transfer more than $500 million within the formal financial "
            "system over the past decade, despite existing sanctions against AQAH.")
    today = [a for a in actions(nlp, text, published="2021-05-11") if a.date == "2021-05-11"]
    assert today and not [t for t in today[0].targets if "aqah" in t or "qard" in t], today
    # federal-register abstracts 2023-03927: "expanding the existing sanctions" is today's measure
    text = ("In response to the Russian Federation's (Russia's) ongoing aggression against Ukraine, as substantially "
            "enabled by Belarus, the Department of Commerce is expanding the existing sanctions against Russia and "
            "Belarus under the Export Administration Regulations (EAR).")
    found = actions(nlp, text, published="2023-02-27")
    assert len(found) == 1 and found[0].date == "2023-02-27", found


def test_the_subject_of_the_next_clause_is_no_target(nlp) -> None:
    # treasury-press-releases.jsonl 2022-04-05 jy0701 (Hydra)
    text = ("In addition to sanctioning Hydra, OFAC is identifying over 100 virtual currency addresses associated with "
            "the entity\u2019s operations that have been used to conduct illicit transactions.")
    assert not [a for a in actions(nlp, text, published="2022-04-05") if "ofac" in a.targets]


def test_quoted_order_titles_are_no_triggers_and_an_adjective_tagged_infinitive_is(nlp) -> None:
    # treasury-press-releases.jsonl 2023-03-28 jy1369 (Captagon, Syria)
    text = ("WASHINGTON \u2014 Today, the U.S. Department of the Treasury\u2019s Office of Foreign Assets Control "
            "(OFAC) took action in coordination with counterparts in the United Kingdom to designate key individuals "
            "supporting the regime of Syrian President Bashar al-Assad (al-Assad) and the production or export of "
            "Captagon, a dangerous amphetamine.\n\n"
            "Today\u2019s designations are being taken pursuant to Executive Order (E.O.) 13572 of April 29, 2011, "
            "\u201cBlocking Property of Certain Persons With Respect to Human Rights Abuses in Syria\u201d; E.O. 13582 "
            "of August 17, 2011, \u201cBlocking Property of the Government of Syria and Prohibiting Certain "
            "Transactions With Respect to Syria\u201d; and E.O. 13224 of September 23, 2001, \u201cBlocking Property "
            "and Prohibiting Transactions With Persons Who Commit, Threaten to Commit, or Support Terrorism,\u201d as "
            "amended.")
    found = actions(nlp, text, published="2023-03-28")
    assert len(found) == 1, found
    a = found[0]
    assert a.kind == "designation" and a.date == "2023-03-28" and "ofac" in a.by  # "to designate" (tagged JJ)
    assert {"eo-13572", "eo-13582", "eo-13224"} <= set(a.under), a.under


def test_announced_designation_keeps_its_basis_and_bold_bullets_name_the_designees(nlp) -> None:
    # treasury-press-releases.jsonl 2011-09-08 tg1295 (Venezuelan officials, FARC)
    text = ("**WASHINGTON** \u2013The U.S. Department of the Treasury\u2019s Office of Foreign Assets Control (OFAC) "
            "today announced the designation of four Venezuelan government officials pursuant to the Foreign "
            "Narcotics Kingpin Designation Act (Kingpin Act) for acting for or on behalf of the narco-terrorist "
            "organization the Revolutionary Armed Forces of Colombia (FARC). OFAC designated the following "
            "individuals for sanctions today:\n"
            "- **Amilcar Jesus Figueroa Salazar**: a member of Venezuela\u2019s delegation to the Latin American "
            "Parliament who has served as a primary arms dealer for the FARC.\n"
            "- **Henry de Jesus Rangel Silva**: the Director of Venezuela\u2019s Defense Ministry.\n")
    found = [a for a in actions(nlp, text, published="2011-09-08") if a.date == "2011-09-08"]
    assert len(found) == 1, found
    assert "kingpin-act" in found[0].under and "ofac" in found[0].by
    assert [t for t in found[0].targets if t.startswith("amilcar")], found[0].targets


def test_short_form_of_a_category_in_parentheses_is_no_target(nlp) -> None:
    # treasury-press-releases.jsonl 2010-04-27 tg665 (Lorenzana family, Guatemala)
    text = ("Due to his significant role in international narcotics trafficking and his ties to the Sinaloa Cartel "
            "the U.S. Department of the Treasury's Office of Foreign Assets Control (OFAC) today designated Waldemar "
            "Lorenzana Lima, one of Guatemala's most wanted drug traffickers, as a Specially Designated Narcotics "
            "Trafficker (SDNT).")
    a = one(actions(nlp, text, published="2010-04-27"), "designation")
    assert [t for t in a.targets if "lorenzana" in t] and not [t for t in a.targets if "sdnt" in t], a.targets


def test_who_else_sanctions_a_person_is_no_measure_of_today(nlp) -> None:
    # treasury-press-releases.jsonl 2024-05-14 jy2337 (Deripaska)
    text = ("OFAC designated Deripaska on April 6, 2018 pursuant to Executive Order (E.O.) 13661. Deripaska is also "
            "sanctioned by Australia, Canada, the European Union, New Zealand, and the United Kingdom.")
    found = [a for a in actions(nlp, text, published="2024-05-14") if "australia" in a.by]
    assert len(found) == 1 and found[0].date is None, found


def test_prenominal_sanctioned_is_an_earlier_measure_and_todays_action_needs_a_named_owner(nlp) -> None:
    # treasury-press-releases.jsonl 2025-08-14 sb0225 (Garantex/Grinex) and 2019-09-20 sm780 (CBI)
    text = ("Today, the U.S. Department of the Treasury\u2019s Office of Foreign Assets Control (OFAC) designated "
            "Grinex.\n\n"
            "A7 is owned by sanctioned Moldovan oligarch Ilan Mironovich Shor and sanctioned Russian bank "
            "Promsvyazbank Public Joint Stock Company.\n\n"
            "Today\u2019s action targets the CBI for its financial support to the IRGC-QF and Hizballah.")
    found = actions(nlp, text, published="2025-08-14")
    today = [a for a in found if a.date == "2025-08-14"]
    assert today and not [t for a in today for t in a.targets if "promsvyazbank" in t], found
    assert not [a for a in found if [b for b in a.by if "irgc" in b]], found


def test_title_case_headline_previously_designated_is_an_earlier_measure(nlp) -> None:
    # treasury-press-releases.jsonl 2017-05-31 sm0098: the reader glues the bold subtitle to the lead
    text = ("\u200b**Juan Santiago & Pedro David Gallon Henao Previously Designated for Ties to La Oficina de "
            "Envigado   Washington**\u2013 The U.S. Department of the Treasury\u2019s Office of Foreign Assets "
            "Control (OFAC) today designated four Colombian nationals as Specially Designated Narcotics "
            "Traffickers (SDNTs) pursuant to the Foreign Narcotics Kingpin Designation Act (Kingpin Act).")
    for a in actions(nlp, text, published="2017-05-31"):
        assert not [b for b in a.by if "gallon" in b], a


# White House fact sheet, 2022-06-02, "United States Takes Further Actions to Counter Sanctions Evasion by Russia"
# (corpora/whitehouse/statements-releases__2022-06__2022-06-02-...): each bullet names the acting department,
# and the next sentence ("This includes ...") names the targets or the measure itself.
WH_2022_06_02 = (
    "Today the United States took further action, several of which have also been targeted by partners and "
    "allies, to crack down on evasion and tighten our sanctions to enhance enforcement and increase pressure on "
    "Putin and his enablers:\n\n"
    "- The Department of the Treasury is targeting prominent Russian government officials and business leaders, "
    "luxury property of elites, and luxury asset management and service companies key to Russian attempts to "
    "evade sanctions. This includes close Putin associate and money-manager of Putin\u2019s offshore wealth, "
    "Sergei Roldugin and his family members; Putin-linked yachts and Kremlin aligned yacht brokerages including "
    "Imperial Yachts and its CEO which provide services for Vladimir Putin\u2019s inner circle; government "
    "ministers overseeing key sectors integral to the Russian economy; and the President of United Aircraft "
    "Corporation, a state-owned company that plays a leading role in supporting the defense industry.\n"
    "- The Department of Commerce is further restricting the Russian military\u2019s ability to obtain "
    "technologies and other items it needs to sustain its aggression and project power. This includes adding "
    "71 parties located in Russia and Belarus to the Entity List, effectively cutting them off from obtaining "
    "U.S.-origin items or foreign-made products derived from certain U.S. technology or software.\n"
)


def test_fact_sheet_department_is_targeting_and_this_includes_names_the_targets(nlp) -> None:
    found = actions(nlp, WH_2022_06_02, published="2022-06-02")
    a = one(found, "designation")  # a Treasury sanction is a blocking designation
    assert a.by == ["us-dept-treasury"], a
    assert a.status == "enacted" and a.date == "2022-06-02", a
    assert "sergei-roldugin" in a.targets and "imperial-yachts" in a.targets, a
    # the modifiers of the items are no targets ("close Putin associate", "Vladimir Putin's inner circle"),
    # nor is the firm whose unnamed President is meant
    assert "vladimir-putin" not in a.targets and not [t for t in a.targets if "aircraft" in t], a


def test_fact_sheet_this_includes_adding_to_the_entity_list_is_the_bullets_department(nlp) -> None:
    found = actions(nlp, WH_2022_06_02, published="2022-06-02")
    a = one(found, "entity_listing")
    assert a.by == ["us-dept-commerce"], a
    assert a.under == ["entity-list"] and a.status == "enacted" and a.date == "2022-06-02", a


def test_target_is_a_trigger_only_with_a_public_body_as_subject(nlp) -> None:
    # treasury-press-releases.jsonl 2022-01-10 jy0552
    text = ("Since 2007, the regime has targeted media in an effort to silence them, often using TELCOR as a "
            "tool of repression.")
    assert actions(nlp, text, published="2022-01-10") == []


# White House fact sheet, 2022-02-22 (corpora/whitehouse/statements-releases__2022-02__2022-02-22-fact-sheet-
# united-states-imposes-first-tranche-of-swift-and-severe-costs-on-russia.md)
WH_2022_02_22 = (
    "The President has directed the following measures:\n\n"
    "- Full blocking sanctions on two significant Russian financial institutions. The Secretary of the Treasury "
    "will impose full blocking sanctions on two large state-owned Russian financial institutions that provide "
    "key services crucial to financing the Kremlin and the Russian military: Vnesheconombank and Promsvyazbank "
    "and their subsidiaries.\n"
)


def _titled(nlp, text: str, title: str, published: str) -> list[Action]:
    doc = nlp.make_doc(text)
    doc._.published = published
    doc._.title = title
    return list(nlp(doc)._.pg_actions)


def test_a_fact_sheet_announcing_measures_reports_its_will_sentences_as_taken_today(nlp) -> None:
    title = "Fact Sheet: United States Imposes First Tranche of Swift and Severe Costs on Russia"
    a = one(_titled(nlp, WH_2022_02_22, title, "2022-02-22"), "designation")
    assert a.status == "enacted" and a.date == "2022-02-22", a
    assert "us-dept-treasury" in a.by and {"vnesheconombank", "promsvyazbank"} <= set(a.targets), a
    # a fact sheet that previews or proposes keeps the future tense a proposal
    title = "FACT SHEET: United States, European Union, and G7 to Announce Further Economic Costs on Russia"
    a = one(_titled(nlp, WH_2022_02_22, title, "2022-03-11"), "designation")
    assert a.status == "proposed", a
    # so does any other document without a 'today'
    a = one(_titled(nlp, WH_2022_02_22, "Remarks on Russia", "2022-02-22"), "designation")
    assert a.status == "proposed", a


def test_the_destination_of_an_export_control_hung_on_its_verb_is_the_target(nlp) -> None:
    # Federal Register 2021-05488 (2021-03-18), abstract
    text = ("Pursuant to the EAR, BIS already maintains controls on exports and reexports to Russia of national "
            "security-controlled \"items\" (commodities, software and technology) that are subject to the EAR.")
    a = one(actions(nlp, text, published="2021-03-18"), "export_control")
    assert a.by == ["bis"] and a.targets == ["russia"] and a.under == ["ear"], a


def test_a_bare_plural_measure_under_a_perfect_tense_sums_up_earlier_measures(nlp) -> None:
    # White House fact sheet 2022-06-02 (corpora/whitehouse/statements-releases__2022-06__2022-06-02-...), lead
    text = ("The United States, alongside over 30 partners around the world, has imposed unprecedented sanctions "
            "and export controls to hold President Putin to account for his war against Ukraine, restrict "
            "Russia\u2019s access to critical technology it needs to fund its war machine, and turn Russia into a "
            "global financial pariah.")
    assert actions(nlp, text, published="2022-06-02") == []
    # a measure of today in the same form stays (fact sheet 2022-06-02, the bullets)
    assert one(actions(nlp, WH_2022_06_02, published="2022-06-02"), "entity_listing")
