"""Issue 12, entity resolution in news: a bare "the Foreign Ministry" after "the South Korean Foreign Ministry" is
that ministry (one node, country-qualified id), not the one lexicon country's ministry the text also names (China's).
News-style sentences written for this test (no news text is copied)."""

from __future__ import annotations

from extracted import entities_and_relations as _read

_SEOUL = ("The South Korean Foreign Ministry said on Tuesday that it had blacklisted eight North Korean workers "
          "operating from Shenyang, China. The Foreign Ministry said the workers had earned money for weapons "
          "programs.")


def test_a_bare_ministry_joins_the_ministry_the_text_qualified(nlp) -> None:
    found, _ = _read(nlp, _SEOUL)
    assert "china-mfa" not in found, found
    rec = found["ministry-of-foreign-affairs-of-south-korea"]
    assert {"South Korean Foreign Ministry", "Foreign Ministry"} <= set(rec.aliases)


def test_two_qualified_ministries_leave_the_bare_form_alone(nlp) -> None:
    found, _ = _read(nlp, "The Japanese Foreign Ministry and the South Korean Foreign Ministry issued a joint "
                          "statement on Friday. The Foreign Ministry in Tokyo said more names would follow.")
    assert "ministry-of-foreign-affairs-of-japan" in found and "ministry-of-foreign-affairs-of-south-korea" in found
    assert not any("Foreign Ministry" in r.aliases for r in found.values() if "japan" in r.id or "korea" in r.id)
