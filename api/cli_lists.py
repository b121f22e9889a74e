"""CLI commands for the official lists: `policygraph lists import|link|check` and `policygraph status`.
api/cli.py calls `register_lists(app)`.

    policygraph lists import ../shared/reference/ofac-sdn ../shared/reference/us-lists   # import, link, judge
    policygraph lists link                      # again after new ingests (links and verdicts are replaced)
    policygraph lists check ACTION_ID [--json]  # what the lists say about one action
    policygraph status ENTITY_ID --as-of 2023-01-01 [--json]

Exit codes as everywhere (README): 1 a file that could not be read or rows refused, an unknown id; 2 usage;
3 the store.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

EXIT_FAILED, EXIT_USAGE = 1, 2
StoreOpt = Annotated[str | None, typer.Option("--store", help="store URI (default: the embedded FalkorDB)")]
JsonOpt = Annotated[bool, typer.Option("--json", help="print the answer as JSON")]

lists_app = typer.Typer(help="Official lists (OFAC SDN, BIS Entity List, ...): import, link, corroborate.",
                        no_args_is_help=True)
err = Console(stderr=True)


def _open(store: str | None):
    from graph.factory import open_store
    from policygraph.settings import get_settings

    return open_store(store, get_settings())


def _link(st, out: Console) -> None:
    from graph.list_link import corroborate, link_entities

    linked = link_entities(st)
    out.print(f"linked {linked.links:,} entity-entry pairs ({linked.entities:,} entities, {linked.entries:,} "
              f"entries; {', '.join(f'{m} {n:,}' for m, n in sorted(linked.by_method.items())) or 'none'}) in "
              f"{linked.seconds_read + linked.seconds_match + linked.seconds_write:.1f}s")
    judged = corroborate(st)
    verdicts = ", ".join(f"{v} {n:,}" for v, n in sorted(judged.verdicts.items())) or "none"
    out.print(f"corroboration of {judged.actions:,} actions: {verdicts} ({judged.seconds:.1f}s)")


@lists_app.command("import")
def import_(
    paths: Annotated[list[Path], typer.Argument(help="sdn.csv snapshots, the SDN entry history, list JSON files, "
                                                     "or directories of them")],
    store: StoreOpt = None,
    link: Annotated[bool, typer.Option("--link/--no-link", help="link entities and judge actions after")] = True,
) -> None:
    """Import official lists into the graph (idempotent), then link entities and judge actions against them."""
    from graph.list_writes import import_entries
    from ingest.lists import read_lists

    for p in paths:
        if not p.exists():
            raise typer.BadParameter(f"{p} does not exist", param_hint="PATHS")
    read = read_lists(paths)
    out = Console()
    with _open(store) as st:
        report = import_entries(st, read.entries)
        table = Table("list", "entries", title=f"lists import ({report.seconds:.1f}s)")
        for list_id, n in sorted(report.per_list.items()):
            table.add_row(list_id, f"{n:,}")
        out.print(table)
        out.print(f"{report.nodes_created:,} nodes and {report.relationships_created:,} relationships created "
                  f"(0 on a re-import of the same files)")
        if link:
            _link(st, out)
    for path, why in read.failures.items():
        err.print(f"[red]not read[/red] {path}: {why}")
    for entry_id, why in list(report.refused.items())[:20]:
        err.print(f"[red]refused[/red] {entry_id}: {why}")
    if read.failures or report.refused:
        raise typer.Exit(EXIT_FAILED)


@lists_app.command("link")
def link_(store: StoreOpt = None) -> None:
    """Link the store's entities to its list entries again and judge every action (after new ingests)."""
    with _open(store) as st:
        _link(st, Console())


@lists_app.command("check")
def check(
    action_id: Annotated[str, typer.Argument(help="action id")],
    store: StoreOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """What the official lists say about one action, entry by entry."""
    from queries.answers import NotFound
    from queries.lists import corroboration

    with _open(store) as st:
        try:
            answer = corroboration(st, action_id)
        except NotFound as exc:
            err.print(f"[red]{exc}[/red]")
            raise typer.Exit(EXIT_FAILED) from None
    if json_out:
        typer.echo(json.dumps(answer, indent=2, ensure_ascii=False))
        return
    out = Console()
    out.print(f"[bold]{action_id}[/bold]: {answer['verdict'] or 'not judged (no list speaks to this kind)'}")
    for e in answer["entries"]:
        target = (e.get("target") or {}).get("name") or "?"
        out.print(f"  {e['verdict']:<12} {target} = {e['name']} ({e['entry_id']}, {', '.join(e['programs']) or '-'})"
                  f": {e['reason']}")


def status(
    entity_id: Annotated[str, typer.Argument(help="entity id")],
    as_of: Annotated[str | None, typer.Option("--as-of", help="date, YYYY-MM-DD (default: today)")] = None,
    store: StoreOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """The measures against an entity (from the texts and the official lists) and which were in force on a date."""
    import datetime as dt

    from queries.answers import NotFound
    from queries.lists import status as entity_status

    if as_of is not None:
        try:
            dt.date.fromisoformat(as_of)
        except ValueError:
            raise typer.BadParameter(f"{as_of!r} is not a date YYYY-MM-DD", param_hint="--as-of") from None
    with _open(store) as st:
        try:
            answer = entity_status(st, entity_id, as_of)
        except NotFound as exc:
            err.print(f"[red]{exc}[/red]")
            raise typer.Exit(EXIT_FAILED) from None
    if json_out:
        typer.echo(json.dumps(answer, indent=2, ensure_ascii=False, default=str))
        return
    out = Console()
    state = {True: "[red]measures in force[/red]", False: "no measure in force", None: "unknown"}[answer["in_force"]]
    out.print(f"[bold]{answer['entity']['name']}[/bold] ({entity_id}) on {answer['as_of']}: {state}")
    for m in answer["measures"]:
        flag = {True: "in force", False: "not in force", None: "unknown"}[m["in_force"]]
        what = m["kind"] if m["source"] == "text" else (m.get("law") or {}).get("name") or m["entry_id"]
        out.print(f"  {flag:<13} {m['source']:<5} {what}: {m['basis']}")
        for ev in m["evidence"][:1]:
            out.print(f"      \u201c{ev.get('quote')}\u201d [dim]\u2014 {ev.get('doc_title') or ev['doc_id']}[/dim]")


def register_lists(app: typer.Typer) -> None:
    app.add_typer(lists_app, name="lists")
    app.command("status")(status)
