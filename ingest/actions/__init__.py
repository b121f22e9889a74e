"""pg_actions: the measures a text reports, read as frames from the parse (component.py); its factory is
registered in ingest/factories.py."""
