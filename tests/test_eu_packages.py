"""Package frames (ingest/actions/package_frames.py): each trade measure of an adopted sanctions package is
one action of the package's actor, against the package's country, on its date (ONTOLOGY: "a package is
split by measure"; "take the kind from what the text states").

The sentences are written for these tests in the shape news reports of EU packages take (no news text
enters the repository). Each test was seen failing with the package frames switched off.
"""

from __future__ import annotations

from ingest.contract import Action

PACKAGE = ("# EU agrees new sanctions package against Russia\n\n"
           "European Union governments on Wednesday formally adopted a new package of sanctions against Russia. ")


def actions(nlp, text: str, published: str) -> list[Action]:
    doc = nlp.make_doc(text)
    doc._.published = published
    return list(nlp(doc)._.pg_actions)


def by_kind(found: list[Action], kind: str) -> list[Action]:
    return [a for a in found if a.kind == kind]


def test_a_withdrawn_permission_to_import_is_an_enacted_import_ban_of_the_package(nlp) -> None:
    found = actions(nlp, PACKAGE + "Member states will no longer be allowed to import Russian steel.", "2024-06-26")
    (ban,) = by_kind(found, "import_ban")
    assert ban.status == "enacted"  # the package is adopted: its "will" is its effect, not a plan
    assert ban.by == ["european-union"] and ban.targets == ["russia"]
    assert ban.date == "2024-06-26"


def test_banned_exports_and_investments_are_two_measures(nlp) -> None:
    text = PACKAGE + "Exports of aircraft parts and investments in Russian mining projects will be banned."
    found = actions(nlp, text, "2024-06-26")
    assert [a.targets for a in by_kind(found, "export_control")] == [["russia"]]
    assert any(a.by == ["european-union"] and a.targets == ["russia"] for a in by_kind(found, "other"))


def test_a_transit_ban_is_other_and_vessels_targeted_are_a_sanction(nlp) -> None:
    text = (PACKAGE + "There will also be a transit ban for Russian oil. "
            "The package's sanctions also target 27 specific vessels that carry Russian oil.")
    found = actions(nlp, text, "2024-06-26")
    assert any(a.by == ["european-union"] and a.targets == ["russia"] for a in by_kind(found, "other"))
    assert any(a.by == ["european-union"] and a.targets == [] and any("vessels" in e.text for e in a.evidence)
               for a in by_kind(found, "sanction"))


def test_a_measure_urged_or_stopped_short_of_is_no_content_of_the_package(nlp) -> None:
    text = (PACKAGE + "The measures stop short of a ban on oil imports. "
            "Critics said member states should also ban exports of diamonds.")
    found = actions(nlp, text, "2024-06-26")
    assert not [a for a in found if a.kind in ("import_ban", "export_control") and a.status == "enacted"]


def test_no_package_no_package_measures(nlp) -> None:
    # the same trade sentence with no adopted package: nobody is said to act
    found = actions(nlp, "Member states will no longer be allowed to import Russian steel.", "2024-06-26")
    assert not by_kind(found, "import_ban")


def test_a_counterfactual_ban_is_no_content_of_the_package(nlp) -> None:
    text = PACKAGE + "Instead of an import ban on Russian steel, member states chose higher tariffs."
    found = actions(nlp, text, "2024-06-26")
    assert not by_kind(found, "import_ban")


def test_halting_export_permits_is_an_export_control_of_the_package(nlp) -> None:
    text = ("Prime Minister Justin Trudeau announced Canada's third round of sanctions against Belarus, which "
            "includes financial penalties against 20 officials and the halting of all export permits.")
    found = by_kind(actions(nlp, text, "2022-02-24"), "export_control")
    assert [a.by for a in found] == [["canada"]]
    assert found[0].targets == ["belarus"]


COUNCIL = ("# EU agrees 18th package of sanctions against Russia\n\n"
           "The Council adopted today the 18th package of restrictive measures against Russia. ")


def test_counted_vessels_targeted_in_the_passive_are_a_sanction_of_the_package(nlp) -> None:
    text = COUNCIL + "105 vessels originating from third countries were targeted today."
    found = by_kind(actions(nlp, text, "2025-07-18"), "sanction")
    assert any(a.targets == [] and any("vessels" in e.text for e in a.evidence) for a in found)


def test_entities_added_to_the_export_restrictions_list_are_an_entity_listing(nlp) -> None:
    text = (COUNCIL + "The Council also added 26 new entities to the list of those subject to tighter export "
            "restrictions concerning dual use goods.")
    found = by_kind(actions(nlp, text, "2025-07-18"), "entity_listing")
    assert [(a.by, a.date) for a in found] == [(["european-union"], "2025-07-18")]


def test_the_package_actors_undated_measures_take_its_date_unless_told_as_earlier(nlp) -> None:
    text = (COUNCIL + "The EU also introduced further restrictions on exports of machine tools. "
            "Since the EU introduced an import ban on Russian coal, Russian revenues have fallen.")
    found = actions(nlp, text, "2025-07-18")
    assert [a.date for a in by_kind(found, "export_control")] == ["2025-07-18"]
    assert all(a.date != "2025-07-18" for a in by_kind(found, "import_ban"))


def test_a_contrastive_while_clause_is_package_content(nlp) -> None:
    text = (PACKAGE + "There will be a transit ban for Russian oil, while member states will no longer be allowed "
            "to import Russian steel.")
    assert by_kind(actions(nlp, text, "2024-06-26"), "import_ban")


RELEASE = "Council of the EU\n\nPress release\n\n"


def test_counted_listings_of_a_package_are_a_designation_on_the_packages_date(nlp) -> None:
    # ingest/actions/package_frames.py _listing_measure: listing on the EU's sanctions list is a designation
    text = RELEASE + ("On 23 June 2024, the Council adopted a package of restrictive measures against Belarus, "
                      "including listings of 28 individuals and 3 entities.")
    found = by_kind(actions(nlp, text, "2025-02-24"), "designation")
    assert [(a.targets, a.date) for a in found] == [([], "2024-06-23")], found
    assert "eu-council" in found[0].by


def test_listings_added_today_are_read_past_a_subject_that_names_another_state(nlp) -> None:
    # the tally's subject names Ukraine inside its complement: Ukraine is no actor of the listings
    # (the regime's name is the title of Council Decision 2014/145/CFSP; the glued ")EU" is as releases print it)
    text = (COUNCIL + "With today\u2019s addition of 75 new listings (17 persons and 58 entities)EU restrictive "
            "measures in respect of actions undermining or threatening the territorial integrity, sovereignty and "
            "independence of Ukraine now apply to over 2400 individuals and entities.")
    found = by_kind(actions(nlp, text, "2025-07-18"), "designation")
    assert [(a.targets, a.date) for a in found] == [([], "2025-07-18")], found


def test_the_council_and_the_eu_take_the_measures_of_a_release_naming_both(nlp) -> None:
    # ingest/actions/bloc_actors.py: one measure told with either subject is the Council's and the Union's
    text = RELEASE + ("The Council today imposed restrictive measures on Jhonny Cano Correa. The European Union "
                      "also banned exports of aviation fuel to Belarus.")
    found = actions(nlp, text, "2025-02-24")
    assert found and all(a.by == ["eu-council", "european-union"] for a in found), found
    assert {a.kind for a in found} >= {"sanction", "export_control"}, found
