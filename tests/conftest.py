"""Shared fixtures: real stores (embedded FalkorDB, a real Neo4j server) and real extraction batches.

- `store`: parametrised over ["falkordb", "neo4j"], a fresh (cleared) store with its schema. FalkorDB is the
  embedded server in a session tmp dir; Neo4j is one `scripts.neo4j_server.Neo4jServer` per session (or the
  server at POLICYGRAPH_TEST_NEO4J_URI). Without java/mvn the neo4j case is skipped - unless
  POLICYGRAPH_REQUIRE_NEO4J=1, which turns the skip into a failure (CI sets it).
- `both_stores`: the two stores at once, for "same answer on both" tests.
- `seed_documents` / `seed_extractions` / `seed_batch`: the five seed texts run once through the real
  pipeline. Extraction components change under us: tests check invariants, never exact numbers.
- `rich_batch`: a small hand-written two-document batch covering every relation and role (with offsets
  computed from the texts), for exact checks of the graph semantics (merging, provenance, enabled_by).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.batch import GraphBatch, build_batch
from ingest.contract import Action, Entity, Extraction, Relation, Span
from ingest.documents import Document

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
STORE_NAMES = ["falkordb", "neo4j"]


def _require_neo4j() -> bool:
    return os.environ.get("POLICYGRAPH_REQUIRE_NEO4J", "") not in ("", "0", "false", "no")


# ------------------------------------------------------------------------------------------------ stores


@pytest.fixture(scope="session")
def falkordb_session_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    from graph.embedded import EmbeddedServer
    from graph.falkordb_store import FalkorDBStore

    home = tmp_path_factory.mktemp("falkordb-home")
    server = EmbeddedServer.acquire(home)
    store = FalkorDBStore(server=server, graph_name="policygraph_test", batch_size=5000)
    store.setup_schema()
    yield store
    store.close()
    server.stop()


@pytest.fixture(scope="session")
def neo4j_uri() -> Iterator[str]:
    uri = os.environ.get("POLICYGRAPH_TEST_NEO4J_URI")
    if uri:
        yield uri
        return
    from scripts.neo4j_server import Neo4jServer, unavailable_reason

    reason = unavailable_reason()
    if reason is not None:
        if _require_neo4j():
            pytest.fail(f"POLICYGRAPH_REQUIRE_NEO4J=1 but Neo4j cannot run here: {reason}")
        pytest.skip(f"Neo4j not available: {reason}")
    with Neo4jServer() as server:
        yield server.uri


@pytest.fixture(scope="session")
def neo4j_session_store(neo4j_uri: str) -> Iterator:
    from graph.neo4j_store import Neo4jStore

    store = Neo4jStore(neo4j_uri, auth=None, batch_size=5000)
    store.setup_schema()
    yield store
    store.close()


def _session_store(request: pytest.FixtureRequest, name: str):
    return request.getfixturevalue(f"{name}_session_store")


@pytest.fixture(params=STORE_NAMES)
def store(request: pytest.FixtureRequest):
    """A fresh, empty store with its schema, one per backend."""
    s = _session_store(request, request.param)
    s.clear()
    return s


@pytest.fixture
def both_stores(request: pytest.FixtureRequest) -> list:
    stores = [_session_store(request, name) for name in STORE_NAMES]
    for s in stores:
        s.clear()
    return stores


# ----------------------------------------------------------------------------------------------- batches


@pytest.fixture(scope="session")
def seed_documents() -> list[Document]:
    paths = sorted(CORPUS.glob("*.txt"))
    assert len(paths) == 5, f"expected the five seed texts in {CORPUS}"
    return [Document.from_text(p.read_text(encoding="utf-8"), source=p.name, title=p.stem) for p in paths]


@pytest.fixture(scope="session")
def relations_nlp():
    """The model with PolicyGraph's entity and relation components only (no actions), loaded once per session."""
    import spacy

    import ingest.factories  # noqa: F401  (registers the PolicyGraph components)
    from policygraph.settings import get_settings

    nlp = spacy.load(get_settings().model)
    nlp.add_pipe("pg_entities")
    nlp.add_pipe("pg_relations")
    return nlp


