"""The designee is not the actor of its designation (ingest/actions/designee_actors.py): a participle hung on
the name, an inverted passive, and an agent that belongs to an ownership clause. Real Treasury releases from
/work/shared/corpora/treasury-press-releases.jsonl (in neither dev set), abridged, through the real pipeline."""

from __future__ import annotations

from extracted import actions

LEAD = ("WASHINGTON \u2013 Today, the U.S. Department of the Treasury\u2019s Office of Foreign Assets Control (OFAC) "
        "is designating {what}.\n\n")

# 2023-04-12 jy1402 ("... Usmanov facilitators"): an earlier designation told in a participle on the name
JY1402 = LEAD.format(what="25 individuals and 29 entities") + (
    "Alisher Burhanovich Usmanov (Usmanov), designated on March 3, 2022 pursuant to E.O. 14024, is one of "
    "Russia\u2019s wealthiest billionaires, with vast holdings across multiple sectors of the Russian Federation "
    "economy as well as internationally.\n")
# 2023-08-17 jy1699 ("... Syria-based armed militias ..."): "by X" belongs to "owned or controlled"
JY1699 = LEAD.format(what="two Syria-based armed militias") + (
    "Al-Safir Oto is being designated pursuant to E.O.\xa013894 for being owned or controlled, directly or "
    "indirectly, by Mohammad Hussein al-Jasim.\n")
# 2011-06-29 tg1224 ("Treasury Sanctions Syrian, Iranian Security Forces ..."): an inverted passive
TG1224 = LEAD.format(what="the Syrian Political Security Directorate") + (
    "Also designated today, pursuant to E.O. 13573, was Major General Jamil Hassan, the head of Syrian Air Force "
    "Intelligence, one of Syria\u2019s four main intelligence agencies.\n")


def _named(nlp, text: str, published: str) -> list[tuple[str, set[str], set[str]]]:
    doc = nlp(text)
    names = {e: r.name for e, r in doc._.pg_entities.items()}
    return [(a.kind, {names.get(b, b) for b in a.by}, {names.get(t, t) for t in a.targets})
            for a in actions(nlp, text, published=published)]


def test_a_participle_on_the_name_makes_it_the_target(nlp) -> None:
    found = _named(nlp, JY1402, "2023-04-12")
    usmanov = [(by, t) for k, by, t in found if k == "designation" and "Alisher Burhanovich Usmanov" in t | by]
    assert usmanov, found
    for by, targets in usmanov:  # before: by Usmanov, no target
        assert "Alisher Burhanovich Usmanov" in targets and "Alisher Burhanovich Usmanov" not in by, found
        assert by == {"Office of Foreign Assets Control"}, found


def test_the_owner_named_with_by_is_no_actor(nlp) -> None:
    found = _named(nlp, JY1699, "2023-08-17")
    assert not any("Mohammad Hussein al-Jasim" in by for _, by, _ in found), found  # before: by al-Jasim
    assert any("Al-Safir Oto" in t and "Office of Foreign Assets Control" in by for _, by, t in found), found


def test_the_subject_of_an_inverted_passive_is_the_designee(nlp) -> None:
    found = _named(nlp, TG1224, "2011-06-29")
    assert not any("Jamil Hassan" in by for _, by, _ in found), found  # before: by Jamil Hassan and Syria
    assert any("Jamil Hassan" in t and "Office of Foreign Assets Control" in by for _, by, t in found), found
