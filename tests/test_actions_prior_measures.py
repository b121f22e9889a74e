"""Earlier measures restated with a pronoun for their targets take the entities the pronoun points back to
(ingest/actions/prior_measures.py). Real Treasury releases from /work/shared/corpora/treasury-press-releases.jsonl,
in neither dev set, through the real pipeline."""

from __future__ import annotations

from extracted import actions

# 2015-05-27 jl0064 ("Treasury Commends Saudi Arabia ... Hizballah Leaders"), first paragraph
JL0064 = (
    "The U.S. Department of the Treasury commends the Kingdom of Saudi Arabia for the steps it took today to "
    "sanction Khalil Harb and Muhammad Qabalan.  The two individuals are leaders in the terrorist group Hizballah "
    "and have overseen violent operations across the Middle East.   They were designated by the U.S. Treasury "
    "Department in August 2013 pursuant to Executive Order 13224.\n"
)

# 2010-08-03 tg810 ("Fact Sheet: U.S. Treasury Department Targets Iranian Government Support for Terrorism")
TG810 = (
    "The IRGC-QF is the Government of Iran's primary arm for executing its policy of supporting terrorist and "
    "insurgent groups. The IRGC-QF provides material, logistical assistance, training and financial support to "
    "militants and terrorist operatives throughout the Middle East and South Asia. It was designated by Treasury "
    "pursuant to E.O. 13224 in October 2007 for its support of terrorism.\n"
)


def test_they_of_a_restated_designation_are_the_persons_just_named(nlp) -> None:
    found = actions(nlp, JL0064, published="2015-05-27")
    past = [a for a in found if a.kind == "designation" and a.date == "2013-08"]
    assert len(past) == 1, found
    assert sorted(past[0].targets) == ["khalil-harb", "muhammad-qabalan"], past[0]


def test_it_of_a_restated_designation_is_the_subject_just_told(nlp) -> None:
    found = actions(nlp, TG810, published="2010-08-03")
    past = [a for a in found if a.kind == "designation" and a.date == "2007-10"]
    assert len(past) == 1, found
    assert past[0].targets == ["irgc-qf"], past[0]  # the IRGC-QF of the sentences before, not nobody
