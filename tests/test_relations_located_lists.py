"""Issue 12, BASED_IN for lists that a located plural noun introduces ("two IRISL front companies based in Malta:
A and B", "front companies based in Culiacan, Sinaloa, including A, B, and C"): each listed firm takes every place
of the chain. A located noun followed by a prepositional phrase, not a list, gives nothing. Real sentences from
../shared/corpora/treasury-press-releases.jsonl (2012-03-28-tg1509, 2007-12-12-hp729, 2022-12-01-jy1135), in
neither dev set."""

from __future__ import annotations

from extracted import entities_and_relations as _read


def test_a_colon_list_after_a_located_noun(nlp) -> None:
    _, rels = _read(nlp, "Treasury is also designating today two IRISL front companies based in Malta: Modality "
                         "Limited and Malship Shipping Agency Ltd.")
    based = {(s, t) for r, s, t in rels if r == "BASED_IN"}
    assert based == {("modality", "malta"), ("malship-shipping-agency", "malta")}, rels


def test_an_including_list_takes_the_city_and_the_state(nlp) -> None:
    _, rels = _read(nlp, "The OFAC designation targets key Blanca Cazares front companies based in Culiacan, Sinaloa, "
                         "including Consorcio Inmobiliario del Valle de Culiacan S.A. de C.V., SEPRIV S.A. de C.V., "
                         "and Patraca S.A. de C.V.")
    based = {(s, t) for r, s, t in rels if r == "BASED_IN"}
    assert {("sepriv", "culiacan"), ("sepriv", "sinaloa"), ("patraca", "culiacan")} <= based, rels


def test_a_prepositional_phrase_after_the_place_is_no_list(nlp) -> None:
    _, rels = _read(nlp, "WASHINGTON \u2014 Today, the U.S. Department of the Treasury\u2019s Office of Foreign Assets "
                         "Control (OFAC) took action against two individuals and two companies based in Lebanon for "
                         "providing financial services to Hizballah, along with an additional individual involved in "
                         "facilitating weapons procurement for Hizballah.")
    assert not any(r == "BASED_IN" and s == "hizballah" for r, s, _t in rels), rels
