"""Issue 12 round 2: bodies' named units and PART_OF where the text states it (ingest/relations/unit_parts.py,
ingest/entities/ner_cands.py), each on a real sentence from ../shared/corpora/treasury-press-releases.jsonl that is
in neither dev set."""

from __future__ import annotations

from extracted import entities_and_relations as _read


def test_a_named_division_of_a_department(nlp) -> None:
    text = ("We are grateful to the top-notch team in the Civil Division of the Justice Department for advocating our "
            "position in these cases so expertly.")
    ents, rels = _read(nlp, text)
    unit = next(e for e in ents.values() if e.name == "Civil Division")
    assert unit.type == "Authority"
    assert ("PART_OF", unit.id, "us-doj") in rels


def test_a_numbered_front_of_an_armed_group_by_possessive(nlp) -> None:
    text = ("Nilson Calderon Velandia is responsible for the production and sale of cocaine for the FARC's 27th Front "
            "and also manages contacts with other drug traffickers who export the FARC's drugs from Colombia.")
    ents, rels = _read(nlp, text)
    front = next(e for e in ents.values() if e.name == "27th Front")
    assert front.type == "Organization"
    assert ("PART_OF", front.id, "farc") in rels



def test_a_post_held_by_who_serves_as_and_who_is(nlp) -> None:
    text = ("Today\u2019s action also targets Ayman Ibrahim, who serves as the General Manager of Unique Stars Mobile "
            "Phones LLC, and Ali Zeaiter who is the General Manager of Stars International Ltd.")
    ents, rels = _read(nlp, text)
    firm = next(e for e in ents.values() if e.name.startswith("Unique Stars"))
    assert ("HOLDS_ROLE", "ayman-ibrahim", firm.id) in rels
    # the post is no word of the firm's name; "who is the <post> of" is the same frame
    other = next(e for e in ents.values() if e.name.startswith("Stars International"))
    assert ("HOLDS_ROLE", "ali-zeaiter", other.id) in rels




def test_an_affiliation_title_names_the_group(nlp) -> None:
    # treasury-press-releases.jsonl (a FARC network release)
    text = ("Conde Rubio communicated with various persons in the FARC network targeted by this action using a call "
            "center located in Villavicencio, Colombia, operated by FARC associate Ana Isabel Pena Arevalo.")
    ents, rels = _read(nlp, text)
    person = next(e for e in ents.values() if e.type == "Person" and e.name.startswith("Ana Isabel"))
    assert ("HOLDS_ROLE", person.id, "farc") in rels
