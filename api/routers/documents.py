"""Documents: listing, one document with its facts as spans, and ingest through the API (keyed)."""

from __future__ import annotations

import json
import tempfile
import threading
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pydantic import TypeAdapter, ValidationError
from starlette.datastructures import UploadFile as StarletteUploadFile

from api import cursor
from api.deps import get_settings, get_store, one, run
from api.errors import ApiError
from api.models import DocumentDetail, DocumentIn, DocumentPage, IngestResult
from api.responses import respond
from api.routers.actions import action_bounds
from api.security import require_write
from graph.store import Store, StoreError
from ingest.documents import Document, document_problem
from ingest.readers import SUPPORTED, ReadFailure, read_paths
from policygraph.settings import Settings
from queries import convert

router = APIRouter(prefix="/documents", tags=["documents"])
StoreDep = Annotated[Store, Depends(get_store)]
MAX_DOCUMENTS_PER_POST = 100
MAX_UPLOAD_BYTES = 20_000_000  # per uploaded file
_DOCUMENT_IN = TypeAdapter(DocumentIn)
_DOCUMENTS_IN = TypeAdapter(list[DocumentIn])
_INGEST_LOCK = threading.Lock()


def _nlp(request: Request, settings: Settings):  # noqa: ANN202 - a spaCy Language
    """The app's spaCy pipeline, loaded on the first ingest (seconds), then kept for the next ones."""
    nlp = getattr(request.app.state, "nlp", None)
    if nlp is None:
        from ingest.pipeline import build_nlp

        nlp = request.app.state.nlp = build_nlp(settings.model)
    return nlp


@router.get("", response_model=DocumentPage, summary="Documents, newest first, paginated")
def list_documents(
    store: StoreDep,
    source: Annotated[str | None, Query(description="only documents of this source (its file name, as listed)")]
    = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    cursor_: Annotated[str | None, Query(alias="cursor")] = None,
) -> Response:
    after_date, after_id = cursor.decode("documents", cursor_)
    # stores hold the source's label (ingest.documents.source_label): a path given here finds its file
    rows = run(store, "documents_list", after_date=after_date, after_id=after_id,
               source=convert.public_source(source), limit=limit + 1)
    page, more = rows[:limit], len(rows) > limit
    next_cursor = cursor.encode("documents", page[-1]["sort_date"], page[-1]["id"]) if more and page else None
    # the file name only: a server's directories are none of a reader's business (convert.public_source)
    items = [{**{k: r.get(k) for k in ("id", "title", "published", "url")},
              "source": convert.public_source(r.get("source"))} for r in page]
    return respond(DocumentPage, {"items": items, "next_cursor": next_cursor})


@router.get("/{doc_id}", response_model=DocumentDetail, summary="One document: text, mentions, action evidence",
            responses={404: {"description": "unknown document"}})
def get_document(doc_id: str, store: StoreDep) -> Response:
    doc = one(store, "document", "document", doc_id)
    mentions = run(store, "document_mentions", id=doc_id)
    actions = run(store, "document_actions", id=doc_id)
    entities = [
        {"id": m["id"], "name": m.get("name"), "type": m.get("type"),
         "spans": convert.mention_spans(m.get("spans"), m.get("starts"), m.get("ends"))}
        for m in mentions
    ]
    acts = [
        {"id": a["id"], "kind": a.get("kind"), "status": a.get("status"), "date": a.get("date"),
         **{role: convert.refs(v) for role, v in convert.split_parts(a.get("parts")).items()},
         "spans": sorted(({"start": s["start"], "end": s["end"], "text": s.get("text")}
                          for s in a.get("spans") or [] if s and s.get("start") is not None and s["start"] >= 0),
                         key=lambda s: (s["start"], s["end"]))}
        for a in actions
    ]
    return respond(DocumentDetail, {**{k: doc.get(k) for k in ("id", "title", "published", "url", "text")},
            "source": convert.public_source(doc.get("source")),
            "entities": entities, "actions": acts})


_DOCUMENT_SCHEMA = DocumentIn.model_json_schema()
_POST_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": {"anyOf": [
            _DOCUMENT_SCHEMA, {"type": "array", "items": _DOCUMENT_SCHEMA, "maxItems": MAX_DOCUMENTS_PER_POST}]}},
        "multipart/form-data": {"schema": {
            "type": "object", "required": ["files"],
            "properties": {"files": {
                "type": "array", "items": {"type": "string", "format": "binary"},
                "description": "files to ingest: " + ", ".join(sorted(SUPPORTED)) + " (read like `policygraph "
                               "ingest` reads them: Markdown front matter, HTML main text, one document per "
                               "JSON record or JSON line)"}}}},
    },
}


@router.post("", response_model=IngestResult, status_code=200, dependencies=[Depends(require_write)],
             summary="Ingest documents: JSON ({text, ...} or a list) or uploaded files (needs X-API-Key)",
             openapi_extra={"requestBody": _POST_BODY},
             responses={401: {"description": "missing or bad key"}, 403: {"description": "writes disabled"},
                        413: {"description": "too many documents or too large a file"},
                        503: {"description": "the store went away during the ingest"}})
