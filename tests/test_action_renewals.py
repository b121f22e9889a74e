"""Prolonged and renewed measures (ingest/actions/renewals.py): a measure prolonged is a measure reported, by
whoever prolongs it, dated when the prolongation is taken, never by the date it now runs "until". Real sentences
from /work/shared/corpora/treasury-press-releases.jsonl (in neither dev set) and, for the EU Council form, a
sentence written for this test. The Council test was seen failing with the renewal frame switched off and,
separately, with its "until" guard switched off; the other two guard what already held."""

from __future__ import annotations

from extracted import actions


def test_an_eu_action_to_extend_its_sanctions_is_the_eus_sanction_dated_when_taken(nlp) -> None:
    # treasury-press-releases.jsonl 2015-07-30
    text = ("This follows an EU action last month to extend its sanctions on Russia and Canada\u2019s announcement "
            "also last month to supplement its own sanctions on Russia.")
    found = [a for a in actions(nlp, text, published="2015-07-30") if a.by == ["european-union"]]
    assert len(found) == 1, found
    assert found[0].kind == "sanction" and found[0].status == "enacted" and found[0].date == "2015-06", found
    assert found[0].targets == ["russia"]


def test_a_council_prolonging_measures_until_a_date_acts_today(nlp) -> None:
    text = ("Council of the EU\n\nThe Council today decided to prolong the restrictive measures against Belarus "
            "until 28 February 2026.")
    found = actions(nlp, text, published="2025-02-24")
    assert len(found) == 1, found
    a = found[0]
    assert a.kind == "sanction" and a.status == "enacted" and a.targets == ["belarus"], a
    assert a.date == "2025-02-24", a  # not 2026-02-28, the day the measures now run until


def test_extending_sanctions_to_new_targets_is_left_to_the_generic_frame(nlp) -> None:
    # treasury-press-releases.jsonl 2014-09-12: "extended ... sanctions to Russia's largest bank" names targets
    text = ("Today, the Department of the Treasury today extended targeted financial sanctions to Russia\u2019s "
            "largest bank, Sberbank.")
    found = actions(nlp, text, published="2014-09-12")
    assert all(a.date == "2014-09-12" for a in found), found
