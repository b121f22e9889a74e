"""pg_entities: first cut - spaCy NER mapped to ontology types. (To be replaced by lexicons + typing.)"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ingest.extensions import EntityRecord, Mention

_NER_TYPES = {"PERSON": "Person", "ORG": "Organization", "GPE": "Country", "LOC": "Place", "LAW": "Law"}


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@Language.factory("pg_entities")
def make_entities(nlp: Language, name: str) -> EntityComponent:
    return EntityComponent()


class EntityComponent:
    def __call__(self, doc: Doc) -> Doc:
        table: dict[str, EntityRecord] = {}
        mentions: list[Mention] = []
        for ent in doc.ents:
            etype = _NER_TYPES.get(ent.label_)
            if etype is None:
                continue
            eid = slug(ent.text)
            m = Mention(ent.start_char, ent.end_char, ent.text, eid, ent.start, ent.end)
            rec = table.setdefault(eid, EntityRecord(eid, ent.text, etype, "statute" if etype == "Law" else None))
            if ent.text not in rec.aliases:
                rec.aliases.append(ent.text)
            rec.mentions.append(m)
            mentions.append(m)
        doc._.pg_entities = table
        doc._.pg_mentions = mentions
        return doc
