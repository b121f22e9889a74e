"""The legal-citation grammar (ingest/laws.py) on sentences quoted from the shared corpora
(Treasury press releases, White House executive orders, Federal Register texts) and the seeds."""

from __future__ import annotations

from ingest.laws import find_citations


def _cites(text: str) -> list[tuple[str, str, str, str]]:
    return [(text[c.start : c.end], c.id, c.name, c.kind) for c in find_citations(text)]


def test_executive_order_spellings_collapse_to_one_id() -> None:
    # treasury/2019-09-20-sm780.md
    text = (
        "WASHINGTON- Today, the U.S. Department of the Treasury’s Office of Foreign Assets Control (OFAC) took "
        "action against the Central Bank of Iran (CBI), the National Development Fund of Iran (NDF), and Etemad "
        "Tejarate Pars Co. under its counterterrorism authority, Executive Order (E.O.) 13224. "
        "The IRGC-QF, which was designated pursuant to E.O. 13224 on October 25, 2007, is a branch of the IRGC."
    )
    cites = _cites(text)
    assert [c[0] for c in cites] == ["Executive Order (E.O.) 13224", "E.O. 13224"]
    assert {c[1] for c in cites} == {"eo-13224"}
    assert {c[2] for c in cites} == {"Executive Order 13224"}
    assert {c[3] for c in cites} == {"executive_order"}


def test_list_of_executive_orders_gives_one_citation_per_order() -> None:
    # treasury-press-releases.jsonl 2004-04-21-js1446
    text = (
        'The Iraqi Sanctions Regulations, 31 CFR part 575 (the "Regulations"), implement Executive Orders 12722 '
        'and 12724 and are administered by the Treasury Department\'s Office of Foreign Assets Control ("OFAC").'
    )
    ids = [c[1] for c in _cites(text)]
    assert "eo-12722" in ids and "eo-12724" in ids
    assert "cfr-31-575" in ids
    assert "iraqi-sanctions-regulations" in ids


def test_cfr_parts_are_regulations_with_canonical_names() -> None:
    # treasury-press-releases.jsonl 2004-12-15-js2152
    text = (
        "The rule entails the issuance of general licenses in the Cuban Assets Control Regulations, 31 CFR part 515, "
        "the Iranian Transactions Regulations, 31 CFR part 560, and the Sudanese Sanctions Regulations, 31 CFR part 538."  # noqa: E501
    )
    parts = [(c[1], c[2], c[3]) for c in _cites(text) if c[1].startswith("cfr-")]
    assert parts == [
        ("cfr-31-515", "31 CFR part 515", "regulation"),
        ("cfr-31-560", "31 CFR part 560", "regulation"),
        ("cfr-31-538", "31 CFR part 538", "regulation"),
    ]


def test_section_of_an_appropriations_act_keeps_the_act_as_parent() -> None:
    # seeds/000 (The Hill, 2019-10-11), with the non-breaking space as written
    text = (
        "One of these is a visa ban authorized under Section 7031(c) of the\u00a0Department of State, Foreign "
        "Operations, and Related Programs Appropriations Act, 2019."
    )
    (cite,) = find_citations(text)
    assert cite.kind == "section"
    assert cite.short == "Section 7031(c)"
    assert cite.parent is not None
    assert cite.parent.kind == "statute"
    assert cite.parent.name == "Department of State, Foreign Operations, and Related Programs Appropriations Act, 2019"
    # the year stays in the id of an act that is re-enacted every year under one name
    assert cite.parent.id.endswith("appropriations-act-2019")
    assert cite.name.startswith("Section 7031(c) of the Department of State")


def test_section_of_the_immigration_and_nationality_act_and_usc_sections() -> None:
    # whitehouse/presidential-actions__2021-04__2021-04-15-executive-order-on-blocking-property-...russian-federation.md
    text = (
        "By the authority vested in me as President by the Constitution and the laws of the United States of "
        "America, including the International Emergency Economic Powers Act (50 U.S.C. 1701 et seq.) (IEEPA), the "
        "National Emergencies Act (50 U.S.C. 1601 et seq.) (NEA), section 212(f) of the Immigration and "
        "Nationality Act of 1952 (8 U.S.C. 1182(f)), and section 301 of title 3, United States Code,"
    )
    cites = {c[1]: c for c in _cites(text)}
    assert "usc-50-1701" in cites and cites["usc-50-1701"][3] == "section"
    assert "usc-8-1182-f" in cites
    assert "international-emergency-economic-powers-act" in cites
    sec = [c for c in find_citations(text) if c.kind == "section" and c.parent is not None]
    # "section 301 of title 3, United States Code" is a section of the Code (ingest/law_codes.py)
    assert [s.parent.name for s in sec] == ["Immigration and Nationality Act of 1952", "United States Code"]
    # the act's id does not carry the year: the same act cited without it gets the same node
    assert sec[0].parent.id == "immigration-and-nationality-act"
    assert sec[1].name == "Section 301 of Title 3, United States Code"
    assert "constitution-of-the-united-states" in cites


def test_headline_words_are_not_part_of_an_act_name() -> None:
    # Treasury headline style; "Under" is not the start of the act's name
    text = "Treasury Sanctions Russian Officials Under Global Magnitsky Act"
    assert [c[0] for c in _cites(text)] == ["Global Magnitsky Act"]
    # treasury-press-releases.jsonl: "Pursuant to the Foreign Narcotics Kingpin Designation Act"
    text = "Pursuant to the Foreign Narcotics Kingpin Designation Act, OFAC designated the individuals."
    assert [c[0] for c in _cites(text)] == ["Foreign Narcotics Kingpin Designation Act"]


