"""The first-load fast path, timed: `policygraph export --format csv` of a store, `neo4j-admin database import
full` of those files into a fresh Neo4j database, then the imported graph counted against the source store.

    .venv/bin/python bench/neo4j_import.py --home /path/to/POLICYGRAPH_HOME     # an embedded FalkorDB store
    .venv/bin/python bench/neo4j_import.py --store neo4j://host:7687            # any store URI

The import tool is Neo4j's own (`org.neo4j.cli.AdminTool`, the class behind `neo4j-admin`), run from the
jars of scripts/neo4j-server (`scripts/neo4j-server.sh build`), into `--work`/neo4j/home: the layout
scripts/neo4j_server.py starts a server from, so the imported database is then opened by a real Neo4j 5.26
and counted. The export holds entities, actions and the relationships between them (documents are not in
it), so those are what is compared: entities per type, actions, relationships per type. Each step is timed
by wall clock and the process's CPU seconds (the export's and the import's whole process, from
os.wait4); the load average is printed with them.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
LIB = REPO / "scripts" / "neo4j-server" / "target" / "lib"
POLICYGRAPH = Path(sys.executable).with_name("policygraph")


def timed(cmd: list[str], env: dict[str, str], cwd: Path) -> dict:
    """Run `cmd`: its exit status, wall seconds and the tail of its output (CPU: children_cpu() around it)."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    out, _ = proc.communicate()
    wall = time.perf_counter() - started
    return {"exit": proc.returncode, "wall_s": round(wall, 1), "tail": out[-1500:]}


def children_cpu() -> float:
    import resource

    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def source_counts(store_uri: str | None, home: Path | None) -> dict:
    from graph.factory import open_store
    from policygraph.ontology import ACTION_LABEL, ENTITY_LABEL
    from policygraph.settings import Settings

    settings = Settings(home=home) if home else Settings()
    with open_store(store_uri, settings) as store:
        return graph_counts(lambda q: [tuple(r.values()) for r in store.query(q, timeout_ms=600_000)],
                            ENTITY_LABEL, ACTION_LABEL)


def graph_counts(run, entity: str, action: str) -> dict:
    """Entities per type, actions, relationships per type between entities and actions (what the export holds)."""
    ends = f"(a:{entity} OR a:{action}) AND (b:{entity} OR b:{action})"
    return {
        "entities_by_type": dict(sorted(run(f"MATCH (e:{entity}) RETURN e.type, count(e)"))),
        "actions": run(f"MATCH (a:{action}) RETURN count(a)")[0][0],
        "relationships_by_type": dict(sorted(run(f"MATCH (a)-[r]->(b) WHERE {ends} RETURN type(r), count(r)"))),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--home", type=Path, default=None, help="POLICYGRAPH_HOME of an embedded FalkorDB store")
    ap.add_argument("--store", default=None, help="a store URI instead (neo4j://..., falkordb://...)")
    ap.add_argument("--work", type=Path, default=None, help="where the CSV files and the new database go (kept)")
    ap.add_argument("--heap", default="1g", help="the import tool's JVM heap")
    args = ap.parse_args()
    from policygraph.ontology import ACTION_LABEL, ENTITY_LABEL
    from scripts.neo4j_server import Neo4jServer

    work = args.work or Path(tempfile.mkdtemp(prefix="pg-bench-import-"))
    csv_dir, data_dir = work / "csv", work / "neo4j"
    shutil.rmtree(csv_dir, ignore_errors=True)
    shutil.rmtree(data_dir, ignore_errors=True)
    (data_dir / "home").mkdir(parents=True)
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("POLICYGRAPH_STORE", None)
    if args.home:
        env["POLICYGRAPH_HOME"] = str(args.home)
    result: dict = {"load_average_start": round(os.getloadavg()[0], 1)}

    cpu0 = children_cpu()
    export = timed([str(POLICYGRAPH), "export", "--format", "csv", "--out", str(csv_dir),
                    *(["--store", args.store] if args.store else [])], env, work)
    result["export"] = {**export, "cpu_s": round(children_cpu() - cpu0, 1)}
    if export["exit"] != 0:
        print(json.dumps(result, indent=1))
        return 1
    files = {p.name: p.stat().st_size for p in sorted(csv_dir.glob("*.csv"))}
    result["csv_bytes"] = files

    cpu0 = children_cpu()
    cmd = ["java", f"-Xmx{args.heap}", "-cp", f"{LIB}/*", "org.neo4j.cli.AdminTool", "database", "import", "full",
           "neo4j", f"--nodes={csv_dir / 'entities.csv'}", f"--nodes={csv_dir / 'actions.csv'}",
           f"--relationships={csv_dir / 'relationships.csv'}", f"--report-file={work / 'import.report'}"]
    imported = timed(cmd, {**os.environ, "NEO4J_HOME": str(data_dir / "home")}, work)
    result["import"] = {**imported, "cpu_s": round(children_cpu() - cpu0, 1)}
    if imported["exit"] != 0:
        print(json.dumps(result, indent=1))
        return 1
    result["import"]["tail"] = imported["tail"][-400:]

    started = time.perf_counter()
    with Neo4jServer(data_dir=data_dir, heap="512m", page_cache="256m") as server, server.driver() as driver:
        result["server_start_s"] = round(time.perf_counter() - started, 1)
        got = graph_counts(lambda q: [tuple(r.values()) for r in driver.execute_query(q).records],
                           ENTITY_LABEL, ACTION_LABEL)
    want = source_counts(args.store, args.home)
    result.update({"load_average_end": round(os.getloadavg()[0], 1), "imported": got, "source": want,
                   "counts_equal": got == want})
    print(json.dumps(result, indent=1))
    return 0 if got == want else 1


if __name__ == "__main__":
    sys.exit(main())
