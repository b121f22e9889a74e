"""Extract the five seed texts and score them against the dev gold set.

    .venv/bin/python scripts/score_dev.py [--out pred.jsonl]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from ingest.documents import Document
from ingest.pipeline import build_nlp, extract_batch
from ingest.readers import read_paths
from policygraph.settings import get_settings

SHARED = Path(__file__).resolve().parents[2] / "shared"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="/tmp/pred_dev.jsonl")
    args = ap.parse_args()
    nlp = build_nlp(get_settings().model)
    # The same readers as `policygraph extract` (titles, publication dates from the text).
    docs = [d for d in read_paths(sorted((SHARED / "seeds").glob("*.txt"))) if isinstance(d, Document)]
    with open(args.out, "w", encoding="utf-8") as fh:
        for ex in extract_batch(nlp, docs):
            fh.write(ex.model_dump_json() + "\n")
    return subprocess.call(
        [sys.executable, str(SHARED / "eval" / "score.py"), str(SHARED / "eval/dev/gold.jsonl"), args.out]
    )


if __name__ == "__main__":
    raise SystemExit(main())
