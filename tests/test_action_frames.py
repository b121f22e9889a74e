"""Action frames read from the parse: who acts (`by`) and who is acted on (`targets`) by syntactic function, in
passive, relative, appositive and list sentences, and the nominal triggers of criminal measures.

Every sentence is from a Treasury press release in /work/shared/corpora (public domain) that is in neither dev
set; each test was seen failing on the code before its rule.
"""

from __future__ import annotations

from ingest.actions.context import DocContext
from ingest.actions.lexicon import load
from ingest.actions.roles import RoleReader
from ingest.actions.triggers import TriggerFinder
from ingest.contract import Action


def actions(nlp, text: str, published: str) -> list[Action]:
    doc = nlp.make_doc(text)
    doc._.published = published
    return list(nlp(doc)._.pg_actions)


def of_kind(found: list[Action], kind: str) -> list[Action]:
    return [a for a in found if a.kind == kind]


# 2020-05-22-sm1019: the parser hangs the object's apposition on the subject.
SM1019 = (
    "WASHINGTON \u2013 Today, the U.S. Department of the Treasury\u2019s Office of Foreign Assets Control (OFAC) "
    "designated two senior Nicaraguan government officials, Julio Cesar Aviles Castillo and Ivan Adolfo Acosta "
    "Montalvan for supporting the corrupt Ortega regime."
)


def test_apposition_after_the_verb_names_targets_not_actors(nlp) -> None:
    (a,) = of_kind(actions(nlp, SM1019, "2020-05-22"), "designation")
    assert "ofac" in a.by
    assert not {"julio-cesar-aviles-castillo", "ivan-adolfo-acosta-montalvan"} & set(a.by)
    assert {"julio-cesar-aviles-castillo", "ivan-adolfo-acosta-montalvan"} <= set(a.targets)


# 2021-03-25-jy0078: a relative pronoun object ("whom OFAC designated") stands for its antecedent.
JY0078 = (
    "MEC is led by Sr. Gen. Min Aung Hlaing, whom OFAC designated on December 10, 2019, pursuant to E.O. 13818 "
    "in connection with serious human rights abuses."
)


def test_relative_object_is_the_target_of_an_earlier_designation(nlp) -> None:
    found = [a for a in of_kind(actions(nlp, JY0078, "2021-03-25"), "designation") if a.date == "2019-12-10"]
    assert len(found) == 1, found
    assert found[0].by == ["ofac"]
    assert "min-aung-hlaing" in found[0].targets


# 2018-10-25-sm533: a nominal trigger whose complement the parser hangs on the light verb.
SM533 = (
    "In a related action, today the U.S. Department of Justice unsealed criminal charges against the same "
    "individual, Tan Wee Beng."
)


def test_criminal_charges_against_are_an_indictment(nlp) -> None:
    (a,) = of_kind(actions(nlp, SM533, "2018-10-25"), "indictment")
    assert a.by == ["us-doj"]
    assert a.targets == ["tan-wee-beng"]
    assert a.date == "2018-10-25"


# 2021-11-15-jy0481: "filed charges against" a list of named people.
JY0481 = (
    "The Public Ministry also initiated investigations or filed charges against leading presidential candidates "
    "Arturo Cruz, Felix Maradiaga, Juan Sebastian Chamorro, and Miguel Mora, all of whom were detained since June "
    "of this year in the run-up to the sham November elections."
)


def test_filed_charges_against_a_list(nlp) -> None:
    found = of_kind(actions(nlp, JY0481, "2021-11-15"), "indictment")
    assert len(found) == 1, found
    assert {"arturo-cruz", "felix-maradiaga", "juan-sebastian-chamorro", "miguel-mora"} <= set(found[0].targets)


# A Treasury release describing OFAC: "is charged with administering" is a duty, not an indictment.
OFAC_DUTY = (
    "OFAC, with approximately 135 staff, is charged with administering and enforcing economic and trade sanctions "
    "in furtherance of U.S. foreign policy and national security goals."
)


def test_a_body_charged_with_a_duty_is_not_indicted(nlp) -> None:
    assert of_kind(actions(nlp, OFAC_DUTY, "2004-03-01"), "indictment") == []
    # the trigger itself is vetoed (a document that names the Justice Department would otherwise give the
    # duty an implied actor)
    doc = nlp(OFAC_DUTY)
    found = TriggerFinder(nlp, load()).find(DocContext.build(doc))
    assert not [t for t in found if t.token.lower_ == "charged"], found


# 2020-09-15-sm1121: a participle on an unnamed apposition of a name ("Kun Kim (Kim), a senior Cambodian
# general previously designated by OFAC ...").
SM1121 = (
    "UDG conducted some of these activities through Kun Kim (Kim), a senior Cambodian general previously "
    "designated by OFAC on December 9, 2019 pursuant to E.O. 13818, for his involvement in corruption."
)


def test_participle_on_an_apposition_targets_the_named_head(nlp) -> None:
    (a,) = of_kind(actions(nlp, SM1121, "2020-09-15"), "designation")
    assert a.by == ["ofac"]
    assert a.targets == ["kun-kim"]
    assert a.date == "2019-12-09"


# 2022-08-02-jy0905: "identified <vessel> ... as blocked property of <owner>": the owner is the target.
JY0905 = (
    "Today, OFAC also identified Alfa Nero, a Cayman Islands flagged yacht that A.G. Guryev reportedly bought for "
    "$120 million in 2014, as blocked property of A.G. Guryev."
)


def test_owner_of_blocked_property_is_the_target_not_the_actor(nlp) -> None:
    (a,) = of_kind(actions(nlp, JY0905, "2022-08-02"), "designation")
    assert a.by == ["ofac"]
    assert a.targets == ["a-g-guryev"]


