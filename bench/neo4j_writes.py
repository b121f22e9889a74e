"""Neo4j write throughput (nodes + relationships created per second) by batch size, through `neo4j://` routing.

    .venv/bin/python bench/neo4j_writes.py                              # a throwaway server, normal JVM settings
    .venv/bin/python bench/neo4j_writes.py --neo4j-uri neo4j://host:7687 # an existing server or cluster (cleared!)
    .venv/bin/python bench/neo4j_writes.py --batch-sizes 2000 5000 10000 --docs 300

The batch is bench/store_write.py's synthetic one (per document 45 own entities, 10 from a shared pool of
5,000, 20 relations, 5 actions), written through the real path (build_batch -> Neo4jStore.write) into an
empty graph. The throwaway server runs with the Neo4j launcher's normal JVM settings (G1 GC, full JIT: not
the test server's C1-only serial-GC flags), 1 GB heap and 512 MB page cache. A JVM runs Cypher interpreted
until its JIT has compiled the hot paths: the first write of this batch costs the server ~3x the CPU of the
fourth, so `--warmup` writes (default 3) come first and are not counted - a server in use is warm. Each batch
size is then written `--repeat` times (each into an emptied graph) and the median is printed: wall seconds,
created/s, the server's CPU seconds (/proc, local server only), created per server CPU second (the figure that
depends least on what else the machine runs) and this process's own CPU seconds (rows, driver, packing).
`--old` also times the per-statement path (one transaction per step and chunk, graph.store.Store.write).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # before bench/ itself: bench/ingest.py must not hide the ingest package
sys.path.append(str(REPO / "bench"))

from store_write import synthetic  # noqa: E402

from graph.batch import build_batch  # noqa: E402
from graph.neo4j_store import Neo4jStore  # noqa: E402
from graph.store import Store  # noqa: E402

NORMAL_JVM = "-XX:-UseSerialGC -XX:+UseG1GC -XX:TieredStopAtLevel=4"


def _cpu_seconds(pid: int | None) -> float | None:
    if pid is None:
        return None
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(store: Neo4jStore, batch, pid: int | None, old: bool = False) -> dict:
    store.clear()
    cpu0, own0 = _cpu_seconds(pid), time.process_time()
    started = time.perf_counter()
    stats = Store.write(store, batch) if old else store.write(batch)
    wall = time.perf_counter() - started
    cpu, own = _cpu_seconds(pid), time.process_time() - own0
    created = stats.nodes_created + stats.relationships_created
    row = {"path": "one transaction a step (old)" if old else "packed transactions", "batch_size": store.batch_size,
           "created": created, "wall_s": round(wall, 2), "created_per_s": round(created / wall),
           "client_cpu_s": round(own, 2), "load_average": round(os.getloadavg()[0], 1)}
    if cpu0 is not None and cpu is not None:
        row["server_cpu_s"] = round(cpu - cpu0, 2)
        row["created_per_server_cpu_s"] = round(created / max(cpu - cpu0, 1e-6))
    return row


def median_of(rows: list[dict]) -> dict:
    """The run of median wall time, with every run's created/s alongside (the spread)."""
    ordered = sorted(rows, key=lambda r: r["wall_s"])
    return {**ordered[len(ordered) // 2], "runs": len(rows), "created_per_s_all": [r["created_per_s"] for r in rows]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--batch-sizes", type=int, nargs="+", default=[5000, 10000, 20000])
    ap.add_argument("--warmup", type=int, default=3, help="writes of the batch first, not counted (the JIT)")
    ap.add_argument("--repeat", type=int, default=2, help="writes a batch size, the median printed")
    ap.add_argument("--old", action="store_true", help="also the one-transaction-a-step path, at 5000 rows")
    ap.add_argument("--neo4j-uri", default=None)
    args = ap.parse_args()
    batch = build_batch(*synthetic(args.docs, 45, 5000, 10, 20, 5))
    print(json.dumps({"documents": args.docs, "rows": batch.row_count(), "cpus": os.cpu_count()}), flush=True)
    server = None
    uri, pid = args.neo4j_uri, None
    if uri is None:
        from scripts.neo4j_server import Neo4jServer

        os.environ["NEO4J_JAVA_OPTS"] = NORMAL_JVM
        server = Neo4jServer(heap="1g", page_cache="512m").start()
        uri, pid = server.uri.replace("bolt://", "neo4j://"), server.pid
        # the launcher script execs java: the pid is the JVM's (scripts/neo4j-server.sh run)
    try:
        with Neo4jStore(uri, auth=None) as store:
            store.setup_schema()
            store.batch_size = 10000
            for _ in range(args.warmup):
                print(json.dumps({"warm-up": measure(store, batch, pid)}), flush=True)
            results = []
            for size in args.batch_sizes:
                store.batch_size = size
                results.append(median_of([measure(store, batch, pid) for _ in range(max(1, args.repeat))]))
                print(json.dumps(results[-1]), flush=True)
            if args.old:
                store.batch_size = 5000
                results.append(median_of([measure(store, batch, pid, old=True) for _ in range(max(1, args.repeat))]))
                print(json.dumps(results[-1]), flush=True)
            store.clear()
    finally:
        if server is not None:
            server.stop()
    best = max((r for r in results if "old" not in r["path"]), key=lambda r: r["created_per_s"])
    print(f"best batch size {best['batch_size']}: {best['created_per_s']:,} created/s wall"
          + (f", {best['created_per_server_cpu_s']:,} per server CPU second" if "server_cpu_s" in best else ""))


if __name__ == "__main__":
    main()
