"""The `policygraph` command line: extract, ingest, enabled-by, and (api.commands) query, serve, export.

Exit codes (README "Exit codes"): 0 done; 1 the command ran but the answer is a failure (documents that
failed, an unknown id, an empty store); 2 bad usage (an option, a query parameter, a store URI, an --out that
cannot be written); 3 the store is unreachable or refused the work. Errors are one line on stderr.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from api.cli_lists import register_lists
from api.commands import register
from graph.factory import StoreURIError
from graph.store import StoreError
from policygraph import __version__
from queries import answers as queries_answers

EXIT_FAILED, EXIT_USAGE, EXIT_STORE = 1, 2, 3

app = typer.Typer(
    help="PolicyGraph: news and policy texts -> a knowledge graph of who sanctioned whom, under which law, when.",
    no_args_is_help=True,
    add_completion=False,
)
err = Console(stderr=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"policygraph {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="print the version and exit")] = False,
) -> None:
    """PolicyGraph: news and policy texts -> a knowledge graph of who sanctioned whom, under which law, when."""

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
    from graph.ingest_run import Extractor, Failure, _chunks
    from ingest.readers import ReadFailure, read_paths
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
    cluster: Annotated[str | None, typer.Option(
        "--cluster", help="extract on Ray: auto (a local runtime) or ray://HOST:PORT; --processes = workers")] = None,
) -> None:
    """Extract documents and write them to the store (idempotent: re-running changes nothing)."""
    from graph import ray_ingest  # imports no Ray until --cluster is used
    from graph.factory import open_store
    from graph.ingest_run import ingest_documents
    from ingest.readers import read_paths
    from policygraph.settings import get_settings

    settings = get_settings()
    if batch_size:
        settings = settings.model_copy(update={"batch_size": batch_size})
    extractor, chunk_size = None, None
    if cluster:  # graph.ray_ingest: the same run, with extraction on Ray actors
        try:
            extractor = ray_ingest.RayExtractor(ray_ingest.check_address(cluster), settings.model, workers=processes,
                                                nlp_batch_size=settings.nlp_batch_size,
                                                fast_rules=settings.fast_model_rules)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--cluster") from None
        chunk_size = ray_ingest.CHUNK_DOCS
        if note := ray_ingest.embedded_note(store or settings.store):
            err.print(note, soft_wrap=True)
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

            report = ingest_documents(st, items, settings, processes=processes, on_progress=on_progress,
                                      extractor=extractor, chunk_size=chunk_size)
    except ray_ingest.ClusterError as exc:
        # Ray missing or unreachable: one line and exit 3, as for a store
        err.print(f"[red]cluster error[/red]: {exc}", soft_wrap=True)
        raise typer.Exit(EXIT_STORE) from None
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
    from queries import answers

    with open_store(store, get_settings()) as st:
        if action_id is None:
            action_id = answers.top_action(st)
            if action_id is None:
                err.print("[red]no actions in the store[/red]: run `policygraph ingest corpus/` first")
                raise typer.Exit(EXIT_FAILED)
        try:
            answer = answers.enabled_by(st, action_id)
        except answers.NotFound:
            err.print(f"[red]unknown action[/red] {action_id!r}")
            raise typer.Exit(EXIT_FAILED) from None
    if json_out:
        typer.echo(json.dumps(answer.as_dict(), indent=2, default=str, ensure_ascii=False))
        return
    _print_enabled_by(answer)


def _names(items: list[dict]) -> str:
    return ", ".join(str(i.get("name") or i.get("id")) for i in items if i) or "-"


def _print_enabled_by(answer: queries_answers.EnabledBy) -> None:
    out = Console()
    action = answer.action
    when = action.get("date") or "date unknown"
    out.print(f"[bold]Action[/bold] {action['id']}: {action['kind']} ({action['status']}), {when}")
    for role in ("by", "targets", "under"):
        out.print(f"  {role}: {_names(action.get(role) or [])}")
    for ev in answer.action_evidence[:3]:
        source = ev.get("doc_title") or ev.get("doc_id")
        out.print(f"  reported in {source}: [italic]\u201c{ev.get('quote')}\u201d[/italic]")
    if not answer.items:
        out.print("[yellow]no enabling authorities found for this action[/yellow]")
        return
    out.print("[bold]Enabled by[/bold]")
    for item in answer.items:
        path = ", ".join(f"{step['source']} {step['type']} {step['target']}" for step in item.path)
        entity = f"[bold]{item.entity['name']}[/bold] ({item.entity.get('type')}, {item.entity['id']})"
        out.print(f"  [cyan]{item.role}[/cyan]  {entity}  via {path}")
        for e in item.evidence[:2]:
            source = e.get("doc_title") or e.get("doc_id")
            when = f", {e['published']}" if e.get("published") else ""
            out.print(f"      \u201c{e.get('quote')}\u201d [dim]\u2014 {source}{when}[/dim]")


register(app)
register_lists(app)  # lists import|link|check, status (api/cli_lists.py)


def main() -> None:
    """The console script: the app, with the failures a user causes (or meets) as one line, not a traceback."""
    try:
        app()
    except StoreURIError as exc:
        sys.exit(_one_line("error", exc, EXIT_USAGE))
    except StoreError as exc:
        sys.exit(_one_line("store error", exc, EXIT_STORE))


def _one_line(prefix: str, exc: Exception, code: int) -> int:
    # plain echo, not rich: rich wraps at 80 columns when stderr is no terminal; drivers' messages hold newlines
    typer.echo(f"{prefix}: {' '.join(str(exc).split())}", err=True)
    return code


if __name__ == "__main__":
    main()
