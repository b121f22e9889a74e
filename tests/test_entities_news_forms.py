"""Entity forms of news-style text: courtesy titles before a surname, governments named by a two-word demonym,
a foreign "Ministry of X" that is no U.S. department, and hyphenated Korean given names. Sentences from U.S.
Treasury press releases (public domain); where Treasury never writes the news form ("Mr Deripaska", "the South
Korean government", "the Ministry of Commerce"), Treasury names and sentences are put in that shape, as noted."""

from __future__ import annotations

from extracted import entities_by_id


def _entities(nlp, text: str) -> dict[str, tuple[str, list[str]]]:
    return entities_by_id(nlp, text, published="2018-04-06")


def test_a_courtesy_title_is_no_part_of_the_name(nlp):
    # Treasury, Russia designations (April 2018); "Mr" / "Mrs" / "Ms" without the period added (news style)
    ents = _entities(
        nlp,
        "Oleg Deripaska is being designated for having acted or purported to act for or on behalf of, directly or "
        "indirectly, a senior official of the Government of the Russian Federation. Mr Deripaska has said that he "
        "does not separate himself from the Russian state. Ms Jones and Mrs Brown were not named.",
    )
    persons = {eid for eid, (etype, _) in ents.items() if etype == "Person"}
    assert "oleg-deripaska" in persons
    assert not any(eid.startswith(("mr-", "ms-", "mrs-")) for eid in ents)  # the title never makes an id
    assert {"jones", "brown"} <= persons


def test_a_two_word_demonym_government_is_an_authority(nlp):
    # Treasury, Iran designations: "Tehran was listed by the Japanese government as an entity of concern ...";
    # the same sentence with a two-word demonym
    ents = _entities(
        nlp,
        "Tehran was listed by the South Korean government as an entity of concern for biological, chemical, and "
        "nuclear weapon proliferation.",
    )
    assert ents["government-of-south-korea"][0] == "Authority"
    assert "South Korean government" in ents["government-of-south-korea"][1]


def test_a_ministry_of_commerce_is_no_us_department(nlp):
    # Treasury-style sentences naming a foreign ministry by possessive and then bare (news shape)
    ents = _entities(
        nlp,
        "China's Ministry of Commerce announced the measures against the companies. The Ministry of Commerce "
        "said the measures took effect at once.",
    )
    assert "us-dept-commerce" not in ents
    assert ents["china-mofcom"][0] == "Authority"
    assert "Ministry of Commerce" in ents["china-mofcom"][1]
    # a ministry outside the lexicon takes a country-qualified id from its adjective or possessive
    ents = _entities(
        nlp, "The Ukrainian Ministry of Justice agreed. Ukraine's Ministry of Justice said so."
    )
    assert ents["ministry-of-justice-of-ukraine"][0] == "Authority"
    assert "us-doj" not in ents


def test_a_hyphenated_korean_given_name_stays_whole(nlp):
    # Treasury, North Korea designations (2009)
    ents = _entities(
        nlp,
        "Ri Je-son is the Director of GBAE and is responsible for facilitating several nuclear endeavors including "
        "GBAE's management of Yongbyon Nuclear Research Center and Namchongang Trading Corporation. Ri Hong-sop is "
        "a councilor for GBAE.",
    )
    assert ents["ri-je-son"][0] == "Person"
    assert ents["ri-hong-sop"][0] == "Person"
    assert "ri-je" not in ents and "ri-hong" not in ents


def test_a_bare_ministry_is_the_named_countrys(nlp):
    # Treasury-style sentence in news shape: the ministry is named bare and the country elsewhere in the text
    ents = _entities(nlp, "China said the Ministry of Commerce would add U.S. firms to the unreliable entity list.")
    assert "us-dept-commerce" not in ents
    assert ents["china-mofcom"][0] == "Authority"
    # two countries that both have the body: no guess
    ents = _entities(nlp, "The Foreign Ministry said so. Russia and China objected.")
    assert "china-mfa" not in ents and not any(eid.startswith("russia-") and "mfa" in eid for eid in ents)
