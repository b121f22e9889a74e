"""Readers: paths -> Documents. Plain text, Markdown with YAML front matter, HTML, JSON lines, directories.

Every input either becomes a Document or a ReadFailure naming the source and the reason, so one broken
file is reported and skipped while the rest ingests.
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ingest.documents import Document, document_problem
from ingest.markdown_text import markdown_to_text
from ingest.published import iso_date, published_from_text, title_from_text
from ingest.source_urls import resolve_url
from ingest.unwrap import unwrap

TEXT_SUFFIXES = {".txt", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
JSON_SUFFIXES = {".json"}
SUPPORTED = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | JSON_SUFFIXES

# Keys that carry metadata in JSON records and front matter, most specific first.
_TITLE_KEYS = ("title", "headline")
_DATE_KEYS = ("published", "published_date", "date", "publication_date", "pubdate")
_URL_KEYS = ("url", "source_url", "link", "html_url", "federal_register_url")
_TEXT_KEYS = ("text", "body", "content", "abstract")
_ID_KEYS = ("id", "doc_id", "document_number")
_AUTHOR_KEYS = ("author", "authors", "byline")


class ReadError(Exception):
    """A source that cannot be read as a document; the message says why."""


@dataclass(frozen=True)
class ReadFailure:
    source: str
    reason: str


def read_paths(paths: Iterable[str | Path]) -> Iterator[Document | ReadFailure]:
    """Yield a Document or a ReadFailure for every input; directories are walked recursively."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path)
        elif path.exists() or path.is_symlink():
            yield from _read_file(path)
        else:
            yield ReadFailure(str(path), "no such file or directory")


def _walk(root: Path) -> Iterator[Document | ReadFailure]:
    """A directory's inputs, in path order. Hidden entries and files of unknown kinds (images, XML dumps...)
    are not inputs; a supported name that is not a regular file (a FIFO, a dangling or looping symlink) is
    named with its reason instead of being skipped without a word, or read (a FIFO would block the run)."""
    children = []
    for child in root.rglob("*"):  # rglob does not follow directory symlinks: no loop can make it walk forever
        if any(part.startswith(".") for part in child.relative_to(root).parts):
            continue
        if child.suffix.lower() in SUPPORTED or child.is_symlink():
            children.append(child)
    for child in sorted(children):
        why = _not_a_file(child)
        if why is None:
            if child.suffix.lower() in SUPPORTED:
                yield from _read_file(child)
        elif why != "a directory":
            yield ReadFailure(str(child), why)


def _not_a_file(path: Path) -> str | None:
    """Why `path` cannot be read as a file (without opening it), or None for a regular file."""
    try:
        mode = path.stat().st_mode  # follows symlinks
    except OSError as exc:
        if path.is_symlink():
            loop = exc.errno == errno.ELOOP
            return "symlink loop" if loop else f"dangling symlink (to {os.readlink(path)})"
        return f"cannot read: {exc.strerror or exc}"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe), not a file: reading it would wait for a writer"
    return "not a regular file (a device or socket)"


def _read_file(path: Path) -> Iterator[Document | ReadFailure]:
    why = _not_a_file(path)
    if why is not None:
        yield ReadFailure(str(path), why)
        return
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        yield ReadFailure(str(path), f"unsupported file type {suffix or '(none)'}; expected one of "
                          + ", ".join(sorted(SUPPORTED)))
        return
    try:
        raw = _read_text(path)
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(raw, str(path))
            return
        if suffix in JSON_SUFFIXES:
            yield from _read_json(raw, str(path))
            return
        if suffix in MARKDOWN_SUFFIXES:
            yield read_markdown(raw, str(path))
        elif suffix in HTML_SUFFIXES:
            yield read_html(raw, str(path))
        else:
            yield read_plain(raw, str(path))
    except ReadError as exc:
        yield ReadFailure(str(path), str(exc))
    except OSError as exc:
        yield ReadFailure(str(path), f"cannot read: {exc.strerror or exc}")