async def post_documents(request: Request, store: StoreDep) -> Response:
    # The body is read here, not declared as a parameter: one endpoint takes JSON and multipart/form-data.
    settings: Settings = get_settings(request)
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("multipart/form-data"):
        inputs = await _uploaded(request)
        posted = [d for d in inputs if isinstance(d, Document)]
    else:
        posted = _posted_json(await request.body())
        inputs = posted
    try:
        report = await run_in_threadpool(_ingest, request, store, settings, inputs)
    except StoreError as exc:  # the store went away mid-ingest (one that dies is restarted by the runner)
        raise ApiError(503, f"the graph store is unavailable: {exc}") from exc
    action_bounds(request).forget()  # new actions may widen the dates the listing walks
    data = report.model_dump()
    data["documents"] = [{"id": d.id, "title": d.title, "source": d.source, "published": d.published,
                          "url": d.url} for d in posted]
    return respond(IngestResult, data)


def _ingest(request: Request, store: Store, settings: Settings, inputs: list[Document | ReadFailure]):  # noqa: ANN202
    from graph.ingest_run import ingest_documents

    with _INGEST_LOCK:  # one ingest at a time: the spaCy pipeline is shared and not thread-safe
        nlp = _nlp(request, settings)
        return ingest_documents(store, inputs, settings, processes=1, nlp=nlp)


def _posted_json(raw: bytes) -> list[Document]:
    try:
        body = json.loads(raw) if raw.strip() else None
    except ValueError as exc:
        raise ApiError(422, f"body: not JSON ({exc}); send a document, a list of them, or multipart files") from exc
    if body is None or body == []:
        raise ApiError(422, "body: send one document or a non-empty list of them")
    if isinstance(body, list) and len(body) > MAX_DOCUMENTS_PER_POST:
        raise ApiError(413, f"body: at most {MAX_DOCUMENTS_PER_POST} documents per request")
    try:
        parsed = (_DOCUMENTS_IN if isinstance(body, list) else _DOCUMENT_IN).validate_python(body)
    except ValidationError as exc:
        errors = [{"loc": ["body", *e["loc"]], "msg": e["msg"], "type": e["type"]} for e in exc.errors()]
        detail = "; ".join(f"{'.'.join(str(x) for x in e['loc'][1:]) or 'body'}: {e['msg']}" for e in errors)
        raise ApiError(422, detail, errors=errors) from exc
    items = parsed if isinstance(parsed, list) else [parsed]
    docs = [Document.from_text(d.text, source=d.source, **d.model_dump(exclude={"text", "source"})) for d in items]
    # Refused here, with the field, rather than failed in the report: a NUL (no text holds one, and FalkorDB
    # cannot store it) or a text over the one length limit (ingest.documents.MAX_TEXT_CHARS).
    errors = [{"loc": ["body", *([i] if isinstance(body, list) else [])], "msg": why, "type": "value_error"}
              for i, doc in enumerate(docs) if (why := document_problem(doc)) is not None]
    if errors:
        raise ApiError(422, "; ".join(f"{'.'.join(str(x) for x in e['loc'])}: {e['msg']}" for e in errors),
                       errors=errors)
    return docs


async def _uploaded(request: Request) -> list[Document | ReadFailure]:
    """Uploaded files -> Documents (or ReadFailures) through the project's readers (ingest.readers), so a
    file posted here is read exactly as `policygraph ingest FILE` reads it; sources are `upload/<name>`."""
    form = await request.form(max_files=MAX_DOCUMENTS_PER_POST, max_fields=MAX_DOCUMENTS_PER_POST)
    try:
        files = [v for _, v in form.multi_items() if isinstance(v, StarletteUploadFile)]
        if not files:
            raise ApiError(422, "files: no file in the form (send them as `files`)")
        out: list[Document | ReadFailure] = []
        with tempfile.TemporaryDirectory(prefix="pg-upload-") as tmp:
            for i, upload in enumerate(files):
                name = Path(upload.filename or f"upload-{i}.txt").name or f"upload-{i}.txt"
                data = await upload.read(MAX_UPLOAD_BYTES + 1)
                if len(data) > MAX_UPLOAD_BYTES:
                    raise ApiError(413, f"files: {name} is larger than {MAX_UPLOAD_BYTES // 1_000_000} MB")
                if Path(name).suffix.lower() not in SUPPORTED:
                    out.append(ReadFailure(f"upload/{name}", f"unsupported file type {Path(name).suffix or '(none)'}"
                                           f"; expected one of {', '.join(sorted(SUPPORTED))}"))
                    continue
                folder = Path(tmp) / str(i)  # one folder per file: two uploads may share a name
                folder.mkdir()
                path = folder / name
                path.write_bytes(data)
                for item in read_paths([path]):
                    out.append(_renamed(item, str(path), f"upload/{name}"))
        if len(out) > MAX_DOCUMENTS_PER_POST:
            raise ApiError(413, f"files: at most {MAX_DOCUMENTS_PER_POST} documents per request, got {len(out)}")
        return out
    finally:
        await form.close()


def _renamed(item: Document | ReadFailure, temp_path: str, source: str) -> Document | ReadFailure:
    """The reader names sources after the temporary file; name them after the upload instead."""
    renamed = item.source.replace(temp_path, source, 1)
    if isinstance(item, ReadFailure):
        return ReadFailure(renamed, item.reason)
    return item.model_copy(update={"source": renamed})
