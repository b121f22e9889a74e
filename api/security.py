"""API keys (header `X-API-Key`).

Writes need a key from `settings.api_keys`; with no key configured, writes are OFF (403), never open.
Reads are open unless `settings.read_keys` is set; then a read key or a write key is needed (401 otherwise).
Keys are compared in constant time.
"""

from __future__ import annotations

import hmac

from fastapi import Depends, Request
from fastapi.security import APIKeyHeader

from api.errors import ApiError
from policygraph.settings import Settings

API_KEY_HEADER = "X-API-Key"
_header = APIKeyHeader(name=API_KEY_HEADER, auto_error=False, description="API key (writes; reads if keyed)")


def _settings(request: Request) -> Settings:
    return request.app.state.settings


def _matches(key: str | None, keys: list[str]) -> bool:
    if not key:
        return False
    # compare with every key (no early exit) so timing does not reveal which prefix matched
    hits = [hmac.compare_digest(key.encode(), k.encode()) for k in keys if k]
    return any(hits)


async def require_read(request: Request, key: str | None = Depends(_header)) -> None:
    settings = _settings(request)
    if not settings.read_keys:
        return
    if not key:
        raise ApiError(401, f"this API needs a read key: send it in the {API_KEY_HEADER} header",
                       {"WWW-Authenticate": API_KEY_HEADER})
    if not _matches(key, [*settings.read_keys, *settings.api_keys]):
        raise ApiError(401, "the API key is not valid", {"WWW-Authenticate": API_KEY_HEADER})


async def require_write(request: Request, key: str | None = Depends(_header)) -> None:
    settings = _settings(request)
    if not settings.api_keys:
        raise ApiError(
            403,
            "writes are disabled on this server: no API key is configured (set POLICYGRAPH_API_KEYS, "
            'e.g. POLICYGRAPH_API_KEYS=\'["a-long-secret"]\', and send it in the X-API-Key header)',
        )
    if not key:
        raise ApiError(401, f"writing needs an API key: send it in the {API_KEY_HEADER} header",
                       {"WWW-Authenticate": API_KEY_HEADER})
    if not _matches(key, settings.api_keys):
        raise ApiError(401, "the API key is not valid for writes", {"WWW-Authenticate": API_KEY_HEADER})
