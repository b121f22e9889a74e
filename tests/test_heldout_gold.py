"""The extraction judged on the held-out gold set (tests/data/heldout), with floors. REPORT-ONLY MEASURE.

Ten public-domain documents that are in neither dev set and that no extraction rule was written against
(6 Treasury releases 2008-2024, a White House executive order and fact sheet, 2 Federal Register abstracts);
tests/data/heldout/README.md says where each comes from and how it was annotated. It measures generalisation:
never read its texts or gold to write or tune a rule, lexicon entry or test fixture - that would turn it into a
third dev set and the figure would stop meaning anything.

Floors are the figure measured when the set was added minus 0.05, rounded down to 0.01 (first honest run and the
figure after the gold's second check are in the README). They only catch a change that makes the extraction
worse on unseen text; raise one when a figure rises for reasons unrelated to this set, never lower one to make a
change pass.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

HELDOUT = Path(__file__).resolve().parent / "data" / "heldout"
TEXTS = HELDOUT / "texts"
GOLD = HELDOUT / "gold.jsonl"
SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"
EXE = str(Path(sys.executable).with_name("policygraph"))

FLOORS = {
    "entity_f1": 0.83,
    "action_f1": 0.49,
    "argument_f1": 0.62,
    "enabled_f1": 0.55,
    "relation_f1": 0.53,
    "date_acc": 0.76,
}


def _gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def _body(path: Path) -> str:
    """The text after the YAML front matter, with line breaks joined into one space (as quotes are written)."""
    raw = path.read_text(encoding="utf-8")
    raw = re.sub(r"\A---\n.*?\n---\n", "", raw, count=1, flags=re.S)
    return re.sub(r"[ \t\u00a0]*\n[ \t\u00a0]*", " ", raw)


def test_every_gold_record_has_its_text_and_verbatim_quotes():
    # The gold is only worth something if each record joins to its text and each item points at a real sentence.
    gold = _gold()
    assert len(gold) == len(list(TEXTS.iterdir())) == 10
    for record in gold:
        text = TEXTS / record["source"]
        assert text.is_file(), record["source"]
        body = _body(text)
        ids = {e["id"] for e in record["entities"]}
        for item in record["actions"] + record["relations"]:
            assert item["quote"] in body, (record["doc_id"], item["quote"][:80])
        for action in record["actions"]:
            assert set(action["by"]) | set(action["targets"]) | set(action["under"]) <= ids, action["id"]


@pytest.mark.skipif(not SCORER.exists(), reason="../shared/eval is not beside the checkout")
def test_heldout_set_meets_the_floors(tmp_path):
    pred = tmp_path / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as out:
        subprocess.run([EXE, "extract", *sorted(map(str, TEXTS.iterdir())), "--format", "jsonl"],
                       stdout=out, check=True, timeout=600)
    args = [arg for figure, floor in FLOORS.items() for arg in ("--min", f"{figure}={floor}")]
    proc = subprocess.run([sys.executable, str(SCORER), str(GOLD), str(pred), *args],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, f"held-out set below a floor:\n{proc.stdout[-2500:]}\n{proc.stderr[-1000:]}"
    figures = dict(item.split("=") for item in proc.stdout.strip().splitlines()[-1].split())
    for figure, floor in FLOORS.items():
        assert float(figures[figure]) >= floor, (figure, figures[figure], floor)
