"""Serialise a response in the endpoint itself, without a second pass through pydantic.

FastAPI validates the return value against `response_model` (building a model object per item) and then
serialises it; for a timeline page of 50 actions with evidence that validation alone cost ~4 ms, more than
the database work (measured with bench/api.py). Endpoints build plain dicts of exactly the documented shape
and `respond(Model, data)` dumps them with pydantic-core's JSON encoder; `response_model` documents the shape
in OpenAPI.

The promise that the dicts match the models is checked, not assumed: in STRICT mode (the API tests set it;
`POLICYGRAPH_STRICT_RESPONSES=1` turns it on anywhere) every response is also validated with its model and
the two JSON documents must be equal, else the request fails with the path of the first difference.
"""

from __future__ import annotations

import json
import os
from functools import cache
from typing import Any

import pydantic_core
from fastapi.responses import Response
from pydantic import BaseModel, TypeAdapter

STRICT = os.environ.get("POLICYGRAPH_STRICT_RESPONSES", "") in ("1", "true", "yes")


@cache
def _adapter(model: type[BaseModel]) -> TypeAdapter:
    return TypeAdapter(model)


def _first_difference(path: str, a: Any, b: Any) -> str | None:
    numbers = (int, float)
    if isinstance(a, numbers) and isinstance(b, numbers) and not isinstance(a, bool) and not isinstance(b, bool):
        return None if a == b else f"{path}: model gives {a!r}, endpoint gives {b!r}"  # JSON: 2 == 2.0
    if type(a) is not type(b):
        return f"{path or '.'}: model gives {a!r:.80}, endpoint gives {b!r:.80}"
    if isinstance(a, dict):
        for key in sorted(set(a) | set(b)):
            if key not in a or key not in b:
                return f"{path}.{key}: only in the {'model' if key in a else 'endpoint'}'s answer"
            found = _first_difference(f"{path}.{key}", a[key], b[key])
            if found:
                return found
        return None
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{path}: {len(a)} items from the model, {len(b)} from the endpoint"
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            found = _first_difference(f"{path}[{i}]", x, y)
            if found:
                return found
        return None
    return None if a == b else f"{path}: model gives {a!r:.80}, endpoint gives {b!r:.80}"


def respond(model: type[BaseModel], data: Any, status_code: int = 200) -> Response:
    body = pydantic_core.to_json(data)
    if STRICT:
        adapter = _adapter(model)
        validated = adapter.dump_json(adapter.validate_python(data), by_alias=True)
        diff = _first_difference("", json.loads(validated), json.loads(body))
        if diff:
            raise AssertionError(f"{model.__name__} response differs from its model: {diff}")
    return Response(body, status_code=status_code, media_type="application/json")
