"""Bold run-in headings of Treasury releases ("**Name** OFAC sanctioned Name, ...") are paragraphs of their own
(ingest/markdown_text.py), so the heading does not fuse with the subject of the sentence after it and become
the measure's actor. Real releases from /work/shared/corpora/treasury-press-releases.jsonl, in neither dev set,
abridged; read as Markdown, through the real pipeline."""

from __future__ import annotations

from extracted import actions

from ingest.markdown_text import markdown_to_text

# 2017-05-17 sm0088 ("Treasury Sanctions Iranian Defense Officials and a China-Based Network ..."): the heading
# opens the line
SM0088 = (
    "**Morteza Farasatpour and Rahim Ahmadi** OFAC sanctioned Morteza Farasatpour, a senior Iranian defense "
    "official, for his activities on behalf of a designated Iranian defense entity.\xa0 Farasatpour was designated "
    "pursuant to E.O. 13382 for acting or purporting to act for or on behalf of, directly or indirectly, Iran's "
    "Defense Industries Organization (DIO).\n"
)
# 2016-09-15 jl5051 ("Treasury Sanctions Key ISIL Financial Facilitators"): the old export glued the heading to
# the end of the previous paragraph, with the space inside the opening stars
JL5051 = (
    "The U.S. Department of the Treasury today designated ISIL financial facilitators Mohamad Alsaied Alhmidan "
    "and Hussam Jamous pursuant to Executive Order 13224.\n\n"
    "\u201cWe will continue to aggressively target ISIL financial supporters wherever they may be.\u201d** Mohamad "
    "Alsaied Alhmidan** Treasury designated Mohamad Alsaied Alhmidan for providing support and services to ISIL."
    "\xa0 Turkey-based Alhmidan provided logistical support and facilitated the movement of tens of thousands of "
    "dollars, as well as foreign fighters, for ISIL.** Hussam Jamous** Treasury designated Hussam Jamous for "
    "providing support and services to ISIL.\n"
)


def test_a_run_in_heading_becomes_a_paragraph_of_its_own() -> None:
    text = markdown_to_text(SM0088)
    assert text.startswith("Morteza Farasatpour and Rahim Ahmadi\n\nOFAC sanctioned Morteza Farasatpour, ")
    text = markdown_to_text(JL5051)
    assert "they may be.\u201d\n\nMohamad Alsaied Alhmidan\n\nTreasury designated Mohamad" in text
    assert "for ISIL.\n\nHussam Jamous\n\nTreasury designated Hussam Jamous" in text


def test_bold_names_inside_sentences_and_datelines_stay_inline() -> None:
    # 2023-02-09 jy1257, 2024-09-16 jy2581 (abridged) and the usual dateline: no heading among them
    assert "\n" not in markdown_to_text("Singapore-based **Asia Fuel PTE. Ltd.** (** Asia Fuel**) has facilitated")
    assert markdown_to_text("**Asia Fuel PTE. Ltd.** (Asia Fuel) has facilitated") == (
        "Asia Fuel PTE. Ltd. (Asia Fuel) has facilitated")
    assert "\n" not in markdown_to_text("held shares in Cytrox Holdings.** Felix Bitzios,** Andrea Gambazzi")
    assert markdown_to_text("**WASHINGTON** \u2013 Today, OFAC") == "WASHINGTON \u2013 Today, OFAC"


def test_the_heading_is_not_the_actor_of_the_designation(nlp) -> None:
    for raw, published in ((SM0088, "2017-05-17"), (JL5051, "2016-09-15")):
        text = markdown_to_text(raw)
        found = actions(nlp, text, published=published)
        doc = nlp(text)
        types = {e: r.type for e, r in doc._.pg_entities.items()}
        names = {e: r.name for e, r in doc._.pg_entities.items()}
        assert found, raw
        for a in found:
            # Before: "Rahim Ahmadi OFAC" and "Hussam Jamous Treasury" took the measures
            assert all(types.get(b) in ("Authority", "Country") for b in a.by), (a, names)
            assert not any(names.get(b, "").endswith(("OFAC", "Treasury")) and types.get(b) == "Person"
                           for b in a.by + a.targets), (a, names)
