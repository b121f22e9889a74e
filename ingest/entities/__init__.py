"""pg_entities: entity candidates, typing and resolution (component.py); its factory is registered in
ingest/factories.py."""
