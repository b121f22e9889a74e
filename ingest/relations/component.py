"""pg_relations: PART_OF, HOLDS_ROLE, ADMINISTERS, AUTHORIZES and BASED_IN between the entities that
pg_entities found, as contract `Relation` objects (confidence 0..1, the sentence as evidence, offsets
into doc.text). Every relation respects policygraph.ontology's signatures. Reads only
doc._.pg_entities / doc._.pg_mentions, the parse (sentences, POS) and the lexicon."""

from __future__ import annotations

from spacy.tokens import Doc

from ingest import extensions  # noqa: F401  (registers doc._ extensions)
from ingest.lexicon import Lexicon, load_lexicon
from ingest.relations.chapters import chapter_parts
from ingest.relations.context import Context, Relations
from ingest.relations.founding import founding_laws
from ingest.relations.law_parts import law_parts
from ingest.relations.law_verbs import law_verbs
from ingest.relations.located import based_in, lists
from ingest.relations.located_lists import located_lists
from ingest.relations.located_parse import based_in_parse
from ingest.relations.order_authority import order_delegation
from ingest.relations.order_terms import order_terms
from ingest.relations.ownership import ownership
from ingest.relations.publisher_roles import publisher_roles
from ingest.relations.role_verbs import role_verbs
from ingest.relations.roles import holds_role
from ingest.relations.structure import administers, authorizes, part_of
from ingest.relations.unit_parts import unit_parts


class RelationComponent:
    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lex = lexicon or load_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        if not doc._.pg_entities:
            doc._.pg_relations = []
            return doc
        ctx = Context.build(doc, self.lex)
        out = Relations(ctx)
        part_of(ctx, out)
        law_parts(ctx, out)
        unit_parts(ctx, out)
        chapter_parts(ctx, out)
        administers(ctx, out)
        law_verbs(ctx, out)
        authorizes(ctx, out)
        founding_laws(ctx, out)
        order_delegation(ctx, out)
        order_terms(ctx, out)
        holds_role(ctx, out)
        role_verbs(ctx, out)
        ownership(ctx, out)
        publisher_roles(ctx, out)
        based_in(ctx, out)
        based_in_parse(ctx, out)
        located_lists(ctx, out)
        lists(ctx, out)
        doc._.pg_relations = out.result()
        return doc
