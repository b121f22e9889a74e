"""Write throughput of the graph stores on a synthetic batch (default ~50k entities, ~100k relationships).

    .venv/bin/python bench/store_write.py                       # embedded FalkorDB + a throwaway Neo4j
    .venv/bin/python bench/store_write.py --stores falkordb     # one store only
    .venv/bin/python bench/store_write.py --neo4j-uri bolt://127.0.0.1:7687   # an already running Neo4j

The batch goes through the real path: contract objects -> graph.batch.build_batch -> Store.write, in chunks
of --batch-size rows per UNWIND transaction. Each store is written once into an empty graph (timed), then the
same batch again (the idempotent rewrite: must create nothing). Prints one JSON line per store and a summary
with the Neo4j/FalkorDB time ratio of the same run.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.batch import GraphBatch, build_batch  # noqa: E402
from graph.store import Store  # noqa: E402
from ingest.contract import Action, Entity, Extraction, Relation, Span  # noqa: E402
from ingest.documents import Document  # noqa: E402
from policygraph.ontology import ACTION_KINDS, ENTITY_TYPES  # noqa: E402

TYPES = [t for t in ENTITY_TYPES if t != "Law"]


def synthetic(n_docs: int, local: int, shared_pool: int, shared_per_doc: int, relations: int, actions: int,
              seed: int = 7) -> tuple[list[Document], list[Extraction]]:
    """Documents with `local` entities of their own and `shared_per_doc` drawn from a shared pool (so ids
    repeat across documents and aliases/evidence merge), `relations` relations and `actions` actions each."""
    rng = random.Random(seed)
    docs, extractions = [], []
    for d in range(n_docs):
        text = f"Synthetic document {d}. " + "Lorem ipsum dolor sit amet. " * 20
        doc = Document.from_text(text, source=f"synthetic-{d}.txt", title=f"Synthetic {d}",
                                 published=f"20{10 + d % 15:02d}-{1 + d % 12:02d}-{1 + d % 28:02d}")
        ents: list[Entity] = []
        ids = [f"e-{d}-{i}" for i in range(local)]
        ids += [f"hub-{rng.randrange(shared_pool)}" for _ in range(shared_per_doc)]
        ids = list(dict.fromkeys(ids))
        for i, eid in enumerate(ids):
            is_law = i % 10 == 0
            etype = "Law" if is_law else TYPES[i % len(TYPES)]
            ents.append(Entity(
                id=eid, name=f"Entity {eid.replace('-', ' ')}", type=etype, kind="statute" if is_law else None,
                aliases=[f"Alias {eid} {d % 3}"],
                mentions=[Span(start=s, end=s + 5, text=text[s : s + 5]) for s in (i % 50, 60 + i % 50)],
            ))
        laws = [e.id for e in ents if e.type == "Law"]
        actors = [e.id for e in ents if e.type in ("Authority", "Person", "Country")]
        rels = []
        for r in range(relations):
            a, b = rng.sample(ids, 2)
            rtype = ("PART_OF", "BASED_IN", "ADMINISTERS", "AUTHORIZES")[r % 4]
            rels.append(Relation(type=rtype, source=a, target=b, confidence=rng.random(),
                                 evidence=[Span(start=0, end=20, text=text[:20])]))
        acts = []
        for k in range(actions):
            acts.append(Action(
                id=f"act-{d}-{k}", kind=ACTION_KINDS[k % len(ACTION_KINDS)], status="enacted",
                date=doc.published, by=[rng.choice(actors)], targets=rng.sample(ids, 2), under=[rng.choice(laws)],
                confidence=rng.random(), evidence=[Span(start=25, end=60, text=text[25:60])],
            ))
        docs.append(doc)
        extractions.append(Extraction(doc_id=doc.id, source=doc.source, title=doc.title, published=doc.published,
                                      entities=ents, actions=acts, relations=rels))
    return docs, extractions


def batch_size_of(batch: GraphBatch) -> dict:
    rels = len(batch.mentions) + len(batch.reported_in) + sum(len(v) for v in batch.roles.values()) \
        + sum(len(v) for v in batch.relations.values())
    return {"documents": len(batch.documents), "entities": len(batch.entities), "actions": len(batch.actions),
            "relationships": rels}


def run_store(store: Store, batch: GraphBatch) -> dict:
    store.clear()
    store.setup_schema()
    first = store.write(batch)
    counts = store.counts()
    again = store.write(batch)
    assert again.created == 0, f"{store.name}: rewrite created {again.created} nodes/relationships"
    assert store.counts() == counts, f"{store.name}: rewrite changed the counts"
    nodes = first.nodes_created
    rels = first.relationships_created
    node_steps = sum(v for k, v in first.timings.items() if k in ("documents", "actions", "complete")
                     or k.startswith("entities:"))
    rel_steps = first.seconds - node_steps
    return {
        "store": store.name,
        "batch_size": store.batch_size,
        "write_s": round(first.seconds, 2),
        "nodes_created": nodes,
        "relationships_created": rels,
        "nodes_per_s": round(nodes / node_steps) if node_steps else None,
        "rels_per_s": round(rels / rel_steps) if rel_steps else None,
        "rows_per_s": round(first.rows / first.seconds),
        "rewrite_s": round(again.seconds, 2),
        "rewrite_created": again.created,
        "steps_s": {k: round(v, 2) for k, v in first.timings.items()},
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--local", type=int, default=45, help="entities of each document's own")
    ap.add_argument("--shared-pool", type=int, default=5000)
    ap.add_argument("--shared-per-doc", type=int, default=10)
    ap.add_argument("--relations", type=int, default=20, help="relations per document")
    ap.add_argument("--actions", type=int, default=5, help="actions per document")
    ap.add_argument("--batch-size", type=int, default=5000)
    ap.add_argument("--stores", default="falkordb,neo4j")
    ap.add_argument("--neo4j-uri", default=None, help="use this Neo4j instead of starting a throwaway one")
    args = ap.parse_args()

    t = time.perf_counter()
    docs, extractions = synthetic(args.docs, args.local, args.shared_pool, args.shared_per_doc, args.relations,
                                  args.actions)
    t_objects = time.perf_counter() - t
    t = time.perf_counter()
    batch = build_batch(docs, extractions)
    t_build = time.perf_counter() - t
    size = batch_size_of(batch)
    print(json.dumps({"synthetic": size, "objects_s": round(t_objects, 2), "build_batch_s": round(t_build, 2),
                      "rows": batch.row_count()}), flush=True)

    results = {}
    wanted = args.stores.split(",")
    if "falkordb" in wanted:
        from graph.embedded import EmbeddedServer
        from graph.falkordb_store import FalkorDBStore

        with tempfile.TemporaryDirectory(prefix="pg-bench-") as home:
            server = EmbeddedServer.acquire(Path(home))
            with FalkorDBStore(server=server, graph_name="bench", batch_size=args.batch_size) as store:
                results["falkordb"] = run_store(store, batch)
            print(json.dumps(results["falkordb"]), flush=True)
    if "neo4j" in wanted:
        from graph.neo4j_store import Neo4jStore

        def bench_neo4j(uri: str) -> None:
            with Neo4jStore(uri, auth=None, batch_size=args.batch_size) as store:
                results["neo4j"] = run_store(store, batch)
            print(json.dumps(results["neo4j"]), flush=True)

        if args.neo4j_uri:
            bench_neo4j(args.neo4j_uri)
        else:
            from scripts.neo4j_server import Neo4jServer

            with Neo4jServer(heap="1g") as server:
                bench_neo4j(server.uri)
    if len(results) == 2:
        f, n = results["falkordb"], results["neo4j"]
        print(json.dumps({"neo4j_over_falkordb_write": round(n["write_s"] / f["write_s"], 2),
                          "neo4j_over_falkordb_rewrite": round(n["rewrite_s"] / f["rewrite_s"], 2)}))


if __name__ == "__main__":
    main()
