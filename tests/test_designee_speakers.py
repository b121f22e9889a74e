"""The official who speaks for the acting body is not among its designees (ingest/actions/speaker_targets.py).
Real Treasury release from /work/shared/corpora/treasury-press-releases.jsonl (in neither dev set), abridged,
through the real pipeline."""

from __future__ import annotations

from extracted import actions

# 2024-03-12 jy2171 ("U.S. Targets Al-Ashtar Brigades Operatives"), the first paragraphs
JY2171 = (
    "WASHINGTON \u2014 Today, the U.S. Department of the Treasury\u2019s Office of Foreign Assets Control (OFAC) is "
    "taking action in coordination with the Kingdom of Bahrain against key Iran-based operatives and a financial "
    "facilitator for designated terrorist group Al-Ashtar Brigades. The Department of State designated Al-Ashtar "
    "Brigades as a Foreign Terrorist Organization and a Specially Designated Global Terrorist in 2018.\n\n"
    "\u201cToday\u2019s action, taken in coordination with the Kingdom of Bahrain, underscores our collective "
    "commitment to disrupting Iran\u2019s destabilizing forces and threats, particularly those which threaten our "
    "partners in the region and around the world,\u201d said Under Secretary of the Treasury for Terrorism and "
    "Financial Intelligence Brian E. Nelson.\n\n"
    "Today\u2019s designations highlight the critical role that the Iranian regime plays in providing support to "
    "Al-Ashtar Brigades. In 2018, the government of Bahrain charged numerous individuals due to terrorism-related "
    "activities. A number of these individuals fled Bahrain to evade prison sentences and settled in Iran, which "
    "has long supported and continues to serve as a safe haven for terrorist groups. These individuals are being "
    "designated pursuant to Executive Order (E.O.) 13224, as amended, which targets terrorist groups and their "
    "supporters.\n"
)


def test_the_under_secretary_who_speaks_is_not_designated(nlp) -> None:
    doc = nlp(JY2171)
    names = {e: r.name for e, r in doc._.pg_entities.items()}
    found = actions(nlp, JY2171, published="2024-03-12")
    assert [a for a in found if a.kind == "designation" and a.date == "2024-03-12"], found
    # before: "These individuals" pointed back to Brian Nelson, the designation's one target
    assert not [a for a in found if any("Nelson" in names.get(t, "") for t in a.targets)], found
