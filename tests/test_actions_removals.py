"""Removals from the SDN List are lifted designations with their targets (ONTOLOGY: an SDN removal is a
`designation` `lifted`, dated when the removal is). Real Treasury releases from
/work/shared/corpora/treasury-press-releases.jsonl, in neither dev set, through the real pipeline."""

from __future__ import annotations

from extracted import actions

# 2013-04-03 jl1885 ("Treasury Removes America de Cali Soccer Team from Sanctions List"), abridged
JL1885 = (
    "Treasury designated the America de Cali team on June 8, 1999, pursuant to Executive Order 12978 of 1995.  "
    "Because that is no longer the case, the Treasury Department today is delisting America de Cali and U.S. "
    "persons will now be allowed to enter into financial and commercial transactions with the team.\n"
)

# 2012-08-14 tg1677 ("Treasury Lifts Sanctions on Former Syrian Prime Minister Riyad Hijab"), abridged
TG1677 = (
    "This action is being taken because Hijab is no longer a senior official of the Government of Syria.  "
    "Hijab\u2019s name will be removed from Treasury\u2019s Specially Designated Nationals (SDN) and Blocked Persons "
    "List, and he is no longer subject to an asset freeze.\n\n"
    "On July 18, 2012, Treasury designated 29 senior officials of the Syrian government, including Prime Minister "
    "Riyad Hijab, pursuant to Executive Order 13573.\n"
)


def test_treasury_delisting_is_a_lifted_designation_not_a_stock_exchange_delisting(nlp) -> None:
    found = actions(nlp, JL1885, published="2013-04-03")
    assert not [a for a in found if a.kind == "delisting"], found
    lifted = [a for a in found if a.kind == "designation" and a.status == "lifted"]
    assert any(a.date == "2013-04-03" for a in lifted), found


def test_removal_of_a_name_from_the_sdn_list_targets_its_holder(nlp) -> None:
    found = actions(nlp, TG1677, published="2012-08-14")
    lifted = [a for a in found if a.kind == "designation" and a.status == "lifted"]
    assert lifted and any(any("hijab" in t for t in a.targets) for a in lifted), found
