"""API benchmark: a synthetic policy graph at scale, then p50/p95 of the main endpoints over real HTTP
(uvicorn, one keep-alive http.client connection on loopback) next to the raw catalog Cypher of the same
requests, in the same run.

    .venv/bin/python bench/api.py --entities 100000                       # embedded FalkorDB
    .venv/bin/python bench/api.py --entities 100000 --store bolt://127.0.0.1:7687
    .venv/bin/python bench/api.py --entities 1000000 --requests 300 --reuse

The graph is written through the real path (graph.batch.build_batch + Store.write) from synthetic documents
and extractions: entity types in realistic proportions, actors, targets and laws drawn with Zipf-skewed
popularity (a few hub agencies act in most actions, a few hub targets and laws are named everywhere), PART_OF
hierarchies of agencies and laws, AUTHORIZES/ADMINISTERS, HOLDS_ROLE, BASED_IN, mentions with spans, and
every action with its evidence sentence. Same seed, same graph.

Measured, per endpoint: enabled-by, timeline, entity, search (prefix or one-typo names), network (depth 1).
"raw" runs, in this process, exactly the catalog queries the endpoint runs, through the same driver and with
the same store timeout (for entity and timeline it calls the endpoint's own query function), so the ratio
API - raw is the cost of HTTP + FastAPI + JSON on top of the database work and its driver.
Targets (10^6 entities, embedded FalkorDB): p50 <= 10 ms, p95 <= 50 ms, API p50 - raw p50 <= 1.5 ms.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from api.deps import API_QUERY_TIMEOUT_MS  # noqa: E402
from graph.batch import build_batch  # noqa: E402
from graph.factory import open_store  # noqa: E402
from graph.store import Store  # noqa: E402
from ingest.contract import Action, Entity, Extraction, Relation, Span  # noqa: E402
from ingest.documents import Document  # noqa: E402
from policygraph.ontology import ACTION_KINDS  # noqa: E402
from policygraph.settings import Settings  # noqa: E402
from queries import run as run_query  # noqa: E402
from queries.action_windows import BoundsCache  # noqa: E402
from queries.answers import entity, timeline_rows  # noqa: E402
from queries.network import NetworkBuilder  # noqa: E402
from queries.search import fuzzy_expression, words  # noqa: E402

# ----------------------------------------------------------------------------------------- synthetic data

TYPE_SHARES = {"Authority": 0.05, "Person": 0.30, "Company": 0.33, "Organization": 0.14, "Country": 0.005,
               "Place": 0.125, "Law": 0.05}
SUFFIX = {"Authority": ["Ministry", "Bureau", "Agency", "Office", "Department", "Commission"],
          "Company": ["Ltd.", "Co.", "Group", "Technologies", "Holdings", "Industries"],
          "Organization": ["Institute", "Association", "Foundation", "Union", "Council"],
          "Law": ["Act", "Regulations", "Order", "Program", "Section"], "Country": ["Republic"],
          "Place": ["Province", "City", "County"], "Person": [""]}
LAW_KINDS = {"Act": "statute", "Regulations": "regulation", "Order": "executive_order", "Program": "program",
             "Section": "section"}
SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"] + ["ar", "el", "in", "or", "us", "an", "en"]
KIND_WEIGHTS = {"designation": 30, "entity_listing": 15, "export_control": 8, "visa_restriction": 8,
                "asset_freeze": 6, "sanction": 10, "import_ban": 5, "tariff": 4, "indictment": 4, "arrest": 2,
                "investigation": 3, "legislation": 3, "delisting": 1, "detention": 1}
assert set(KIND_WEIGHTS) <= set(ACTION_KINDS)
ENTITIES_PER_DOC = 20
ACTIONS_PER_DOC = 5


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


@dataclass
class World:
    """Every entity of the synthetic graph, by index; ids are e{i}, names come from a seeded generator."""

    n: int
    seed: int

    def __post_init__(self) -> None:
        rng = random.Random(self.seed)
        types = list(TYPE_SHARES)
        cum = np.cumsum([TYPE_SHARES[t] for t in types])
        draws = np.random.default_rng(self.seed).random(self.n)
        self.types = [types[min(int(np.searchsorted(cum, x)), len(types) - 1)] for x in draws]
        self.names: list[str] = []
        self.kinds: list[str | None] = []
        for i, t in enumerate(self.types):
            suffix = rng.choice(SUFFIX[t])
            base = f"{_word(rng)} {_word(rng)}"
            self.names.append(f"{base} {suffix} {i}".strip() if suffix else f"{base} {i}")
            self.kinds.append(LAW_KINDS.get(suffix) if t == "Law" else None)
        self.by_type: dict[str, list[int]] = {t: [] for t in types}
        for i, t in enumerate(self.types):
            self.by_type[t].append(i)
        self.np = np.random.default_rng(self.seed + 1)
        self.rng = rng

        self.actors = self.by_type["Authority"] + self.by_type["Country"]
        self.targets = [i for i, t in enumerate(self.types) if t != "Law"]
        self.places = self.by_type["Country"] + self.by_type["Place"]
        self._cdf: dict[tuple[int, int, float], np.ndarray] = {}

    def zipf(self, pool: list[int], size: int, s: float = 1.1) -> list[int]:
        """`size` draws from `pool` with Zipf-skewed popularity (rank 1 = pool[0] is the hub).
        Pools are long-lived lists (World attributes): their CDF is computed once."""
        key = (id(pool), len(pool), s)
        if key not in self._cdf:
            p = 1.0 / np.arange(1, len(pool) + 1) ** s
            self._cdf[key] = np.cumsum(p / p.sum())
        idx = np.searchsorted(self._cdf[key], self.np.random(size))
        return [pool[min(int(k), len(pool) - 1)] for k in idx]


class _Doc:
    """Builds one synthetic document text sentence by sentence, recording spans."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.parts: list[str] = []
        self.length = 0
        self.mentions: dict[int, list[Span]] = {}

    def sentence(self, pieces: list[str | int]) -> Span:
        start = self.length
        for p in pieces:
            if isinstance(p, int):
                name = self.world.names[p]
                self.mentions.setdefault(p, []).append(Span(start=self.length, end=self.length + len(name),
                                                            text=name))
                self._add(name)
            else:
                self._add(p)
        self._add(". ")
        return Span(start=start, end=self.length - 1, text="".join(self.parts)[start : self.length - 1])

    def _add(self, s: str) -> None:
        self.parts.append(s)
        self.length += len(s)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def synthetic_chunks(world: World, docs_per_chunk: int) -> Iterator[tuple[list[Document], list[Extraction]]]:
    n_docs = max(1, world.n // ENTITIES_PER_DOC)
    rng = world.rng
    parents = {t: world.by_type[t][: max(1, len(world.by_type[t]) // 10)] for t in ("Authority", "Law")}
    parent_sets = {t: set(p) for t, p in parents.items()}
    action_no = 0
    docs: list[Document] = []
    exs: list[Extraction] = []
    for k in range(n_docs):
        d = _Doc(world)
        owned = list(range(k * ENTITIES_PER_DOC, min(world.n, (k + 1) * ENTITIES_PER_DOC)))
        if k == n_docs - 1:
            owned = list(range(k * ENTITIES_PER_DOC, world.n))
        actions: list[Action] = []
        relations: list[Relation] = []
        actors = world.zipf(world.actors, ACTIONS_PER_DOC)
        targets = world.zipf(world.targets, ACTIONS_PER_DOC * 3)
        laws = world.zipf(world.by_type["Law"], ACTIONS_PER_DOC)
        for j in range(ACTIONS_PER_DOC):
            kind = rng.choices(list(KIND_WEIGHTS), weights=list(KIND_WEIGHTS.values()))[0]
            tgt = list(dict.fromkeys(targets[3 * j : 3 * j + rng.randint(1, 3)]))
            if actors[j] in tgt:
                tgt.remove(actors[j])
            if not tgt:
                continue
            under = [laws[j]] if rng.random() < 0.75 else []
            pieces: list[str | int] = [actors[j], f" imposed {kind.replace('_', ' ')} on "]
            for x, t in enumerate(tgt):
                pieces += ([", "] if x else []) + [t]
            if under:
                pieces += [" under ", under[0]]
            ev = d.sentence(pieces)
            year = rng.randint(2015, 2024)
            date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" if rng.random() < 0.9 else None
            actions.append(Action(id=f"a{action_no}", kind=kind, status="enacted" if rng.random() < 0.85
                                  else "proposed", date=date, by=[f"e{actors[j]}"], targets=[f"e{t}" for t in tgt],
                                  under=[f"e{u}" for u in under], confidence=round(rng.uniform(0.5, 1), 2),
                                  evidence=[ev]))
            action_no += 1
        for i in owned:  # every entity is written by the document that owns it, most with a relation
            t = world.types[i]
            rel: tuple[str, int, dict] | None = None
            if t in ("Authority", "Law") and rng.random() < 0.6 and i not in parent_sets[t]:
                rel = ("PART_OF", world.zipf(parents[t], 1, 1.3)[0], {})
            elif t == "Law" and rng.random() < 0.5:
                rel = ("AUTHORIZES", world.zipf(world.by_type["Authority"], 1)[0], {})
            elif t == "Person" and rng.random() < 0.3:
                rel = ("HOLDS_ROLE", world.zipf(world.by_type["Authority"], 1)[0], {"title": "Director"})
            elif t in ("Company", "Organization") and rng.random() < 0.5:
                rel = ("BASED_IN", world.zipf(world.places, 1)[0], {})
            if rel and rel[1] != i:
                ev = d.sentence([i, f" {rel[0].lower().replace('_', ' ')} ", rel[1]])
                relations.append(Relation(type=rel[0], source=f"e{i}", target=f"e{rel[1]}", properties=rel[2],
                                          confidence=0.8, evidence=[ev]))
            else:
                d.sentence(["Also named: ", i])
            if t == "Law" and rng.random() < 0.3:  # an authority administers it
                admin = world.zipf(world.by_type["Authority"], 1)[0]
                ev = d.sentence([admin, " administers ", i])
                relations.append(Relation(type="ADMINISTERS", source=f"e{admin}", target=f"e{i}", confidence=0.7,
                                          evidence=[ev]))
        text = d.text
        year = rng.randint(2015, 2024)
        doc = Document.from_text(text, source=f"bench/{k}", title=f"Synthetic release {k}",
                                 published=f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                                 url=f"https://example.org/bench/{k}")
        entities = [Entity(id=f"e{i}", name=world.names[i], type=world.types[i], kind=world.kinds[i],
                           mentions=spans) for i, spans in d.mentions.items()]
        docs.append(doc)
        exs.append(Extraction(doc_id=doc.id, source=doc.source, title=doc.title, published=doc.published,
                              entities=entities, actions=actions, relations=relations))
        if len(docs) >= docs_per_chunk:
            yield docs, exs
            docs, exs = [], []
    if docs:
        yield docs, exs


def build(store: Store, world: World, docs_per_chunk: int) -> dict:
    started = time.perf_counter()
    gen_s = write_s = 0.0
    written = 0
    it = synthetic_chunks(world, docs_per_chunk)
    while True:
        t0 = time.perf_counter()
        try:
            docs, exs = next(it)
            batch = build_batch(docs, exs)
        except StopIteration:
            break
        t1 = time.perf_counter()
        store.write(batch)
        t2 = time.perf_counter()
        gen_s += t1 - t0
        write_s += t2 - t1
        written += len(docs)
        print(f"  built {written:,} documents ({time.perf_counter() - started:,.0f} s)", file=sys.stderr)
    return {"seconds": round(time.perf_counter() - started, 1), "generate_s": round(gen_s, 1),
            "write_s": round(write_s, 1), "documents": written}


# ------------------------------------------------------------------------------------------ measurement


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def _typo(rng: random.Random, name: str) -> str:
    """A search a person would type: a prefix of the name, or the name with one letter changed."""
    w = [x for x in name.split() if not x.isdigit()]
    if rng.random() < 0.5:
        return " ".join(w[:2])[: rng.randint(6, 12)]
    word = rng.choice([x for x in w if len(x) >= 5] or w)
    i = rng.randrange(1, len(word)) if len(word) > 1 else 0
    typo = word[:i] + ("a" if word[i] != "a" else "e") + word[i + 1 :]
    return " ".join(typo if x == word else x for x in w[:2])


@dataclass
class Case:
    name: str
    path: Callable[[str], str]
    raw: Callable[[Store, str], object]
    samples: list[str]


def _run(store: Store, name: str, params: dict) -> list[dict]:
    # with the API's store timeout (FalkorDB sends it with the command): raw and API send the same commands
    return run_query(store, name, params, timeout_ms=API_QUERY_TIMEOUT_MS)


def _raw_search(store: Store, q: str) -> None:
    rows = _run(store, "search_entities", {"q": q, "type": None, "limit": 20})
    if len(rows) < 3:
        qw = words(q)
        _run(store, "search_fuzzy", {"expr": fuzzy_expression(store, qw), "first": qw[0][:2], "type": None,
                                     "limit": 200})


def _raw_entity(store: Store, eid: str) -> None:
    entity(store, eid)  # the endpoint's own sequence of catalog queries (ref, relations, mentions)


_BOUNDS = BoundsCache()  # the action date range, cached like the API server caches it


def _raw_timeline(store: Store, eid: str) -> None:
    # the endpoint's queries: one query (the entity and its page), or for hubs that query and month windows
    timeline_rows(store, _BOUNDS, eid, False, None, None, 50)


def _raw_network(store: Store, eid: str) -> None:
    center = _run(store, "entity_ref", {"id": eid})[0]
    NetworkBuilder(store, depth=1, limit=200).build(center)


def cases(world: World, n: int, rng: random.Random, n_actions: int) -> list[Case]:
    entity_ids = [f"e{rng.randrange(world.n)}" for _ in range(n)]
    target_ids = [f"e{i}" for i in world.zipf(world.targets, n)]  # timelines of the entities actions aim at
    action_ids = [f"a{rng.randrange(n_actions)}" for _ in range(n)]
    searches = [_typo(rng, world.names[rng.randrange(world.n)]) for _ in range(n)]
    return [
        Case("enabled-by", lambda a: f"/actions/{a}/enabled-by",
             lambda s, a: (_run(s, "action", {"id": a}), _run(s, "enabled_by", {"action_id": a})), action_ids),
        Case("timeline", lambda e: f"/entities/{e}/timeline", _raw_timeline, target_ids),
        Case("entity", lambda e: f"/entities/{e}", _raw_entity, entity_ids),
        Case("search", lambda q: "/entities?" + httpx.QueryParams({"q": q}).__str__(), _raw_search, searches),
        Case("network", lambda e: f"/entities/{e}/network?depth=1&limit=200", _raw_network, entity_ids),
    ]


def measure_pair(a: Callable[[str], object], b: Callable[[str], object], samples: list[str],
                 warmup: int) -> tuple[list[float], list[float]]:
    for s in samples[:warmup]:
        a(s)
        b(s)
    out_a, out_b = [], []
    for s in samples:
        t0 = time.perf_counter()
        a(s)
        t1 = time.perf_counter()
        b(s)
        t2 = time.perf_counter()
        out_a.append((t1 - t0) * 1000)
        out_b.append((t2 - t1) * 1000)
    return out_a, out_b


class KeepAliveClient:
    """GET over one persistent HTTP/1.1 connection (stdlib http.client), reconnecting when the server closed
    it (uvicorn drops idle keep-alive connections after 5 s). Real HTTP on loopback like httpx, without
    httpx's own per-request cost (~1 ms of client-side Python, measured), which is not the API's."""

    def __init__(self, port: int, timeout: float = 60) -> None:
        self.port, self.timeout = port, timeout
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)

    def get(self, path: str) -> tuple[int, bytes]:
        for attempt in (0, 1):
            try:
                self.conn.request("GET", path)
                r = self.conn.getresponse()
                return r.status, r.read()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.conn.close()
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
                if attempt:
                    raise
        raise AssertionError("unreachable")

    def close(self) -> None:
        self.conn.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(env: dict[str, str], port: int, store_uri: str | None) -> subprocess.Popen:
    cli = Path(sys.executable).with_name("policygraph")  # the installed console script of this venv
    cmd = [str(cli), "serve", "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
    if store_uri:
        cmd += ["--store", store_uri]
    proc = subprocess.Popen(cmd, env=env, cwd=REPO)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"API server exited with {proc.returncode}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    proc.terminate()
    raise SystemExit("API server did not come up in 120 s")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--entities", type=int, default=100_000)
    ap.add_argument("--store", default=None, help="store URI (default: embedded FalkorDB in --home)")
    ap.add_argument("--home", default=None, help="data dir of the embedded store (default: a temp dir)")
    ap.add_argument("--graph", default="bench", help="graph / database name")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--requests", type=int, default=300, help="measured requests per endpoint")
    ap.add_argument("--warmup", type=int, default=30)
    ap.add_argument("--docs-per-chunk", type=int, default=1000)
    ap.add_argument("--reuse", action="store_true", help="keep a graph of the right size instead of rebuilding")
    ap.add_argument("--out", default=None, help="write the figures as JSON here")
    ap.add_argument("--neo4j-server", action="store_true",
                    help="start a throwaway local Neo4j (scripts/neo4j_server.py) and benchmark it")
    ap.add_argument("--neo4j-heap", default="1g")
    ap.add_argument("--build-only", action="store_true", help="build (or check) the graph, measure nothing")
    args = ap.parse_args()
    if args.neo4j_server:
        from scripts.neo4j_server import Neo4jServer

        with Neo4jServer(heap=args.neo4j_heap, page_cache="1g", startup_timeout=600) as server:
            args.store = server.uri
            return run(args)
    return run(args)


def run(args: argparse.Namespace) -> int:

    home = Path(args.home or tempfile.mkdtemp(prefix="pg-bench-"))
    settings = Settings(home=home, graph_name=args.graph, store=args.store, batch_size=5000)
    world = World(args.entities, args.seed)
    store = open_store(args.store, settings, home=home)
    result: dict = {"entities": args.entities, "store": store.name, "seed": args.seed, "requests": args.requests}
    try:
        have = run_query(store, "stats")[0]
        if args.reuse and have["entities"] == args.entities:
            print(f"reusing the graph: {have['entities']:,} entities, {have['actions']:,} actions", file=sys.stderr)
            result["build"] = {"reused": True}
        else:
            store.clear()
            print(f"building {args.entities:,} entities into {store.name} ...", file=sys.stderr)
            result["build"] = build(store, world, args.docs_per_chunk)
        stats = run_query(store, "stats")[0]
        result["graph"] = {k: stats[k] for k in ("documents", "entities", "actions", "relationships")}
        print(f"graph: {result['graph']}  build: {result['build']}", file=sys.stderr)
        if args.build_only:
            return 0

        rng = random.Random(args.seed + 99)
        todo = cases(world, args.requests, rng, stats["actions"])
        env = {**os.environ, "POLICYGRAPH_HOME": str(home), "POLICYGRAPH_GRAPH_NAME": args.graph}
        port = free_port()
        server = start_server(env, port, args.store)
        rows = []
        client = KeepAliveClient(port)
        try:
            for case in todo:
                def get(sample: str, case: Case = case) -> None:
                    status, body = client.get(case.path(sample))
                    if status != 200:
                        raise SystemExit(f"{case.name} {case.path(sample)} -> {status} {body[:300]!r}")

                def raw(sample: str, case: Case = case) -> None:
                    case.raw(store, sample)

                # raw and API alternate sample by sample, so both see the same machine load and caches
                raw_ms, api_ms = measure_pair(raw, get, case.samples, args.warmup)
                row = {
                    "endpoint": case.name,
                    "api_p50": round(pct(api_ms, 0.5), 2), "api_p95": round(pct(api_ms, 0.95), 2),
                    "raw_p50": round(pct(raw_ms, 0.5), 2), "raw_p95": round(pct(raw_ms, 0.95), 2),
                    "api_mean": round(statistics.fmean(api_ms), 2), "raw_mean": round(statistics.fmean(raw_ms), 2),
                }
                row["overhead_p50"] = round(row["api_p50"] - row["raw_p50"], 2)
                row["ratio_p50"] = round(row["api_p50"] / row["raw_p50"], 2) if row["raw_p50"] else None
                row["ratio_p95"] = round(row["api_p95"] / row["raw_p95"], 2) if row["raw_p95"] else None
                rows.append(row)
                print(f"  {case.name}: {row}", file=sys.stderr)
        finally:
            client.close()
            server.terminate()
            server.wait(30)
        result["endpoints"] = rows
    finally:
        store.close()

    print(f"\nPolicyGraph API benchmark - {store.name}, {result['graph']['entities']:,} entities, "
          f"{result['graph']['actions']:,} actions, {result['graph']['documents']:,} documents; "
          f"{args.requests} requests per endpoint (ms)")
    print(f"{'endpoint':<12}{'API p50':>9}{'API p95':>9}{'raw p50':>9}{'raw p95':>9}{'+ p50':>7}{'x p50':>7}"
          f"{'x p95':>7}")
    for r in result["endpoints"]:
        print(f"{r['endpoint']:<12}{r['api_p50']:>9.2f}{r['api_p95']:>9.2f}{r['raw_p50']:>9.2f}{r['raw_p95']:>9.2f}"
              f"{r['overhead_p50']:>7.2f}{(r['ratio_p50'] or 0):>7.2f}{(r['ratio_p95'] or 0):>7.2f}")
    if args.out:
        Path(args.out).write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
