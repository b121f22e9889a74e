"""Issue 12 law rules, each on a real sentence from ../shared/corpora/ that is in neither dev set: the Codes and
their parts, proclamations, the Constitution of an order's opening frame, numbered FAQs (ingest/law_codes.py); a
section of a law named by its acronym and a bracketed code citation as the law's alias (ingest/entities/
law_links.py); PART_OF between laws the text links (ingest/relations/law_parts.py); designation categories
that are no Law node (ingest/lexicons/laws.yaml `category`)."""

from __future__ import annotations

from extracted import entities_and_relations as _read


def test_an_orders_opening_frame_cites_the_constitution_acts_by_their_code_and_a_title_of_the_code(nlp) -> None:
    # whitehouse/presidential-actions__2021-12__2021-12-15-executive-order-on-imposing-sanctions-on-...-drug-trade
    text = ("By the authority vested in me as President by the Constitution and the laws of the United States of "
            "America, including the International Emergency Economic Powers Act (50 U.S.C. 1701 et seq. ) (IEEPA), "
            "the National Emergencies Act (50 U.S.C. 1601 et seq .) (NEA), the Fentanyl Sanctions Act (21 U.S.C. "
            "2301 et seq .) (FSA), sections 212(f) and 215(a) of the Immigration and Nationality Act of 1952 (8 "
            "U.S.C. 1182(f) and 1185(a)), and section 301 of title 3, United States Code,")
    ents, rels = _read(nlp, text)
    assert ents["constitution-of-the-united-states"].type == "Law"
    # "(50 U.S.C. 1701 et seq.)" is where the act is codified: an alias, not a second node
    assert "50 U.S.C. 1701" in ents["ieepa"].aliases
    assert not any(e.startswith(("usc-50-1701", "usc-21-2301")) for e in ents)
    fsa = next(e for e in ents.values() if e.name == "Fentanyl Sanctions Act")
    assert "21 U.S.C. 2301" in fsa.aliases
    sec = ents["united-states-code-title-3-section-301"]
    assert sec.kind == "section" and sec.name == "Section 301 of Title 3, United States Code"
    assert ("PART_OF", sec.id, "united-states-code") in rels


def test_a_section_of_an_act_named_by_its_acronym_and_its_code_citation(nlp) -> None:
    # whitehouse/presidential-actions__2021-02__2021-02-11-executive-order-on-blocking-property-...-burma.md
    text = ("I hereby determine that the making of donations of the types of articles specified in section "
            "203(b)(2) of IEEPA (50 U.S.C. 1702(b)(2)) by, to, or for the benefit of any person whose property and "
            "interests in property are blocked pursuant to section 1 of this order would seriously impair my "
            "ability to deal with the national emergency declared in this order.")
    ents, rels = _read(nlp, text)
    sid = "international-emergency-economic-powers-act-section-203b2"
    assert ents[sid].kind == "section"
    assert {"section 203(b)(2) of IEEPA", "50 U.S.C. 1702(b)(2)"} <= set(ents[sid].aliases)
    assert ("PART_OF", sid, "ieepa") in rels
    assert not any(e.startswith("usc-") for e in ents)


def test_a_title_of_the_code_and_a_proclamation_by_number(nlp) -> None:
    # whitehouse/presidential-actions__2021-02__2021-02-11-executive-order-on-blocking-property-...-burma.md
    text = ("The unrestricted immigrant and nonimmigrant entry into the United States of aliens determined to meet "
            "one or more of the criteria in section 1(a) of this order would be detrimental to the interests of the "
            "United States, and the entry of such persons into the United States, as immigrants or nonimmigrants, "
            "is hereby suspended, except when the Secretary of State determines that the person's entry would not "
            "be contrary to the interests of the United States, including when the Secretary so determines, based "
            "on a recommendation of the Attorney General, that the person's entry would further important United "
            "States law enforcement objectives. Such persons shall be treated in the same manner as persons "
            "covered by section 1 of Proclamation 8693 of July 24, 2011 (Suspension of Entry of Aliens Subject to "
            "United Nations Security Council Travel Bans and International Emergency Economic Powers Act "
            "Sanctions).")
    ents, rels = _read(nlp, text)
    assert ents["proclamation-8693"].kind == "executive_order"
    assert ("PART_OF", "proclamation-8693-section-1", "proclamation-8693") in rels


def test_title_18_of_the_code_in_a_kingpin_act_penalty_sentence(nlp) -> None:
    # treasury-press-releases.jsonl (Kingpin Act releases; a wording neither dev set has)
    text = ("Other individuals face up to 10 years in prison for criminal violations of the Kingpin Act and fines "
            "pursuant to Title 18 of the United States Code.")
    ents, rels = _read(nlp, text)
    assert ents["united-states-code-title-18"].name == "Title 18 of the United States Code"
    assert ("PART_OF", "united-states-code-title-18", "united-states-code") in rels


def test_ofacs_numbered_faq_is_guidance_it_administers(nlp) -> None:
    # treasury-press-releases.jsonl ("Specifically Designated Nationals", a misspelling neither dev set has)
    text = ("For information concerning the process for seeking removal from any OFAC list, including the "
            "Specifically Designated Nationals and Blocked Persons List, please refer to OFAC\u2019s Frequently "
            "Asked Question 897.")
    ents, rels = _read(nlp, text)
    assert ents["ofac-faq-897"].kind == "guidance"
    assert ("ADMINISTERS", "ofac", "ofac-faq-897") in rels


