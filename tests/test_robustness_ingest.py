"""Nothing a document contains can crash the store or stop the ingest (issue 10, first part).

Real components throughout: the real extraction pipeline, a real embedded FalkorDB (crashed for real: it
segfaults on a MERGE of an empty id under a unique constraint), the real Neo4j server where named.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.batch import build_batch
from graph.chunk_writer import isolate, write_chunk
from graph.validate import MAX_ID_BYTES, InvalidBatch, ensure_valid, problems
from ingest.contract import Entity, Extraction, Span
from ingest.documents import MAX_TEXT_CHARS, Document
from ingest.names import slug
from ingest.readers import read_paths

REPO = Path(__file__).resolve().parents[1]
TREASURY = REPO.parent / "shared" / "corpora" / "treasury-press-releases.jsonl"
# Public-domain sentences (Treasury, 2014-03-20, jl23331): the release whose Cyrillic "ОАО" crashed FalkorDB.
ROSSIYA = ("Bank Rossiya (ОАО АБ РОССИЯ) is the personal bank for senior officials of the Russian Federation. "
           "Treasury designated Bank Rossiya today under Executive Order 13661.")


def _doc(text: str, source: str) -> Document:
    return Document.from_text(text, source=source)


def _extraction(doc: Document, entity_id: str, name: str = "Acme") -> Extraction:
    start = doc.text.find(name) if name in doc.text else 0
    return Extraction(doc_id=doc.id, source=doc.source, entities=[
        Entity(id=entity_id, name=name, type="Company", aliases=[name],
               mentions=[Span(start=start, end=start + len(name), text=name)])])


@pytest.fixture
def fresh_falkordb(tmp_path: Path) -> Iterator:
    """A store on its own embedded server: these tests crash it."""
    from graph.embedded import EmbeddedServer
    from graph.falkordb_store import FalkorDBStore

    server = EmbeddedServer.acquire(tmp_path / "home")
    store = FalkorDBStore(server=server, graph_name="robustness", batch_size=5000)
    store.setup_schema()
    yield store
    store.close()
    server.stop()


# ---------------------------------------------------------------------------------------- ids and rows


def test_slugs_of_names_in_other_scripts_are_never_empty() -> None:
    assert slug("ОАО") == "oao"
    assert slug("Банк Россия") == "bank-rossiia" or slug("Банк Россия").startswith("bank-ross")
    assert slug("北京") and slug("محمد") and slug("Ιωάννης") == "ioannis"
    assert slug("Müller") == "muller"  # accents fold as before


def test_the_release_that_crashed_falkordb_extracts_no_empty_id(nlp) -> None:
    from ingest.pipeline import extract_batch

    doc = _doc(ROSSIYA, "jl23331")
    (ex,) = extract_batch(nlp, [doc])
    ids = [e.id for e in ex.entities]
    assert ids and all(i and i == i.strip() for i in ids), ids
    cyrillic = [e for e in ex.entities if any("\u0400" <= ch <= "\u04ff" for ch in e.name)]
    for e in cyrillic:  # the original script stays on the node (name / aliases), the id is transliterated
        assert e.id.isascii() and (e.name in e.aliases or e.name)
    batch = build_batch([doc], [ex])
    assert problems(batch) == {}


@pytest.mark.parametrize("bad_id, reason", [
    ("", "empty"), (" acme", "whitespace"), ("acme ", "whitespace"), ("a" * (MAX_ID_BYTES + 1), "bytes"),
    ("ac\x00me", "control"), ("ac\nme", "control"),
])
def test_a_bad_id_fails_its_document_only(bad_id: str, reason: str) -> None:
    good, bad = _doc("Acme Ltd was designated.", "good.txt"), _doc("Acme Corp was designated.", "bad.txt")
    batch = build_batch([good, bad], [_extraction(good, "acme-ltd"), _extraction(bad, bad_id)])
    found = problems(batch)
    assert set(found) == {bad.id} and reason in found[bad.id]
    with pytest.raises(InvalidBatch):
        ensure_valid(batch)


def test_a_nul_in_any_value_fails_its_document() -> None:
    doc = _doc("Acme Ltd was designated.", "nul.txt")
    ex = _extraction(doc, "acme-ltd")
    ex.entities[0].aliases.append("Ac\x00me")
    assert "NUL" in problems(build_batch([doc], [ex]))[doc.id]


def test_rows_refused_by_validation_leave_the_rest_of_the_chunk_written(store) -> None:
    good, bad = _doc("Acme Ltd was designated.", "good.txt"), _doc("Acme Corp was designated.", "bad.txt")
    outcome = write_chunk(store, [good, bad], [_extraction(good, "acme-ltd"), _extraction(bad, "")])
    assert [d.source for d, _ in outcome.written] == ["good.txt"]
    assert [d.source for d, _ in outcome.failed] == ["bad.txt"] and "empty" in outcome.failed[0][1]
    assert store.known_document_ids([good.id, bad.id]) == {good.id}


def test_a_store_never_receives_an_unchecked_row(store) -> None:
    doc = _doc("Acme Corp was designated.", "bad.txt")
    with pytest.raises(InvalidBatch):
        store.write(build_batch([doc], [_extraction(doc, "")]))
    assert store.known_document_ids([doc.id]) == set()


# ---------------------------------------------------------------------------- a store that dies anyway


def test_a_document_that_kills_the_server_is_isolated_and_the_run_goes_on(fresh_falkordb, monkeypatch) -> None:
    """Validation off, so the empty id reaches FalkorDB and really crashes it: the chunk is named, the server
    restarted, the killing document found and skipped, the others written."""
    import graph.validate

    monkeypatch.setattr(graph.validate, "problems", lambda batch: {})
    store = fresh_falkordb
    docs = [_doc(f"Acme {i} Ltd was designated.", f"doc{i}.txt") for i in range(3)]
    exs = [_extraction(docs[0], "acme-0"), _extraction(docs[1], ""), _extraction(docs[2], "acme-2")]
    pid = store.server.pid
    with pytest.raises(Exception) as crashed:
        write_chunk(store, docs, exs)
    outcome = isolate(store, docs, exs, crashed.value)
    assert outcome.restarts == 2 and store.server.pid != pid  # once for the chunk, once for the killer
    assert [d.source for d, _ in outcome.failed] == ["doc1.txt"]
    assert "crashed the store" in outcome.failed[0][1] and "doc0.txt" in outcome.failed[0][1]
    assert store.known_document_ids([d.id for d in docs]) == {docs[0].id, docs[2].id}


def test_ingest_of_the_release_that_crashed_falkordb(fresh_falkordb, nlp) -> None:
    from graph.ingest_run import ingest_documents

    line = next((ln for ln in TREASURY.open(encoding="utf-8") if '"2014-03-20-jl23331"' in ln), None) \
        if TREASURY.exists() else None
    if line is None:
        pytest.skip(f"{TREASURY} not here")
    path = Path(os.environ.get("TMPDIR", "/tmp")) / f"jl23331-{os.getpid()}.jsonl"
    path.write_text(line, encoding="utf-8")
    try:
        report = ingest_documents(fresh_falkordb, read_paths([path]), processes=1, nlp=nlp)
    finally:
        path.unlink()
    assert report.ok and report.documents_new == 1, report.failures
    assert fresh_falkordb.server.alive()
    rows = fresh_falkordb.query("MATCH (e:Entity) WHERE e.id = '' OR e.name = 'ОАО' RETURN e.id AS id")
    assert all(r["id"] for r in rows)


# --------------------------------------------------------------------------------- inputs at the edge


def test_long_and_nul_documents_fail_with_one_line_before_spacy(tmp_path: Path, store, nlp) -> None:
    from graph.ingest_run import ingest_documents

    (tmp_path / "long.txt").write_text("Sanctions were imposed. " * (MAX_TEXT_CHARS // 24 + 10), encoding="utf-8")
    (tmp_path / "nul.jsonl").write_text(json.dumps({"text": "OFAC designated Acme\u0000 Ltd.", "id": "n1"}) + "\n"
                                        + json.dumps({"text": "OFAC designated Beta Ltd.", "id": "ok"}) + "\n",
                                        encoding="utf-8")
    report = ingest_documents(store, read_paths([tmp_path]), processes=1, nlp=nlp)
    reasons = {Path(f.source).name: f.reason for f in report.failures}
    assert report.documents_new == 1 and report.documents_failed == 2
    assert f"the limit is {MAX_TEXT_CHARS:,}" in reasons["long.txt"] and "E088" not in reasons["long.txt"]
    assert "NUL" in reasons["nul.jsonl:1"]
    # the runner checks documents that did not come through a reader too
    direct = Document.from_text("a" * (MAX_TEXT_CHARS + 1), source="direct")
    again = ingest_documents(store, [direct], processes=1, nlp=nlp)
    assert again.documents_failed == 1 and "limit" in again.failures[0].reason


def test_fifos_and_broken_links_are_named_not_waited_on(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("OFAC designated Acme Ltd.", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "dangling.md").symlink_to(tmp_path / "missing.md")
    found = {Path(x.source).name: getattr(x, "reason", "ok") for x in read_paths([tmp_path])}
    assert found["good.txt"] == "ok"
    assert "FIFO" in found["pipe.txt"] and "loop" in found["loop.txt"] and "dangling" in found["dangling.md"]
    (direct,) = list(read_paths([tmp_path / "pipe.txt"]))  # named on the command line: no hang either
    assert "FIFO" in direct.reason


# ------------------------------------------------------------------------------------------ progress


def test_progress_follows_the_writes_not_the_next_extraction(store, nlp, seed_documents) -> None:
    """The bar showed 0/60 while 32 documents were stored: a chunk was counted only after the next chunk's
    extraction. Here, when the third chunk is read, the first two are stored: progress must say 4."""
    import time as clock

    from graph.ingest_run import ingest_documents

    ids = [d.id for d in seed_documents]
    progress: list[int] = []
    seen_at_third_chunk: list[int] = []

    def documents():
        for i, doc in enumerate(seed_documents):
            if i == 4:  # the third chunk (chunk_size=2) is being read: wait for the second chunk's write
                deadline = clock.monotonic() + 60
                while store.known_document_ids(ids[:4]) != set(ids[:4]) and clock.monotonic() < deadline:
                    clock.sleep(0.05)
                clock.sleep(0.3)
                seen_at_third_chunk.append(sum(progress))
            yield doc

    report = ingest_documents(store, documents(), processes=1, chunk_size=2, nlp=nlp,
                              on_progress=lambda docs, _: progress.append(docs))
    assert report.documents_new == 5
    assert seen_at_third_chunk == [4]
