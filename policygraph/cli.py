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


@app.command("enabled-by")
def enabled_by(
    action_id: Annotated[str | None, typer.Argument(help="action id (default: the best-attested action)")] = None,
    store: StoreOpt = None,
    json_out: Annotated[bool, typer.Option("--json", help="print the answer as JSON")] = False,
) -> None:
    """Which authorities enabled action X: actors and their parents, legal bases, the bodies those laws empower."""
    import json

    from graph.factory import open_store
    from policygraph.settings import get_settings

    st = open_store(store, get_settings())
    try:
        if action_id is None:
            top = st.run("top_actions", {"limit": 1})
            if not top:
                err.print("[red]no actions in the store[/red]: run `policygraph ingest corpus/` first")
                raise typer.Exit(1)
            action_id = top[0]["id"]
        action = st.run("action", {"id": action_id})
        if not action:
            err.print(f"[red]unknown action[/red] {action_id!r}")
            raise typer.Exit(1)
        answer = st.run("enabled_by", {"action_id": action_id})
    finally:
        st.close()
    if json_out:
        typer.echo(json.dumps({"action": action[0], "enabled_by": answer}, indent=2, default=str))
        return
    _print_enabled_by(action[0], answer)


def _names(items) -> str:
    return ", ".join(str(i.get("name") or i.get("id")) if isinstance(i, dict) else str(i) for i in items) or "-"


def _print_enabled_by(action: dict, answer: list[dict]) -> None:
    out = Console()
    when = action.get("date") or "date unknown"
    out.print(f"[bold]Action[/bold] {action['id']}: {action['kind']} ({action['status']}), {when}")
    out.print(f"  by: {_names(action.get('by') or [])}")
    out.print(f"  targets: {_names(action.get('targets') or [])}")
    out.print(f"  under: {_names(action.get('under') or [])}")
    for ev in (action.get("evidence") or [])[:3]:
        source = ev.get("doc_title") or ev.get("doc_id")
        out.print(f"  reported in {source}: [italic]\u201c{ev.get('quote')}\u201d[/italic]")
    if not answer:
        out.print("[yellow]no enabling authorities found for this action[/yellow]")
        return
    out.print("[bold]Enabled by[/bold]")
    for row in answer:
        path = " > ".join(["action", *row["path"][1:]])
        entity = f"[bold]{row['name']}[/bold] ({row.get('type')}, {row['id']})"
        out.print(f"  [cyan]{row['role']}[/cyan]  {entity}  via {path}")
        for e in [e for e in (row.get("evidence") or []) if e][:2]:
            source = e.get("doc_title") or e.get("doc_id")
            when = f", {e['published']}" if e.get("published") else ""
            out.print(f"      \u201c{e.get('quote')}\u201d [dim]\u2014 {source}{when}[/dim]")


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
