"""Issue 12 rules for entities and relations, each on a real sentence from ../shared/corpora/ that is in neither
dev set (treasury-press-releases.jsonl, whitehouse/): holderless titles, portfolio titles, officials of the
publishing department, ownership stated as fact, BASED_IN from the parse, parenthesised firm qualifiers."""

from __future__ import annotations

from extracted import entities_and_relations as _read


def test_a_portfolio_title_is_a_post_of_the_department(nlp) -> None:
    # treasury-press-releases: "Under Secretary of X for Y Name" -> X; the portfolio Y names no office
    text = ("\u201cChina\u2019s defense and surveillance technology sectors are actively cooperating with the "
            "government\u2019s efforts to repress members of ethnic and religious minority groups,\u201d said Under "
            "Secretary of the Treasury for Terrorism and Financial Intelligence Brian E. Nelson.")
    types, rels = _read(nlp, text)
    assert ("HOLDS_ROLE", "brian-nelson", "us-dept-treasury") in rels
    assert "us-tfi" not in types


def test_a_bare_titled_official_of_the_publishing_department(nlp) -> None:
    # treasury-press-releases 2025-05-05 sb0129 (opening sentence, the quoted official, a later mention)
    text = ("WASHINGTON \u2014 Today, the U.S. Department of the Treasury\u2019s Office of Foreign Assets Control "
            "(OFAC) sanctioned the **Karen National Army** (KNA), a militia group in Burma, as a transnational "
            "criminal organization, along with the group\u2019s leader** Saw Chit Thu**.\n\n"
            "\u201cCyber scam operations, such as those run by the KNA, generate billions in revenue for criminal "
            "kingpins and their associates, while depriving victims of their hard-earned savings and sense of "
            "security,\u201d said Deputy Secretary Michael Faulkender. The Treasury Department will continue to act.")
    _, rels = _read(nlp, text)
    assert ("HOLDS_ROLE", "michael-faulkender", "us-dept-treasury") in rels


def test_titles_in_an_orders_boilerplate_bring_in_only_the_authorised_body(nlp) -> None:
    # whitehouse 2026-05-01 order on Cuba, Sec. on reports: Treasury is authorised, State only consulted
    text = ("The Secretary of the Treasury, in consultation with the Secretary of State, is hereby authorized and "
            "directed to submit recurring and final reports to the Congress on the national emergency declared in, "
            "and authorities exercised by, Executive Order 14380, consistent with section 401 of the NEA (50 U.S.C. "
            "1641(c)).")
    types, _ = _read(nlp, text)
    assert "us-dept-treasury" in types
    assert "us-dept-state" not in types


def test_companies_owned_or_controlled_by_a_person_listed_after_a_colon(nlp) -> None:
    # treasury-press-releases: ownership stated as fact gives HOLDS_ROLE to each listed firm
    text = ("In a related action, OFAC designated five entities in the Dominican Republic that are owned or "
            "controlled by Bautista: Constructora Hadom SA, Soluciones Electricas Y Mecanicas Hadom S.R.L., Seymeh "
            "Ingenieria SRL, Inmobiliaria Rofi SA, and Constructora Rofi SA.")
    _, rels = _read(nlp, text)
    owned = {t for r, s, t in rels if r == "HOLDS_ROLE" and s == "bautista"}
    assert {"constructora-hadom", "seymeh-ingenieria", "inmobiliaria-rofi", "constructora-rofi"} <= owned


def test_based_in_from_an_apposed_firm_noun(nlp) -> None:
    # treasury-press-releases: "-based" and "located in City, Country" on the noun in apposition
    _, rels = _read(nlp, "Prigozhin in August 2023\u2013\u2013 used to lease aircraft from Kratol Aviation (Kratol), a "
                         "UAE-based aviation company.")
    assert ("BASED_IN", "kratol-aviation", "united-arab-emirates") in rels
    _, rels = _read(nlp, "Bazzi is the Chairman, Managing Director, and majority shareholder of AME Investment, a "
                         "holding company located in Beirut, Lebanon.")
    assert {("BASED_IN", "ame-investment", "beirut"), ("BASED_IN", "ame-investment", "lebanon")} <= rels


def test_a_parenthesised_qualifier_inside_a_firm_name(nlp) -> None:
    # treasury-press-releases (Zimbabwe): "(Pvt) Ltd." belongs to the name
    doc = nlp("OFAC also designated Zimbabwe Defence Industries (Pvt) Ltd. and Swift Investments (Pvt) Ltd. today.")
    firms = {a for e in doc._.pg_entities.values() if e.type == "Company" for a in e.aliases}
    assert {"Zimbabwe Defence Industries (Pvt) Ltd.", "Swift Investments (Pvt) Ltd."} <= firms, firms


def test_leaders_who_command_and_control_read_without_failing(nlp) -> None:
    # treasury-press-releases 2003-08-22 js672: 'command and control' is an active ownership verb under a head that
    # is none ('command'); reading its title used to raise KeyError and lose the whole release
    text = ("The United States government has credible evidence that the following six HAMAS leaders command and "
            "control terrorist activity. Sheik Ahmed Yassin is the leader of Hamas in Gaza.")
    _, rels = _read(nlp, text)
    assert ("HOLDS_ROLE", "sheik-ahmed-yassin", "hamas") in rels
