"""Issue 12 round 2 entity rules, each on a real sentence from ../shared/corpora/treasury-press-releases.jsonl that
is in neither dev set: national "X authorities" as the government, a release's PDF download note, sections of a
yearly act cited as "the annual ... Act", an office's possessive before a regulation's name, named sanctions
programmes."""

from __future__ import annotations


def _ents(nlp, text: str) -> dict:
    return nlp(text)._.pg_entities


def test_national_authorities_are_the_government(nlp) -> None:
    text = ("The Treasury Department will continue to work with Colombian authorities on further actions to shut "
            "down the network.")
    ents = _ents(nlp, text)
    assert ents["government-of-colombia"].type == "Authority"
    assert "Colombian authorities" in ents["government-of-colombia"].aliases


def test_a_releases_pdf_download_note_names_nothing(nlp) -> None:
    text = ("OFAC today designated two companies.\n\n"
            "*To view or print the PDF content on this page, download the free Adobe\u00ae Acrobat\u00ae "
            "Reader\u00ae.*\n")
    ents = _ents(nlp, text)
    assert not {e.name for e in ents.values()} & {"PDF", "Acrobat\u00ae", "Reader\u00ae", "Adobe"}


def test_a_section_of_the_annual_appropriations_act(nlp) -> None:
    text = ("Concurrently, the Department of State designated Mir Rahman Rahmani, Ajmal Rahmani, and their immediate "
            "family members, under Section 7031(c) of the annual Department of State, Foreign Operations, and Related "
            "Programs Appropriations Act for involvement in significant corruption as a public official.")
    doc = nlp(text)
    sec = next(e for e in doc._.pg_entities.values() if e.kind == "section")
    assert sec.name.startswith("Section 7031(c) of the Department of State, Foreign Operations")
    act = next(e for e in doc._.pg_entities.values() if e.kind == "statute")
    assert ("PART_OF", sec.id, act.id) in {(r.type, r.source, r.target) for r in doc._.pg_relations}


def test_an_offices_possessive_is_no_word_of_the_regulations_name(nlp) -> None:
    text = "MINFAR is blocked pursuant to OFAC\u2019s Cuban Assets Control Regulations, 31 C.F.R. part 515 (CACR)."
    doc = nlp(text)
    regs = [e for e in doc._.pg_entities.values() if e.type == "Law" and e.name.endswith("Regulations")]
    assert [e.name for e in regs] == ["Cuban Assets Control Regulations"]
    assert ("ADMINISTERS", "ofac", regs[0].id) in {(r.type, r.source, r.target) for r in doc._.pg_relations}


def test_a_named_sanctions_programme(nlp) -> None:
    text = ("General License 15 does not allow transfers by, to, or through persons blocked under the Burma "
            "sanctions program.")
    ents = _ents(nlp, text)
    assert ents["burma-sanctions-program"].kind == "program"
    assert ents["burma-sanctions-program"].name == "Burma sanctions program"


def test_a_captions_photo_credit_names_no_one(nlp) -> None:
    # a news caption's credit after its bar (the form of the news genre; the caption sentence is from
    # treasury-press-releases.jsonl, the credit is made up: news text may not be copied into the project)
    text = ("Most of the fifteen are already in the custody of Italian authorities. | Jane Doemann/EPA-EFE\n\n"
            "The Treasury Department will continue to work with Colombian authorities.\n")
    ents = _ents(nlp, text)
    assert not any(e.type in ("Person", "Company") for e in ents.values()), [e.name for e in ents.values()]


def test_a_portfolio_after_a_title_is_no_body(nlp) -> None:
    # whitehouse/presidential-actions (the 2022 Sudan order)
    text = ("Following the issuance of a determination by the Secretary of State, in consultation with the Secretary "
            "of the Treasury and the Administrator of the United States Agency for International Development, that a "
            "civilian transitional government has been formed in Sudan, the Assistant to the President for National "
            "Security Affairs shall coordinate the executive branch actions necessary to implement the policy set "
            "forth in this order.")
    assert not any("Security Affairs" in e.name for e in _ents(nlp, text).values())


def test_a_notice_of_a_body_is_the_body(nlp) -> None:
    # treasury-press-releases.jsonl
    ents = _ents(nlp, "He is currently the subject of an Interpol Red Notice.")
    assert "interpol" in ents and not any("Notice" in e.name for e in ents.values())

