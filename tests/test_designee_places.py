"""A blocking designation names persons, not the places they are based in (ingest/actions/consolidate.py,
drop_designated_places). Real Treasury release from /work/shared/corpora/treasury-press-releases.jsonl (in
neither dev set), abridged, through the real pipeline."""

from __future__ import annotations

from extracted import actions

# 2024-03-25 jy2205 ("Treasury Sanctions Mass Surveillance ... Wuhan Xiaoruizhi ..."), abridged
JY2205 = (
    "WASHINGTON \u2014 Today, the Department of the Treasury\u2019s Office of Foreign Assets Control (OFAC) "
    "sanctioned Wuhan Xiaoruizhi Science and Technology Company, Limited (Wuhan XRZ), a Wuhan, China-based "
    "Ministry of State Security (MSS) front company that has served as cover for multiple malicious cyber "
    "operations. OFAC is also designating Zhao Guangzong and Ni Gaobin, two Chinese nationals affiliated with "
    "Wuhan XRZ, for their roles in malicious cyber operations targeting U.S. entities that operate within U.S. "
    "critical infrastructure sectors, directly endangering U.S. national security.\n"
)


def test_the_city_a_designee_is_based_in_is_no_target(nlp) -> None:
    doc = nlp(JY2205)
    types = {e: r.type for e, r in doc._.pg_entities.items()}
    names = {e: r.name for e, r in doc._.pg_entities.items()}
    found = [a for a in actions(nlp, JY2205, published="2024-03-25") if a.kind == "designation"]
    targets = {names[t] for a in found for t in a.targets}
    assert {"Zhao Guangzong", "Ni Gaobin"} <= targets, targets
    assert any(n.startswith("Wuhan Xiaoruizhi") for n in targets), targets
    # before: 'Wuhan' (and with it 'China') stood among the designees
    assert not [names[t] for a in found for t in a.targets if types[t] in ("Country", "Place")], targets


# 2022-03-15 jy0654 ("Treasury Sanctions Russia Magnitsky Act targets ..."), the lead
JY0654 = (
    "WASHINGTON \u2013 Today, the U.S. Department of the Treasury\u2019s Office of Foreign Assets Control (OFAC) "
    "designated four individuals and one entity pursuant to the Sergei Magnitsky Rule of Law Accountability Act of "
    "2012 (the Russia Magnitsky Act). These Russia Magnitsky Act targets were involved in concealing events "
    "surrounding the death of renowned Russian whistleblower Sergei Magnitsky, or were connected to gross "
    "violations of human rights against Russian human rights defender Oyub Titiev. Treasury is also re-designating "
    "Alyaksandr Lukashenka of Belarus, the head of a corrupt government in Belarus whose patronage network "
    "benefits his inner circle and regime, and newly designating his wife pursuant to Executive Order (E.O.) "
    "13405.\n"
)


def test_a_country_named_in_a_programme_is_no_designee(nlp) -> None:
    doc = nlp(JY0654)
    types = {e: r.type for e, r in doc._.pg_entities.items()}
    names = {e: r.name for e, r in doc._.pg_entities.items()}
    found = [a for a in actions(nlp, JY0654, published="2022-03-15") if a.kind == "designation"]
    assert any("Alyaksandr Lukashenka" in {names[t] for t in a.targets} for a in found), found
    # before: Russia (from "the Russia Magnitsky Act") stood beside Lukashenka as a designee
    assert not [names[t] for a in found for t in a.targets if types[t] == "Country"], found
