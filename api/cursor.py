"""Opaque pagination cursors: the keyset (sort key, id) of the last item of a page, base64url-encoded JSON.

Clients pass `next_cursor` back unchanged. The cursor names the endpoint it belongs to, so a cursor from
/documents cannot be replayed on /actions, and anything malformed is a 422, never a 500.
"""

from __future__ import annotations

import base64
import binascii
import json

from api.errors import ApiError


def encode(scope: str, sort_key: str, last_id: str) -> str:
    raw = json.dumps({"s": scope, "k": sort_key, "i": last_id}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(scope: str, cursor: str | None) -> tuple[str | None, str | None]:
    """-> (sort_key, last_id), or (None, None) for the first page."""
    if not cursor:
        return None, None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        data = json.loads(raw)
        if data.get("s") != scope or not isinstance(data.get("k"), str) or not isinstance(data.get("i"), str):
            raise ValueError
    except (ValueError, binascii.Error, UnicodeDecodeError, AttributeError) as exc:
        raise ApiError(422, f"cursor: not a valid {scope} cursor (pass next_cursor back unchanged)") from exc
    return data["k"], data["i"]
