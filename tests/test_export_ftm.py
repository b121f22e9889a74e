"""FollowTheMoney export: `ftm validate` (followthemoney's own command and model) keeps every value of an
export of the seed corpus and of a hand-written graph that has every case (countries, places, laws, one
official with several titles, Markdown evidence, relative URLs)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from api_sample import load_sample
from followthemoney import model

from graph.batch import build_batch
from ingest.contract import Action, Entity, Extraction, Relation, Span
from ingest.documents import Document
from queries.export import export

FTM = Path(sys.executable).with_name("ftm")

TEXT = (
    "### Designated Individuals\n"
    "The **Office of Foreign Assets Control** (OFAC) designated Acme Shipping under E.O. 13846 on "
    "June 3, 2021. Acme Shipping is based in Iran. Acme Shipping is based in Bandar Abbas. Treasury "
    "Secretary Janet Yellen, also Secretary of the Treasury, said so. Iran's Foreign Minister Javad Zarif "
    "objected. OFAC is part of the Treasury. Iran imposed a ban on Treasury."
)


def _span(needle: str) -> Span:
    start = TEXT.index(needle)
    return Span(start=start, end=start + len(needle), text=needle)


def _sentence(needle: str) -> Span:
    at = TEXT.index(needle)
    start = max(TEXT.rfind(". ", 0, at) + 2, 0) if TEXT.rfind(". ", 0, at) >= 0 else 0
    end = TEXT.find(". ", at)
    end = len(TEXT) if end < 0 else end + 1
    return Span(start=start, end=end, text=TEXT[start:end])


def _case_batch():
    doc = Document.from_text(TEXT, source="cases/ofac.md", title="OFAC designates Acme",
                             published="2021-06-03", url="https://home.treasury.gov/news/press-releases/jy0001")
    e = [
        Entity(id="ofac", name="Office of Foreign Assets Control", type="Authority", mentions=[_span("OFAC")]),
        Entity(id="treasury", name="Treasury", type="Authority", mentions=[_span("Treasury")]),
        Entity(id="acme", name="Acme Shipping", type="Company", mentions=[_span("Acme Shipping")]),
        Entity(id="iran", name="Iran", type="Country", mentions=[_span("Iran")]),
        Entity(id="bandar-abbas", name="Bandar Abbas", type="Place", mentions=[_span("Bandar Abbas")]),
        Entity(id="eo-13846", name="E.O. 13846", type="Law", kind="executive_order", mentions=[_span("E.O. 13846")]),
        Entity(id="janet-yellen", name="Janet Yellen", type="Person", mentions=[_span("Janet Yellen")]),
        Entity(id="javad-zarif", name="Javad Zarif", type="Person", mentions=[_span("Javad Zarif")]),
    ]
    ex = Extraction(
        doc_id=doc.id, source=doc.source, title=doc.title, published=doc.published, entities=e,
        actions=[
            Action(id="act-acme", kind="designation", status="enacted", date="2021-06-03", by=["ofac"],
                   targets=["acme"], under=["eo-13846"], confidence=0.9,
                   evidence=[Span(start=0, end=TEXT.index(" on June") + 17, text=TEXT[:TEXT.index(" on June") + 17])]),
            Action(id="act-iran-ban", kind="sanction", status="enacted", by=["iran"], targets=["treasury"],
                   confidence=0.6, evidence=[_sentence("Iran imposed")]),
            Action(id="act-iran-objects", kind="other", status="enacted", by=["javad-zarif"],
                   targets=["iran", "eo-13846", "bandar-abbas", "acme"], confidence=0.5,
                   evidence=[_sentence("objected")]),
        ],
        relations=[
            Relation(type="BASED_IN", source="acme", target="iran", confidence=0.8,
                     evidence=[_sentence("based in Iran")]),
            Relation(type="BASED_IN", source="acme", target="bandar-abbas", confidence=0.8,
                     evidence=[_sentence("based in Bandar")]),
            Relation(type="HOLDS_ROLE", source="janet-yellen", target="treasury",
                     properties={"title": "Treasury Secretary"}, confidence=0.9, evidence=[_sentence("Yellen")]),
            Relation(type="HOLDS_ROLE", source="janet-yellen", target="treasury",
                     properties={"title": "Secretary of the Treasury"}, confidence=0.9,
                     evidence=[_sentence("Yellen")]),
            Relation(type="HOLDS_ROLE", source="javad-zarif", target="iran", properties={"title": "Foreign Minister"},
                     confidence=0.8, evidence=[_sentence("Zarif")]),
            Relation(type="PART_OF", source="ofac", target="treasury", confidence=0.9,
                     evidence=[_sentence("part of the Treasury")]),
            Relation(type="ADMINISTERS", source="ofac", target="eo-13846", confidence=0.7,
                     evidence=[_sentence("designated Acme")]),
        ],
    )
    return build_batch([doc], [ex])


@pytest.fixture
def falkordb(falkordb_session_store):
    falkordb_session_store.clear()
    return falkordb_session_store


def _validated(body: bytes, tmp_path: Path) -> tuple[list[dict], list[dict]]:
    """The export's entities, and the same after `ftm validate` (which drops what the model rejects)."""
    src, out = tmp_path / "export.ftm.json", tmp_path / "validated.ftm.json"
    src.write_bytes(body)
    subprocess.run([str(FTM), "validate", "-i", str(src), "-o", str(out)], check=True, timeout=120)
    read = [json.loads(line) for line in src.read_text().splitlines()]
    return read, [json.loads(line) for line in out.read_text().splitlines()]


