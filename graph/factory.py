"""`open_store`: a store URI (or none) -> the Store for it.

- None (and no POLICYGRAPH_STORE)      -> the embedded FalkorDB in settings.home (started if needed)
- redis://host:port, rediss://, unix:///path/to.sock -> an external FalkorDB server
- bolt://, bolt+s://, bolt+ssc://, neo4j://, neo4j+s://, neo4j+ssc:// -> Neo4j, credentials from settings
  (NEO4J_USER / NEO4J_PASSWORD, database NEO4J_DATABASE or the server default)
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

from graph.store import Store
from policygraph.settings import Settings, get_settings


class StoreURIError(ValueError):
    """The store URI names no backend this project speaks (a usage error, not an unreachable store)."""


FALKORDB_SCHEMES = ("redis", "rediss", "unix")
NEO4J_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def open_store(
    uri: str | None = None,
    settings: Settings | None = None,
    *,
    home: Path | None = None,
    setup_schema: bool = True,
) -> Store:
    """Open (and by default prepare the schema of) the store `uri` names; see the module doc."""
    settings = settings or get_settings()
    uri = uri or settings.store
    if not uri:
        from graph.embedded import EmbeddedServer
        from graph.falkordb_store import FalkorDBStore

        server = EmbeddedServer.acquire(Path(home or settings.home))
        try:
            store: Store = FalkorDBStore(server=server, graph_name=settings.graph_name,
                                         batch_size=settings.batch_size)
        except Exception:
            server.release()
            raise
    else:
        scheme = urlparse(uri).scheme.lower()
        if scheme in FALKORDB_SCHEMES:
            from graph.falkordb_store import FalkorDBStore

            store = FalkorDBStore(url=uri, graph_name=settings.graph_name, batch_size=settings.batch_size)
        elif scheme in NEO4J_SCHEMES:
            from graph.neo4j_store import Neo4jStore

            store = Neo4jStore(
                uri,
                auth=(settings.neo4j_user, settings.neo4j_password),
                database=settings.neo4j_database,
                batch_size=settings.batch_size,
            )
        else:
            raise StoreURIError(
                f"unsupported store URI {uri!r}: use redis://host:port or unix:///path (FalkorDB), "
                "bolt:// or neo4j:// (Neo4j), or nothing for the embedded FalkorDB"
            )
    if setup_schema:
        try:
            store.setup_schema()
        except Exception:
            store.close()
            raise
    return store
