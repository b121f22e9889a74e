"""A capital named as the actor of a measure stands for its state (ingest/actions/capital_actors.py), and the
names and participles a report gives after the measure (ingest/actions/news_measures.py).

The sentences are written for these tests in the shapes news reports take (no news text enters the
repository). Each test was seen failing without its rule.
"""

from __future__ import annotations

from ingest.contract import Action

LEDE = "The South Korean government on Thursday imposed sanctions on 15 North Korean individuals. "


def actions(nlp, text: str, published: str) -> list[Action]:
    doc = nlp.make_doc(text)
    doc._.published = published
    return list(nlp(doc)._.pg_actions)


def test_a_capital_designating_is_its_government_on_the_date_after_a_span_of_days(nlp) -> None:
    text = (LEDE + "This move comes just nine days after Seoul designated another 11 individuals and 15 "
            "organizations as targets of independent sanctions on Dec. 17.")
    found = [a for a in actions(nlp, text, "2024-12-26") if a.kind == "designation"]
    assert [(a.by, a.date) for a in found] == [(["government-of-south-korea"], "2024-12-17")]


def test_a_headline_capital_is_the_actor_and_the_headline_repeats_the_lede(nlp) -> None:
    text = "# Seoul sanctions 15 North Korean individuals\n\n" + LEDE
    found = actions(nlp, text, "2024-12-26")
    assert len(found) == 1 and found[0].by == ["government-of-south-korea"]
    assert "seoul" not in found[0].targets


def test_individuals_designated_among_whom_one_is_named_are_the_days_designees(nlp) -> None:
    text = (LEDE + "Seoul designated another 11 individuals as targets of independent sanctions on Dec. 17. "
            "Among the 15 individuals designated Thursday, one named Kim Chol-min worked at U.S. companies.")
    found = [a for a in actions(nlp, text, "2024-12-26") if a.date == "2024-12-26"]
    assert [(a.kind, a.targets) for a in found] == [("designation", ["kim-chol-min"])]


CASE = ("A Winnipeg man has been arrested by the RCMP for sanctions violations. "
        "John Halloran has been charged with two counts of evading the sanctions that Canada imposed on Russia. "
        "He was sanctioned by the U.S. Treasury in May 2023.")


def test_one_case_told_in_steps_shares_its_police_actor_and_its_person(nlp) -> None:
    found = actions(nlp, CASE, "2025-05-27")
    (arrest,) = [a for a in found if a.kind == "arrest"]
    assert arrest.targets == ["john-halloran"]  # the unnamed man of the arrest is the man charged next
    charges = [a for a in found if a.kind == "indictment"]
    assert charges and all(a.by == ["rcmp"] and a.targets == ["john-halloran"] for a in charges)


def test_a_subject_pronoun_is_the_person_last_made_subject(nlp) -> None:
    found = [a for a in actions(nlp, CASE, "2025-05-27") if a.date == "2023-05"]
    assert [a.targets for a in found] == [["john-halloran"]]