def _check_ftm(entities: list[dict], validated: list[dict]) -> None:
    """What a FtM user's tools require, checked with followthemoney's model."""
    assert len(validated) == len(entities)
    for before, after in zip(entities, validated, strict=True):
        kept = {p: len(v) for p, v in after["properties"].items()}
        assert {p: len(v) for p, v in before["properties"].items()} == kept, f"ftm validate dropped values: {before}"
    schemata = {e["id"]: model.get(e["schema"]) for e in entities}
    assert len(schemata) == len(entities), "ids are unique"
    for e in entities:
        schema = schemata[e["id"]]
        assert schema is not None and not schema.abstract, e
        assert set(schema.required) <= set(e["properties"]), f"{e['schema']} without {schema.required}: {e}"
        for name, values in e["properties"].items():
            prop = schema.get(name)
            if prop.type.name == "entity":  # every reference resolves, to an entity of the property's range
                for ref in values:
                    assert ref in schemata and schemata[ref].is_a(prop.range.name), (e, name, ref)
            if name == "sourceUrl":
                assert all(v.startswith(("https://", "http://")) for v in values), e
            if name == "summary":
                assert not any(v.lstrip().startswith("#") or "**" in v for v in values), e


def test_ftm_export_of_the_seed_corpus_passes_ftm_validate(falkordb, seed_batch, tmp_path):
    falkordb.write(seed_batch)
    body, truncated = export(falkordb, "json")
    entities, validated = _validated(body, tmp_path)
    assert not truncated and len(entities) > 20
    _check_ftm(entities, validated)
    schemata = {e["schema"] for e in entities}
    assert {"Sanction", "PublicBody", "Person"} <= schemata and "Thing" not in schemata


def test_ftm_export_maps_every_case(falkordb, tmp_path):
    falkordb.write(_case_batch())
    load_sample(falkordb)
    entities, validated = _validated(export(falkordb, "json")[0], tmp_path)
    _check_ftm(entities, validated)
    by_id = {e["id"]: e for e in entities}
    props = {i: e["properties"] for i, e in by_id.items()}
    # countries are codes on entities, places addresses, laws the program of what they enable
    assert "iran" not in by_id and "eo-13846" not in by_id and "entity-list" not in by_id
    assert props["acme"]["country"] == ["ir"] and props["acme"]["addressEntity"] == ["bandar-abbas"]
    assert by_id["bandar-abbas"]["schema"] == "Address" and props["bandar-abbas"]["full"] == ["Bandar Abbas"]
    assert props["javad-zarif"]["country"] == ["ir"] and props["javad-zarif"]["position"] == ["Foreign Minister"]
    sanction = props["act-acme.acme"]
    assert sanction["entity"] == ["acme"] and sanction["program"] == ["E.O. 13846"]
    assert sanction["authority"] == ["Office of Foreign Assets Control"]
    assert sanction["sourceUrl"] == ["https://home.treasury.gov/news/press-releases/jy0001"]
    assert all(not s.startswith("#") and "**" not in s for s in sanction["summary"])
    assert sanction["summary"][0].startswith("The Office of Foreign Assets Control (OFAC) designated")
    # a sanction imposed by a country: its code, the target a legal entity
    assert props["act-iran-ban.treasury"]["country"] == ["ir"]
    # an event involves legal entities only; the country is a code, the law a name, the place an address
    event = by_id["act-iran-objects"]
    assert event["schema"] == "Event" and event["properties"]["involved"] == ["acme"]
    assert event["properties"]["country"] == ["ir"] and event["properties"]["addressEntity"] == ["bandar-abbas"]
    # one relation per official and body, with every title; relations as FtM relation schemata
    employment = [e for e in entities if e["schema"] == "Employment"
                  and e["properties"]["employee"] == ["janet-yellen"]]
    assert len(employment) == 1
    assert sorted(employment[0]["properties"]["role"]) == ["Secretary of the Treasury", "Treasury Secretary"]
    assert employment[0]["properties"]["sourceUrl"] == ["https://home.treasury.gov/news/press-releases/jy0001"]
    assert any(e["schema"] == "Employment" and e["properties"]["employee"] == ["wilbur-ross"] for e in entities)
    assert any(e["schema"] == "Membership" and e["properties"]["member"] == ["ofac"]
               and e["properties"]["organization"] == ["treasury"] for e in entities)
