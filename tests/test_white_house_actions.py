"""White House texts (presidential orders, fact sheets, statements): the measures they take, read as a whole.

Every fixture is a real White House text from ../shared/corpora/whitehouse/ that is in neither dev set.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.contract import Extraction
from ingest.pipeline import extract_batch
from ingest.readers import read_markdown

WHITEHOUSE = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "whitehouse"
BURMA_ORDER = ("presidential-actions__2021-02__2021-02-11-executive-order-on-blocking-property-with-respect-to-the-"
               "situation-in-burma.md")


def extract(nlp, name: str) -> Extraction:
    path = WHITEHOUSE / name
    if not path.exists():
        pytest.skip(f"corpus file not present: {path}")
    return extract_batch(nlp, [read_markdown(path.read_text(encoding="utf-8"), source=name)])[0]


def law_named(ex: Extraction, name: str) -> str:
    want = " ".join(name.split()).lower()
    for e in ex.entities:
        if e.type == "Law" and any(" ".join(n.split()).lower() == want for n in [e.name, *e.aliases]):
            return e.id
    raise AssertionError(f"no Law named {name!r}")


def test_an_orders_measures_are_taken_under_the_order_itself(nlp) -> None:
    # 'Executive Order on Blocking Property with Respect to the Situation in Burma' heads the document: the
    # blocking and the entry suspension it orders rest on it as well as on the laws of its authority clause.
    ex = extract(nlp, BURMA_ORDER)
    own = law_named(ex, "Executive Order on Blocking Property with Respect to the Situation in Burma")
    taken = [a for a in ex.actions if a.kind in ("designation", "sanction", "visa_restriction")]
    assert taken
    for a in taken:
        assert own in a.under, (a.kind, a.under)


def extract_text(nlp, text: str, title: str, published: str) -> Extraction:
    raw = f"---\ntitle: \"{title}\"\ndate: '{published}'\n---\n\n{text}\n"
    return extract_batch(nlp, [read_markdown(raw, source="fact-sheet.md")])[0]


# statements-releases 2021-09-17, fact sheet on the crisis in northern Ethiopia (in neither dev set)
ETHIOPIA = (
    "Today, President Biden signed an Executive Order (E.O.) establishing a new sanctions regime that gives the "
    "U.S. Department of the Treasury (Treasury), working with the U.S. Department of State (State), the authority "
    "to hold accountable those in the Ethiopian government, the Eritrean government, the TPLF, and the Amhara "
    "regional government who are responsible for, or complicit in, prolonging the conflict, obstructing "
    "humanitarian access, or preventing a ceasefire."
)
# fact-sheets 2026-05-01, sanctions on Cuban regime officials (in neither dev set): an earlier order about tariffs
CUBA_EARLIER = (
    "In January 2026, President Trump signed an Executive Order declaring a national emergency and establishing "
    "a process to impose tariffs on goods from countries that sell or otherwise provide oil to Cuba."
)


def test_a_fact_sheet_reports_the_president_signing_a_sanctions_order(nlp) -> None:
    ex = extract_text(nlp, ETHIOPIA, "FACT SHEET: Actions in Response to Ongoing Crisis in Northern Ethiopia",
                      "2021-09-17")
    ids = {e.id: e for e in ex.entities}
    signed = [a for a in ex.actions if a.kind == "sanction" and any(ids[b].type == "Person" for b in a.by)]
    assert len(signed) == 1, [(a.kind, a.by) for a in ex.actions]
    a = signed[0]
    assert a.status == "enacted" and a.date == "2021-09-17"
    names = {ids[t].name for t in a.targets}
    assert any("Eritrea" in n for n in names), names
    assert not any("Treasury" in n or n == "State" for n in names)  # the empowered department is no target


def test_an_earlier_order_on_tariffs_is_no_sanction_of_today(nlp) -> None:
    ex = extract_text(nlp, CUBA_EARLIER, "Fact Sheet: President Donald J. Trump Imposes Sanctions on Cuban Regime "
                      "Officials", "2026-05-01")
    assert not [a for a in ex.actions if a.kind == "sanction" and a.date == "2026-05-01"]


# A Treasury release outside both dev sets: the parser hangs the subject on the auxiliary that an adverbial
# ("in September of this year") separates from its verb. The ICC order's recitals have the same shape ("The ICC
# has, without a legitimate basis, asserted jurisdiction over and opened preliminary investigations ...").
AUX_SUBJECT = (
    "OFAC has, in September of this year, revised its administrative penalty procedures to afford travelers to "
    "Cuba additional opportunities to present mitigating factors for consideration before a final penalty ensues."
)


def test_a_subject_hung_on_the_auxiliary_is_the_verbs_subject(nlp) -> None:
    from ingest.actions.context import DocContext
    from ingest.actions.lexicon import load
    from ingest.actions.roles import RoleReader

    ctx = DocContext.build(nlp(AUX_SUBJECT))
    verb = next(t for t in ctx.doc if t.lower_ == "revised")
    found, _ = RoleReader(load()).subject(ctx, verb)
    assert [ctx.doc.text[m.start:m.end] for m in found] == ["OFAC"]


# 2014-02-06-jl2287 (outside both dev sets): 'concerning', a participle used as a preposition, names what the
# measure is aimed at, as in the ICC order's "preliminary investigations concerning personnel of ... Israel".
JL2287 = (
    "These three individuals have established companies and financial institutions in multiple countries, and "
    "have used these companies to facilitate deceptive transactions for or on behalf of persons subject to U.S. "
    "sanctions concerning Iran."
)


def test_a_measure_concerning_a_state_targets_it(nlp) -> None:
    from ingest.actions.context import DocContext
    from ingest.actions.lexicon import load
    from ingest.actions.roles import RoleReader
    from ingest.actions.triggers import TriggerFinder

    ctx = DocContext.build(nlp(JL2287))
    reader = RoleReader(load())
    read = {t.token.lower_: reader.read(ctx, t) for t in TriggerFinder(nlp, load()).find(ctx)}
    assert "iran" in read["sanctions"].targets, read


# 2021-12-07-jy0517 (outside both dev sets): a mass imprisonment ("hundreds of thousands of Syrians") is a
# detention of an unnamed group (ONTOLOGY), not a tally of earlier measures, as in a fact sheet's "the
# Ortega-Murillo regime arbitrarily detained dozens of political opponents".
JY0517 = (
    "These senior officials and the organizations they are associated with have imprisoned hundreds of thousands "
    "of Syrians who peacefully called for change."
)


def test_a_mass_detention_is_no_tally(nlp) -> None:
    from ingest.actions.context import DocContext
    from ingest.actions.lexicon import load
    from ingest.actions.screening import is_summary
    from ingest.actions.triggers import TriggerFinder

    ctx = DocContext.build(nlp(JY0517))
    trigs = [t for t in TriggerFinder(nlp, load()).find(ctx) if t.kind == "detention"]
    assert trigs and not any(is_summary(ctx, t) for t in trigs)


# 2022-11-16-jy1109 (outside both dev sets): the event a measure happens during dates it ("a protester detained
# during the November 2019 protests"; a fact sheet's "In the lead up to Nicaragua's November 2021 sham elections,
# the regime arbitrarily detained ...").
JY1109 = (
    "Zabihpour was also instrumental in producing the November 2019 and July 2022 forced confession videos of "
    "Fatemeh Davand, a protester detained during the November 2019 protests, and Sepideh Rashnu, a 28-year-old "
    "writer who was arrested in July 2022 for opposing mandatory hijab."
)


def test_the_event_a_measure_happens_during_dates_it(nlp) -> None:
    from ingest.actions.context import DocContext
    from ingest.actions.dating import action_date, date_spans

    doc = nlp.make_doc(JY1109)
    doc._.published = "2022-11-16"
    ctx = DocContext.build(nlp(doc))
    verb = next(t for t in ctx.doc if t.lower_ == "detained")
    date, _ = action_date(ctx, verb, None, date_spans(ctx), "2022-11-16", prefer_future=False,
                          present_default=True)
    assert date is not None and date.startswith("2019-11"), date
