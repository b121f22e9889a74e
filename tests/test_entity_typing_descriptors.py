"""Issue 12, entity typing and short forms: a descriptor noun the text gives an unknown name ("terrorist group X",
"X, a paramilitary organization") types it an Organization; an agreement heading a name is a Law; a bracketed short
form in emphasis is an alias. Real sentences from ../shared/corpora/treasury-press-releases.jsonl that are in neither
dev set."""

from __future__ import annotations

from extracted import entities_and_relations as _read


def test_a_terrorist_group_before_the_name_is_an_organization(nlp) -> None:
    # treasury-press-releases (LTTE, Tamil Foundation): NER's ORG with no telling head defaulted to Company
    types, _ = _read(nlp, "The U.S. Department of the Treasury today targeted the support network of the Sri "
                          "Lanka-based designated terrorist group Liberation Tigers of Tamil Eelam (LTTE) by "
                          "designating the U.S.-based Tamil Foundation under Executive Order 13224.")
    assert types["liberation-tigers"].type == "Organization"


def test_a_paramilitary_organization_in_apposition_is_an_organization(nlp) -> None:
    # treasury-press-releases (Iraq, Uday Hussein's associates): NER's GPE "Fedayeen Saddam" defaulted to Place
    types, _ = _read(nlp, "Maki Hamudat served as a deputy to Uday on the Iraqi Olympic Committee and was the general "
                          "finance officer in charge of the budget of the Fedayeen Saddam, a paramilitary organization "
                          "headed by Uday.")
    assert types["fedayeen-saddam"].type == "Organization"


def test_a_political_agreement_is_a_law_and_a_government_of_national_accord_is_not(nlp) -> None:
    # treasury-press-releases (Ghweil, Libya): "Agreement" heads the name; "Accord" after "of" does not
    types, _ = _read(nlp, "Ghweil purports to be the Prime Minister and Defense Minister of the \u201cNational "
                          "Salvation Government,\u201d which is aligned with the unrecognized Libyan General National "
                          "Congress, and he has actively worked to obstruct the implementation of the Libyan Political "
                          "Agreement establishing the GNA.")
    law = [r for r in types.values() if "Political Agreement" in r.name]
    assert law and law[0].type == "Law"
    types, _ = _read(nlp, "\u201cTreasury is targeting rogue actors in Libya who have contributed to chaos and turmoil "
                          "that undermines the internationally recognized Government of National Accord.")
    assert all(r.type != "Law" for r in types.values())


def test_a_bracketed_short_form_in_emphasis_is_an_alias_of_the_firm(nlp) -> None:
    # treasury-press-releases (Wuhan XRZ): "(** Wuhan XRZ**)" is the firm's short form, not a second entity (the
    # emphasis inside the brackets, and a first word that is also a city, no longer hide it)
    types, _ = _read(nlp, "WASHINGTON \u2014 Today, the Department of the Treasury\u2019s Office of Foreign Assets "
                          "Control (OFAC) sanctioned **Wuhan Xiaoruizhi Science and Technology Company, Limited** "
                          "(** Wuhan XRZ**), a Wuhan, China-based Ministry of State Security front company.")
    assert "Wuhan XRZ" in types["wuhan-xiaoruizhi-science-and-technology"].aliases
    assert "wuhan-xrz" not in types