def test_an_amending_order_is_part_of_the_order_it_amends(nlp) -> None:
    # treasury-press-releases.jsonl (a 2018 release on IRA actors)
    text = ("Today, Treasury also designated three IRA actors pursuant to E.O. 13694, as amended by E.O. 13757, "
            "and E.O. 13848 for having acted or purported to act for or on behalf of, directly or indirectly, the "
            "IRA.")
    _ents, rels = _read(nlp, text)
    assert ("PART_OF", "eo-13757", "eo-13694") in rels
    assert ("PART_OF", "eo-13848", "eo-13694") not in rels


def test_a_designation_category_is_no_law(nlp) -> None:
    # treasury-press-releases.jsonl 2021-09-16 jy0358
    text = ("Pursuant to this authority, OFAC can prohibit or impose strict conditions on the opening or "
            "maintaining in the United States of a correspondent account or a payable-through account by a "
            "foreign financial institution that either knowingly conducted or facilitated any significant "
            "transaction on behalf of a Specially Designated Global Terrorist.")
    doc = nlp(text)
    assert not any(e.type == "Law" for e in doc._.pg_entities.values())
    assert not any(r.type == "ADMINISTERS" for r in doc._.pg_relations)
    assert doc._.pg_non_entity_spans  # the words are known, so no rule reads them as a name or trigger


_NICARAGUA_ORDER = (
    # whitehouse/presidential-actions__2022-10__2022-10-24-executive-order-on-taking-additional-steps-to-address-
    # the-national-emergency-with-respect-to-the-situation-in-nicaragua.md (the opening frame, a delegation clause,
    # the signature)
    "By the authority vested in me as President by the Constitution and the laws of the United States of America, "
    "including the International Emergency Economic Powers Act (50 U.S.C. 1701 et seq. ), the National Emergencies "
    "Act (50 U.S.C. 1601 et seq. ), the Nicaragua Investment Conditionality Act of 2018 (50 U.S.C. 1701 note), "
    "section 212(f) of the Immigration and Nationality Act of 1952 (8 U.S.C. 1182(f)), and section 301 of title 3, "
    "United States Code, I, JOSEPH R. BIDEN JR., President of the United States of America, in order to take "
    "additional steps with respect to the national emergency declared in Executive Order 13851 of November 27, "
    "2018 (Blocking Property of Certain Persons Contributing to the Situation in Nicaragua), hereby order:\n\n"
    "The Secretary of the Treasury, in consultation with the Secretary of State and the Secretary of Commerce, is "
    "hereby authorized to submit the recurring and final reports to the Congress on the national emergency "
    "declared in this order, consistent with section 401(c) of the NEA (50 U.S.C. 1641(c)) and section 204(c) of "
    "IEEPA (50 U.S.C. 1703(c)).\n\n"
    "                             JOSEPH R. BIDEN JR.\n"
)
_NICARAGUA_TITLE = (
    "Executive Order on Taking Additional Steps to Address the National Emergency With Respect to the Situation in "
    "Nicaragua"
)


def test_an_order_is_a_law_named_by_its_title_and_authorises_the_body_of_its_delegation_clause(nlp) -> None:
    doc = nlp.make_doc(_NICARAGUA_ORDER)
    doc._.title = _NICARAGUA_TITLE
    doc = nlp(doc)
    ents = doc._.pg_entities
    rels = {(r.type, r.source, r.target) for r in doc._.pg_relations}
    order = next(e for e in ents.values() if e.name == _NICARAGUA_TITLE)
    assert order.type == "Law" and order.kind == "executive_order"
    assert ("AUTHORIZES", order.id, "us-dept-treasury") in rels
    # "in consultation with" authorises no one
    assert not {("AUTHORIZES", order.id, b) for b in ("us-dept-state", "us-dept-commerce")} & rels
    # the signer, his name with its generational suffix as written
    assert "JOSEPH R. BIDEN JR." in ents["joe-biden"].aliases
    assert ("HOLDS_ROLE", "joe-biden", "united-states") in rels
    # a section of an act named by its acronym, its code citation an alias
    sec = next(e for e in ents.values() if e.name == "Section 401(c) of the National Emergencies Act")
    assert "50 U.S.C. 1641(c)" in sec.aliases and ("PART_OF", sec.id, "nea") in rels


def test_a_text_without_an_orders_frame_gets_no_title_law(nlp) -> None:
    text = _NICARAGUA_ORDER.replace("By the authority vested in me as President by", "Under")
    doc = nlp.make_doc(text)
    doc._.title = _NICARAGUA_TITLE
    doc = nlp(doc)
    assert not any(e.name == _NICARAGUA_TITLE for e in doc._.pg_entities.values())


def test_bodies_named_in_a_bracketed_proclamation_title_are_no_entities(nlp) -> None:
    # whitehouse/presidential-actions__2021-02__2021-02-11-executive-order-on-blocking-property-...-burma.md
    text = ("Such persons shall be treated in the same manner as persons covered by section 1 of Proclamation 8693 of "
            "July 24, 2011 (Suspension of Entry of Aliens Subject to United Nations Security Council Travel Bans and "
            "International Emergency Economic Powers Act Sanctions).")
    ents = nlp(text)._.pg_entities
    assert "un-security-council" not in ents and not any(e.type == "Authority" for e in ents.values())
    assert "proclamation-8693" in ents