@pytest.fixture(scope="session")
def nlp():
    """The full extraction pipeline (the configured model + PolicyGraph's components), loaded once per session."""
    from ingest.pipeline import build_nlp
    from policygraph.settings import get_settings

    return build_nlp(get_settings().model)


@pytest.fixture(scope="session")
def seed_extractions(seed_documents: list[Document], nlp) -> list[Extraction]:
    from ingest.pipeline import extract_batch

    return extract_batch(nlp, seed_documents)


@pytest.fixture(scope="session")
def seed_batch(seed_documents: list[Document], seed_extractions: list[Extraction]) -> GraphBatch:
    return build_batch(seed_documents, seed_extractions)


def span(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span(start=start, end=start + len(needle), text=needle)


RICH_TEXT_1 = (
    "WASHINGTON - The Bureau of Industry and Security (BIS) of the U.S. Department of Commerce added "
    "Megvii Technology to the Entity List on Monday. BIS administers the Export Administration "
    "Regulations. Secretary of State Mike Pompeo announced visa restrictions under Section 7031(c) of the "
    "Appropriations Act, which authorizes the State Department to bar officials."
)
RICH_TEXT_2 = (
    "Commerce's Bureau of Industry and Security, known as BIS, put Megvii on the Entity List, a list "
    "under the Export Administration Regulations. Megvii Technology is based in Beijing."
)


def rich_inputs() -> tuple[list[Document], list[Extraction]]:
    """Two documents that report one entity listing, with every relation type and role."""
    t1, t2 = RICH_TEXT_1, RICH_TEXT_2
    d1 = Document.from_text(t1, source="rich-1.txt", title="Commerce lists Megvii", published="2019-10-07",
                            url="https://example.org/1")
    d2 = Document.from_text(t2, source="rich-2.txt", title="Megvii on the Entity List", published="2019-10-09")
    listing = "The Bureau of Industry and Security (BIS) of the U.S. Department of Commerce added Megvii " \
              "Technology to the Entity List on Monday."
    visa = ("Secretary of State Mike Pompeo announced visa restrictions under Section 7031(c) of the "
            "Appropriations Act, which authorizes the State Department to bar officials.")
    ex1 = Extraction(
        doc_id=d1.id, source=d1.source, title=d1.title, published=d1.published,
        entities=[
            Entity(id="bis", name="Bureau of Industry and Security", type="Authority", aliases=["BIS"],
                   mentions=[span(t1, "Bureau of Industry and Security"), span(t1, "BIS")]),
            Entity(id="us-dept-commerce", name="Department of Commerce", type="Authority",
                   aliases=["U.S. Department of Commerce"], mentions=[span(t1, "U.S. Department of Commerce")]),
            Entity(id="megvii", name="Megvii Technology", type="Company", mentions=[span(t1, "Megvii Technology")]),
            Entity(id="entity-list", name="Entity List", type="Law", kind="list", mentions=[span(t1, "Entity List")]),
            Entity(id="ear", name="Export Administration Regulations", type="Law", kind="regulation",
                   mentions=[span(t1, "Export Administration Regulations")]),
            Entity(id="mike-pompeo", name="Mike Pompeo", type="Person", mentions=[span(t1, "Mike Pompeo")]),
            Entity(id="us-dept-state", name="State Department", type="Authority",
                   mentions=[span(t1, "State Department")]),
            Entity(id="section-7031c", name="Section 7031(c)", type="Law", kind="section",
                   mentions=[span(t1, "Section 7031(c)")]),
            Entity(id="appropriations-act", name="Appropriations Act", type="Law", kind="statute",
                   mentions=[span(t1, "Appropriations Act")]),
            Entity(id="washington", name="Washington", type="Place", aliases=["WASHINGTON"],
                   mentions=[span(t1, "WASHINGTON")]),
        ],
        actions=[
            Action(id="act-listing", kind="entity_listing", status="enacted", date="2019-10-07", by=["bis"],
                   targets=["megvii"], under=["entity-list"], confidence=0.9, evidence=[span(t1, listing)]),
            Action(id="act-visa", kind="visa_restriction", status="enacted", date=None,
                   by=["mike-pompeo", "us-dept-state"], targets=[], under=["section-7031c"], confidence=0.8,
                   evidence=[span(t1, visa)]),
        ],
        relations=[
            Relation(type="PART_OF", source="bis", target="us-dept-commerce", confidence=0.9,
                     evidence=[span(t1, "The Bureau of Industry and Security (BIS) of the U.S. Department of "
                                        "Commerce")]),
            Relation(type="ADMINISTERS", source="bis", target="ear", confidence=0.8,
                     evidence=[span(t1, "BIS administers the Export Administration Regulations.")]),
            Relation(type="HOLDS_ROLE", source="mike-pompeo", target="us-dept-state",
                     properties={"title": "Secretary of State"}, confidence=0.9,
                     evidence=[span(t1, "Secretary of State Mike Pompeo")]),
            Relation(type="PART_OF", source="section-7031c", target="appropriations-act", confidence=0.8,
                     evidence=[span(t1, "Section 7031(c) of the Appropriations Act")]),
            Relation(type="AUTHORIZES", source="section-7031c", target="us-dept-state", confidence=0.7,
                     evidence=[span(t1, visa)]),
        ],
    )
    ex2 = Extraction(
        doc_id=d2.id, source=d2.source, title=d2.title, published=d2.published,
        entities=[
            Entity(id="bis", name="Bureau of Industry and Security", type="Authority",
                   aliases=["BIS", "Commerce's Bureau of Industry and Security"],
                   mentions=[span(t2, "Bureau of Industry and Security"), span(t2, "BIS")]),
            Entity(id="us-dept-commerce", name="Commerce", type="Authority", aliases=["Commerce"],
                   mentions=[span(t2, "Commerce")]),
            Entity(id="megvii", name="Megvii", type="Company", aliases=["Megvii Technology"],
                   mentions=[span(t2, "Megvii"), span(t2, "Megvii Technology")]),
            Entity(id="entity-list", name="Entity List", type="Law", kind="list", mentions=[span(t2, "Entity List")]),
            Entity(id="ear", name="Export Administration Regulations", type="Law", kind="regulation",
                   mentions=[span(t2, "Export Administration Regulations")]),
            Entity(id="beijing", name="Beijing", type="Place", mentions=[span(t2, "Beijing")]),
        ],
        actions=[
            Action(id="act-listing", kind="entity_listing", status="enacted", date="2019-10-07", by=["bis"],
                   targets=["megvii"], under=["entity-list"], confidence=0.7,
                   evidence=[span(t2, "Commerce's Bureau of Industry and Security, known as BIS, put Megvii on "
                                      "the Entity List")]),
        ],
        relations=[
            Relation(type="PART_OF", source="bis", target="us-dept-commerce", confidence=0.6,
                     evidence=[span(t2, "Commerce's Bureau of Industry and Security")]),
            Relation(type="PART_OF", source="entity-list", target="ear", confidence=0.6,
                     evidence=[span(t2, "the Entity List, a list under the Export Administration Regulations")]),
            Relation(type="BASED_IN", source="megvii", target="beijing", confidence=0.8,
                     evidence=[span(t2, "Megvii Technology is based in Beijing.")]),
        ],
    )
    return [d1, d2], [ex1, ex2]


@pytest.fixture
def rich() -> tuple[list[Document], list[Extraction]]:
    return rich_inputs()


@pytest.fixture
def rich_batch(rich) -> GraphBatch:
    return build_batch(*rich)
