"""The web explorer: a single-page app in api/static/, served by the API's own FastAPI app.

The page talks to the JSON API at the same origin, so it needs no configuration and makes no
external request at run time (the graph library is vendored in api/static/vendor/).
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

STATIC_DIR = Path(__file__).parent / "static"
INDEX_HTML = STATIC_DIR / "index.html"

# The page may load nothing from anywhere but this server (the explorer promises no external request);
# inline style attributes are allowed because the views colour legend swatches with them.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)


def mount_web(app: FastAPI) -> None:
    """Serve the SPA at `/` and its assets at `/static/...`.

    Call it after the API routes are included: `/` is a single route, so it never shadows them.
    """
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/", include_in_schema=False)
    def web_index() -> FileResponse:
        # no-cache: the index is tiny and must pick up new asset versions after a deploy
        headers = {"Cache-Control": "no-cache", "Content-Security-Policy": CONTENT_SECURITY_POLICY}
        return FileResponse(INDEX_HTML, media_type="text/html", headers=headers)
