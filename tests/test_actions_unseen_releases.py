"""pg_actions on releases the extraction was not written for (real sentences from /work/shared/corpora that are
in neither dev set, through the real pipeline)."""

from __future__ import annotations

from pathlib import Path

from extracted import actions, one

SHARED = Path(__file__).resolve().parents[2] / "shared"


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