def _read_text(path: Path) -> str:
    data = path.read_bytes()
    if not data.strip():
        raise ReadError("empty file")
    if b"\x00" in data[:8192]:
        raise ReadError("binary file (NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReadError(f"not UTF-8 text (undecodable byte at offset {exc.start})") from None
    return text


def _require_text(text: str | None, source: str) -> str:
    if text is None or not str(text).strip():
        raise ReadError("no text content")
    return str(text)


def _checked(doc: Document) -> Document:
    # the length limit and NUL characters, checked on the text as read (after Markdown and unwrapping)
    why = document_problem(doc)
    if why is not None:
        raise ReadError(why)
    return doc


def read_plain(text: str, source: str) -> Document:
    text = unwrap(_require_text(text, source))
    return _checked(Document.from_text(
        text, source=source, title=title_from_text(text), published=published_from_text(text)
    ))


def read_markdown(raw: str, source: str) -> Document:
    import frontmatter

    try:
        post = frontmatter.loads(raw)
    except Exception as exc:  # YAML errors come in many classes; all mean the same to the user
        mended = _quote_plain_values(raw)
        try:
            post = frontmatter.loads(mended) if mended is not None else None
        except Exception:
            post = None
        if post is None:
            raise ReadError(f"malformed YAML front matter: {exc}") from None
    meta, content = dict(post.metadata), post.content
    body = markdown_to_text(_require_text(content, source))
    return _document(body, source, meta, fallback_title=title_from_text(body))


_FRONT_MATTER = re.compile(r"\A(---[ \t]*\r?\n)(.*?)(\r?\n---[ \t]*(?:\r?\n|\Z).*)\Z", re.DOTALL)
_PLAIN_VALUE = re.compile(r"([A-Za-z_][\w-]*):[ \t]+([^\s\[{\"'|>&*!%@`].*)\Z")


def _quote_plain_values(raw: str) -> str | None:
    """Front matter that YAML refuses because a plain value holds ": " or " #" ("title: Russia's war of
    aggression: EU agrees 17th package", as scrapers write it), with those values quoted; None when there
    is nothing of the kind to mend. Values that open YAML structure are left alone: guessing there loses data."""
    m = _FRONT_MATTER.match(raw)
    if m is None:
        return None
    lines = m.group(2).split("\n")
    mended = False
    for i, line in enumerate(lines):
        kv = _PLAIN_VALUE.match(line.rstrip())
        if kv and (": " in kv.group(2) or " #" in kv.group(2) or kv.group(2).endswith(":")):
            lines[i] = f"{kv.group(1)}: {json.dumps(kv.group(2))}"  # a JSON string is a YAML quoted scalar
            mended = True
    return m.group(1) + "\n".join(lines) + m.group(3) if mended else None


def read_html(raw: str, source: str) -> Document:
    import trafilatura

    extracted = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False)
    if extracted is None:
        raise ReadError("no main text found in HTML")
    data = extracted if isinstance(extracted, dict) else extracted.as_dict()
    body = _require_text(data.get("text"), source)
    meta = {k: data.get(k) for k in ("title", "date", "url", "author") if data.get(k)}
    return _document(body, source, meta)


def _read_jsonl(raw: str, source: str) -> Iterator[Document | ReadFailure]:
    for lineno, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadFailure(where, f"malformed JSON: {exc.msg} at column {exc.colno}")
            continue
        try:
            yield _record(record, where)
        except ReadError as exc:
            yield ReadFailure(where, str(exc))


def _read_json(raw: str, source: str) -> Iterator[Document | ReadFailure]:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        yield ReadFailure(source, f"malformed JSON: {exc.msg} at line {exc.lineno} column {exc.colno}")
        return
    records = data if isinstance(data, list) else [data]
    for i, record in enumerate(records):
        where = source if len(records) == 1 else f"{source}[{i}]"
        try:
            yield _record(record, where)
        except ReadError as exc:
            yield ReadFailure(where, str(exc))


def _record(record: object, source: str) -> Document:
    if not isinstance(record, dict):
        raise ReadError("a JSON record must be an object with a \"text\" field")
    text = _first(record, _TEXT_KEYS)
    if not isinstance(text, str):
        raise ReadError("JSON record has no \"text\" string")
    # Records in the wild (Treasury's export, say) hold Markdown bodies; plain text passes through unchanged.
    text = markdown_to_text(text)
    record_id = _first(record, _ID_KEYS)
    if isinstance(record_id, str | int) and "/" not in str(record_id):
        # "<file>/<record id>": scorers and users join on the last part, the record's own id.
        source = f"{source.rsplit(':', 1)[0]}/{record_id}"
    return _document(text, source, record)


def _first(meta: dict, keys: tuple[str, ...]) -> object | None:
    for key in keys:
        value = meta.get(key)
        if value not in (None, "", []):
            return value
    return None


def _source_url(url: object, source: str, meta: dict) -> str | None:
    """The original's absolute URL; relative ones resolved (ingest/source_urls.py), None if they cannot be."""
    from policygraph.settings import get_settings

    return resolve_url(str(url) if url else None, source, meta, get_settings().url_bases)


def _document(body: str, source: str, meta: dict, fallback_title: str | None = None) -> Document:
    body = _require_text(body, source)
    author = _first(meta, _AUTHOR_KEYS)
    if isinstance(author, list):
        author = ", ".join(str(a) for a in author)
    title = _first(meta, _TITLE_KEYS)
    published = iso_date(_first(meta, _DATE_KEYS)) or published_from_text(body)
    extra = {
        k: v for k, v in meta.items()
        if k not in _TEXT_KEYS and isinstance(v, str | int | float | bool | list)
    }
    return _checked(Document.from_text(
        body,
        source=source,
        title=str(title).strip() if title else fallback_title,
        published=published,
        url=_source_url(_first(meta, _URL_KEYS), source, meta),
        author=str(author) if author else None,
        meta=extra,
    ))

