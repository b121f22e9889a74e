"""One news measure told several times (ingest/actions/news_measures.py): a generic "sanctions" whose clause
goes on with the measure itself, a headline over the body's measure, a state and its own ministry reporting
one measure, sanctions that freeze named people's assets, and names given after the measure.

The sentences are written for these tests in the shapes news reports take (no news text enters the
repository). Each test was seen failing with the rules switched off.
"""

from __future__ import annotations

from ingest.contract import Action

MOFCOM = ("China's Ministry of Commerce on Thursday announced sanctions against two US defense firms, placing "
          "Lockheed Martin and Raytheon Technologies on its unreliable entities list.")


def actions(nlp, text: str, published: str) -> list[Action]:
    doc = nlp.make_doc(text)
    doc._.published = published
    return list(nlp(doc)._.pg_actions)


def test_sanctions_specified_by_a_listing_clause_are_one_listing(nlp) -> None:
    found = actions(nlp, MOFCOM, "2023-02-16")
    assert [a.kind for a in found if "china-mofcom" in a.by] == ["entity_listing"]
    (listing,) = [a for a in found if a.kind == "entity_listing"]
    assert listing.under == ["unreliable-entity-list"]


def test_a_headline_repeating_the_ministrys_measure_adds_no_action(nlp) -> None:
    found = actions(nlp, "# China sanctions US defense firms\n\n" + MOFCOM, "2023-02-16")
    assert not [a for a in found if a.by == ["china"]]


def test_a_state_and_its_ministry_reporting_one_measure_are_one_actor_pair(nlp) -> None:
    text = ("The UK has imposed sanctions against four Israeli settlers in the West Bank. "
            "The Foreign Office announced financial restrictions against the four over abuses against Palestinians.")
    found = [a for a in actions(nlp, text, "2024-02-12") if a.kind == "sanction"]
    assert len(found) == 1
    assert {"united-kingdom", "fcdo"} <= set(found[0].by)


def test_sanctions_that_freeze_named_peoples_assets_are_a_designation(nlp) -> None:
    text = ("Prime Minister Fumio Kishida approved sanctions that will freeze the assets of Igor Sechin and "
            "Andrei Kostin.")
    found = actions(nlp, text, "2022-03-03")
    assert [a.kind for a in found] == ["designation"]


def test_names_of_the_sanctioned_companies_are_the_targets(nlp) -> None:
    text = ("Japan on Friday imposed sanctions on three Russian banks. "
            "The sanctioned companies are Sberbank, VTB Bank and Gazprombank.")
    found = [a for a in actions(nlp, text, "2022-03-04") if a.by == ["japan"]]
    assert len(found) == 1
    assert {"sberbank", "vtb-bank", "gazprombank"} <= set(found[0].targets)


def test_security_council_sanctions_on_a_named_body_are_a_listing(nlp) -> None:
    # the sentence of jl5059's shape, written for the test: a named firm under UN Security Council sanctions
    text = "Korea Kwangson Banking Corporation is also subject to UN Security Council sanctions."
    found = [a for a in actions(nlp, text, "2024-12-26") if a.targets]
    assert found and all(a.kind == "designation" for a in found)


def test_a_leader_approving_the_states_measure_is_in_its_by_with_the_state(nlp) -> None:
    text = ("Japan on Thursday announced new sanctions against Russia. Japanese Prime Minister Fumio Kishida "
            "approved sanctions that will freeze the assets of Igor Sechin and Andrei Kostin.")
    found = [a for a in actions(nlp, text, "2022-03-03") if "fumio-kishida" in a.by]
    assert len(found) == 1 and found[0].kind == "designation"
    assert "japan" in found[0].by and "igor-sechin" in found[0].targets


def test_names_making_the_sanctions_list_are_targets_less_their_title_employers(nlp) -> None:
    text = ("Japan on Friday imposed sanctions on Russian banks. Also making the sanctions list are VTB Bank "
            "chairman Andrei Kostin and defense minister Sergei Shoigu.")
    (a,) = [a for a in actions(nlp, text, "2022-03-04") if a.by == ["japan"]]
    assert {"andrei-kostin", "sergei-shoigu"} <= set(a.targets)
    assert "vtb-bank" not in a.targets  # it only qualifies Kostin's title


def test_the_state_owning_the_package_acts_with_its_announcer_on_the_headline_day(nlp) -> None:
    text = ("# Canada unveils new sanctions against Belarus. Here is who is affected\n\n"
            "Prime Minister Justin Trudeau announced Canada's third round of sanctions against Belarus, which "
            "includes financial penalties against 20 officials.")
    found = [a for a in actions(nlp, text, "2022-02-24") if a.kind == "sanction"]
    assert len(found) == 1
    assert "canada" in found[0].by and "justin-trudeau" in found[0].by
    assert found[0].date == "2022-02-24"  # the headline's day is the lede's


def test_a_state_adopting_the_blocs_sanctions_takes_them_itself(nlp) -> None:
    text = ("Norway has adopted the latest round of European Union sanctions against Belarus, the government "
            "said on Wednesday.")
    found = [a for a in actions(nlp, text, "2022-04-13") if a.kind == "sanction"]
    assert [a.by for a in found] == [["norway"]]
    assert found[0].targets == ["belarus"]


def test_a_state_using_its_sanctions_powers_on_someone_sanctions_them(nlp) -> None:
    text = "Australia has used cyber-sanction powers for the first time on Russian citizen Aleksandr Ermakov."
    (a,) = [a for a in actions(nlp, text, "2024-01-23") if a.kind == "sanction"]
    assert a.by == ["australia"] and a.targets == ["aleksandr-ermakov"]
    assert a.date == "2024-01-23"  # the lede's present perfect: the news of the day


def test_an_announced_lifting_is_lifted_and_aimed_at_the_state_whose_economy_it_frees(nlp) -> None:
    text = ("The European Union will lift sanctions on Syria's economy, the EU's top diplomat announced "
            "Tuesday.")
    found = [a for a in actions(nlp, text, "2025-05-20") if a.kind == "sanction"]
    assert [(a.status, a.by, a.targets) for a in found] == [("lifted", ["european-union"], ["syria"])]


def test_a_lifting_held_back_by_a_condition_stays_proposed(nlp) -> None:
    text = "The European Union will lift sanctions on Syria's economy if the new government protects minorities."
    found = [a for a in actions(nlp, text, "2025-05-20") if a.kind == "sanction"]
    assert found and all(a.status == "proposed" for a in found)


def test_any_effort_to_arrest_names_a_kind_of_act_not_an_act(nlp) -> None:
    text = ("The senator said that any effort by the International Criminal Court to arrest or prosecute "
            "American personnel threatens national security.")
    assert not [a for a in actions(nlp, text, "2025-02-06") if a.kind in ("arrest", "indictment")]


def test_ones_imposed_by_another_state_are_its_own_parallel_measure(nlp) -> None:
    text = ("The UK has imposed sanctions against four Israeli settlers. The Foreign Secretary said these "
            "sanctions, along with ones imposed last week by the US, would curb violence.")
    found = actions(nlp, text, "2024-02-12")
    assert sorted(tuple(a.by) for a in found if a.kind == "sanction") == [("united-kingdom",), ("united-states",)]
