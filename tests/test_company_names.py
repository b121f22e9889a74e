"""Company names by their legal form, coordinated firms, and per-district federal offices
(ingest/entities/candidates.py), on sentences in the style of Treasury and Justice releases."""

from __future__ import annotations

from extracted import entities_by_id


def _entities(nlp, text: str) -> dict[str, tuple[str, list[str]]]:
    return entities_by_id(nlp, text, published="2025-11-19")


def test_latin_american_legal_forms_are_part_of_the_name(nlp):
    ents = _entities(
        nlp,
        "OFAC designated Mexico-based companies VRG Energeticos S.A. de C.V. and Grupo Ares Imperial, "
        "S. de R.L. de C.V., as well as Windrose Tactical S.R.L.S. and 2351885 Ontario Inc, pursuant to "
        "E.O. 14059.",
    )
    companies = {eid: aliases for eid, (etype, aliases) in ents.items() if etype == "Company"}
    assert companies["vrg-energeticos"] == ["VRG Energeticos S.A. de C.V."]
    assert companies["grupo-ares-imperial"] == ["Grupo Ares Imperial, S. de R.L. de C.V."]
    assert "windrose-tactical" in companies and "2351885-ontario" in companies
    # no entity made of a legal form alone
    assert not any(eid.startswith(("s-de-r-l", "s-r-l-s", "ontario")) for eid in ents)


def test_and_between_two_firms_named_by_ner_splits_them(nlp):
    ents = _entities(nlp, "Treasury sanctioned Sovcomflot and Novorossiysk Shipping Company for transporting oil.")
    assert ents["sovcomflot"][0] == "Company"
    assert ents["novorossiysk-shipping"][0] == "Company"
    ents = _entities(nlp, "OFAC designated Procter and Gamble Co. today.")
    assert "procter-and-gamble" in ents  # one firm whose name has an "and"


def test_offices_of_a_judicial_district_are_their_own_body(nlp):
    ents = _entities(
        nlp,
        "The U.S. Attorney's Office for the Central District of California is issuing indictments against "
        "the network. A case is pending in the U.S. District Court for the District of Columbia.",
    )
    assert ents["us-attorney-office-central-district-of-california"][0] == "Authority"
    assert ents["us-district-court-district-of-columbia"][0] == "Authority"
    assert not any(etype == "Place" and "District" in " ".join(aliases) for etype, aliases in ents.values())
