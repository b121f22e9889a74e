"""Ingest benchmark: `policygraph ingest` vs raw `nlp.pipe` of the full spaCy model, same texts, same run.

    .venv/bin/python bench/ingest.py [--docs 200] [--processes 1 2] [--repeat 3]

Raw = a fresh Python process that imports spaCy, loads the full stock model and runs `nlp.pipe` over the
texts (the `text` field of the first N Treasury press releases). Ours = the whole `policygraph ingest` CLI on
the same JSON lines into a fresh embedded store: model load, extraction, store start, writes and stop.

Both are timed two ways: wall clock, and CPU seconds (user + system of the process and everything it waited
for, the store server and worker processes included). On a shared machine the wall clock of one run swings
by tens of percent with the neighbours' load; CPU seconds barely move, so they are the fair single-process
comparison. Wall clock is what shows the gain of `--processes 2`. With `--repeat`, raw and ours alternate
and the medians are reported. Ratio = raw / ours: >= 1.0 means the whole ingest costs no more than the
bare model.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "treasury-press-releases.jsonl"

RAW = """
import json, sys
import spacy
nlp = spacy.load(sys.argv[1])
texts = [json.loads(line)["text"] for line in open(sys.argv[2], encoding="utf-8")]
for _ in nlp.pipe(texts, batch_size=32):
    pass
"""


def _timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds of the process tree, stdout)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, out.stdout


def raw_run(path: Path, model: str) -> tuple[float, float]:
    wall, cpu, _ = _timed([sys.executable, "-c", RAW, model, str(path)])
    return wall, cpu


def ours_run(path: Path, processes: int) -> tuple[float, float, dict]:
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, POLICYGRAPH_HOME=str(Path(home) / "data"))
        env.pop("POLICYGRAPH_STORE", None)
        exe = Path(sys.executable).with_name("policygraph")
        wall, cpu, out = _timed([str(exe), "ingest", str(path), "--processes", str(processes), "--json"], env)
    return wall, cpu, json.loads(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=200, help="first N Treasury press releases")
    ap.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--repeat", type=int, default=1, help="alternate raw and ours this many times; medians")
    ap.add_argument("--model", default=None)
    args = ap.parse_args()
    from policygraph.settings import get_settings

    model = args.model or get_settings().model
    with CORPUS.open(encoding="utf-8") as fh:
        lines = list(islice(fh, args.docs))
    words = sum(len(json.loads(line)["text"].split()) for line in lines)
    print(f"{len(lines)} documents, {words:,} words (whitespace tokens); load average {os.getloadavg()[0]:.2f}")
    raw_wall: list[float] = []
    raw_cpu: list[float] = []
    ours: dict[int, list[tuple[float, float]]] = {p: [] for p in args.processes}
    report: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.jsonl"
        path.write_text("".join(lines), encoding="utf-8")
        for r in range(args.repeat):
            wall, cpu = raw_run(path, model)
            raw_wall.append(wall)
            raw_cpu.append(cpu)
            print(f"  run {r + 1}: raw nlp.pipe            wall {wall:7.2f} s  cpu {cpu:7.2f} s")
            for p in args.processes:
                wall, cpu, report = ours_run(path, p)
                ours[p].append((wall, cpu))
                print(f"  run {r + 1}: ingest --processes {p}   wall {wall:7.2f} s  cpu {cpu:7.2f} s  "
                      f"(ratio wall {raw_wall[-1] / wall:.2f}, cpu {raw_cpu[-1] / cpu:.2f})")
    rw, rc = statistics.median(raw_wall), statistics.median(raw_cpu)
    print(f"raw nlp.pipe (full {model}, 1 process): wall {rw:8.2f} s  cpu {rc:8.2f} s  {words / rw:8,.0f} words/s")
    for p, runs in ours.items():
        w = statistics.median(x[0] for x in runs)
        c = statistics.median(x[1] for x in runs)
        print(
            f"policygraph ingest --processes {p}:      wall {w:8.2f} s  cpu {c:8.2f} s  {words / w:8,.0f} words/s  "
            f"ratio raw/ours: wall {rw / w:.2f}, cpu {rc / c:.2f}  "
            f"(entities {report.get('entities')}, actions {report.get('actions')})"
        )
    print(f"load average at the end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
