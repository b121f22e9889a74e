"""Ingest scaling benchmark: `--processes 1`, `--processes 2` and a local 2-worker Ray runtime, same texts, same run.

    .venv/bin/python bench/cluster.py --docs 60                       # a Treasury subset, both stores
    .venv/bin/python bench/cluster.py --docs 0 --extra ../shared/corpora/whitehouse \\
        ../shared/corpora/federal-register --stores falkordb,neo4j     # the full corpus (1,865 releases + WH + FR)

Each run is the whole `policygraph ingest` CLI in a fresh process into an empty store (a fresh embedded FalkorDB
data directory; the Neo4j database cleared), so model loads, Ray start-up and writes are all in the wall time.
Measured: wall seconds, whitespace tokens per wall second, CPU seconds of the whole process tree and the peak
resident memory of that tree (both sampled every 0.2 s from /proc: driver, worker processes, Ray's own processes,
the embedded FalkorDB server; a separate Neo4j server is not in it). After each run the store's counts are
read back: every configuration on every store must hold the same graph. The Neo4j is a throwaway server
started here with the server launcher's normal JVM settings (G1, full JIT), unless --neo4j-uri is given.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from itertools import islice
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
CORPUS = REPO.parent / "shared" / "corpora" / "treasury-press-releases.jsonl"
NORMAL_JVM = "-XX:-UseSerialGC -XX:+UseG1GC -XX:TieredStopAtLevel=4"  # what the Neo4j launcher runs with
CONFIGS = {"processes 1": ["--processes", "1"], "processes 2": ["--processes", "2"],
           "ray 2 workers": ["--cluster", "auto", "--processes", "2"]}


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                ppid = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(children.get(pid, []))
    return out


def _rss(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            continue
    return total


def _cpu(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_ingest(path: Path, args: list[str], env: dict[str, str]) -> dict:
    exe = Path(sys.executable).with_name("policygraph")
    started = time.perf_counter()
    errors = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115 - stderr of the run, read back on failure
    proc = subprocess.Popen([str(exe), "ingest", str(path), *args, "--json"], env=env, stdout=subprocess.PIPE,
                            stderr=errors, text=True)
    peak = [0]
    loads: list[float] = []  # the 1-minute load average every ~5 s: how shared the machine was during the run
    cpu_seen: dict[int, float] = {}  # pid -> CPU seconds last seen: Ray's workers are not reaped by us
    done = threading.Event()

    def sample() -> None:
        ticks = 0
        while not done.wait(0.2):
            ticks += 1
            if ticks % 25 == 1:
                loads.append(os.getloadavg()[0])
            pids = _tree(proc.pid)
            peak[0] = max(peak[0], _rss(pids))
            for pid in pids:
                cpu_seen[pid] = max(cpu_seen.get(pid, 0.0), _cpu(pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = proc.communicate()
    wall = time.perf_counter() - started
    done.set()
    sampler.join()
    cpu = sum(cpu_seen.values())
    if proc.returncode != 0:
        errors.seek(0)
        raise SystemExit(f"ingest {' '.join(args)} exited {proc.returncode}: {out[-2000:]}{errors.read()[-3000:]}")
    report = json.loads(out[out.index("{"):])
    return {"wall_s": round(wall, 1), "cpu_s": round(cpu, 1), "peak_rss_mb": round(peak[0] / 2**20),
            "tokens": report["tokens"], "tokens_per_s": round(report["tokens"] / wall),
            "documents_new": report["documents_new"], "failed": report["documents_failed"],
            "load_mean": round(sum(loads) / max(len(loads), 1), 1), "load_max": round(max(loads, default=0.0), 1)}


def counts(store_uri: str | None, home: Path) -> dict:
    """The store's counts and sha256 hashes of its ids, entity types and relationships (bench/corpus_stores.py)."""
    from corpus_stores import summarise

    from graph.factory import open_store
    from policygraph.settings import Settings

    with open_store(store_uri, Settings(home=home)) as store:
        summary = summarise(store)
    c = summary.pop("counts")
    return {**{k: c[k] for k in ("documents", "entities", "actions", "relationships", "entities_by_type",
                                  "relationships_by_type")}, **summary}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=60, help="first N Treasury releases (0: all 1,865)")
    ap.add_argument("--extra", nargs="*", default=[], help="more files or directories (White House, Fed. Register)")
    ap.add_argument("--stores", default="falkordb,neo4j")
    ap.add_argument("--configs", default=",".join(CONFIGS))
    ap.add_argument("--neo4j-uri", default=None, help="an existing Neo4j (it is cleared) instead of a throwaway one")
    ap.add_argument("--keep", type=Path, default=None,
                    help="put each run's POLICYGRAPH_HOME (the embedded store's data) here and keep it")
    args = ap.parse_args()

    with CORPUS.open(encoding="utf-8") as fh:
        lines = list(islice(fh, args.docs or None))
    with tempfile.TemporaryDirectory(prefix="pg-bench-cluster-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        (corpus / "treasury.jsonl").write_text("".join(lines), encoding="utf-8")
        for extra in args.extra:  # linked, not copied: the texts stay where they are
            (corpus / Path(extra).name).symlink_to(Path(extra).resolve())
        print(json.dumps({"treasury_releases": len(lines), "extra": args.extra, "cpus": os.cpu_count(),
                          "load_average": os.getloadavg()[0]}), flush=True)
        results: dict[str, dict] = {}
        server = None
        try:
            for store_name in args.stores.split(","):
                uri = None
                if store_name == "neo4j":
                    uri = args.neo4j_uri
                    if uri is None:
                        from scripts.neo4j_server import Neo4jServer

                        os.environ["NEO4J_JAVA_OPTS"] = NORMAL_JVM
                        server = Neo4jServer(heap="1g", page_cache="512m").start()
                        uri = server.uri.replace("bolt://", "neo4j://")  # through the routing driver
                for name in args.configs.split(","):
                    home = (args.keep or Path(tmp)) / f"home-{store_name}-{name.replace(' ', '-')}"
                    env = {**os.environ, "POLICYGRAPH_HOME": str(home)}
                    env.pop("POLICYGRAPH_STORE", None)
                    if uri:
                        env["POLICYGRAPH_STORE"] = uri
                        from graph.neo4j_store import Neo4jStore

                        with Neo4jStore(uri, auth=None) as neo:
                            neo.clear()
                    row = run_ingest(corpus, CONFIGS[name], env)
                    row["counts"] = counts(uri, home)
                    row["load_average"] = round(os.getloadavg()[0], 1)
                    results[f"{store_name} / {name}"] = row
                    print(json.dumps({"run": f"{store_name} / {name}", **row}), flush=True)
        finally:
            if server is not None:
                server.stop()
    base = {s: r for s, r in results.items() if s.endswith("processes 1")}
    for key, row in results.items():
        one = base.get(key.split(" / ")[0] + " / processes 1")
        if one:
            print(f"{key:32s} wall {row['wall_s']:7.1f} s  {row['tokens_per_s']:6,d} tokens/s  "
                  f"peak {row['peak_rss_mb']:5,d} MB  speed-up x{one['wall_s'] / row['wall_s']:.2f}")
    graphs = {json.dumps(r["counts"], sort_keys=True) for r in results.values()}
    print("same counts in every run:", len(graphs) == 1)


if __name__ == "__main__":
    main()
