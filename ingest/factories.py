"""Every PolicyGraph spaCy component, registered in one place with what it reads (`requires`) and writes
(`assigns`), as spaCy registers its own in spacy/pipeline/factories.py. Importing this module registers them;
importing a component's module does not, so tests and tools can use a component's helpers without side effects.
"""

from __future__ import annotations

from spacy.language import Language

from ingest import extensions  # noqa: F401  (registers the doc._ attributes the components assign)
from ingest.actions.component import ActionComponent
from ingest.entities.component import EntityComponent
from ingest.line_breaks import LineBreaks
from ingest.relations.component import RelationComponent


@Language.factory("pg_line_breaks", assigns=["token.is_sent_start"])
def make_line_breaks(nlp: Language, name: str) -> LineBreaks:
    return LineBreaks(name)


@Language.factory(
    "pg_entities",
    requires=["token.pos", "token.dep", "doc.ents", "doc.sents"],
    assigns=["doc._.pg_mentions", "doc._.pg_entities"],
)
def make_entities(nlp: Language, name: str) -> EntityComponent:
    return EntityComponent(nlp)


@Language.factory(
    "pg_relations",
    requires=["doc._.pg_mentions", "doc._.pg_entities", "doc.sents"],
    assigns=["doc._.pg_relations"],
)
def make_relations(nlp: Language, name: str) -> RelationComponent:
    return RelationComponent()


@Language.factory(
    "pg_actions",
    requires=["doc._.pg_mentions", "doc._.pg_entities", "doc._.pg_relations", "token.dep", "token.lemma"],
    assigns=["doc._.pg_actions"],
)
def make_actions(nlp: Language, name: str) -> ActionComponent:
    return ActionComponent(nlp)
