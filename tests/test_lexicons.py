"""The lexicons are data typed by hand in YAML flow style, where an unquoted comma silently splits a name
("Huawei Technologies Co., Ltd." -> "Huawei Technologies Co." and "Ltd.", an alias that would match every "Ltd.").
These checks keep such slips out."""

from __future__ import annotations

import yaml

from ingest.entities.head_words import LEGAL_SUFFIXES
from ingest.lexicon import LEXICON_DIR, LEXICON_FILES, load_lexicon

_FIELDS = {
    "id", "name", "type", "kind", "aliases", "exact", "us", "parent", "titles", "country", "context",
    "administered_by", "demonyms", "government_of", "title", "by_district", "category",
}


def test_every_entry_has_only_known_fields():
    for name in LEXICON_FILES:
        raw = yaml.safe_load((LEXICON_DIR / name).read_text(encoding="utf-8"))
        for entry in raw["entries"]:
            assert set(entry) <= _FIELDS, (name, entry)


def test_no_surface_form_is_a_bare_legal_form_or_a_single_letter():
    suffixes = {s.strip(".").lower() for s in LEGAL_SUFFIXES}
    lex = load_lexicon()
    for surface, hit, _exact in lex.forms:
        assert len(surface.strip()) >= 2, (hit.entry_id, surface)
        assert surface.strip(" .,").lower() not in suffixes, (hit.entry_id, surface)


def test_firms_named_by_short_and_legal_names_are_one_node():
    lex = load_lexicon()
    assert lex.entries["huawei"].type == "Company"
    assert "Huawei Technologies Co., Ltd." in lex.entries["huawei"].aliases
    assert lex.entries["pdvsa"].name == "Petroleos de Venezuela, S.A."