# 2018-10-23-sm532: "<name>, the <title> also designated today, ...": a reduced participle after a noun
# phrase, which the parser coordinates with the main verb; the main clause's subject is no actor.
SM532 = (
    "The U.S. Department of the Treasury\u2019s Office of Foreign Assets Control (OFAC) designated these key Taliban "
    "members and their Iranian regime sponsors in partnership with the other TFTC Member States.  "
    "Razavi also promised to provide Abdul Rahim Manan, the Helmand Shadow Governor also designated today, with "
    "anti-aircraft weapons."
)


def test_reduced_participle_after_a_name_targets_that_name(nlp) -> None:
    found = of_kind(actions(nlp, SM532, "2018-10-23"), "designation")
    assert not any("razavi" in a.by for a in found), found
    assert any("abdul-rahim-manan" in a.targets and "ofac" in a.by for a in found), found


# A quantified relative subject ("both of whom were designated") stands for the whole list before it.
HIZBALLAH = (
    "The companies are overseen by Hizballah officials Muhammad Qasir and Muhammad Qasim al-Bazzal (al-Bazzal), "
    "both of whom were designated pursuant to E.O. 13224 in 2018 in connection with another oil-for-terror scheme."
)


def test_both_of_whom_were_designated(nlp) -> None:
    lead = "Today, the U.S. Department of the Treasury\u2019s Office of Foreign Assets Control (OFAC) took action. "
    found = [a for a in of_kind(actions(nlp, lead + HIZBALLAH, "2019-11-13"), "designation") if a.date == "2018"]
    assert len(found) == 1, found
    assert {"muhammad-qasir", "muhammad-qasim-al-bazzal"} <= set(found[0].targets)


# -- frames read at the trigger level (RoleReader on TriggerFinder's triggers) -------------------------------


def frames(nlp, text: str) -> list[tuple[str, str, list[str], list[str], str]]:
    """(trigger word, kind, by, targets, voice) of every trigger of `text`."""
    ctx = DocContext.build(nlp(text))
    reader = RoleReader(load())
    out = []
    for trig in TriggerFinder(nlp, load()).find(ctx):
        r = reader.read(ctx, trig)
        out.append((trig.token.lower_, trig.kind, r.by, r.targets, r.voice))
    return out


# 2004-04-21-js1446: a measure listed as part of a package ('including a complete trade embargo') is aimed at
# the package's target.
JS1446 = (
    "This order, issued under the authority of the International Emergency Economic Powers Act, imposed economic "
    "sanctions against Iraq, including a complete trade embargo and a freeze of Government of Iraq property and "
    "interests in property."
)


def test_package_member_takes_the_package_target(nlp) -> None:
    embargo = [f for f in frames(nlp, JS1446) if f[0] == "embargo"]
    assert embargo and embargo[0][3] == ["iraq"], embargo


# A Treasury release quoting a UN measure: coordinated modifiers of one noun name two measures.
DARFUR = (
    "In 2005, the United Nations Security Council put in place a targeted sanctions regime imposing worldwide "
    "financial and travel restrictions against individuals responsible for the crisis in Darfur."
)


def test_coordinated_modifiers_split_a_package(nlp) -> None:
    kinds = {f[1] for f in frames(nlp, DARFUR) if f[0] == "restrictions"}
    assert kinds == {"visa_restriction", "sanction"}


# A Treasury release on a Syria resolution: an asset freeze is a measure of its own in a list of measures.
ASSAD = (
    "In this regard, the Group expressed support for taking steps toward a United Nations Security Council Chapter "
    "VII resolution, as called for last week by the Arab League, that would include the imposition of sanctions by "
    "member states on the Assad regime, including asset freezes, travel bans, an arms embargo and other measures."
)


def test_asset_freezes_are_their_own_trigger(nlp) -> None:
    kinds = {f[1] for f in frames(nlp, ASSAD)}
    assert {"asset_freeze", "visa_restriction"} <= kinds


# 2005-11-30-js3027's title: a headline drops the passive auxiliary ('X Designated'); its subject is no actor.
def test_headline_participle_is_passive(nlp) -> None:
    (f,) = [f for f in frames(nlp, "Abu Sayyaf Senior Leaders Designated") if f[0] == "designated"]
    assert f[2] == [] and f[4] == "passive"


# 2018-10-23-sm532: the participle follows the name's bracketed short form and a comma, parsed as an adverbial
# clause of the main verb ('Owhadi ... reached an agreement with ...').
OWHADI = (
    "In 2017, Owhadi, an IRGC-QF officer assigned to Birjand, Iran, reached an agreement with the Taliban Deputy "
    "Shadow Governor for Herat Province, Abdullah Samad Faroqui (Samad), also designated today, that the IRGC-QF "
    "would provide Samad\u2019s forces with military and financial assistance in return for Samad\u2019s forces "
    "attacking the Afghan government in Herat Province, Afghanistan."
)


def test_participle_after_a_bracketed_short_form(nlp) -> None:
    (f,) = [f for f in frames(nlp, OWHADI) if f[0] == "designated"]
    assert f[2] == [] and f[3] == ["abdullah-samad-faroqui"], f


# 2017-01-10-jl0698: an arrest warrant issued by a state is a charging step (an indictment, as the gold reads
# the ICC's warrants), aimed at the person it is 'for'.
JL0698 = (
    "As of 2013, Nigerian authorities issued an arrest warrant for Fouzi Fawaz following the discovery of a "
    "Hizballah weapons cache in the Kano, Nigeria."
)


def test_arrest_warrant_for_a_person(nlp) -> None:
    found = [f for f in frames(nlp, JL0698) if f[0] == "warrant"]
    assert found and found[0][1] == "indictment" and found[0][3] == ["fouzi-fawaz"], found
