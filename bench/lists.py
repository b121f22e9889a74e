"""Corroboration against the official lists, measured (issue 13).

    .venv/bin/python bench/lists.py [--pred FILE] [--store URI] [--scale 100000] [--sample OUT.jsonl]

1. Builds the graph of the 392 Treasury releases dated between the two SDN snapshots (the releases and the
   cached extractions of bench/sdn.py; `--pred` names a cached prediction file instead of extracting anew) in
   a fresh embedded FalkorDB (or `--store`, which is cleared first), imports every list in
   ../shared/reference/ (`policygraph lists import`), links and corroborates, and reports the times and the
   share of extracted designation targets (Person / Company / Organization) whose action is `confirmed`
   by their SDN entry.
2. Link precision: the hand-checked sample tests/data/list_links_sample.jsonl (100 links, each judged
   `correct` true/false by reading the release and the entry) -> precision; `--sample OUT` writes a fresh
   sample of 100 links (random, seeded) to judge.
3. Linking speed at scale: all list entries against `--scale` entities (the extracted names of every cached
   release, then list names as texts write them: 'First Last' for 'LAST, First', other case, legal forms
   changed, to reach the count), matcher only.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import sdn  # noqa: E402  (bench/sdn.py: the releases and their cached extractions)

REFERENCE = ROOT.parent / "shared" / "reference"
SAMPLE = ROOT / "tests" / "data" / "list_links_sample.jsonl"


def build_graph(store, pred_file: str | None) -> dict:
    from graph.batch import build_batch
    from ingest.contract import Extraction

    docs = sdn.releases(*sdn.WINDOW, None)
    if pred_file:
        preds = {}
        with open(pred_file, encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                preds[rec["source"]] = rec
    else:
        preds = sdn.extractions(docs, fresh=False)
    docs = [d for d in docs if d.source in preds and not preds[d.source].get("failed")]
    started = time.perf_counter()
    for i in range(0, len(docs), 32):
        part = docs[i : i + 32]
        store.write(build_batch(part, [Extraction.model_validate({**preds[d.source], "doc_id": d.id}) for d in part]))
    return {"releases": len(docs), "write_seconds": round(time.perf_counter() - started, 1)}


def designation_share(store) -> dict:
    """Of the targets (Person / Company / Organization) of extracted designations, the share whose designation
    an entry of the SDN list confirms (CORROBORATED_BY {target} with verdict confirmed)."""
    from policygraph.list_names import CONFIRMED

    rows = store.query(
        "MATCH (a:Action {kind: 'designation'})-[:TARGETS]->(t:Entity) "
        "WHERE t.type IN ['Person', 'Company', 'Organization'] "
        "OPTIONAL MATCH (a)-[c:CORROBORATED_BY {target: t.id}]->(:ListEntry) "
        "RETURN a.id AS action, t.id AS target, collect(c.verdict) AS verdicts")
    pairs = {(r["action"], r["target"]): r["verdicts"] for r in rows}
    confirmed = {k for k, v in pairs.items() if CONFIRMED in v}
    linked = {k for k, v in pairs.items() if v}
    targets = {t for _, t in pairs}
    return {"designation_target_pairs": len(pairs), "pairs_confirmed": len(confirmed),
            "share_confirmed": round(len(confirmed) / len(pairs), 3) if pairs else None,
            "pairs_with_an_sdn_entry": len(linked),
            "targets": len(targets), "targets_confirmed": len({t for _, t in confirmed})}


SAMPLE_PER_METHOD = {"exact": 40, "person_order": 30, "person_partial": 15, "fuzzy": 15}


def sample_links(store, out: Path, seed: int = 13) -> None:
    """100 links to judge by hand, drawn at random per method (the near and partial matches, where the errors
    are, over-drawn: their share of all links is ~4%)."""
    rows = store.query(
        "MATCH (e:Entity)-[r:LISTED_AS]->(l:ListEntry) "
        "OPTIONAL MATCH (e)-[:MENTIONED_IN]->(d:Document) "
        "WITH e, r, l, collect(d.title)[0] AS release "
        "RETURN e.id AS entity_id, e.name AS entity_name, e.type AS entity_type, e.aliases AS entity_aliases, "
        "l.id AS entry_id, l.name AS entry_name, l.aliases AS entry_aliases, l.programs AS programs, "
        "l.countries AS countries, r.method AS method, r.score AS score, release ORDER BY entity_id, entry_id")
    rng = random.Random(seed)
    picked = []
    for method, n in SAMPLE_PER_METHOD.items():
        pool = [r for r in rows if r["method"] == method]
        picked += rng.sample(pool, min(n, len(pool)))
    with out.open("w", encoding="utf-8") as fh:
        for r in sorted(picked, key=lambda r: (r["method"], r["entity_id"], r["entry_id"])):
            fh.write(json.dumps({**r, "correct": None, "note": ""}, ensure_ascii=False) + "\n")


def sample_precision(path: Path) -> dict:
    if not path.exists():
        return {"sample": None}
    judged = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    known = [j for j in judged if j.get("correct") is not None]
    good = sum(1 for j in known if j["correct"])
    per_method = {m: f"{sum(1 for j in known if j['method'] == m and j['correct'])}/"
                     f"{sum(1 for j in known if j['method'] == m)}" for m in SAMPLE_PER_METHOD}
    return {"sample_links": len(judged), "judged": len(known), "correct": good,
            "precision": round(good / len(known), 3) if known else None, "per_method": per_method}


def scale(n: int) -> dict:
    from ingest.lists import read_lists
    from ingest.lists.matching import Candidate, Linker

    entries = read_lists([REFERENCE / "ofac-sdn", REFERENCE / "us-lists"]).entries
    names: dict[tuple[str, str], None] = {}
    for pred in sorted(Path(sdn.CACHE).glob("pred_*.jsonl")):
        with pred.open(encoding="utf-8") as fh:
            for line in fh:
                for e in json.loads(line).get("entities", []):
                    if e["type"] in ("Person", "Company", "Organization", "Authority"):
                        names[(e["type"], e["name"])] = None
    rng = random.Random(13)
    variants = []
    for e in entries:
        if e.party == "person" and "," in e.name:
            last, _, given = e.name.partition(",")
            variants.append(("Person", f"{given.strip().split(' ')[0].title()} {last.strip().title()}"))
        elif e.party in ("entity", "unknown"):
            variants.append(("Company", e.name.title().replace(" Llc", " Limited Liability Company")))
    while len(names) < n and variants:
        t, name = variants[rng.randrange(len(variants))]
        names[(t, name + ("" if (t, name) not in names else f" {len(names)}"))] = None
    candidates = [Candidate(f"e{i}", t, (name,)) for i, (t, name) in enumerate(list(names)[:n])]
    started = time.perf_counter()
    linker = Linker(entries)
    indexed = time.perf_counter() - started
    links = linker.link(candidates)
    return {"entries": len(entries), "entities": len(candidates), "index_seconds": round(indexed, 1),
            "link_seconds": round(time.perf_counter() - started, 1), "links": len(links)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pred", help="a cached prediction file (bench/sdn.py's /tmp/pg_sdn/pred_*.jsonl)")
    ap.add_argument("--store", help="store URI (cleared first); default a fresh embedded FalkorDB")
    ap.add_argument("--scale", type=int, default=100_000, help="entities for the speed test (0: skip)")
    ap.add_argument("--sample", type=Path, help="write a fresh sample of 100 links to judge here (stratified by "
                    "method, see SAMPLE_PER_METHOD)")
    args = ap.parse_args()

    from graph.factory import open_store
    from graph.list_link import corroborate, link_entities
    from graph.list_writes import import_entries
    from ingest.lists import read_lists

    out: dict = {}
    with tempfile.TemporaryDirectory() as home, open_store(args.store, home=Path(home)) as store:
        store.clear()
        out["graph"] = build_graph(store, args.pred)
        started = time.perf_counter()
        read = read_lists([REFERENCE / "ofac-sdn", REFERENCE / "us-lists"])
        imported = import_entries(store, read.entries)
        out["import"] = {"entries": imported.entries, "seconds": round(time.perf_counter() - started, 1)}
        linked = link_entities(store)
        out["link"] = {"entities": linked.entities, "entries": linked.entries, "links": linked.links,
                       "by_method": linked.by_method,
                       "seconds": round(linked.seconds_read + linked.seconds_match + linked.seconds_write, 1)}
        verdicts = corroborate(store)
        out["corroborate"] = {"actions": verdicts.actions, "verdicts": verdicts.verdicts,
                              "seconds": round(verdicts.seconds, 1)}
        out["designations"] = designation_share(store)
        if args.sample:
            sample_links(store, args.sample)
    out["sample"] = sample_precision(SAMPLE)
    if args.scale:
        out["scale"] = scale(args.scale)
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
