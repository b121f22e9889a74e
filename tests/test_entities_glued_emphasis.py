"""Issue 12, entities: Treasury's exports glued emphasised names to their neighbours ("chain*Drogas La Rebaja
*and*Copservir*"), so two firms fused into one token run or into the word before them. Real sentences from
../shared/corpora/treasury-press-releases.jsonl (2004-09-14-js1915, 2005-11-30-js3028), in neither dev set."""

from __future__ import annotations

from extracted import entities_and_relations as _read

from ingest.markdown_text import markdown_to_text

_CHAIN = ("Today's action targets the organization's financial network in Colombia, which is centered on the "
          "drugstore chain*Drogas La Rebaja *and*Copservir*, the pharmaceutical laboratory*Laboratorios Kressfor*.")
_JAAR = ("Also named as SDNTs today were two companies controlled by Armando Jacobo Jaar Jacir,*Armando Jaar y Cia. "
         "S.C.S.*in Colombia and*Jacaria Florida, Inc.*in Miami, Florida.")


def test_glued_emphasis_keeps_the_words_apart() -> None:
    text = markdown_to_text(_CHAIN)
    assert "chain Drogas La Rebaja and Copservir, the pharmaceutical laboratory Laboratorios Kressfor." in text
    assert "Jacir, Armando Jaar y Cia. S.C.S. in Colombia and Jacaria Florida, Inc. in Miami" in markdown_to_text(_JAAR)


def test_glued_emphasised_firms_are_separate_entities(nlp) -> None:
    found, _ = _read(nlp, markdown_to_text(_JAAR))
    names = {r.name for r in found.values()}
    assert "Jacaria Florida, Inc." in names, names
    assert not any("Jacaria" in n and "Jaar y" in n for n in names), names
