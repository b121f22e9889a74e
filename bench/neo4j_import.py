"""The first-load fast path, timed: `policygraph export --format neo4j-admin` of a store (every node and relationship,
documents and evidence included), `neo4j-admin database import full` of those files into a fresh Neo4j database, the
database opened by PolicyGraph (its constraints and indexes made, the full-text index filled), then compared with the
source store: same digest (count and content hash of every label and relationship type, queries/export_admin.digest).

    .venv/bin/python bench/neo4j_import.py --home /path/to/POLICYGRAPH_HOME     # an embedded FalkorDB store
    .venv/bin/python bench/neo4j_import.py --store neo4j://host:7687            # any store URI

The import tool is Neo4j's own (`org.neo4j.cli.AdminTool`, the class behind `neo4j-admin`), run from the
jars of scripts/neo4j-server (`scripts/neo4j-server.sh build`), into `--work`/neo4j/home: the layout
scripts/neo4j_server.py starts a server from. Each step is timed by wall clock and the CPU seconds of its process
(the export's and the import's, from os.wait4); the load average is printed with them.
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


def digest_of(store_uri: str | None, home: Path | None = None) -> dict:
    from graph.factory import open_store
    from policygraph.settings import Settings
    from queries.export_admin import digest

    settings = Settings(home=home) if home else Settings()
    with open_store(store_uri, settings) as store:
        return digest(store)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--home", type=Path, default=None, help="POLICYGRAPH_HOME of an embedded FalkorDB store")
    ap.add_argument("--store", default=None, help="a store URI instead (neo4j://..., falkordb://...)")
    ap.add_argument("--work", type=Path, default=None, help="where the CSV files and the new database go (kept)")
    ap.add_argument("--heap", default="1g", help="the import tool's JVM heap")
    args = ap.parse_args()
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
    export = timed([str(POLICYGRAPH), "export", "--format", "neo4j-admin", "--out", str(csv_dir),
                    *(["--store", args.store] if args.store else [])], env, work)
    result["export"] = {**export, "cpu_s": round(children_cpu() - cpu0, 1)}
    if export["exit"] != 0:
        print(json.dumps(result, indent=1))
        return 1
    files = {p.name: p.stat().st_size for p in sorted(csv_dir.glob("*.csv"))}
    result["csv_bytes"] = files

    cpu0 = children_cpu()
    cmd = ["java", f"-Xmx{args.heap}", "-cp", f"{LIB}/*", "org.neo4j.cli.AdminTool", "database", "import", "full",
           "neo4j", "@import.args", f"--report-file={work / 'import.report'}"]
    imported = timed(cmd, {**os.environ, "NEO4J_HOME": str(data_dir / "home")}, csv_dir)
    result["import"] = {**imported, "cpu_s": round(children_cpu() - cpu0, 1)}
    if imported["exit"] != 0:
        print(json.dumps(result, indent=1))
        return 1
    result["import"]["tail"] = imported["tail"][-400:]

    started = time.perf_counter()
    with Neo4jServer(data_dir=data_dir, heap="512m", page_cache="256m") as server:
        result["server_start_s"] = round(time.perf_counter() - started, 1)
        from graph.neo4j_store import Neo4jStore

        started = time.perf_counter()
        with Neo4jStore(server.uri, auth=None) as neo:  # what `policygraph` does on open: constraints, indexes
            neo.setup_schema()
            result["open_s"] = round(time.perf_counter() - started, 1)
        got = digest_of(server.uri)
    want = digest_of(args.store, args.home)
    result.update({"load_average_end": round(os.getloadavg()[0], 1), "imported": got,
                   "same_graph": got == want})
    if got != want:
        result["source"] = want
    print(json.dumps(result, indent=1))
    return 0 if got == want else 1


if __name__ == "__main__":
    sys.exit(main())
