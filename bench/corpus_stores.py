"""Every text of the shared corpora into each store, then the two graphs compared.

    .venv/bin/python bench/corpus_stores.py [--processes 2] [--stores falkordb,neo4j] [--out result.json]
    .venv/bin/python bench/corpus_stores.py --compare falkordb.json neo4j.json   # two one-store runs' --out

Inputs: ../shared/corpora/treasury-press-releases.jsonl, treasury/*.md, whitehouse/*.md,
federal-register/*.jsonl, news/*.md and ../shared/seeds/*.txt - every text of the corpora except their
index.jsonl files (metadata without text). news/ is copyrighted: it is only read from where it lies into the
throwaway stores, never copied into the project. The Federal Register's one GPO XML rule is not a supported
input type.

Each store starts empty: the embedded FalkorDB in a fresh POLICYGRAPH_HOME, Neo4j a throwaway server
(scripts/neo4j_server.py) unless --neo4j-uri names one (then its graph is cleared first). The ingest is the
real command line, `policygraph ingest ... --processes N --json`, timed by wall clock. Then each graph is
read back whole and summarised: counts (documents, entities per type, actions, relationships per type) and
sha256 hashes of the sorted node ids per label and of the sorted relationships (type, start id, end id, and
the key properties: HOLDS_ROLE's title, REPORTED_IN's offsets). Exit status 0 only when no store reports a
failed document and every store's summary is identical.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from graph.store import Store  # noqa: E402

SHARED = ROOT.parent / "shared"
POLICYGRAPH = Path(sys.executable).with_name("policygraph")


SMOKE = False  # --smoke: the seeds only (a minute), to try the bench itself
ONLY: list[Path] = []  # --inputs: these files instead of the corpora
LOG_DIR: list[Path] = []  # --log-dir: each ingest's stderr (progress, failures) goes to <store>.ingest.log there


def inputs() -> list[Path]:
    if ONLY:
        return ONLY
    if SMOKE:
        return sorted((SHARED / "seeds").glob("*.txt"))
    corpora = SHARED / "corpora"
    paths = [corpora / "treasury-press-releases.jsonl", *sorted((corpora / "treasury").glob("*.md")),
             *sorted((corpora / "whitehouse").glob("*.md")),
             *sorted(p for p in (corpora / "federal-register").glob("*.jsonl")),
             *sorted((corpora / "news").glob("*.md")),
             *sorted((SHARED / "seeds").glob("*.txt"))]
    return [p for p in paths if p.is_file()]


def ingest(name: str, uri: str | None, home: Path, processes: int) -> dict:
    env = {**os.environ, "POLICYGRAPH_HOME": str(home), "NO_COLOR": "1"}
    env.pop("POLICYGRAPH_STORE", None)
    cmd = [str(POLICYGRAPH), "ingest", *map(str, inputs()), "--processes", str(processes), "--json"]
    if uri:
        cmd += ["--store", uri]
    started = time.perf_counter()
    # stderr to a file so a run of an hour can be watched while it goes (the progress bar and failures)
    log = (LOG_DIR[0] if LOG_DIR else home) / f"{name}.ingest.log"
    with log.open("w") as err:
        done = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=err, text=True, env=env, cwd=ROOT)
    wall = time.perf_counter() - started
    start = done.stdout.find("{")
    report = json.loads(done.stdout[start:]) if start >= 0 else {}
    return {"exit_status": done.returncode, "wall_seconds": round(wall, 1), "report": report,
            "stderr_tail": log.read_text()[-1500:] if done.returncode else ""}


def _sha(items: list) -> str:
    return hashlib.sha256(json.dumps(sorted(items), ensure_ascii=False).encode()).hexdigest()[:16]


def summarise(store: Store) -> dict:
    counts = store.counts()
    nodes = {}
    for label in ("Document", "Entity", "Action"):
        ids = [r["id"] for r in store.query(f"MATCH (n:{label}) RETURN n.id AS id", timeout_ms=600_000)]
        nodes[label] = {"count": len(ids), "hash": _sha(ids)}
    typed = [[r["id"], r["type"]] for r in store.query("MATCH (e:Entity) RETURN e.id AS id, e.type AS type",
                                                         timeout_ms=600_000)]
    rels = store.query(
        "MATCH (a)-[r]->(b) RETURN type(r) AS t, a.id AS s, b.id AS o, r.title AS title, r.start AS start, "
        "r.end AS end", timeout_ms=600_000)
    triples = [[r["t"], r["s"], r["o"], r.get("title"), r.get("start"), r.get("end")] for r in rels]
    return {"counts": counts, "nodes": nodes, "entity_types_hash": _sha(typed),
            "relationships": {"count": len(triples), "hash": _sha([json.dumps(t) for t in triples])}}


def run_falkordb(processes: int) -> dict:
    from graph.factory import open_store
    from policygraph.settings import Settings

    with tempfile.TemporaryDirectory(prefix="pg-bench-falkordb-") as home:
        result = ingest("falkordb", None, Path(home), processes)
        store = open_store(None, Settings(home=Path(home)), home=Path(home))
        try:
            result["graph"] = summarise(store)
        finally:
            store.close()
            store.server.stop()
    return result


def run_neo4j(processes: int, uri: str | None) -> dict:
    from graph.neo4j_store import Neo4jStore

    if uri:
        with Neo4jStore(uri, auth=None) as store:
            store.clear()
        return _neo4j_on(uri, processes)
    from neo4j_server import Neo4jServer

    with Neo4jServer() as server:
        return _neo4j_on(server.uri, processes)


def _neo4j_on(uri: str, processes: int) -> dict:
    from graph.neo4j_store import Neo4jStore

    with tempfile.TemporaryDirectory(prefix="pg-bench-neo4j-") as home:
        os.environ.setdefault("NEO4J_USER", "neo4j")
        result = ingest("neo4j", uri, Path(home), processes)
    with Neo4jStore(uri, auth=None) as store:
        result["graph"] = summarise(store)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--stores", default="falkordb,neo4j")
    parser.add_argument("--neo4j-uri", default=None, help="an already running Neo4j (cleared first)")
    parser.add_argument("--out", type=Path, default=None, help="write the full result as JSON here")
    parser.add_argument("--smoke", action="store_true", help="the seeds only, to try the bench itself")
    parser.add_argument("--inputs", nargs="+", type=Path, default=[], help="these files instead of the corpora")
    parser.add_argument("--log-dir", type=Path, default=None, help="write each ingest's stderr here")
    parser.add_argument("--compare", nargs="+", type=Path, default=[],
                        help="no ingest: the verdict over the --out files of earlier runs (one store each, run at "
                             "the same time to halve the wall clock)")
    args = parser.parse_args()
    if args.compare:
        return verdict({k: v for f in args.compare for k, v in json.loads(f.read_text())["results"].items()},
                       args.out)
    global SMOKE  # the input list is module state: one run, one list
    SMOKE = args.smoke
    ONLY.extend(args.inputs)
    if args.log_dir:
        args.log_dir.mkdir(parents=True, exist_ok=True)
        LOG_DIR.append(args.log_dir)
    paths = inputs()
    print(f"{len(paths)} input files, {sum(p.stat().st_size for p in paths) / 1e6:.1f} MB", flush=True)
    results: dict[str, dict] = {}
    for name in args.stores.split(","):
        print(f"[{name}] ingesting with --processes {args.processes} ...", flush=True)
        results[name] = run_falkordb(args.processes) if name == "falkordb" else run_neo4j(args.processes,
                                                                                           args.neo4j_uri)
        r = results[name]
        rep = r["report"]
        print(f"[{name}] exit {r['exit_status']}, {r['wall_seconds']} s: new {rep.get('documents_new')}, "
              f"unchanged {rep.get('documents_unchanged')}, failed {rep.get('documents_failed')}, "
              f"{rep.get('tokens', 0):,} tokens in {rep.get('seconds')} s of ingest "
              f"({rep.get('tokens', 0) / max(rep.get('seconds') or 1e-9, 1e-9):,.0f} tokens/s; the wall clock adds "
              f"the command's start, model load and store stop)", flush=True)
        for f in rep.get("failures", [])[:20]:
            print(f"[{name}]   failed {f['source']}: {f['reason']}", flush=True)
        g = r.get("graph", {})
        print(f"[{name}] graph: {json.dumps({k: g.get(k) for k in ('nodes', 'relationships')})}", flush=True)
    return verdict(results, args.out)


def verdict(results: dict[str, dict], out: Path | None) -> int:
    graphs = [json.dumps(r.get("graph"), sort_keys=True) for r in results.values()]
    equal = len(set(graphs)) == 1
    failures = sum(r["report"].get("documents_failed", 1) for r in results.values())
    found = {"stores": list(results), "graphs_equal": equal, "failed_documents": failures}
    print(json.dumps(found), flush=True)
    if out:
        out.write_text(json.dumps({"verdict": found, "results": results}, indent=2, default=str))
    return 0 if equal and failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
