"""Earlier measures a Treasury release restates, and who took them: programme starts ('E.O. 13818 was issued on
December 20, 2017'), Kingpin Act identifications by 'the President', arrests by a generic national body
('by Mexican federal authorities'), and reduced participles after a name ('controlled by Kovalchuk, designated
today'). ONTOLOGY, action conventions: restated measures with their own date, actor and basis; 'the U.S.' as
actor is the country; a sanctions programme's start is an enacted `sanction` with its date.

Every fixture is real Treasury text from ../shared/corpora/ that is in neither dev set.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.contract import Extraction
from ingest.documents import Document
from ingest.pipeline import extract_batch
from ingest.readers import read_markdown

TREASURY = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "treasury"

# 2014-03-20-jl23331 (treasury-press-releases.jsonl), lead and two body sentences
RUSSIA_2014 = (
    "WASHINGTON – The U.S. Department of the Treasury’s Office of Foreign Assets Control (OFAC) today designated "
    "sixteen Russian government officials, members of the Russian leadership’s inner circle, including a Russian "
    "bank pursuant to Executive Order (E.O.) 13661, which was signed by President Obama on March 16, 2014. "
    "Yuri Kovalchuk is the largest single shareholder of Bank Rossiya. "
    "Bank Rossiya is also controlled by Kovalchuk, designated today."
)
# 2008-10-02-hp1171 (treasury-press-releases.jsonl)
AMEZCUA = (
    "The U.S. Department of the Treasury's Office of Foreign Assets Control (OFAC) today designated six "
    "companies in Mexico. The Amezcua Contreras Organization, which the President identified as a significant "
    "foreign narcotics trafficker on June 1, 2006, continues to produce methamphetamine in Mexico and distribute "
    "it to the United States."
)
# 2009-12-03-tg426 (treasury-press-releases.jsonl)
BELTRAN = (
    "The U.S. Department of the Treasury's Office of Foreign Assets Control (OFAC) today designated Alfredo "
    "Beltran Leyva in Mexico. On January 20, 2008, Alfredo Beltran Leyva was arrested by Mexican federal "
    "authorities, pursuant to organized crime, drug trafficking, and unauthorized use of military grade weapons "
    "charges."
)


def extract(nlp, text: str, published: str) -> Extraction:
    return extract_batch(nlp, [Document.from_text(text, "treasury-excerpt", published=published)])[0]


def ids(ex: Extraction) -> dict[str, str]:
    """lower-cased name and aliases -> id."""
    out = {}
    for e in ex.entities:
        for n in [e.name, *e.aliases]:
            out.setdefault(n.lower(), e.id)
    return out


def named(ex: Extraction, etype: str, word: str) -> str:
    """The id of the one entity of `etype` with `word` in its name or an alias."""
    found = {e.id for e in ex.entities if e.type == etype and any(word in n for n in [e.name, *e.aliases])}
    assert len(found) == 1, (etype, word, found)
    return found.pop()


def test_the_glomag_boilerplate_states_the_programme_start(nlp) -> None:
    path = TREASURY / "2021-03-22-jy0070.md"
    if not path.exists():
        pytest.skip(f"corpus file not present: {path}")
    ex = extract_batch(nlp, [read_markdown(path.read_text(encoding="utf-8"), source=path.name)])[0]
    names = ids(ex)
    eo, us = named(ex, "Law", "13818"), names["united states"]
    starts = [a for a in ex.actions if a.kind == "sanction" and a.date == "2017-12-20"]
    assert len(starts) == 1, [(a.kind, a.date, a.by, a.under) for a in ex.actions]
    assert starts[0].by == [us] and starts[0].under == [eo] and starts[0].targets == []
    assert starts[0].status == "enacted"


def test_an_order_signed_on_a_date_in_a_relative_clause(nlp) -> None:
    ex = extract(nlp, RUSSIA_2014, "2014-03-20")
    eo, obama = named(ex, "Law", "13661"), named(ex, "Person", "Obama")
    start = [a for a in ex.actions if a.kind == "sanction" and eo in a.under]
    assert [(a.by, a.date) for a in start] == [([obama], "2014-03-16")]
    # the order's signing date dates the order, not today's designation under it
    today = [a for a in ex.actions if a.kind == "designation" and eo in a.under]
    assert today and all(a.date != "2014-03-16" for a in today), [(a.date, a.targets) for a in today]


def test_a_participle_after_a_name_describes_that_name(nlp) -> None:
    # "controlled by Kovalchuk, designated today": Kovalchuk is designated, he designates no one
    ex = extract(nlp, RUSSIA_2014, "2014-03-20")
    kovalchuk = named(ex, "Person", "Kovalchuk")
    assert not [a for a in ex.actions if kovalchuk in a.by], [(a.kind, a.by) for a in ex.actions]


def test_the_president_identified_a_kingpin(nlp) -> None:
    ex = extract(nlp, AMEZCUA, "2008-10-02")
    names = ids(ex)
    org, us = named(ex, "Organization", "Amezcua"), names["united states"]
    found = [a for a in ex.actions if a.kind == "designation" and org in a.targets]
    assert [(a.by, a.date) for a in found] == [([us], "2006-06-01")]


def test_an_arrest_by_a_generic_national_body_is_its_countrys(nlp) -> None:
    ex = extract(nlp, BELTRAN, "2009-12-03")
    names = ids(ex)
    arrests = [a for a in ex.actions if a.kind == "arrest"]
    assert [(a.by, a.date) for a in arrests] == [([names["mexico"]], "2008-01-20")], [
        (a.by, a.targets, a.date) for a in arrests]
    assert named(ex, "Person", "Beltran") in arrests[0].targets


# 2005-08-03-js2676 (treasury-press-releases.jsonl)
ZIMBABWE_2005 = (
    "The U.S. Department of the Treasury today designated twenty-six Zimbabwean entities 24 commercial farms and "
    "two businesses controlled by key members of the Mugabe regime.\u00a0 This designation is pursuant to Executive "
    "Order 13288, which is aimed at blocking the property of persons undermining democratic processes in Zimbabwe. "
    "The two other businesses designated today include: Cold Comfort Farm Trust Co-Operative, an agricultural "
    "cooperative controlled by Didymus Noel Mutasa, Minister of National Security; and Ndlovu Motorways, which is "
    "controlled by Sikhanyiso Ndlovu.\u00a0 Both Mutasa and Ndlovu were listed in the Annex of E.O. 13288."
)


def test_a_listing_in_an_orders_annex_is_an_earlier_designation(nlp) -> None:
    ex = extract(nlp, ZIMBABWE_2005, "2005-08-03")
    mutasa, eo = named(ex, "Person", "Mutasa"), named(ex, "Law", "13288")
    earlier = [a for a in ex.actions if a.kind == "designation" and mutasa in a.targets and a.date != "2005-08-03"]
    assert [(a.date, a.under) for a in earlier] == [(None, [eo])], [(a.date, a.targets) for a in ex.actions]


def test_a_sentence_with_no_named_convict_is_no_action(nlp) -> None:
    # jy2082: the pronoun is not resolved, and an indictment aimed at no one would only be a wrong action
    text = ("OFAC today designated Adolfo Macias Villamar in Ecuador. In 2011, the Government of Ecuador sentenced "
            "him to 34 years in prison for crimes that included murder and drug trafficking.")
    ex = extract(nlp, text, "2024-02-07")
    assert not [a for a in ex.actions if a.kind == "indictment" and not a.targets]


# 2016-03-24-jl0395 (treasury-press-releases.jsonl)
MAHAN = (
    "The U.S. Department of the Treasury\u2019s Office of Foreign Assets Control (OFAC) today designated Asian "
    "Aviation Logistics (AAPS). AAPS has facilitated millions of dollars in financial transactions with companies "
    "affiliated with Mahan Air, including Grandeur General Trading FZE, also designated today, and Sirjanco "
    "Trading LLC, which was designated in May 2013 for acting for or on behalf of Mahan Air."
)


def test_a_relative_clause_on_the_last_name_of_a_list_targets_that_name(nlp) -> None:
    # the parser coordinates the names with the main verb: the antecedent is the name before 'which', not
    # every name of the main clause (AAPS acts here, it was not designated in 2013)
    ex = extract(nlp, MAHAN, "2016-03-24")
    sirjanco, aaps = named(ex, "Company", "Sirjanco"), named(ex, "Company", "AAPS")
    earlier = [a for a in ex.actions if a.kind == "designation" and a.date == "2013-05"]
    assert [a.targets for a in earlier] == [[sirjanco]], [(a.date, a.targets) for a in ex.actions]
    assert aaps not in earlier[0].targets