def test_bills_and_public_laws() -> None:
    # whitehouse/presidential-actions__2023-12__...uyghur-human-rights-policy-act-of-2020-and-public-law-117-78.md (title)  # noqa: E501
    text = "Memorandum on the Delegation of Certain Functions and Authorities Under the Uyghur Human Rights Policy Act of 2020 and Public Law 117-78"  # noqa: E501
    ids = [c[1] for c in _cites(text)]
    assert "uyghur-human-rights-policy-act" in ids
    assert "public-law-117-78" in ids
    # "U.S. 1" is not Senate bill 1; "S. 3744" is
    assert [c[1] for c in _cites("the Senate passed S. 3744 and sent it to the House")] == ["bill-s-3744"]
    assert _cites("the U.S. 1 percent") == []


def test_eu_regulations_old_and_new_numbering() -> None:
    # the two numbering styles of EU sanctions regulations, as the Council cites them
    text = "Council Regulation (EU) 2022/328 amending Regulation (EU) No 833/2014 concerning restrictive measures"
    cites = _cites(text)
    assert [(c[1], c[3]) for c in cites] == [
        ("eu-regulation-2022-328", "regulation"),
        ("eu-regulation-833-2014", "regulation"),
    ]


def test_a_subsection_letter_does_not_start_the_acts_name():
    # White House fact sheet 2021-09-17, hard-wrapped: "(C)" closes the section number, the act starts after "of the"
    text = (
        "Secretary of State Antony Blinken\nannounced\na policy under Section 212(a)(3)(C) of the Immigration and "
        "Nationality\nAct imposing visa restrictions"
    )
    cites = find_citations(text)
    assert [c.name for c in cites] == ["Section 212(a)(3)(C) of the Immigration and Nationality Act"]
    assert cites[0].kind == "section" and cites[0].parent.name == "Immigration and Nationality Act"
    assert find_citations("published in the Code of Federal Regulations") == []


def test_general_licenses_in_every_spelling_are_one_node_per_number():
    text = (
        "OFAC issued Syria General License (GL) 25. GL 25 authorizes transactions. OFAC also issued "
        "Russia-related General License 8L and General License No. 13."
    )
    cites = {(c.id, c.name) for c in find_citations(text)}
    assert cites == {
        ("general-license-syria-25", "Syria General License 25"),
        ("general-license-russia-8l", "Russia-related General License 8L"),
        ("general-license-13", "General License 13"),
    }


def test_yearly_authorization_acts_keep_their_fiscal_year():
    # White House memorandum 2023-12-07 and executive orders citing NDAA sections
    cites = find_citations(
        "section 1754(c) of the National Defense Authorization Act for Fiscal Year 2019; Division A, Title LXXV, "
        "National Defense Authorization Act for Fiscal Year 2020 (Public Law 116-92)"
    )
    names = [(c.id, c.name) for c in cites]
    assert names[0] == (
        "national-defense-authorization-act-2019-section-1754c",
        "Section 1754(c) of the National Defense Authorization Act for Fiscal Year 2019",
    )
    fy2020 = ("national-defense-authorization-act-2020", "National Defense Authorization Act for Fiscal Year 2020")
    assert fy2020 in names


def test_order_titles_and_public_law_numbers_are_not_part_of_an_acts_name():
    cites = find_citations(
        "Invocation of the Alien Enemies Act Regarding the Invasion of the United States. Delegation of functions "
        "under the UHRPA and Public Law 117-78, including section 5(c)(1) of Public Law 117-78."
    )
    assert [(c.id, c.name) for c in cites] == [
        ("alien-enemies-act", "Alien Enemies Act"),
        ("public-law-117-78", "Public Law 117-78"),
        ("public-law-117-78-section-5c1", "Section 5(c)(1) of Public Law 117-78"),
    ]


def test_two_acts_joined_by_and_the_are_two_citations():
    cites = find_citations("sanctions imposed under IEEPA and the Iran Sanctions Act, and the CHIPS and Science Act")
    assert [c.name for c in cites] == ["Iran Sanctions Act", "CHIPS and Science Act"]


def test_ofac_directives_under_an_order_are_regulations_of_that_order() -> None:
    # treasury-press-releases.jsonl: Ukraine-related sectoral sanctions (2014-2017)
    text = (
        "OFAC also identified 20 subsidiaries that are owned 50 percent or more by the previously-designated AK "
        "Transneft OAO (Transneft), subject to Directive 2 under E.O. 13662, which prohibits U.S. persons from "
        "dealing in new debt. Treasury has also modified Directive 1 pursuant to E.O. 13662 to lower the allowable "
        "maturity for new debt from 90 to 30 days, and has added Sberbank to the list of entities subject to the "
        "restrictions in Directive 1."
    )
    cites = find_citations(text)
    got = [(text[c.start : c.end], c.id, c.name, c.kind, c.parent.id if c.parent else None) for c in cites]
    assert got == [
        ("Directive 2 under E.O. 13662", "eo-13662-directive-2", "Directive 2 under Executive Order 13662",
         "regulation", "eo-13662"),
        ("Directive 1 pursuant to E.O. 13662", "eo-13662-directive-1", "Directive 1 under Executive Order 13662",
         "regulation", "eo-13662"),
        ("Directive 1", "eo-13662-directive-1", "Directive 1 under Executive Order 13662", "regulation", None),
    ]
