"""Ingest benchmark: `policygraph ingest` vs raw `nlp.pipe` of the full spaCy model, same texts, same run.

    .venv/bin/python bench/ingest.py [--docs 200] [--processes 1 2]

Prints, for each process count, our wall time (the whole CLI: model load, extraction, store writes into a
fresh embedded store) and the ratio raw time / our time (>= 1.0 means we cost no more than the bare model).
Raw time = spacy.load of the full model + nlp.pipe over the same texts in one process.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "treasury-press-releases.jsonl"


def raw_pipe_seconds(texts: list[str], model: str) -> float:
    import spacy

    started = time.perf_counter()
    nlp = spacy.load(model)
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return time.perf_counter() - started


def ours_seconds(path: Path, processes: int) -> tuple[float, dict]:
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, POLICYGRAPH_HOME=str(Path(home) / "data"))
        env.pop("POLICYGRAPH_STORE", None)
        exe = Path(sys.executable).with_name("policygraph")
        started = time.perf_counter()
        out = subprocess.run(
            [str(exe), "ingest", str(path), "--processes", str(processes), "--json"],
            env=env, capture_output=True, text=True, check=True,
        )
        seconds = time.perf_counter() - started
    return seconds, json.loads(out.stdout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=200, help="first N Treasury press releases")
    ap.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--model", default=None)
    args = ap.parse_args()
    from policygraph.settings import get_settings

    model = args.model or get_settings().model
    with CORPUS.open(encoding="utf-8") as fh:
        lines = list(islice(fh, args.docs))
    texts = [json.loads(line)["text"] for line in lines]
    words = sum(len(t.split()) for t in texts)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.jsonl"
        path.write_text("".join(lines), encoding="utf-8")
        raw = raw_pipe_seconds(texts, model)
        print(f"{len(texts)} documents, {words:,} words (whitespace tokens)")
        print(f"raw nlp.pipe (full {model}, 1 process): {raw:8.2f} s  {words / raw:8,.0f} words/s")
        for p in args.processes:
            ours, report = ours_seconds(path, p)
            print(
                f"policygraph ingest --processes {p}:      {ours:8.2f} s  {words / ours:8,.0f} words/s  "
                f"ratio raw/ours = {raw / ours:.2f}  (entities {report['entities']}, actions {report['actions']})"
            )


if __name__ == "__main__":
    main()
