"""SDN check: do the designees that OFAC actually added reach the graph as targets of the release's sanctions?

    .venv/bin/python bench/sdn.py [--limit N] [--since 2023-01-01] [--until 2024-07-02] [--fresh] [--worst 10]

Ground truth is OFAC's own list, not an annotation: `../shared/reference/ofac-sdn/` holds two SDN snapshots
(2021-05-22, 2024-07-02) and an entry history with first/last-seen dates. Over the Treasury releases dated
between the snapshots (392 in `../shared/corpora/treasury-press-releases.jsonl`):

- recall: for each release, the SDN entries (individuals and entities; vessels and aircraft are not entities)
  added in the window whose name or an alias occurs in the release text; the share of them that are
  targets of a sanction-family action extracted from that release. Reported per release (mean over
  releases with at least one such entry) and overall (pooled).
- precision: of the targets of extracted `designation` actions typed Person/Company/Organization, the share
  whose name or an alias matches any SDN entry or alias (either snapshot or the history).

Names are compared after anyascii transliteration, case and punctuation folding and removal of legal forms
("LLC", "Limited Liability Company", "JSC", "OOO" ...); an SDN individual "LAST, First Middle" is also read
as "First Middle Last" and "First Last". Near matches go through rapidfuzz.

Predictions are cached in /tmp/pg_sdn/ under a hash of the ingest sources, so a rerun after a change to
ingest/ re-extracts and a rerun of the bench alone does not. Extraction of all 392 releases takes minutes.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import statistics
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from anyascii import anyascii
from rapidfuzz import fuzz, process

ROOT = Path(__file__).resolve().parents[1]
# bench/ingest.py would shadow the ingest package: the repository root goes first, or the checkout given by
# --src (an exported commit, to measure a baseline while the working tree is being edited)
_src = sys.argv[sys.argv.index("--src") + 1] if "--src" in sys.argv else str(ROOT)
sys.path.insert(0, _src)
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpora" / "treasury-press-releases.jsonl"
SDN_DIR = SHARED / "reference" / "ofac-sdn"
HISTORY = SDN_DIR / "sdn_entry_history_2021-05-22_to_2024-07-02.csv"
SNAPSHOTS = (SDN_DIR / "sdn_2021-05-22.csv", SDN_DIR / "sdn_2024-07-02.csv")
WINDOW = ("2021-05-22", "2024-07-02")
CACHE = Path("/tmp/pg_sdn")

# The measures an SDN designation can be read as: the `sanction` family of policygraph/ontology.yaml
# (read from the file, so that --src can point at a checkout older than the families)
with (ROOT / "policygraph" / "ontology.yaml").open(encoding="utf-8") as _fh:
    SANCTION_FAMILY = set(yaml.safe_load(_fh)["action_families"]["sanction"])
PRECISION_KINDS = {"designation"}
PRECISION_TYPES = {"Person", "Company", "Organization"}

# Legal forms dropped before comparing names (Treasury writes "Limited Liability Company X", OFAC "X LLC").
LEGAL_FORMS = {
    "llc", "ltd", "limited", "co", "company", "corp", "corporation", "inc", "incorporated", "jsc", "pjsc", "ojsc",
    "cjsc", "ooo", "ao", "pao", "zao", "oao", "tov", "fze", "fzco", "fz", "gmbh", "sa", "s", "a", "de", "cv", "srl",
    "plc", "bv", "ag", "sas", "spa", "sarl", "dmcc", "lp", "llp", "pte", "sdn", "bhd", "the", "liability", "joint",
    "stock", "public", "open", "closed", "private", "joint-stock", "partnership", "obshchestvo", "ogranichennoi",
    "ogranichennoy", "otvetstvennostyu", "aktsionernoe", "aktsionernoye", "publichnoe", "publichnoye", "zakrytoe",
    "otkrytoe", "and", "foreign", "sasu", "doo", "ad", "dd", "ood", "eood", "ltda", "limitada", "sae", "sal", "wll",
    "fzc", "fzllc", "sro", "kft", "zrt", "pvt", "anonim", "sirketi", "ticaret", "shirkat", "sherkat",
}
AKA = re.compile(r"\b(?:a\.k\.a\.|f\.k\.a\.|n\.k\.a\.)\s+'([^']+)'", re.I)
_PUNCT = re.compile(r"[^a-z0-9]+")


def norm_tokens(name: str) -> list[str]:
    return [t for t in _PUNCT.split(anyascii(name).lower()) if t]


def norm_name(name: str) -> str:
    """Folded name without legal forms; empty when only legal forms remain."""
    toks = norm_tokens(name)
    core = [t for t in toks if t not in LEGAL_FORMS]
    return " ".join(core if core else toks)


def person_forms(sdn_name: str) -> set[str]:
    """'LAST, First Middle' -> {'first middle last', 'first last', 'last first middle'}."""
    if "," not in sdn_name:
        return {norm_name(sdn_name)}
    last, _, given = sdn_name.partition(",")
    lt, gt = norm_tokens(last), norm_tokens(given)
    forms = {" ".join(lt + gt)}
    if gt:
        forms.add(" ".join(gt + lt))
        forms.add(" ".join(gt[:1] + lt))
        if len(lt) == 2 and len(lt[0]) > 3:  # Spanish double surnames: "Juan GARCIA LOPEZ" as "Juan Garcia"
            forms.add(" ".join(gt[:1] + lt[:1]))
    return {f for f in forms if len(f.split()) >= 2}


@dataclass
class SdnEntry:
    ent_num: str
    name: str
    person: bool
    first_seen: str
    added: bool
    forms: set[str] = field(default_factory=set)


def _aliases(remarks: str) -> list[str]:
    return AKA.findall(remarks or "")


def _org_forms(name: str) -> set[str]:
    """The folded name, and without its legal forms unless that leaves one word that was not the whole name
    ("JOINT STOCK COMPANY CLASS" is not named by every "class")."""
    full, core = " ".join(norm_tokens(name)), norm_name(name)
    return {full, core} if " " in core or core == full else {full}


# Words that make no name on their own: a form made only of them ("LIMITED LIABILITY COMPANY MILITARY
# INDUSTRIAL COMPANY" without its legal form is "military industrial", as in "military-industrial base";
# an individual's alias "STAFF") would find the entry in releases that do not name it.
GENERIC = {
    "military", "industrial", "international", "business", "trading", "trade", "group", "holding", "holdings",
    "technology", "technologies", "development", "energy", "services", "service", "systems", "engineering",
    "research", "production", "investment", "investments", "management", "capital", "global", "general", "new",
    "plant", "factory", "construction", "national", "state", "central", "bank", "staff", "family", "company",
    "corporation", "enterprise", "enterprises", "center", "centre", "institute", "union", "financial", "finance",
    "security", "defense", "defence", "oil", "gas", "petroleum", "shipping", "maritime", "logistics", "import",
    "export", "electronics", "electronic", "marine", "transport", "partners", "solutions", "consulting",
}


def _entry_forms(name: str, person: bool, remarks: str) -> set[str]:
    forms = person_forms(name) if person else _org_forms(name)
    for alias in _aliases(remarks):
        if person:  # an individual's alias without a given name ('GRAD', 'STAFF') names nobody in prose
            forms |= person_forms(alias) if "," in alias else {f for f in _org_forms(alias) if " " in f}
        else:
            forms |= _org_forms(alias)
    # a form must say something on its own: two words, or one long word ("HAMAS", "ROSTEC"), not only
    # generic words
    return {f for f in forms if (" " in f or len(f) >= 5) and not set(f.split()) <= GENERIC}


def load_sdn() -> dict[str, SdnEntry]:
    entries: dict[str, SdnEntry] = {}
    with HISTORY.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            kind = row["sdn_type"].strip().lower()
            if kind in ("vessel", "aircraft"):
                continue
            person = kind == "individual"
            entries[row["ent_num"]] = SdnEntry(
                row["ent_num"], row["sdn_name"], person, row["first_seen_snapshot"],
                row["added_in_window"] == "True", _entry_forms(row["sdn_name"], person, row["remarks"]),
            )
    for snap in SNAPSHOTS:  # the snapshots' remarks are complete where the history's are cut
        with snap.open(encoding="utf-8", errors="replace") as fh:
            for row in csv.reader(fh):
                if len(row) < 12 or row[0] not in entries:
                    continue
                e = entries[row[0]]
                e.forms |= _entry_forms(row[1], e.person, row[11])
    return entries


def releases(since: str, until: str, limit: int | None) -> list:
    from ingest.documents import Document
    from ingest.readers import read_paths

    docs = [d for d in read_paths([CORPUS]) if isinstance(d, Document) and d.published
            and since <= d.published <= until]
    docs.sort(key=lambda d: (d.published, d.source))
    return docs[:limit] if limit else docs


def _source_hash() -> str:
    h = hashlib.sha256()
    for p in sorted((Path(_src) / "ingest").rglob("*")):
        if p.suffix in (".py", ".yaml") and p.is_file():
            h.update(p.as_posix().encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


def extractions(docs: list, fresh: bool) -> dict[str, dict]:
    """doc source -> extraction (as a dict), cached per ingest-source hash."""
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"pred_{_source_hash()}.jsonl"
    cached: dict[str, dict] = {}
    if path.exists() and not fresh:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                cached[rec["source"]] = rec
    todo = [d for d in docs if d.source not in cached]
    if todo:
        from ingest.pipeline import build_nlp, extract_batch
        from policygraph.settings import get_settings

        started = time.perf_counter()
        nlp = build_nlp(get_settings().model)
        with path.open("a", encoding="utf-8") as fh:
            for i in range(0, len(todo), 16):
                for rec in _extract_chunk(nlp, extract_batch, todo[i : i + 16]):
                    cached[rec["source"]] = rec
                    fh.write(json.dumps(rec) + "\n")
                print(f"  extracted {min(i + 16, len(todo))}/{len(todo)}", file=sys.stderr, end="\r")
        print(f"  extracted {len(todo)} releases in {time.perf_counter() - started:.0f}s -> {path}", file=sys.stderr)
    return cached


def _extract_chunk(nlp, extract_batch, chunk: list) -> list[dict]:
    """Extractions of a chunk; a document the pipeline fails on is kept, empty and marked `failed`, so that
    one crash neither stops the benchmark nor drops the release from the figures."""
    try:
        return [ex.model_dump() for ex in extract_batch(nlp, chunk)]
    except Exception:  # noqa: BLE001  (any crash of any component)
        out = []
        for d in chunk:
            try:
                out.extend(ex.model_dump() for ex in extract_batch(nlp, [d]))
            except Exception as exc:  # noqa: BLE001
                print(f"  extraction failed on {d.source}: {exc!r}", file=sys.stderr)
                out.append({"source": d.source, "entities": [], "actions": [], "failed": repr(exc)})
        return out


def _ngrams(tokens: list[str], n: int = 8) -> set[str]:
    out = set()
    for i in range(len(tokens)):
        for k in range(1, n + 1):
            if i + k > len(tokens):
                break
            out.add(" ".join(tokens[i : i + k]))
    return out


def _prefix_score(a: str, b: str, **_: object) -> float:
    return 100.0 if b.startswith(a + " ") else 0.0


class Matcher:
    """Extracted entity names -> SDN entries, exact on folded forms first, then fuzzy."""

    def __init__(self, entries: Iterable[SdnEntry]) -> None:
        self.by_form: dict[str, set[str]] = {}
        for e in entries:
            for f in e.forms:
                self.by_form.setdefault(f, set()).add(e.ent_num)
                self.by_form.setdefault(norm_name(f), set()).add(e.ent_num)
        self.forms = list(self.by_form)
        self.memo: dict[tuple[str, bool], set[str]] = {}

    def match(self, names: Iterable[str], person: bool) -> set[str]:
        hits: set[str] = set()
        for name in names:
            n = norm_name(name)
            if n:
                key = (n, person)
                if key not in self.memo:
                    self.memo[key] = self._match_one(n, person)
                hits |= self.memo[key]
        return hits

    def _match_one(self, n: str, person: bool) -> set[str]:
        if n in self.by_form:
            return self.by_form[n]
        if len(n) < 6:
            return set()
        best = process.extractOne(n, self.forms, scorer=fuzz.ratio, score_cutoff=90)
        if best is None and person and " " in n:
            # "Ivan Ivanov" for "Ivan Ivanovich IVANOV": every word of the short form in the long one
            best = process.extractOne(n, self.forms, scorer=fuzz.token_set_ratio, score_cutoff=100)
            if best is not None and len(best[0].split()) - len(n.split()) > 2:
                best = None
        if best is None and " " in n:
            # "Dolly Bell DOO" for "DOLLY BELL DOO BEOGRAD-NOVI BEOGRAD": the name the release uses is the
            # listed one cut after its distinctive words
            best = process.extractOne(n, self.forms, scorer=_prefix_score, score_cutoff=100)
        return self.by_form[best[0]] if best is not None else set()


def score(docs: list, preds: dict[str, dict], entries: dict[str, SdnEntry], worst: int) -> dict:
    added = [e for e in entries.values() if e.added]
    form_owner: dict[str, set[str]] = {}
    for e in added:
        for f in e.forms:
            form_owner.setdefault(f, set()).add(e.ent_num)
    all_matcher = Matcher(entries.values())
    per_release: list[tuple[str, int, int, list[str]]] = []
    found_total = named_total = 0
    prec_hit = prec_total = 0
    prec_misses: list[str] = []
    for d in docs:
        pred = preds[d.source]
        grams = _ngrams(norm_tokens(d.text))
        named = set()
        for f in grams & form_owner.keys():
            named |= form_owner[f]
        ents = {e["id"]: e for e in pred["entities"]}
        targets = {t for a in pred["actions"] if a["kind"] in SANCTION_FAMILY for t in a["targets"]}
        if named:
            local = Matcher(entries[n] for n in named)
            got: set[str] = set()
            for t in targets:
                e = ents.get(t)
                if e and e["type"] not in ("Law", "Country", "Place"):
                    got |= local.match([e["name"], *e["aliases"]], e["type"] == "Person")
            hit = named & got
            missed = sorted(entries[n].name for n in named - got)
            per_release.append((d.source.rsplit("/", 1)[-1], len(hit), len(named), missed))
            found_total += len(hit)
            named_total += len(named)
        designated = {t for a in pred["actions"] if a["kind"] in PRECISION_KINDS for t in a["targets"]}
        for t in designated:
            e = ents.get(t)
            if not e or e["type"] not in PRECISION_TYPES:
                continue
            prec_total += 1
            if all_matcher.match([e["name"], *e["aliases"]], e["type"] == "Person"):
                prec_hit += 1
            else:
                prec_misses.append(f"{e['type']}:{e['name']}")
    recalls = [h / n for _, h, n, _ in per_release]
    result = {
        "releases": len(docs),
        "failed": sum(1 for d in docs if preds[d.source].get("failed")),
        "releases_with_sdn_names": len(per_release),
        "recall_per_release": round(statistics.mean(recalls), 3) if recalls else None,
        "recall_overall": round(found_total / named_total, 3) if named_total else None,
        "named": named_total,
        "found": found_total,
        "precision": round(prec_hit / prec_total, 3) if prec_total else None,
        "designation_targets": prec_total,
    }
    if worst:
        result["worst"] = [
            {"release": r, "found": h, "named": n, "missed": m[:8]}
            for r, h, n, m in sorted(per_release, key=lambda x: (x[1] / x[2], -x[2]))[:worst]
        ]
        result["unmatched_targets"] = prec_misses[: worst * 3]
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--since", default=WINDOW[0])
    ap.add_argument("--until", default=WINDOW[1])
    ap.add_argument("--limit", type=int, default=None, help="first N releases of the range (by date)")
    ap.add_argument("--fresh", action="store_true", help="re-extract even if cached")
    ap.add_argument("--worst", type=int, default=0, help="list the N releases with the lowest recall")
    ap.add_argument("--src", default=str(ROOT), help="checkout whose ingest/ extracts (default: this one)")
    ap.add_argument("--split", default="2023-01-01", help="also report releases before / from this date")
    args = ap.parse_args()
    docs = releases(args.since, args.until, args.limit)
    preds = extractions(docs, args.fresh)
    entries = load_sdn()
    out = {"all": score(docs, preds, entries, args.worst)}
    if args.split:
        out[f"before {args.split}"] = score([d for d in docs if d.published < args.split], preds, entries, 0)
        out[f"from {args.split}"] = score([d for d in docs if d.published >= args.split], preds, entries, 0)
    print(json.dumps(out, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
