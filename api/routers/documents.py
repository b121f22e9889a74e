"""Documents: listing, one document with its facts as spans, and ingest through the API (keyed)."""

from __future__ import annotations

import threading
from typing import Annotated

from fastapi import APIRouter, Body, Depends, Query, Request
from fastapi.responses import Response

from api import convert, cursor
from api.deps import get_settings, get_store, one, run
from api.errors import ApiError
from api.models import DocumentDetail, DocumentIn, DocumentPage, IngestResult
from api.responses import respond
from api.security import require_write
from graph.store import Store
from ingest.documents import Document
from policygraph.settings import Settings

router = APIRouter(prefix="/documents", tags=["documents"])
StoreDep = Annotated[Store, Depends(get_store)]
MAX_DOCUMENTS_PER_POST = 100
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
    source: Annotated[str | None, Query(description="only documents of this source")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    cursor_: Annotated[str | None, Query(alias="cursor")] = None,
) -> Response:
    after_date, after_id = cursor.decode("documents", cursor_)
    rows = run(store, "documents_list", after_date=after_date, after_id=after_id, source=source, limit=limit + 1)
    page, more = rows[:limit], len(rows) > limit
    next_cursor = cursor.encode("documents", page[-1]["sort_date"], page[-1]["id"]) if more and page else None
    items = [{k: r.get(k) for k in ("id", "title", "source", "published", "url")} for r in page]
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
    return respond(DocumentDetail, {**{k: doc.get(k) for k in ("id", "title", "source", "published", "url", "text")},
            "entities": entities, "actions": acts})


@router.post("", response_model=IngestResult, status_code=200, dependencies=[Depends(require_write)],
             summary="Ingest documents (needs an API key in X-API-Key)",
             responses={401: {"description": "missing or bad key"}, 403: {"description": "writes disabled"}})
def post_documents(
    request: Request,
    store: StoreDep,
    body: Annotated[DocumentIn | list[DocumentIn], Body()],
) -> dict:
    settings: Settings = get_settings(request)
    items = body if isinstance(body, list) else [body]
    if not items:
        raise ApiError(422, "body: send one document or a non-empty list of them")
    if len(items) > MAX_DOCUMENTS_PER_POST:
        raise ApiError(413, f"body: at most {MAX_DOCUMENTS_PER_POST} documents per request")
    docs = [Document.from_text(d.text, source=d.source, **d.model_dump(exclude={"text", "source"})) for d in items]
    from ingest.runner import ingest_documents

    with _INGEST_LOCK:  # one ingest at a time: the spaCy pipeline is shared and not thread-safe
        nlp = _nlp(request, settings)
        report = ingest_documents(store, docs, settings, processes=1, nlp=nlp)
    data = report.model_dump()
    data["documents"] = [{"id": d.id, "title": d.title, "source": d.source, "published": d.published,
                          "url": d.url} for d in docs]
    return data
