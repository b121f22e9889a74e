"""Issue 12, HOLDS_ROLE from ministers' titles: "Minister of X <Holder>", "<Country>'s Minister of X", "<Demonym>
Minister of X", "<Portfolio> Minister" name the ministry, country-qualified (ONTOLOGY: a title with a named holder
brings in the body it names, ministries included). Before, these gave nothing, a Company "Minister of Finance", or the
U.S. Department of Commerce for a Burmese minister. Real sentences from ../shared/corpora/treasury-press-releases.jsonl
(2018-08-01-sm453, 2019-09-04-sm767, 2021-05-17-jy0180, 2017-01-11-jl0699), in neither dev set."""

from __future__ import annotations

from extracted import entities_and_relations as _read


def test_possessive_country_ministers_each_hold_their_ministry(nlp) -> None:
    found, rels = _read(nlp, "The U.S. Department of the Treasury's Office of Foreign Assets Control (OFAC) took "
                             "action today targeting Turkey's Minister of Justice Abdulhamit Gul and Minister of "
                             "Interior Suleyman Soylu, both of whom played leading roles in the organizations "
                             "responsible for the arrest and detention of Pastor Andrew Brunson.")
    assert ("HOLDS_ROLE", "abdulhamit-gul", "ministry-of-justice-of-turkey") in rels, rels
    assert any(r[:2] == ("HOLDS_ROLE", "suleyman-soylu") and "interior" in r[2] for r in rels), rels
    assert all(rec.type != "Company" for rec in found.values())


def test_a_demonym_minister_after_former(nlp) -> None:
    _, rels = _read(nlp, "Senior IRGC-QF official and former Iranian Minister of Petroleum Rostam Qasemi oversees "
                         "this sprawling network, which features dozens of ship managers, vessels, and facilitators.")
    assert ("HOLDS_ROLE", "rostam-qasemi", "ministry-of-petroleum-of-iran") in rels, rels


def test_a_portfolio_list_with_a_serial_comma_is_one_ministry(nlp) -> None:
    found, rels = _read(nlp, "- Win Shein is the Minister for Planning, Finance, and Industry;")
    assert ("HOLDS_ROLE", "win-shein", "ministry-of-planning-finance-and-industry") in rels, rels
    assert found["ministry-of-planning-finance-and-industry"].name == "Ministry of Planning, Finance, and Industry"


def test_the_minister_title_and_the_ministry_named_after_it_are_one_body(nlp) -> None:
    found, rels = _read(nlp, "Kim Won Hong is the Minister of State Security and oversees the Ministry of State "
                             "Security (MSS).")
    bodies = [r for r in found.values() if r.type == "Authority"]
    assert len(bodies) == 1, bodies
    assert ("HOLDS_ROLE", "kim-won-hong", bodies[0].id) in rels


def test_prime_ministers_and_holderless_titles_name_no_ministry(nlp) -> None:
    # news style, written for this test
    found, _ = _read(nlp, "Prime Minister Kishida said the foreign minister would travel to Kyiv next week.")
    assert not any(r.name.startswith("Ministry") for r in found.values()), found
