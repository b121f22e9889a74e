"""pg_entities (importing this package registers the spaCy factory)."""

from ingest.entities.component import EntityComponent, make_entities

__all__ = ["EntityComponent", "make_entities"]
