"""The extraction judged on the dev gold set (the five seeds) by the shared scorer, with the issue's floors.

Runs `policygraph extract` as a user does and `../shared/eval/score.py --min ...`; the floors are the
acceptance figures of the "Extraction that generalises" issue, not tuned to today's scores.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
SCORER = SHARED / "eval" / "score.py"
GOLD = SHARED / "eval" / "dev" / "gold.jsonl"
EXE = str(Path(sys.executable).with_name("policygraph"))

FLOORS = {
    "entity_f1": 0.85,
    "action_f1": 0.65,
    "argument_f1": 0.70,
    "enabled_f1": 0.70,
    "relation_f1": 0.55,
    "date_acc": 0.70,
    "id_consistency": 1.0,
}

pytestmark = pytest.mark.skipif(not SCORER.exists(), reason="../shared/eval is not beside the checkout")


def test_dev_set_meets_the_floors(tmp_path):
    pred = tmp_path / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as out:
        subprocess.run([EXE, "extract", *sorted(map(str, (SHARED / "seeds").glob("*.txt"))), "--format", "jsonl"],
                       stdout=out, check=True, timeout=600)
    args = [arg for name, floor in FLOORS.items() for arg in ("--min", f"{name}={floor}")]
    proc = subprocess.run([sys.executable, str(SCORER), str(GOLD), str(pred), *args],
                          capture_output=True, text=True, timeout=120)
    summary = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else ""
    assert proc.returncode == 0, f"below a floor:\n{proc.stdout[-2500:]}\n{proc.stderr[-1000:]}"
    figures = dict(item.split("=") for item in summary.split())
    for name, floor in FLOORS.items():
        assert float(figures[name]) >= floor
