"""The extraction judged on the two visible gold sets by the shared scorer, with floors.

Runs `policygraph extract` as a user does and `../shared/eval/score.py --min ...`.
- dev (the five seeds): the acceptance figures of the first extraction issue.
- dev2 (18 real documents of four genres): every target of the issue "Extraction that holds on text it was
  not written for" is met (entity 0.92, action 0.75, enabled-by 0.75, relation 0.70, date 0.85, id consistency
  1.0); where a figure rose well past its target (entity 0.953, action 0.860, enabled-by 0.860, relation
  0.890) the floor sits a little under the figure reached, so that no change goes back; date keeps its
  target (one dev2 date turns on the scorer's order between two tied actions).
  Raise a floor when a figure rises; never lower one to make a change pass.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
SCORER = SHARED / "eval" / "score.py"
EXE = str(Path(sys.executable).with_name("policygraph"))

DEV_FLOORS = {
    "entity_f1": 0.85,
    "action_f1": 0.65,
    "argument_f1": 0.70,
    "enabled_f1": 0.70,
    "relation_f1": 0.55,
    "date_acc": 0.70,
    "id_consistency": 1.0,
}

pytestmark = pytest.mark.skipif(not SCORER.exists(), reason="../shared/eval is not beside the checkout")


DEV2_FLOORS = {
    "entity_f1": 0.93,
    "action_f1": 0.84,
    "argument_f1": 0.90,
    "enabled_f1": 0.84,
    "relation_f1": 0.87,
    "status_acc": 0.95,
    "date_acc": 0.85,
    "id_consistency": 1.0,
}
SETS = {
    "dev": (lambda: sorted(map(str, (SHARED / "seeds").glob("*.txt"))), DEV_FLOORS),
    "dev2": (lambda: sorted(map(str, (SHARED / "eval" / "dev2" / "texts").iterdir())), DEV2_FLOORS),
}


@pytest.mark.parametrize("name", sorted(SETS))
def test_gold_set_meets_the_floors(name, tmp_path):
    texts, floors = SETS[name]
    pred = tmp_path / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as out:
        subprocess.run([EXE, "extract", *texts(), "--format", "jsonl"], stdout=out, check=True, timeout=600)
    gold = SHARED / "eval" / name / "gold.jsonl"
    args = [arg for figure, floor in floors.items() for arg in ("--min", f"{figure}={floor}")]
    proc = subprocess.run([sys.executable, str(SCORER), str(gold), str(pred), *args],
                          capture_output=True, text=True, timeout=120)
    summary = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else ""
    assert proc.returncode == 0, f"{name} below a floor:\n{proc.stdout[-2500:]}\n{proc.stderr[-1000:]}"
    figures = dict(item.split("=") for item in summary.split())
    for figure, floor in floors.items():
        assert float(figures[figure]) >= floor, (name, figure)
