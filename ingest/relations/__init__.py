"""pg_relations: relations between the entities (component.py); its factory is registered in
ingest/factories.py."""
