"""The standing consequences a release states ("... may be subject to additional restrictions administered by
the Department of Commerce", "OFAC can prohibit ...") are no measures (ingest/actions/capability_statements.py).
Real Treasury releases from /work/shared/corpora/treasury-press-releases.jsonl (in neither dev set), abridged,
through the real pipeline."""

from __future__ import annotations

from extracted import actions

LEAD = ("WASHINGTON \u2013 Today, the Department of the Treasury\u2019s Office of Foreign Assets Control (OFAC) "
        "sanctioned two high-ranking members of the Mexico-based Cartel del Noreste (CDN), Miguel Angel de Anda "
        "Ledezma and Ricardo Gonzalez Sauceda.\n\n")
# 2025-05-21 sb0146 (the lead abridged) and its closing paragraph, as in 15 releases of 2025
SB0146 = LEAD + (
    "Exports, reexports, or transfers of items subject to U.S. export controls involving persons included on the "
    "SDN List pursuant to E.O. 13224, as amended, may be subject to additional restrictions administered by the "
    "Department of Commerce, Bureau of Industry and Security.\xa0 See 15\xa0C.F.R.\xa0section\xa0744.8 for "
    "additional information.\n"
)
# 2025-08-07 sb0220, its sanctions implications paragraph
SB0220 = LEAD + (
    "Furthermore, engaging in certain transactions involving the persons designated today may risk the imposition "
    "of secondary sanctions on participating foreign financial institutions.\xa0 OFAC can prohibit or impose "
    "strict conditions on opening or maintaining, in the United States, a correspondent account or a "
    "payable-through account of a foreign financial institution that knowingly conducts or facilitates any "
    "significant transaction on behalf of a person who is designated pursuant to the relevant authority.\n"
)


def test_what_may_follow_a_designation_is_no_measure(nlp) -> None:
    for text, published in ((SB0146, "2025-05-21"), (SB0220, "2025-08-07")):
        found = actions(nlp, text, published=published)
        # before: an export control by the United States and a sanction by BIS (sb0146), a designation by OFAC
        # (sb0220), none with a target or a date
        assert not [a for a in found if not a.targets and a.date is None], found
        assert [a for a in found if a.kind == "designation" and a.date == published and a.targets], found
