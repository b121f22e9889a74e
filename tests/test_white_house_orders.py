"""pg_actions on what a White House fact sheet says the day's order authorises or directs (ingest/actions/
order_powers.py). Real sentences from /work/shared/corpora/whitehouse (in neither dev set), real pipeline."""

from __future__ import annotations

from extracted import titled_actions

CUBA_TITLE = ("Fact Sheet: President Donald J. Trump Imposes Sanctions on Cuban Regime Officials Responsible for "
              "Repression and Threats to U.S. National Security and Foreign Policy")
# whitehouse/fact-sheets__2026-05__2026-05-01-fact-sheet-president-donald-j-trump-imposes-sanctions-on-cuban-...
CUBA = ("**IMPOSING SANCTIONS ON THE CUBAN REGIME:** Today, President Donald J. Trump signed an Executive Order "
        "imposing new sanctions on the Cuban regime, protecting U.S. national security.\n\n"
        "- The Order also authorizes new sanctions on covered persons, entities, or financial institutions that "
        "have conducted or facilitated transactions with persons or entities sanctioned under the Order.\n")
SYRIA_TITLE = "Fact Sheet: President Donald J. Trump Provides for the Revocation of Syria Sanctions"
# whitehouse/fact-sheets__2025-06__2025-06-30-fact-sheet-president-donald-j-trump-provides-for-the-revocation-...
SYRIA = ("**TERMINATING SANCTIONS ON SYRIA:** Today, President Donald J. Trump signed a historic Executive Order "
         "terminating the Syria sanctions program to support the country\u2019s path to stability and peace.\n\n"
         "- The Order directs the Secretary of State to review Hay\u2019at Tahrir al-Sham\u2019s (HTS) designation "
         "as a Foreign Terrorist Organization.\n")


def test_sanctions_the_days_order_authorizes_are_the_signers_proposed_measure(nlp) -> None:
    found = titled_actions(nlp, CUBA, CUBA_TITLE, "2026-05-01")
    proposed = [a for a in found if a.status == "proposed"]
    assert len(proposed) == 1, found
    a = proposed[0]
    assert a.kind == "sanction" and a.by == ["donald-trump"] and a.date == "2026-05-01", a
    assert a.targets and all("cub" in t for t in a.targets), a  # aimed where the title aims the order
    # the order's own measure is still the enacted one
    assert [x for x in found if x.status == "enacted" and x.by == ["donald-trump"]], found


def test_an_older_instrument_that_authorizes_sanctions_is_no_measure(nlp) -> None:
    # treasury-press-releases.jsonl: "... pursuant to section 1(a)(i) of E.O. 13902, which authorizes ..."
    text = ("Today, President Donald J. Trump signed an Executive Order imposing new sanctions on the Cuban regime.\n\n"
            "- E.O. 13902 authorizes sanctions on persons operating in the construction sector of the Iranian "
            "economy.\n")
    found = titled_actions(nlp, text, CUBA_TITLE, "2026-05-01")
    assert not [a for a in found if a.status == "proposed"], found


def test_the_signer_joins_the_official_his_order_directs(nlp) -> None:
    found = titled_actions(nlp, SYRIA, SYRIA_TITLE, "2025-06-30")
    review = [a for a in found if a.kind == "designation"]
    assert len(review) == 1, found
    a = review[0]
    assert a.status == "proposed" and a.date == "2025-06-30", a
    assert a.by[0] == "donald-trump" and len(a.by) == 2, a  # the President and the State Department
    assert "hts" in a.targets, a


CARTELS_TITLE = ("Designating Cartels And Other Organizations As Foreign Terrorist Organizations And Specially "
                 "Designated Global Terrorists")
# whitehouse/presidential-actions__2025-01__2025-01-20-designating-cartels-and-other-organizations-as-... (excerpt)
CARTELS = (
    "By the authority vested in me as President by the Constitution and the laws of the United States of America, "
    "including the Immigration and Nationality Act (INA), 8 U.S.C. 1101 *et seq.*, the International Emergency "
    "Economic Powers Act (IEEPA),50 U.S.C. 1701 *et seq*. it is hereby ordered:\n\n"
    "Section 1.  Purpose.  This order creates a process by which certain international cartels (the Cartels) and "
    "other organizations will be designated as Foreign Terrorist Organizations, consistent with section 219 of the "
    "INA (8 U.S.C. 1189), or Specially Designated Global Terrorists, consistent with IEEPA (50 U.S.C. 1702) and "
    "Executive Order 13224 of September 23, 2001 (Blocking Property and Prohibiting Transactions With Persons Who "
    "Commit, Threaten to Commit, or Support Terrorism), as amended.\n\n"
    "Sec. 3.  Implementation.  (a)  Within 14 days of the date of this order, the Secretary of State shall take all "
    "appropriate action, in consultation with the Secretary of the Treasury, the Attorney General, the Secretary of "
    "Homeland Security, and the Director of National Intelligence, to make a recommendation regarding the "
    "designation of any cartel or other organization described in section 1 of this order as a Foreign Terrorist "
    "Organization consistent with 8 U.S.C. 1189 and/or a Specially Designated Global Terrorist consistent with 50 "
    "U.S.C. 1702 and Executive Order 13224.\n\n"
    "(b)  Within 14 days of the date of this order, the Attorney General and the Secretary of Homeland Security "
    "shall take all appropriate action, in consultation with the Secretary of State, to make operational "
    "preparations regarding the implementation of any decision I make to invoke the Alien Enemies Act, 50 U.S.C. "
    "21 *et seq*.\n\n"
    "THE WHITE HOUSE,\n    January 20, 2025.\n")


def test_an_order_setting_designations_in_motion_proposes_them_by_the_charged_department(nlp) -> None:
    # ingest/actions/order_designations.py: one proposed designation per charged department, none per consulted one
    found = titled_actions(nlp, CARTELS, CARTELS_TITLE, "2025-01-20")
    assert len(found) == 1, found
    a = found[0]
    assert (a.kind, a.status, a.date) == ("designation", "proposed", "2025-01-20"), a
    assert "us-dept-state" in a.by and not {"us-dept-treasury", "us-doj", "us-dhs"} & set(a.by), a
    assert "eo-13224" in a.under, a
