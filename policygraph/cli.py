"""The `policygraph` command line: extract, ingest, and (from api.commands) query, serve, export."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

app = typer.Typer(
    help="PolicyGraph: news and policy texts -> a knowledge graph of who sanctioned whom, under which law, when.",
    no_args_is_help=True,
    add_completion=False,
)
err = Console(stderr=True)

PathsArg = Annotated[list[Path], typer.Argument(help="files or directories (.txt .md .html .jsonl .json)")]
StoreOpt = Annotated[
    str | None,
    typer.Option("--store", help="store URI (default: embedded FalkorDB in POLICYGRAPH_HOME; redis://, bolt://, neo4j://)"),
]
ProcessesOpt = Annotated[int | None, typer.Option("--processes", "-p", help="extraction worker processes")]


def _report_failures(failures) -> None:
    for f in failures:
        err.print(f"[red]failed[/red] {f.source}: {f.reason}")


@app.command()
def extract(
    paths: PathsArg,
    fmt: Annotated[str, typer.Option("--format", help="jsonl (one object a line) or json (an array)")] = "jsonl",
    processes: ProcessesOpt = None,
) -> None:
    """Print the extraction contract of each document on stdout; nothing is stored."""
    from ingest.readers import ReadFailure, read_paths
    from ingest.runner import Extractor, Failure, _chunks
    from policygraph.settings import get_settings

    if fmt not in ("jsonl", "json"):
        raise typer.BadParameter("--format must be jsonl or json")
    settings = get_settings()
    failures: list[Failure] = []
    documents = []
    for item in read_paths(paths):
        if isinstance(item, ReadFailure):
            failures.append(Failure(source=item.source, reason=item.reason))
        else:
            documents.append(item)
    out = sys.stdout
    first = True
    if fmt == "json":
        out.write("[")
    with Extractor(settings.model, processes or settings.processes, settings.nlp_batch_size) as extractor:
        for chunk, result in extractor.map(_chunks(documents, max(settings.nlp_batch_size, 8))):
            if isinstance(result, Exception):
                result = []
                for doc in chunk:
                    try:
                        result.append(extractor.extract_one(doc))
                    except Exception as exc:
                        failures.append(Failure(source=doc.source, reason=f"extraction failed: {exc!r}"))
            for ex in result:
                line = ex.model_dump_json()
                if fmt == "json":
                    out.write(("" if first else ",") + "\n" + line)
                else:
                    out.write(line + "\n")
                first = False
    if fmt == "json":
        out.write("\n]\n")
    out.flush()
    _report_failures(failures)
    if failures:
        raise typer.Exit(1)


@app.command()
def ingest(
    paths: PathsArg,
    store: StoreOpt = None,
    processes: ProcessesOpt = None,
    batch_size: Annotated[int | None, typer.Option("--batch-size", help="rows per write transaction")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="print the summary as JSON")] = False,
) -> None:
    """Extract documents and write them to the store (idempotent: re-running changes nothing)."""
    from graph.factory import open_store
    from ingest.readers import read_paths
    from ingest.runner import ingest_documents
    from policygraph.settings import get_settings

    settings = get_settings()
    if batch_size:
        settings = settings.model_copy(update={"batch_size": batch_size})
    items = list(read_paths(paths))
    total = len(items)
    st = open_store(store, settings)
    try:
        st.setup_schema()
        tokens = [0]
        with Progress(
            TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("docs"),
            TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), console=err, transient=False,
        ) as progress:
            task = progress.add_task("ingest", total=total, rate="")

            def on_progress(docs: int, toks: int) -> None:
                tokens[0] += toks
                progress.advance(task, docs)
                elapsed = progress.tasks[0].elapsed or 1e-9
                done = progress.tasks[0].completed
                progress.update(task, rate=f"{done / elapsed:.1f} docs/s, {tokens[0] / elapsed:,.0f} tokens/s")

            report = ingest_documents(st, items, settings, processes=processes, on_progress=on_progress)
    finally:
        st.close()
    _report_failures(report.failures)
    if json_out:
        typer.echo(report.model_dump_json(exclude={"document_ids"}, indent=2))
    else:
        table = Table(title="ingest summary", show_header=False)
        for key in ("documents_new", "documents_unchanged", "documents_failed", "entities", "actions", "relations",
                    "tokens", "seconds"):
            table.add_row(key.replace("_", " "), str(getattr(report, key)))
        rate = report.tokens / report.seconds if report.seconds else 0
        table.add_row("tokens/s", f"{rate:,.0f}")
        Console().print(table)
    if not report.ok:
        raise typer.Exit(1)


def _register_optional() -> None:
    # The API package adds query / serve / export; the CLI still works for extract/ingest without it.
    try:
        from api.commands import register
    except ImportError:
        return
    register(app)


_register_optional()

if __name__ == "__main__":
    app()
