"""The API's contract as client generators read it (issue 14), applied once routes are in place:

- every error response an operation declares (404 "unknown id", 422, ...) has the one error schema
  (`ErrorBody`): a route's own `responses={404: {"description": ...}}` replaces the app-wide entry, schema
  and all, and FastAPI's own 422 names its `HTTPValidationError`, a shape this API never answers with;
- operationIds are the endpoint functions' names (`list_documents`, `get_entity`), stable across FastAPI
  versions and path changes, instead of FastAPI's generated `list_documents_documents_get`;
- POST /documents' JSON body is a named model, `DocumentsIn` (one `DocumentIn` or a list of them);
- CORS is off unless `settings.cors_origins` (POLICYGRAPH_CORS_ORIGINS) names origins.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.routing import APIRoute
from pydantic import Field, RootModel

from api.models import DocumentIn, ErrorBody
from api.routers.documents import MAX_DOCUMENTS_PER_POST
from policygraph.settings import Settings

ERROR_REF = {"$ref": "#/components/schemas/ErrorBody"}


class DocumentsIn(RootModel[DocumentIn | Annotated[list[DocumentIn], Field(max_length=MAX_DOCUMENTS_PER_POST)]]):
    """One document, or a list of up to 100 (POST /documents as JSON)."""


def operation_id(route: APIRoute) -> str:
    """FastAPI's `generate_unique_id_function`: the endpoint function's name (tests check they are unique)."""
    return route.name


def _schemas(model: type) -> tuple[dict, dict]:
    """The model's JSON schema with references into components, and the definitions it needs."""
    schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
    return schema, schema.pop("$defs", {})


def _documents_body(spec: dict) -> None:
    post = spec.get("paths", {}).get("/documents", {}).get("post")
    if not post:
        return
    schema, defs = _schemas(DocumentsIn)
    components = spec.setdefault("components", {}).setdefault("schemas", {})
    components.update(defs)
    components["DocumentsIn"] = schema
    content = post.setdefault("requestBody", {}).setdefault("content", {})
    content["application/json"] = {"schema": {"$ref": "#/components/schemas/DocumentsIn"}}


def _error_schemas(spec: dict) -> None:
    spec.setdefault("components", {}).setdefault("schemas", {}).setdefault(
        "ErrorBody", ErrorBody.model_json_schema(ref_template="#/components/schemas/{model}"))
    for item in spec.get("paths", {}).values():
        for operation in item.values():
            if not isinstance(operation, dict):
                continue
            for status, response in operation.get("responses", {}).items():
                if status[:1] in ("4", "5"):
                    response["content"] = {"application/json": {"schema": ERROR_REF}}
    spec["components"]["schemas"].pop("HTTPValidationError", None)
    spec["components"]["schemas"].pop("ValidationError", None)


def install_contract(app: FastAPI, settings: Settings) -> None:
    """Call after the routers are included (operationIds: `operation_id`, given to FastAPI(...))."""
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["GET", "POST"],
                           allow_headers=["Content-Type", "X-API-Key"], expose_headers=["X-Truncated"])
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        spec = build()
        _error_schemas(spec)
        _documents_body(spec)
        app.openapi_schema = spec
        return spec

    app.openapi = openapi  # type: ignore[method-assign]
