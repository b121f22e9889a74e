"""Issue 12, relations stated by a presidential order's boilerplate: the signer of an order issued "By the authority
vested in me as President" holds that office of the United States; bodies a definition of "Government of X"
includes are PART_OF that government. Passages of whitehouse/presidential-actions__2026-05__2026-05-01 (Cuba order),
in neither dev set."""

from __future__ import annotations

from extracted import entities_and_relations as _read

_OPENING = (
    "By the authority vested in me as President by the Constitution and the\nlaws of the United States of America, "
    "including the International\nEmergency Economic Powers Act (50 U.S.C. 1701 *et seq.*) (IEEPA), the\nNational "
    "Emergencies Act (50 U.S.C. 1601 *et seq*.) (NEA), it is hereby ordered:\n\n"
)
_DEFINITION = (
    "\\(b\\)  the term \u201cGovernment of Cuba\u201d means the Government of Cuba, any\npolitical subdivision, "
    "agency, or instrumentality thereof, including the\nCentral Bank of Cuba, and any person owned, controlled, or "
    "acting for or\non behalf of, the Government of Cuba;\n\n"
)
_SIGNATURE = (
    "(d)  The costs for publication of this order shall be borne by the\nDepartment of State.\n\nDONALD J. TRUMP\n\n"
    "THE WHITE HOUSE,\n\nMay 1, 2026.\n"
)


def test_the_signer_of_an_order_holds_the_office_of_president(nlp) -> None:
    _, rels = _read(nlp, _OPENING + _SIGNATURE)
    assert ("HOLDS_ROLE", "donald-trump", "united-states") in rels


def test_a_body_a_government_definition_includes_is_part_of_that_government(nlp) -> None:
    types, rels = _read(nlp, _OPENING + _DEFINITION + _SIGNATURE)
    bank = next(k for k, v in types.items() if "Central Bank" in v.name)
    gov = next(k for k, v in types.items() if v.type == "Authority" and "Government" in v.name)
    assert ("PART_OF", bank, gov) in rels
