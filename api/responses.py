"""Serialise a response in the endpoint's own worker thread.

FastAPI validates and serialises the return value of a sync endpoint in a *second* threadpool hop; under
load each hop costs milliseconds. `respond(Model, data)` validates with the model and dumps JSON with
pydantic-core right away, and the endpoint returns that `Response` (its `response_model` still documents the
shape in OpenAPI).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from fastapi.responses import Response
from pydantic import BaseModel, TypeAdapter


@cache
def _adapter(model: type[BaseModel]) -> TypeAdapter:
    return TypeAdapter(model)


def respond(model: type[BaseModel], data: Any, status_code: int = 200) -> Response:
    adapter = _adapter(model)
    body = adapter.dump_json(adapter.validate_python(data), by_alias=True)
    return Response(body, status_code=status_code, media_type="application/json")
