"""pg_actions on releases and fact sheets the extraction was not written for, second part: legal bases, tenses,
bullet lists, fact sheets (real sentences from /work/shared/corpora in neither dev set, through the real pipeline)."""


from __future__ import annotations

from pathlib import Path

from extracted import actions, one, titled_actions

SHARED = Path(__file__).resolve().parents[2] / "shared"



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


def test_a_fact_sheet_announcing_measures_reports_its_will_sentences_as_taken_today(nlp) -> None:
    title = "Fact Sheet: United States Imposes First Tranche of Swift and Severe Costs on Russia"
    a = one(titled_actions(nlp, WH_2022_02_22, title, "2022-02-22"), "designation")
    assert a.status == "enacted" and a.date == "2022-02-22", a
    assert "us-dept-treasury" in a.by and {"vnesheconombank", "promsvyazbank"} <= set(a.targets), a
    # a fact sheet that previews or proposes keeps the future tense a proposal
    title = "FACT SHEET: United States, European Union, and G7 to Announce Further Economic Costs on Russia"
    a = one(titled_actions(nlp, WH_2022_02_22, title, "2022-03-11"), "designation")
    assert a.status == "proposed", a
    # so does any other document without a 'today'
    a = one(titled_actions(nlp, WH_2022_02_22, "Remarks on Russia", "2022-02-22"), "designation")
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
