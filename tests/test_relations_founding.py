"""Issue 12, AUTHORIZES from a founding instrument ("X, established by E.O. N"): a law that creates a body empowers
it. Real sentences from ../shared/corpora/treasury-press-releases.jsonl that are in neither dev set."""

from __future__ import annotations

from extracted import entities_and_relations as _read


def test_a_body_established_by_an_order_is_authorized_by_it(nlp) -> None:
    # treasury-press-releases (Teo Boon Ching Wildlife Trafficking TCO)
    _, rels = _read(nlp, "The U.S. Department of the Treasury is a member of the Presidential Task Force on Wildlife "
                         "Trafficking, established by E.O. 13648, which coordinates a U.S. government-wide approach "
                         "to combat wildlife trafficking.")
    assert ("AUTHORIZES", "eo-13648", "presidential-task-force-on-wildlife-trafficking") in rels
    assert not any(r == "AUTHORIZES" and t == "us-dept-treasury" for r, _s, t in rels)


def test_a_programme_established_by_an_order_gives_no_authority(nlp) -> None:
    # treasury-press-releases: a programme is no Authority, so nothing is authorised
    _, rels = _read(nlp, "This sanctions program was established by Executive Order 12978.")
    assert not any(r == "AUTHORIZES" for r, _s, _t in rels)
