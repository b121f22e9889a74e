"""Where `policygraph export` writes, and in which format: the two always agree.

- No --format: the format follows --out's suffix (.graphml, .zip/.csv.zip or a directory for csv, .json/
  .jsonl for FollowTheMoney); no --out either: GraphML.
- No --out: `policygraph.<suffix>` of the format (policygraph.graphml, policygraph.csv.zip, policygraph.ftm.json).
- csv is three files (neo4j-admin needs one per node label and one for relationships): --out is a .zip, or a
  directory (an existing one, or a name without a suffix) that receives entities.csv, actions.csv and
  relationships.csv. `-o x.csv` is refused with exit 2 rather than a zip under a .csv name.
- A --out whose suffix names another format than --format is refused too.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

from queries.export import FORMATS, SUFFIX


class UsageError(ValueError):
    """--format and --out disagree, or --out cannot be written."""


def _format_of(out: Path) -> str | None:
    name = out.name.lower()
    if out.is_dir() or name.endswith(".zip"):
        return "csv"
    if name.endswith(".graphml"):
        return "graphml"
    if name.endswith((".json", ".jsonl", ".ndjson")):
        return "json"
    return None


def export_target(fmt: str | None, out: Path | None) -> tuple[str, Path]:
    """The format and the path of an export; raises UsageError when they cannot agree."""
    if fmt is not None and fmt not in FORMATS:
        raise UsageError(f"--format must be one of {', '.join(FORMATS)}")
    if out is None:
        fmt = fmt or "graphml"
        return fmt, Path(f"policygraph.{SUFFIX[fmt]}")
    implied = _format_of(out)
    if fmt is None:
        if implied is None:
            raise UsageError(f"cannot tell the format from --out {out}: give --format ({', '.join(FORMATS)})")
        fmt = implied
    if fmt == "csv" and implied != "csv" and out.suffix:
        raise UsageError(f"--format csv writes three files: give --out a .zip or a directory, not {out}")
    if implied is not None and implied != fmt:
        raise UsageError(f"--out {out} is a {implied} name but --format is {fmt}")
    is_dir = fmt == "csv" and not out.name.lower().endswith(".zip")
    where = out if is_dir and out.exists() else out.parent
    # checked before the export's work (minutes on a big graph): a path that cannot be written is a usage error
    if (out.is_dir() and not is_dir) or not os.access(where, os.W_OK):
        raise UsageError(f"cannot write --out {out}: not a writable path")
    return fmt, out


def write_export(fmt: str, body: bytes, out: Path) -> Path:
    """Write the export; csv into a directory unpacks the zip there. Returns what was written."""
    if fmt == "csv" and not out.name.lower().endswith(".zip"):
        out.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(io.BytesIO(body)) as zf:
            zf.extractall(out)
        return out
    out.write_bytes(body)
    return out
