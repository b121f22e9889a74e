"""Issue 12, law citations of other governments: the older EU form "Council Decision 2011/783/CFSP" (same id as
"Decision (CFSP) 2011/783"), Commonwealth regulations with a bracketed country ("Special Economic Measures (Russia)
Regulations"), and PART_OF from "<B> amending <A>" and "<B>, made under <A>". The first sentence is real
(../shared/corpora/treasury-press-releases.jsonl, IRISL front companies, in neither dev set); the others are written
for this test in the style of EU and news texts (no news text is copied)."""

from __future__ import annotations

from extracted import entities_and_relations as _read


def test_the_older_eu_decision_form_is_a_regulation(nlp) -> None:
    found, _ = _read(nlp, "The European Union also sanctioned these companies, per Council Decision 2011/783/CFSP of "
                          "December 1, 2011, as IRISL front companies.")
    law = found["eu-decision-2011-783"]
    assert law.type == "Law" and law.kind == "regulation" and law.name == "Council Decision 2011/783/CFSP"


def test_a_bracketed_country_is_part_of_a_regulation_name(nlp) -> None:
    found, _ = _read(nlp, "Ottawa listed the nine officials under the Special Economic Measures (Russia) Regulations "
                          "on Friday.")
    laws = [r for r in found.values() if r.type == "Law"]
    assert [r.name for r in laws] == ["Special Economic Measures (Russia) Regulations"], found
    assert laws[0].kind == "regulation"
    assert all(r.type != "Company" for r in found.values())


def test_an_amending_decision_is_part_of_the_decision_it_amends(nlp) -> None:
    _, rels = _read(nlp, "The listings were made by Council Decision (CFSP) 2024/1738 amending Decision "
                         "2014/145/CFSP.")
    assert ("PART_OF", "eu-decision-2024-1738", "eu-decision-2014-145") in rels, rels


def test_regulations_made_under_an_act_are_part_of_it(nlp) -> None:
    _, rels = _read(nlp, "The two men were designated under the Russia (Sanctions) (EU Exit) Regulations 2019, made "
                         "under the Sanctions and Anti-Money Laundering Act 2018.")
    assert ("PART_OF", "uk-sanctions-regs-russia", "uk-saml-act") in rels, rels
