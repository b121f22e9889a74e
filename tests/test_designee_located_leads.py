"""Where the designees are based is not what is sanctioned (ingest/actions/located_leads.py): a Treasury lead
"OFAC sanctioned N individuals and entities based in <countries>" is OFAC's designation of them, not a
country-wide sanction on those countries. Real Treasury releases from
/work/shared/corpora/treasury-press-releases.jsonl (in neither dev set), abridged, through the real pipeline."""

from __future__ import annotations

from extracted import actions

# 2023-09-19 jy1745 ("Treasury Targets Iran's UAV ... Procurement Network"), abridged
JY1745 = (
    "WASHINGTON \u2014 Today, the U.S. Department of the Treasury\u2019s Office of Foreign Assets Control (OFAC) "
    "sanctioned seven individuals and four entities based in Iran, the People\u2019s Republic of China (PRC), "
    "Russia, and T\u00fcrkiye in connection with Iran\u2019s unmanned aerial vehicle (UAV) and military aircraft "
    "development.\n\n"
    "Iran-based Mehdi Gogerdchian (Gogerdchian) serves as HESA\u2019s current managing director and as a member "
    "of the firm\u2019s board of directors. Gogerdchian is being designated pursuant to E.O. 13382 for having "
    "acted or purported to act for or on behalf of, directly or indirectly, HESA.\n"
)
# 2014-02-06 jl2287 ("Treasury Targets Networks Linked To Iran"), abridged
JL2287 = (
    "Treasury is also imposing sanctions on eight companies located in multiple countries that are owned and/or "
    "controlled by Nayebi, Hosseinpour, and Farsoudeh, including: Caucasus Energy (Georgia), Orchidea Gulf Trading "
    "(UAE and/or Turkey), KSN Foundation (Liechtenstein), New York General Trading (UAE), and European Oil "
    "Traders (Switzerland).\n"
)


def _read(nlp, text: str, published: str) -> tuple[list, dict, dict]:
    doc = nlp(text)
    names = {e: r.name for e, r in doc._.pg_entities.items()}
    types = {e: r.type for e, r in doc._.pg_entities.items()}
    return actions(nlp, text, published=published), names, types


def test_a_lead_on_designees_based_in_countries_sanctions_no_country(nlp) -> None:
    found, names, types = _read(nlp, JY1745, "2023-09-19")
    # before: a `sanction` by OFAC on China, Russia and Turkey beside the designation
    for a in found:
        assert not [names[t] for t in a.targets if types[t] in ("Country", "Place")], (a, names)
    today = [a for a in found if a.kind == "designation" and a.date == "2023-09-19"]
    assert len(today) == 1 and "Mehdi Gogerdchian" in {names[t] for t in today[0].targets}, found
    assert not [a for a in found if a.kind == "sanction"], found


def test_bracketed_countries_after_the_companies_are_no_targets(nlp) -> None:
    found, names, types = _read(nlp, JL2287, "2014-02-06")
    sanctioned = [a for a in found if a.kind in ("designation", "sanction")]
    targets = {names[t] for a in sanctioned for t in a.targets}
    assert {"KSN Foundation", "New York General Trading"} <= targets, targets
    # before: Georgia, the United Arab Emirates, Turkey, Liechtenstein and Switzerland were targets too
    assert not [t for a in sanctioned for t in a.targets if types[t] in ("Country", "Place")], targets
    assert all(a.kind == "designation" for a in sanctioned), sanctioned  # Treasury's sanctions: its designation
