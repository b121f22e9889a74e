"""News frames (ingest/actions/news_frames.py): measures told in the passive with the actor left to the
document ("X was targeted with an asset freeze and a travel ban on Thursday", "Y was also targeted, as was
Z"), list additions counted but not named ("the package adds 69 new individuals and 47 entities to the
European sanctions list"), and measures the frame denies ("stop short of a ban").

News text is copyrighted and never enters the repository. The actors and targets here are from Treasury
press releases (public domain, in neither dev set): 2013-12-12-jl2241 (Vitaly Sokolenko, Ferland Company
Limited), 2019 Iran releases (Hossein Allahkaram: "In 2011 the European Union sanctioned Hossein Allahkaram
for co-founding and leading Ansar-e Hezbollah", used verbatim as the lead). No public-domain text in the
corpora has the passive "targeted with"/"as was", the counted list addition or "stop short of" shapes, so
those sentences put the same releases' names in the shape news reports use. Each test was seen failing on
the code before its rule.
"""

from __future__ import annotations

from ingest.contract import Action

LEAD = "In 2011 the European Union sanctioned Hossein Allahkaram for co-founding and leading Ansar-e Hezbollah. "


def actions(nlp, text: str, published: str) -> list[Action]:
    doc = nlp.make_doc(text)
    doc._.published = published
    return list(nlp(doc)._.pg_actions)


def test_passive_listing_takes_the_documents_actor_and_its_weekday(nlp) -> None:
    text = LEAD + "Vitaly Sokolenko was targeted with an asset freeze and a travel ban on Thursday."
    found = [a for a in actions(nlp, text, "2022-03-10") if a.kind == "designation"]
    (a,) = [a for a in found if "vitaly-sokolenko" in a.targets]
    assert a.by == ["european-union"]
    assert a.date == "2022-03-10"  # "on Thursday" in a Thursday paper
    assert "vitaly-sokolenko" not in a.by


def test_also_targeted_as_was_joins_the_measure_told_before(nlp) -> None:
    text = (LEAD + "Vitaly Sokolenko was targeted with an asset freeze and a travel ban on Thursday. "
            "Ferland Company Limited was also targeted, as was the company's manager Hossein Allahkaram.")
    found = actions(nlp, text, "2022-03-10")
    today = [a for a in found if a.kind == "designation" and a.date == "2022-03-10"]
    targets = {t for a in today for t in a.targets}
    assert {"vitaly-sokolenko", "ferland", "hossein-allahkaram"} <= targets
    assert all(a.by == ["european-union"] for a in today)


def test_counted_additions_to_a_sanctions_list_are_a_designation_with_no_named_target(nlp) -> None:
    text = ("The European Union adopted a new sanctions package against Iran. "
            "The package adds 69 new individuals and 47 entities to the European sanctions list.")
    found = actions(nlp, text, "2024-06-24")
    listed = [a for a in found if a.kind == "designation" and "adds" in a.evidence[0].text]
    assert listed and listed[0].by == ["european-union"]
    assert listed[0].date == "2024-06-24"


def test_a_measure_the_report_stops_short_of_is_not_taken(nlp) -> None:
    # without the rule: an import_ban by the EU targeting NITC (National Iranian Tanker Company, jl2241)
    text = LEAD + "The measures stop short of an EU ban on NITC imports."
    assert not [a for a in actions(nlp, text, "2024-06-24") if a.kind == "import_ban"]


def test_a_ledes_present_perfect_takes_the_publication_date(nlp) -> None:
    # a news lede's "has imposed" is the day's news; the same tense further down may restate an earlier one
    text = ("The United Kingdom has imposed sanctions against Hossein Allahkaram. "
            "Canada has also imposed sanctions against Vitaly Sokolenko.")
    found = actions(nlp, text, "2024-02-12")
    (uk,) = [a for a in found if a.by == ["united-kingdom"]]
    assert uk.date == "2024-02-12"
    assert all(a.date is None for a in found if a.by == ["canada"])


def test_a_standfirst_with_no_full_stop_is_not_the_lede(nlp) -> None:
    # the line under the headline sums the story up without a full stop; the lede is the first sentence after it
    text = ("# Britain and Canada sanction Iranian officials\n\n"
            "Asset freezes imposed over the crackdown on protesters\n\n"
            "The United Kingdom has imposed sanctions against Hossein Allahkaram.")
    (uk,) = [a for a in actions(nlp, text, "2024-02-12") if a.by == ["united-kingdom"]]
    assert uk.date == "2024-02-12", uk


