"""Links to a document's original: a relative URL from a record ("/news/press-release/sm0087" in Treasury's
Markdown front matter) resolved against its publisher's site.

The base comes from the record itself (`base_url`, `publisher_url`, `site_url`), else from the setting
`url_bases` (POLICYGRAPH_URL_BASES, JSON): glob patterns over the document's source path -> site, by default
files in a `treasury/` folder -> https://home.treasury.gov. A URL that stays relative is no link: it is dropped (the
record's own value stays in the document's meta), so nothing downstream offers a link that leads nowhere.
"""

from __future__ import annotations

from fnmatch import fnmatch
from urllib.parse import urljoin, urlsplit

_BASE_KEYS = ("base_url", "publisher_url", "site_url")


def is_absolute(url: str | None) -> bool:
    parts = urlsplit(url or "")
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def resolve_url(url: str | None, source: str, meta: dict, bases: dict[str, str]) -> str | None:
    """`url` as an absolute http(s) URL, or None when it cannot be made one."""
    if not url:
        return None
    url = url.strip()
    if is_absolute(url):
        return url
    if url.startswith("//"):  # scheme-relative
        return "https:" + url
    base = next((str(meta[k]) for k in _BASE_KEYS if is_absolute(str(meta.get(k) or ""))), None)
    if base is None:
        path = "/" + source.replace("\\", "/").lower().lstrip("/")  # '*/treasury/*' matches 'treasury/a.md' too
        base = next((b for pattern, b in bases.items() if fnmatch(path, pattern.lower())), None)
    if base is None or not is_absolute(base):
        return None
    resolved = urljoin(base if base.endswith("/") else base + "/", url)  # "/x" from the site's root
    return resolved if is_absolute(resolved) else None
