"""pg_relations (importing this package registers the spaCy factory)."""

from ingest.relations.component import RelationComponent, make_relations

__all__ = ["RelationComponent", "make_relations"]