def test_a_summing_up_perfect_in_a_lede_gets_no_date(nlp) -> None:
    # 2023-02-24-jy1298, verbatim: measures summed up since the war began, no one measure of the day
    text = ("The United States, along with an international coalition of over 30 allies and partners, has imposed "
            "sweeping sanctions, export controls, and other economic measures since the start of Russia\u2019s "
            "unprovoked war against Ukraine.")
    assert all(a.date != "2023-02-24" for a in actions(nlp, text, "2023-02-24"))


def test_a_counted_group_in_a_lede_is_a_measure_of_the_day(nlp) -> None:
    # the shape of 2012-07-31-tg1661 ("the Treasury Department has imposed sanctions against two dozen Iranian
    # banks") with the European Union as actor, as a news lede puts it: no name, yet one measure
    text = "The European Union has imposed sanctions against four Iranian banks. Hossein Allahkaram is one of them."
    found = [a for a in actions(nlp, text, "2024-02-12") if a.by == ["european-union"]]
    assert found and found[0].date == "2024-02-12"


def test_a_running_total_stays_a_tally(nlp) -> None:
    # 2013-05-15-jl1943, verbatim: a running total after the lede, no measure
    text = ("Today, the Treasury Department designated Hossein Allahkaram. Since the beginning of 2012, Treasury, in "
            "consultation with our interagency partners, particularly the Department of State, has imposed sanctions "
            "on 22 individuals and 54 entities, and has added almost 200 aircraft and ships to the sanctions list.")
    found = actions(nlp, text, "2013-05-15")
    assert all(a.targets for a in found)


def test_the_subject_of_subject_to_sanctions_is_their_target(nlp) -> None:
    # the shape of "X are subject to OFAC-administered sanctions" (2001-05-10-po370) with a named subject
    text = "Vitaly Sokolenko is also subject to UN Security Council sanctions."
    found = [a for a in actions(nlp, text, "2024-12-26") if a.by == ["un-security-council"]]
    assert found and found[0].targets == ["vitaly-sokolenko"]


def test_exceptions_to_subject_to_sanctions_are_no_targets(nlp) -> None:
    # 2001-10-03-po650, verbatim
    text = ("Currently, all state sponsors of terrorism except Syria and North Korea are subject to comprehensive "
            "financial and trade sanctions.")
    assert not [t for a in actions(nlp, text, "2001-10-03") for t in a.targets]


def test_restrictive_measures_on_a_named_party_are_a_sanction(nlp) -> None:
    # the EU's term for its sanctions, with a Treasury designee (jl2241) as target; fails without "on"
    text = "The European Union is also imposing restrictive measures on Vitaly Sokolenko."
    found = [a for a in actions(nlp, text, "2025-05-20") if a.kind == "sanction"]
    assert found and found[0].by == ["european-union"] and found[0].targets == ["vitaly-sokolenko"]


def test_a_headlines_sanction_is_the_bodys_listing(nlp) -> None:
    # headline and body tell one measure: one designation, dated by the body ("on Thursday")
    text = ("# Vitaly Sokolenko sanctioned by European Union\n\n"
            "Vitaly Sokolenko was targeted with an asset freeze and a travel ban on Thursday.\n")
    found = [a for a in actions(nlp, text, "2022-03-10") if "vitaly-sokolenko" in a.targets]
    assert [(a.kind, a.date) for a in found] == [("designation", "2022-03-10")]


def test_a_date_inside_a_time_clause_dates_that_clause_not_the_measure(nlp) -> None:
    # ingest/actions/dating.py _temporal_clause: "since taking office in January" dates the taking of office
    text = "Since taking office in January, the Canadian government has imposed sanctions on Hossein Allahkaram."
    found = actions(nlp, text, "2024-10-23")
    assert found and all(a.date != "2024-01" for a in found), found


def test_an_also_measure_right_after_a_dated_one_of_the_same_state_takes_its_date(nlp) -> None:
    # ingest/actions/sequels.py: the same occasion; another state's "also" measure keeps no borrowed date
    text = ("Japan on Friday added 22 Russian companies to its export control list, the trade ministry said. "
            "Japanese authorities also froze the assets of Sberbank.")
    found = actions(nlp, text, "2024-02-22")  # a Thursday
    assert {a.kind: a.date for a in found} == {"entity_listing": "2024-02-16", "asset_freeze": "2024-02-16"}, found
    other = ("Japan on Friday added 22 Russian companies to its export control list, the trade ministry said. "
             "Canada also froze the assets of Sberbank.")
    freeze = [a for a in actions(nlp, other, "2024-02-22") if a.kind == "asset_freeze"]
    assert freeze and freeze[0].date is None, freeze
