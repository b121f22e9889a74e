"""The query layer: the Cypher catalog (`queries/*.cypher`, shipped as package data), `run` (the one way to run
a named query) and the answers every caller gets (`queries.answers`)."""

from queries.catalog import Catalog, CatalogError, ParamError, default_catalog, run

__all__ = ["Catalog", "CatalogError", "ParamError", "default_catalog", "run"]
